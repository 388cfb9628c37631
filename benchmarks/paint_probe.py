"""Paint probe for benchmarks/frozen_startup.py: when ``KAFAAT_PAINT_PROBE`` names a file, the first paint of a
main window writes ``{"painted": time.time()}`` there and ends the process.

Loaded the same way in all three programs measured, so that they are timed alike: as a PyInstaller runtime
hook in the frozen build made by the benchmark (``KAFAAT_BUILD_PAINT_PROBE=1`` when building with
build.spec; the shipped build has no such hook), and executed before the program in the source run and
the bare PySide6 window. It replaces ``QtWidgets.QApplication`` by a subclass that watches paint events.
"""

import json
import os
import time

_target = os.environ.get("KAFAAT_PAINT_PROBE")
if _target:
    from PySide6 import QtWidgets
    from PySide6.QtCore import QEvent, QObject

    class _Probe(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, QtWidgets.QMainWindow):
                with open(_target, "w", encoding="utf-8") as handle:
                    json.dump({"painted": time.time()}, handle)
                os._exit(0)
            return False

    class _ProbedApplication(QtWidgets.QApplication):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._paint_probe = _Probe()
            self.installEventFilter(self._paint_probe)

    QtWidgets.QApplication = _ProbedApplication
