"""The operation runner: off the GUI thread, progress, cancel, errors never lost."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.operations import OperationRunner
from forms.store.database import StoreError


def test_result_and_data_changed_on_gui_thread(qtbot, tmp_path):
    runner = OperationRunner(tmp_path)
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work(state):
        seen["worker"] = threading.get_ident()
        for i in range(5):
            state.step(i + 1, 5, f"étape {i + 1}")
        return 42

    def success(value):
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    with qtbot.waitSignal(runner.data_changed, timeout=5000):
        op = runner.run(work, title="calcul", on_success=success, changes_data=True)
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["callback"] == gui
    assert op.state.done == 5
    assert runner.wait_all(60_000)


def test_cancel_is_cooperative(qtbot, tmp_path):
    runner = OperationRunner(tmp_path)
    started = threading.Event()
    outcome: list[str] = []

    def work(state):
        started.set()
        for i in range(1000):
            time.sleep(0.005)
            state.step(i, 1000)
        return "fini"

    op = runner.run(work, title="long", on_success=lambda v: outcome.append(v),
                    on_cancelled=lambda: outcome.append("annulé"))
    assert started.wait(60)
    op.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert outcome == ["annulé"]
    assert op.was_cancelled


def test_failure_shows_a_dialog_and_logs(qtbot, tmp_path, monkeypatch):
    import logging

    handler = logging.FileHandler(tmp_path / "kafaat.log", encoding="utf-8")
    logging.getLogger("kafaat").addHandler(handler)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text() + "|" + self.informativeText()))
    runner = OperationRunner(tmp_path)

    def boom(state):
        raise StoreError("le fichier « x.xlsx » est illisible")

    def crash(state):
        return 1 / 0

    try:
        op1 = runner.run(boom, title="Import")
        op2 = runner.run(crash, title="Export")
        qtbot.waitUntil(lambda: op1.done and op2.done, timeout=5000)
    finally:
        logging.getLogger("kafaat").removeHandler(handler)
        handler.close()
    assert isinstance(op1.error, StoreError)
    assert isinstance(op2.error, ZeroDivisionError)
    assert any("x.xlsx" in text for text in shown)
    assert any("ZeroDivisionError" in text and "inattendue" in text for text in shown)
    log = (tmp_path / "kafaat.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError" in log
    QApplication.processEvents()


def test_failure_callback_receives_the_exception(qtbot, tmp_path):
    runner = OperationRunner(tmp_path)
    errors: list[BaseException] = []
    op = runner.run(lambda state: int("x"), on_failure=errors.append)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_refusals_from_the_core_read_as_refusals_not_as_crashes() -> None:
    """The French message of a refusal is shown as it is; only real bugs get « erreur inattendue »."""
    from desktop.ui.operations import describe
    from forms.excel.reading import FileRefused
    from forms.store.database import StoreError
    from sync.errors import WrongPassphrase

    for exc in (WrongPassphrase("phrase de passe incorrecte"), FileRefused("x.xls : ancien format"),
                StoreError("base introuvable")):
        assert describe(exc) == (str(exc), True)
    message, expected = describe(ZeroDivisionError("division by zero"))
    assert not expected and "ZeroDivisionError" in message
