"""The ministry's national dashboard over the consolidation benchmark's national store (N establishments ×
M records: ``benchmarks/consolidation.py``'s cached inbox, month 1 then month 2 consolidated once and kept in
``benchmarks/.cache/report``, the store ``benchmarks/report.py`` uses too), against the same aggregate
queries run bare.

    .venv/bin/python benchmarks/ministry_dashboard.py [--establishments 200] [--records 5000] [--runs 3]
        [--store MINISTRY_FOLDER]

Each measure runs in its own child process, on the same store:
* figures: ``sync.ministry.dashboard.figures`` (every headline figure and chart series); the SQL statements
  it sent are recorded with their parameters;
* bare: those statements replayed through the stdlib ``sqlite3`` driver on the same file, every row fetched;
* first paint: a fresh process opens the window's « Tableau de bord national » page on the store (offscreen
  Qt); the time runs from the page's construction to the first paint with figures (offerings, cohorts, who
  reported: ``programme_figures``), then to the paint with the internships' figures too (complete).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def national_store(establishments: int, records: int) -> Path:
    """The store ``benchmarks/report.py`` makes once and keeps (month 1 and month 2 consolidated)."""
    from benchmarks.report import national_store as report_store

    return report_store(establishments, records)


def child_figures(mic: Path, statements: Path) -> dict:
    from sqlalchemy import event

    from forms.workspace import Workspace
    from sync.ministry.dashboard import Filters, add_internship_figures, programme_figures
    from sync.ministry.store import national_store as store_of

    ws = Workspace.open(mic)
    engine = store_of(ws).engine
    sent: list[tuple[str, list]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, list(parameters) if parameters else []))

    start = time.perf_counter()
    result = programme_figures(ws)
    first = time.perf_counter() - start
    add_internship_figures(ws, Filters(), result)
    elapsed = time.perf_counter() - start
    statements.write_text(json.dumps(sent, default=str))
    return {"seconds": elapsed, "programme_s": first, "queries": len(sent), "enrolled": result.enrolled,
            "internships": result.internships}


def child_bare(mic: Path, statements: Path) -> dict:
    import sqlite3

    sent = json.loads(statements.read_text())
    start = time.perf_counter()
    conn = sqlite3.connect(mic / "national.db")
    rows = 0
    for statement, parameters in sent:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue  # the session's own statements (PRAGMA, BEGIN…)
        rows += len(conn.execute(statement, parameters).fetchall())
    conn.close()
    return {"seconds": time.perf_counter() - start, "rows": rows}


def child_paint(mic: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from desktop.ui.ministry_context import MinistryContext
    from desktop.ui.operations import OperationRunner
    from desktop.ui.pages.ministry.national_dashboard_page import NationalDashboardPage
    from forms.workspace import Workspace
    from sync.ministry.store import national_store as store_of

    ws = Workspace.open(mic)
    store_of(ws)  # the store is opened by the application before any page
    context = MinistryContext(ws, OperationRunner(ws.logs_dir))
    clock = QElapsedTimer()
    clock.start()
    page = NationalDashboardPage(context)
    page.resize(1040, 700)
    page.show()
    deadline = time.monotonic() + 120
    while page.figures is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    page.repaint()  # the first paint with figures in it (offerings, cohorts, who reported)
    first = clock.elapsed() / 1000
    while not page.figures.internships_loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    page.repaint()
    complete = clock.elapsed() / 1000
    context.runner.wait_all()
    return {"seconds": first, "complete_s": complete}


def spawn(kind: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--establishments", type=int, default=200)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", type=Path, help="a ministry folder already consolidated")
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        fn = {"figures": child_figures, "bare": child_bare, "paint": child_paint}[kind]
        result = fn(*(Path(r) for r in rest))
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(json.dumps(result), flush=True)
        os._exit(0)  # PySide6's teardown at interpreter exit is not what is measured
    mic = args.store or national_store(args.establishments, args.records)
    with tempfile.TemporaryDirectory() as tmp:
        statements = Path(tmp) / "statements.json"
        ours, bare, paint = [], [], []
        for _ in range(args.runs):
            ours.append(spawn("figures", str(mic), str(statements)))
            bare.append(spawn("bare", str(mic), str(statements)))
            paint.append(spawn("paint", str(mic)))
    med = {name: statistics.median(r["seconds"] for r in runs) for name, runs in
           (("figures", ours), ("bare", bare), ("paint", paint))}
    import PySide6
    import sqlalchemy

    print(json.dumps({
        "store": str(mic), "size_mb": round((mic / "national.db").stat().st_size / 2**20),
        "queries": ours[0]["queries"], "figures_s": round(med["figures"], 3), "bare_s": round(med["bare"], 3),
        "ratio": round(med["figures"] / med["bare"], 2),
        "programme_figures_s": round(statistics.median(r["programme_s"] for r in ours), 3),
        "first_paint_s": round(med["paint"], 3),
        "complete_paint_s": round(statistics.median(r["complete_s"] for r in paint), 3),
        "peak_rss_mb": {"figures": ours[0]["peak_rss_mb"], "paint": paint[0]["peak_rss_mb"]},
        "versions": {"python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
                     "pyside6": PySide6.__version__},
    }, indent=2))


if __name__ == "__main__":
    main()
