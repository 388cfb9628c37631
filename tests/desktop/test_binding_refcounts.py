"""The Qt binding must give back the references it returns. PySide6 6.12.0 on Python 3.11 did not: every
call of a method returning nothing took a reference from ``None`` and every ``emit``/``disconnect`` one from
``True``; after enough of them the process aborted (« Fatal Python error: none_dealloc / bool_dealloc »),
at the end of the GUI tests and during any long session. Pinned to a release without the fault; this test
keeps a future upgrade from bringing it back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 500


class _Emitter(QObject):
    signal = Signal(int)


def _lost(obj: object, call) -> int:
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(obj)


def nothing(_value: int) -> None:
    pass


def test_methods_returning_nothing_keep_none_alive(qapp):
    label, timer = QLabel("x"), QTimer()
    assert _lost(None, QApplication.processEvents) < CALLS // 2
    assert _lost(None, lambda: label.setText("y")) < CALLS // 2
    assert _lost(None, lambda: timer.stop()) < CALLS // 2


def test_emit_and_disconnect_keep_true_alive(qapp):
    emitter = _Emitter()
    emitter.signal.connect(nothing)
    assert _lost(True, lambda: emitter.signal.emit(1)) < CALLS // 2

    def again() -> None:
        emitter.signal.connect(nothing)
        emitter.signal.disconnect(nothing)

    assert _lost(True, again) < CALLS // 2
