"""``kafaat`` on a ministry's data folder: the same application and frame as the establishment's, with the
ministry's pages (inbox, establishments, national dashboard, national lists, report, settings).

The national store is opened (migrations included) off the GUI thread after the first paint, like the
establishment's database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

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

    def _attach(self, window: Any, first_page: str) -> None:
        if self.window is not window or window.context is not None:
            return
        if first_page == "dashboard":
            first_page = "inbox"
        if self.context is not None:
            self.context.lang = self.lang
            window.attach(self.context, first_page)
            return
        from desktop.ui.operations import OperationRunner

        if self.workspace is not None:
            self._make_context(OperationRunner(self.workspace.logs_dir))
            window.attach(self.context, first_page)
            return
        if self._opening:
            return
        self._opening = True
        setup_logging(self.root / "logs")
        # Held by the application, as in Application._attach: a runner kept only by the cycle runner →
        # operation → callback → runner is freed by the first collection on the GUI thread, and the folder
        # never opens (a stress run with a low collector threshold showed it).
        runner = self.runner = OperationRunner(self.root / "logs")
        root = self.root

        def open_folder(state: Any) -> Any:
            from forms.workspace import Workspace
            from sync.ministry.store import national_store

            workspace = Workspace.open(root)
            national_store(workspace)  # creates or upgrades the store now, not in the first page
            return workspace

        def opened(workspace: Any) -> None:
            self.workspace = workspace
            self._make_context(runner)
            if self.window is not None and self.window.context is None:
                self.window.attach(self.context, first_page)

        def failed(exc: BaseException) -> None:
            from desktop.ui.operations import describe

            QMessageBox.critical(window, "Kafaat", describe(exc)[0])
            window.close_without_asking()

        runner.run(open_folder, title=words(self.lang, "Ouverture des données…", "فتح البيانات…", "Opening the data…"),
                   progress=True, on_success=opened, on_failure=failed, parent=window)

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
