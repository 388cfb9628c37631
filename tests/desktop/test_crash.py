"""An uncaught exception in the window (issue 16, item 6): a dialog in the person's language that points at the
log, the traceback in the log only, nothing half written in the database, and the window goes on (or closes
cleanly). The exceptions are raised inside real slots (a button's ``clicked``, a timer, a plain thread);
pytest-qt's own capture is turned off so that the application's hooks see them, as in the application."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from desktop.app import install_crash_handler
from desktop.logfile import remove_logging
from desktop.ui.crash import CrashDialog
from forms.store.database import writer
from tests.conftest import OFFERING

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def crash(application, qtbot):
    handler = install_crash_handler(QApplication.instance(), application.root, application)
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.done(0)
    remove_logging(application.root / "logs")


def _texts(dialog: CrashDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def _offerings(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM offering").fetchone()[0]
    finally:
        conn.close()


def test_an_exception_in_a_slot_shows_the_dialog_and_writes_nothing_half(qtbot, application, crash, monkeypatch):
    window = application.window
    engine = application.context.store.engine
    before = _offerings(application.workspace.db_path)

    def half_a_save() -> None:  # a slot that starts writing, then fails (a bug between two statements)
        with writer(engine).begin() as conn:
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('moitie', 'écrite')")
            raise ZeroDivisionError("division by zero")

    button = QPushButton("Enregistrer", window)
    button.clicked.connect(half_a_save)
    with qtbot.waitSignal(crash.shown, timeout=5000) as shown:
        button.click()
    dialog = shown.args[0]
    assert isinstance(dialog, CrashDialog) and dialog.isVisible()
    assert not dialog.isModal() or dialog.windowModality().name != "ApplicationModal"
    text = _texts(dialog)
    log_file = application.root / "logs" / "kafaat.log"
    assert "erreur inattendue" in text and "intact" in text and str(log_file) in text
    assert "ZeroDivisionError" in text and "Traceback" not in text and "division by zero" not in text
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError: division by zero" in log and "half_a_save" in log

    # Nothing half written, no write lock left: the next save goes through, the file is sound.
    conn = sqlite3.connect(application.workspace.db_path)
    try:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'moitie'").fetchone() == (0,)
    finally:
        conn.close()
    application.context.store.save("offering", OFFERING)
    assert _offerings(application.workspace.db_path) == before + 1

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.findChild(QPushButton, "crash_open_log").click()
    assert [u.toLocalFile() for u in opened] == [str(log_file.parent)]
    assert dialog.isVisible()  # opening the folder does not close the message

    dialog.findChild(QPushButton, "crash_continue").click()
    qtbot.waitUntil(lambda: crash.dialog is None)
    assert window.isVisible()  # the window goes on


def test_errors_in_a_row_make_one_dialog_in_arabic(qtbot, application, crash):
    application.lang = "ar"
    with qtbot.waitSignal(crash.shown, timeout=5000) as shown:
        QTimer.singleShot(0, lambda: [][1])
    dialog = shown.args[0]
    assert dialog.windowTitle() == "كفاءات — خطأ غير متوقع"
    assert dialog.layoutDirection().name == "RightToLeft"
    assert "السجل" in _texts(dialog) and "\u2066" in dialog.findChild(QLabel, "crash_log_link").text()
    QTimer.singleShot(0, lambda: {}["x"])
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "crash_again").isVisibleTo(dialog), timeout=5000)
    assert "2" in dialog.findChild(QLabel, "crash_again").text()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]) == 1


def test_an_exception_in_a_plain_thread_reaches_the_dialog(qtbot, application, crash):
    thread = threading.Thread(target=lambda: int("pas un nombre"), name="calcul")
    with qtbot.waitSignal(crash.shown, timeout=5000) as shown:
        thread.start()
        thread.join()
    assert "ValueError" in shown.args[0].findChild(QLabel, "crash_reference").text()
    log = (application.root / "logs" / "kafaat.log").read_text(encoding="utf-8")
    assert "fil calcul" in log and "ValueError" in log


def test_close_kafaat_closes_the_window_cleanly(qtbot, application, crash):
    window = application.window
    with qtbot.waitSignal(crash.shown, timeout=5000) as shown:
        QTimer.singleShot(0, lambda: None.missing)  # type: ignore[attr-defined]
    shown.args[0].findChild(QPushButton, "crash_quit").click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert application.workspace.records().count("offering") >= 0  # the data folder still opens and reads


def test_uninstall_gives_the_hooks_back(application):
    import sys

    before = sys.excepthook, threading.excepthook
    handler = install_crash_handler(QApplication.instance(), application.root, application)
    assert sys.excepthook == handler.excepthook
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    remove_logging(application.root / "logs")


def test_qt_critical_and_fatal_messages_go_to_the_log(application, crash):
    from PySide6.QtCore import QtMsgType

    from desktop.ui.crash import qt_message

    class Context:
        category, file, line = "qt.test", "window.cpp", 12

    qt_message(QtMsgType.QtCriticalMsg, Context(), "un message critique de Qt")
    qt_message(QtMsgType.QtDebugMsg, Context(), "un détail sans importance")
    remove_logging(application.root / "logs")
    log = (application.root / "logs" / "kafaat.log").read_text(encoding="utf-8")
    assert "Qt qt.test : un message critique de Qt (window.cpp:12)" in log
    assert "sans importance" not in log
