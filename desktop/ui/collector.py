"""Cyclic garbage collection on the GUI thread only.

Python's cycle collector runs on whichever thread happens to allocate enough objects. When it frees Qt
objects caught in a cycle on a worker thread, their C++ destructors run there too, and a ``QObject``
destroyed outside its own thread can crash the process (a « Segmentation fault » of the GUI tests came
from exactly this). Long-lived PyQt/PySide applications therefore switch automatic collection off and
collect from a GUI-thread timer, generation by generation, with the interpreter's own thresholds.

Reference counting still frees everything that is not in a cycle, immediately, on any thread; the code
avoids cycles around Qt objects (see ``desktop.ui.operations``), so this timer has little to do.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500
_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("gui_thread_collector")
        self.thresholds = gc.get_threshold()
        self.collections = 0
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setObjectName("gui_thread_collector_timer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold (what automatic collection
        would have done, but here, on the GUI thread)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                self.collections += 1
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def install(interval_ms: int = INTERVAL_MS) -> GuiThreadCollector:
    """Turn automatic collection off and collect from a timer of the application's (GUI) thread. Once per
    process; call it after the ``QApplication`` exists."""
    global _installed
    app = QCoreApplication.instance()
    assert app is not None, "install() after the QApplication exists"
    if _installed is None:
        _installed = GuiThreadCollector(app, interval_ms)
    gc.disable()
    return _installed


def installed() -> GuiThreadCollector | None:
    return _installed
