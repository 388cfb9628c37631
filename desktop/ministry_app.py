"""``kafaat`` on a ministry's data folder: the same application and frame as the establishment's, with the
ministry's pages (inbox, establishments, national dashboard, national lists, report, settings).

The national store is opened (migrations included) off the GUI thread after the first paint, like the
establishment's database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.app import Application, setup_logging
from desktop.ui.ministry_window import MinistryWindow
from desktop.ui.pages.ministry import words


class MinistryApplication(Application):
    def __init__(self, workspace: Any = None, lang: str = "fr", *, root: Path | None = None,
                 ministry: str = "") -> None:
        super().__init__(workspace, lang, root=root)
        self.ministry = ministry or (workspace.ministry if workspace is not None else "")

    def _new_window(self) -> MinistryWindow:
        return MinistryWindow(self.lang, self._title())

    def _title(self) -> str:
        from forms.reference import reference

        return reference("ministries").label(self.ministry, self.lang) if self.ministry else ""

    def _start_page(self, first_page: str) -> str:
        return "inbox" if first_page == "dashboard" else first_page

    @staticmethod
    def _store(workspace: Any) -> Any:
        from sync.ministry.store import national_store

        national_store(workspace)  # creates or upgrades the national store now, not in the first page
        return None

    def _opening_title(self) -> str:
        return words(self.lang, "Ouverture des données…", "فتح البيانات…", "Opening the data…")

    def _make_context(self, runner: Any, store: Any = None) -> None:
        from desktop.ui.ministry_context import MinistryContext

        setup_logging(self.workspace.logs_dir)
        self.context = MinistryContext(self.workspace, runner, self.lang)
        self.context.set_language = self.set_language
        self._context_ready()

    def attach_now(self) -> MinistryWindow:
        window = self.show()
        self._attach(window, "inbox")
        return window
