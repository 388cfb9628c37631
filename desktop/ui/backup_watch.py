"""The window's automatic daily backup (``desktop.daily_backups``): taken off the GUI thread by the operation
runner once the data folder is open and the window's first reads are done, and again at the first change of a new day when the window stays
open; at most one try a day. Success is a status-bar message; a refusal (damaged base, full disk, read-only
folder) a non-blocking message box in the window's language. Off when the folder's setting says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from forms.daily_backup import TAKEN
from forms.i18n import Text

TITLE = Text("Sauvegarde du jour", "النسخة الاحتياطية لهذا اليوم", "Today's backup")
FAILED = Text("La sauvegarde du jour n'a pas pu être faite ; la saisie continue. Détails dans le journal.",
              "تعذر إنجاز النسخة الاحتياطية لهذا اليوم؛ يمكن مواصلة الإدخال. التفاصيل في السجل.",
              "Today's backup could not be made; you can keep working. Details in the log.")
STATUS_MS = 15_000
POLL_MS = 100
PATIENCE_MS = 15_000
"""At start-up the backup waits for the window's first reads (status bar, first page) to finish, this long at
most: the dashboard is not slowed by it."""


class DailyBackupWatch(QObject):
    def __init__(self, context: Any, window: Callable[[], QMainWindow | None],
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(context.runner)
        self.context = context
        self.window = window
        self.today = today
        self.tried: date | None = None
        self.running = False
        self.checks = 0
        """How many times ``check`` was called (tests wait for the first one)."""
        self.results: list[Any] = []
        """The last try's results (``forms.daily_backup.DailyBackup``), for tests and the settings page."""
        self.notice: QMessageBox | None = None
        context.runner.data_changed.connect(self.check)

    def start_when_idle(self, patience_ms: int = PATIENCE_MS) -> None:
        """``check`` once the runner has nothing else to do (or after ``patience_ms``)."""
        if not self.context.runner.active or patience_ms <= 0:
            self.check()
            return
        QTimer.singleShot(POLL_MS, self, lambda: self.start_when_idle(patience_ms - POLL_MS))

    def check(self) -> None:
        """Take today's backup unless it was tried today, is running, the folder turned it off, or the window
        was closed (a poll of ``start_when_idle`` or a change delivered late must not start one then)."""
        from desktop.daily_backups import enabled, take_daily

        self.checks += 1
        window = self.window()
        if window is None or not window.isVisible():
            return  # the window was closed (its operations waited for): no backup starts behind it
        day = self.today()
        workspace = self.context.workspace
        if self.running or self.tried == day or not enabled(workspace):
            return
        self.running, self.tried = True, day
        self.context.runner.run(lambda state: take_daily(workspace, today=day), title=TITLE.get(self.context.lang),
                                on_success=self._done, on_failure=self._failed)

    def _done(self, results: list[Any]) -> None:
        self.running = False
        self.results = results
        lang = self.context.lang
        refused = [r for r in results if r.refused]
        window = self.window()
        if refused:
            self._tell("\n\n".join(r.message(lang) for r in refused), window)
        elif window is not None and any(r.status == TAKEN for r in results):
            text = " · ".join(r.message(lang) for r in results if r.status == TAKEN)
            window.statusBar().showMessage(text, STATUS_MS)

    def _failed(self, exc: BaseException) -> None:  # logged by the runner (traceback when unexpected)
        self.running = False
        self._tell(FAILED.get(self.context.lang), self.window())

    def _tell(self, text: str, window: QMainWindow | None) -> None:
        box = QMessageBox(window)
        box.setObjectName("daily_backup_notice")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(TITLE.get(self.context.lang))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.notice = box
        box.destroyed.connect(lambda *_: setattr(self, "notice", None))
        box.show()
