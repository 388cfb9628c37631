"""The automatic daily backup on a 100 000-record database: its cost, and what it does to the first start-up of
the day.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/daily_backup.py [--records 100000] [--runs 3]

* in one process, interleaved: the floor « SQLite backup API + ``PRAGMA integrity_check`` of the copy » (bare
  ``sqlite3``) against ``forms.daily_backup.daily_backup`` (the same, plus free-space check, rename, rotation),
  and against ``kafaat backup`` (``forms.backup.backup``: it checks the live base first, then the copy);
* fresh processes, interleaved: the window's start path until the dashboard's figures are on screen (as
  ``benchmarks/startup.py``), without and with the day's backup running (today's file removed before each
  run), and until the backup is done.

Medians over ``--runs``; ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.startup import OURS, build, measure  # noqa: E402

WITH_BACKUP = OURS.replace(
    "window = application.show()",
    "application.daily_backup = True\nwindow = application.show()").replace(
    """        window.close_without_asking()
        app.quit()""",
    """        wait_backup()""").replace(
    "QTimer.singleShot(0, check)",
    """def wait_backup():
    watch = application.backup_watch
    if watch is not None and not watch.running and watch.results:
        marks["backup_done"] = time.time()
        window.close_without_asking()
        app.quit()
    else:
        QTimer.singleShot(5, wait_backup)
QTimer.singleShot(0, check)""")


def floor(db: Path, out: Path) -> float:
    start = time.perf_counter()
    src = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(out)
    src.backup(dst)
    dst.close()
    src.close()
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from forms.backup import backup
    from forms.daily_backup import daily_backup
    from forms.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        root = build(Path(tmp), args.records)
        db = root / "kafaat.db"
        size_mb = db.stat().st_size / 2**20
        workspace = Workspace.open(root)
        bare, ours, manual = [], [], []
        day = date(2026, 1, 1)
        for _ in range(args.runs):
            bare.append(floor(db, Path(tmp) / "floor.db"))
            start = time.perf_counter()
            result = daily_backup(db, workspace.backups_dir, "kafaat-ECC", today=day)
            ours.append(time.perf_counter() - start)
            assert result.status == "taken", result
            day += timedelta(days=1)
            start = time.perf_counter()
            backup(workspace).unlink()
            manual.append(time.perf_counter() - start)
        workspace.close()

        today = workspace.backups_dir / f"kafaat-ECC-quotidienne-{date.today().isoformat()}.db"
        measure(OURS, str(root))  # warm the file cache
        without, with_ready, with_done = [], [], []
        for _ in range(args.runs):
            without.append(measure(OURS, str(root))["usable"])
            today.unlink(missing_ok=True)
            marks = measure(WITH_BACKUP, str(root))
            with_ready.append(marks["usable"])
            with_done.append(marks["backup_done"])
        assert today.exists()

    def med(values: list[float]) -> float:
        return statistics.median(values)

    result = {
        "records": args.records,
        "database_mb": round(size_mb, 1),
        "runs": args.runs,
        "floor_backup_api_plus_integrity_check_s": round(med(bare), 3),
        "daily_backup_s": round(med(ours), 3),
        "ratio_daily_to_floor": round(med(ours) / med(bare), 2),
        "kafaat_backup_s": round(med(manual), 3),
        "ratio_kafaat_backup_to_floor": round(med(manual) / med(bare), 2),
        "dashboard_ready_without_backup_s": round(med(without), 3),
        "dashboard_ready_with_backup_s": round(med(with_ready), 3),
        "ratio_dashboard_with_to_without": round(med(with_ready) / med(without), 2),
        "backup_done_after_launch_s": round(med(with_done), 3),
        "python": platform.python_version(),
        "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
