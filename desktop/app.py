"""``kafaat`` with no sub-command: the desktop window on the data folder (``--data-dir``, else
``KAFAAT_HOME``, else the folder chosen at first run, else the user's application-data folder).

Start-up order, for speed on modest PCs: the Qt application and the window's frame are painted first;
the database (SQLAlchemy, migrations) is opened after the first paint; pages are built when shown.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logfile import setup_logging
from desktop.ui.i18n import install_language
from desktop.ui.window import MainWindow
from forms.i18n import normalise_lang
from forms.paths import default_data_dir, resources_dir

LOCK_FILE = "kafaat.lock"
SETTINGS_FILE = "settings.json"
PAINT_FALLBACK_MS = 400
log = logging.getLogger("kafaat")


def chosen_data_dir(args: argparse.Namespace | None) -> tuple[Path, bool]:
    """The data folder and whether it was given explicitly (option or environment)."""
    value = getattr(args, "data_dir", None) if args is not None else None
    if value:
        return Path(value).expanduser(), True
    if os.environ.get("KAFAAT_HOME"):
        return default_data_dir(), True
    remembered = QSettings().value("data_dir")
    if remembered:
        return Path(str(remembered)), False
    return default_data_dir(), False


class SingleInstance:
    """One window per data folder: a lock file (stale locks of a crashed process are taken over)."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(root / LOCK_FILE))
        self.lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        return self.lock.tryLock(200)

    def release(self) -> None:
        self.lock.unlock()


class Application:
    """Owns the window and rebuilds it when the language changes.

    Give it an open ``workspace``, or only its folder (``root``): then the frame is painted first and
    the data folder is opened (SQLAlchemy, migrations) right after the first paint.
    """

    def __init__(self, workspace: Any = None, lang: str = "fr", *, root: Path | None = None,
                 establishment: str = "") -> None:
        self.workspace = workspace
        self.root = root if root is not None else workspace.root
        self.establishment = establishment or (workspace.establishment if workspace is not None else "")
        self.lang = normalise_lang(lang)
        self.window: MainWindow | None = None
        self.context: Any = None
        self.runner: Any = None
        self._opening = False
        self.daily_backup = False
        """Take the day's backup once the data is open (``run`` turns it on; tests ask for it)."""
        self.backup_watch: Any = None

    def show(self, first_page: str = "dashboard") -> MainWindow:
        """Paint the frame, then open the data and fill it (after the first paint)."""
        install_language(self.lang)
        window = self._new_window()
        self.window = window

        def attach_once() -> None:  # whichever comes first: ``_attach`` ignores an attached window
            self._attach(window, first_page)

        # open the data once the frame is on screen (a fallback timer covers a window never exposed)
        window.first_painted.connect(lambda: QTimer.singleShot(0, attach_once), Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(PAINT_FALLBACK_MS, window, attach_once)
        window.show()
        return window

    def _new_window(self) -> MainWindow:
        return MainWindow(self.lang, self._title())

    def _title(self) -> str:
        from forms.reference import reference

        return reference("establishments").label(self.establishment, self.lang)

    def _attach(self, window: MainWindow, first_page: str) -> None:
        if self.window is not window or window.context is not None:
            return
        first_page = self._start_page(first_page)
        if self.context is not None:
            self.context.lang = self.lang
            window.attach(self.context, first_page)
            return
        from desktop.ui.operations import OperationRunner

        if self.workspace is not None:
            self._make_context(OperationRunner(self.workspace.logs_dir), self._store(self.workspace))
            window.attach(self.context, first_page)
            return
        # Opening may upgrade the database (a backup, then migrations): off the GUI thread, with progress.
        if self._opening:
            return
        self._opening = True
        setup_logging(self.root / "logs")
        # Held by the application: otherwise only a cycle (runner → operation → callback → runner) kept it,
        # and a garbage collection before the folder was open deleted it with its operation.
        runner = self.runner = OperationRunner(self.root / "logs")
        root, store_of = self.root, self._store

        def open_folder(state: Any) -> Any:
            from forms.workspace import Workspace

            workspace = Workspace.open(root)
            return workspace, store_of(workspace)

        def opened(result: Any) -> None:
            self.workspace, store = result
            self._make_context(runner, store)
            if self.window is not None and self.window.context is None:
                self.window.attach(self.context, first_page)

        def failed(exc: BaseException) -> None:
            from desktop.ui.operations import describe

            QMessageBox.critical(window, "Kafaat", describe(exc)[0])
            window.close_without_asking()

        runner.run(open_folder, title=self._opening_title(), progress=True, on_success=opened, on_failure=failed,
                   parent=window)

    # What differs between the establishment's application and the ministry's (desktop/ministry_app.py)
    def _start_page(self, first_page: str) -> str:
        return first_page

    @staticmethod
    def _store(workspace: Any) -> Any:
        """Opens (and upgrades) the folder's database: run on the worker that opens the folder."""
        return workspace.records()

    def _opening_title(self) -> str:
        return QCoreApplication.translate("MainWindow", "Ouverture des données…")

    def _make_context(self, runner: Any, store: Any) -> None:
        from desktop.ui.context import AppContext

        setup_logging(self.workspace.logs_dir)
        self.context = AppContext(self.workspace, store, runner, self.lang)
        self.context.set_language = self.set_language
        self._context_ready()

    def _context_ready(self) -> None:
        """The data is open: the day's backup, off the GUI thread (then at the first change of a new day)."""
        if self.daily_backup and self.backup_watch is None:
            from desktop.ui.backup_watch import DailyBackupWatch

            self.backup_watch = DailyBackupWatch(self.context, lambda: self.window)
            # after the window's own first reads (status bar, first page), which are queued next
            QTimer.singleShot(0, self.backup_watch, self.backup_watch.start_when_idle)

    def attach_now(self) -> MainWindow:
        """Tests and benchmarks: show and attach without waiting for the event loop."""
        window = self.show()
        self._attach(window, "dashboard")
        return window

    def set_language(self, lang: str) -> None:
        """Switch language without reinstalling: new translators, a new window on the same data."""
        old = self.window
        if old is not None and not old.can_close():
            return
        self.lang = normalise_lang(lang)
        self.workspace.update_settings(language=self.lang)
        install_language(self.lang)
        window = self._new_window()
        self.window = window
        if old is not None:
            window.setGeometry(old.geometry())
            if self.context is not None and old.context is not None:
                self.context.runner.data_changed.disconnect(old.data_changed)
            old.close_editors()
            old.hide()
            old.deleteLater()
        window.show()
        self._attach(window, "settings")


def application_icon() -> QIcon:
    """The icon drawn by scripts/make_icon.py (the executable and the installer carry its .ico)."""
    icon = QIcon(str(resources_dir() / "icons" / "kafaat.png"))
    icon.addFile(str(resources_dir() / "icons" / "kafaat-48.png"))  # drawn for small sizes, not scaled down
    return icon


def read_settings(root: Path) -> dict[str, Any]:
    """The data folder's settings, read without opening the database (the frame is painted first)."""
    try:
        settings = json.loads((root / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return settings if isinstance(settings, dict) else {}


def run(args: argparse.Namespace | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.ui import collector

    collector.install()  # cyclic garbage collection on the GUI thread only (see desktop.ui.collector)
    app.setApplicationName("Kafaat")
    app.setOrganizationName("Kafaat")
    app.setApplicationDisplayName("Kafaat")
    app.setWindowIcon(application_icon())
    root, explicit = chosen_data_dir(args)
    lang = normalise_lang(getattr(args, "lang", None)) if getattr(args, "lang", None) else None

    if not (root / SETTINGS_FILE).exists():
        from desktop.ui.setup_wizard import LANGUAGE_CHANGED, SetupWizard

        chosen, carried = lang or "fr", None
        while True:  # the assistant is shown again in the language the person chooses on its first page
            install_language(chosen)
            wizard = SetupWizard(root, chosen, carried=carried)
            outcome = wizard.exec()
            if outcome != LANGUAGE_CHANGED:
                break
            chosen, carried = wizard.chosen_lang, wizard.carried()
            wizard.deleteLater()
        lang = chosen
        if outcome != SetupWizard.DialogCode.Accepted or wizard.workspace is None:
            return 0
        if wizard.workspace.root != root or not explicit:
            QSettings().setValue("data_dir", str(wizard.workspace.root))
        root = wizard.workspace.root
        wizard.workspace.close()
    settings = read_settings(root)
    ministry = settings.get("role") == "ministry"  # the ministry's window: desktop/ministry_app.py
    if settings.get("role") != "establishment" and not ministry:
        QMessageBox.information(None, "Kafaat", "Ce dossier n'est pas celui d'un établissement : la fenêtre de "
                                "saisie est réservée aux établissements. Utilisez « kafaat ministry … ».")
        return 1
    instance = SingleInstance(root)
    if not instance.acquire():
        QMessageBox.warning(None, "Kafaat", f"Kafaat est déjà ouvert sur le dossier {root}. Utilisez la fenêtre "
                            "déjà ouverte (une seule fenêtre par dossier de données).")
        return 1
    try:
        if ministry:
            from desktop.ministry_app import MinistryApplication

            application: Application = MinistryApplication(
                root=root, lang=lang or str(settings.get("language") or "fr"),
                ministry=str(settings.get("ministry") or ""))
        else:
            application = Application(root=root, lang=lang or str(settings.get("language") or "fr"),
                                      establishment=str(settings.get("establishment") or ""))
        application.daily_backup = True
        crash = install_crash_handler(app, root, application)
        application.show()
        if os.environ.get("KAFAAT_UI_SMOKE"):
            from desktop.ui.smoke import watch

            watch(application, os.environ["KAFAAT_UI_SMOKE"])
        code = app.exec()
        if application.context is not None:
            application.context.runner.wait_all(10_000)
        if application.workspace is not None:
            application.workspace.close()
        crash.uninstall()
        return code
    finally:
        instance.release()


def install_crash_handler(app: QApplication, root: Path, application: Application) -> Any:
    """An uncaught exception shows ``desktop.ui.crash.CrashDialog`` over the current window, in its language;
    the traceback goes to the data folder's log (set up now, before the data is opened)."""
    from desktop.logfile import log_path
    from desktop.ui.crash import CrashHandler

    logs = root / "logs"
    has_log = setup_logging(logs) is not None
    return CrashHandler(lambda: log_path(logs) if has_log else None, lambda: application.lang,
                        lambda: application.window, parent=app).install()
