"""Start-up of the establishment window on a 100 000-record database, against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [--records 100000] [--runs 5]

Both are measured as fresh processes, from launch to the first paint of their main window:

* reference: ``python -c`` that imports PySide6.QtWidgets, creates a ``QMainWindow`` and shows it;
* ours, painted: the real start path of ``desktop.app.run`` (settings read, ``Application.show``): the
  frame with its navigation, painted before the database is opened (SQLAlchemy, migrations);
* ours, usable: the same process until the dashboard's figures (counts, charts, quality list over the
  100 000 records, read off the GUI thread) are on screen.

Medians over ``--runs``; ratios ours ÷ reference; peak RSS of our process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import sys, time, json
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            marks["painted"] = time.time()
            QTimer.singleShot(0, app.quit)
        return False
marks = {}
window = QMainWindow(); window.setWindowTitle("bare"); window.resize(1200, 760)
probe = Probe(); window.installEventFilter(probe)
window.show()
app.exec()
print(json.dumps(marks))
"""

OURS = r"""
import sys, time, json, resource
from pathlib import Path
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.app import Application
from desktop.ui.window import MainWindow
marks = {}
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            marks["painted"] = time.time()
        return False
probe = Probe()
original = MainWindow.__init__
def init(self, *a, **k):
    original(self, *a, **k)
    self.installEventFilter(probe)
MainWindow.__init__ = init
from desktop.app import read_settings
root = Path(sys.argv[1])
settings = read_settings(root)  # what desktop.app.run does before painting
application = Application(root=root, lang=settings["language"], establishment=settings["establishment"])
window = application.show()
def check():
    page = window.pages.get("dashboard")
    if page is not None and page.data is not None:
        app.processEvents()
        marks["usable"] = time.time()
        marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close_without_asking()
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
app.exec()
print(json.dumps(marks))
"""


def measure(code: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT)
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: (v - start if k != "rss_mb" else v) for k, v in marks.items()}


def build(folder: Path, records: int) -> Path:
    from forms.workspace import ESTABLISHMENT, Workspace
    from tests.desktop.generate import populate

    workspace = Workspace.create(folder / "data", ESTABLISHMENT, establishment="ECC", operator="bench")
    workspace.close()
    offerings, per = 40, 4
    populate(workspace.db_path, records - offerings - offerings * per, offerings=offerings,
             cohorts_per_offering=per)
    return workspace.root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    import PySide6

    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        root = build(Path(tmp), args.records)
        measure(BARE)  # warm the file cache for both
        measure(OURS, str(root))
        bare, painted, usable, rss = [], [], [], []
        for _ in range(args.runs):  # interleaved, so that noise hits both alike
            bare.append(measure(BARE)["painted"])
            ours = measure(OURS, str(root))
            painted.append(ours["painted"])
            usable.append(ours["usable"])
            rss.append(ours["rss_mb"])
    ref = statistics.median(bare)
    result = {
        "records": args.records,
        "runs": args.runs,
        "bare_pyside6_painted_s": round(ref, 3),
        "ours_painted_s": round(statistics.median(painted), 3),
        "ours_dashboard_ready_s": round(statistics.median(usable), 3),
        "ratio_painted": round(statistics.median(painted) / ref, 2),
        "ratio_dashboard_ready": round(statistics.median(usable) / ref, 2),
        "peak_rss_mb": round(max(rss), 1),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
