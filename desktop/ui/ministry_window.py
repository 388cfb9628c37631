"""The ministry's main window: the same frame as the establishment's (``MainWindow``) with the ministry's
pages (``desktop.ui.pages.ministry.MINISTRY_PAGES``) and a status bar that counts establishments, late
ones and held bundles (read off the GUI thread)."""

from __future__ import annotations

from typing import Any

from desktop.ui.pages.ministry import MINISTRY_PAGES, words
from desktop.ui.window import MainWindow


class MinistryWindow(MainWindow):
    def __init__(self, lang: str = "fr", title: str = "") -> None:
        super().__init__(lang, title, MINISTRY_PAGES)
        self.setObjectName("ministry_window")
        self.loading.setText(words(lang, "Ouverture du registre national…", "فتح السجل الوطني…",
                                   "Opening the national store…"))

    def update_status(self) -> None:
        if self.context is None:
            return
        from sync.ministry.status import establishments_status

        workspace = self.context.workspace

        def read(state: Any) -> Any:
            return establishments_status(workspace)

        self.context.runner.run(read, title=words(self.lang, "Barre d'état", "شريط الحالة", "Status bar"),
                                on_success=self._show_status, on_failure=self._status_failed, parent=self)

    def _status_failed(self, exc: BaseException) -> None:
        """A refusal (the reporting period of settings.json, say) in the status bar, not one more dialog
        each time it is read again: the establishments page shows it in full."""
        from desktop.ui.i18n import current_language
        from forms.messages import localized
        from forms.store.database import StoreError

        if not isinstance(exc, StoreError):
            self.context.runner.report(exc, words(self.lang, "Barre d'état", "شريط الحالة", "Status bar"), self,
                                       details_logged=True)
            return
        said = localized(exc, current_language(), bidi=True)
        self.counts_label.setText(said)
        self.counts_label.setToolTip(said)  # the whole message when the bar cuts it
        self.export_label.setText("")

    def _show_status(self, statuses: Any) -> None:
        enrolled = sum(1 for s in statuses if s.enrolled)
        late = sum(1 for s in statuses if s.late)
        held = sum(len(s.held) for s in statuses)
        locale = self.locale()
        self.counts_label.setToolTip("")
        self.counts_label.setText(words(
            self.lang, "Établissements : {0} · enregistrés : {1} · en retard : {2}",
            "المؤسسات: {0} · المسجلة: {1} · المتأخرة: {2}", "Establishments: {0} · enrolled: {1} · late: {2}")
            .format(locale.toString(len(statuses)), locale.toString(enrolled), locale.toString(late)))
        self.export_label.setText(words(self.lang, "Lots en attente : {0}", "حزم في الانتظار: {0}",
                                        "Bundles held: {0}").format(locale.toString(held)))
