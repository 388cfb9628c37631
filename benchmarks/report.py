"""The steering committee's workbook over the consolidation benchmark's national store (N establishments ×
M records, ``benchmarks/consolidation.py``'s cached inbox: month 1 then month 2, consolidated once and kept
in ``benchmarks/.cache/report``), against the same aggregate queries run bare.

    .venv/bin/python benchmarks/report.py [--establishments 200] [--records 5000] [--runs 3]

Each measure runs in its own child process (peak RSS = its ``ru_maxrss``), on the same store:
* ours: ``sync.ministry.report.write_report`` (status of every establishment, every SQL aggregate, the
  workbook with its charts written to disk); the SQL statements it sent are recorded with their parameters;
* bare: those recorded statements replayed through the stdlib ``sqlite3`` driver on the same file, every row
  fetched — the floor for figures computed in SQL, with no SQLAlchemy and no workbook.
The split of ours (figures / workbook) comes from its progress steps.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "benchmarks" / ".cache" / "report"


def national_store(establishments: int, records: int) -> Path:
    """The ministry folder with month 1 and month 2 consolidated (made once, then reused)."""
    from benchmarks.consolidation import _ministry, prepare

    inbox = prepare(establishments, records)
    folder = CACHE / inbox.name  # named as the inbox it comes from (its bundle format)
    if (folder / "done").exists():
        return folder / "mic"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    from sync.ministry.consolidation import consolidate
    from sync.ministry.store import close_national_store

    start = time.perf_counter()
    ws, identity = _ministry(inbox, folder, None)
    for month in ("month1", "month2"):
        report = consolidate(ws, identity, [inbox / month])
        print(f"{month} : {report.summary()}", file=sys.stderr)
    close_national_store(ws)
    print(f"magasin national : {time.perf_counter() - start:.0f} s", file=sys.stderr)
    (folder / "done").write_text("ok")
    return folder / "mic"


def child_ours(mic: Path, out: Path, statements: Path) -> dict:
    from sqlalchemy import event

    from forms.tasks import TaskState
    from forms.workspace import Workspace
    from sync.ministry.report import write_report
    from sync.ministry.store import national_store as store_of

    ws = Workspace.open(mic)
    engine = store_of(ws).engine
    sent: list[tuple[str, list]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, list(parameters) if parameters else []))

    marks: dict[str, float] = {}

    def progress(done: int, total: int, text: str) -> None:
        if text.startswith("feuille") and "sheets" not in marks:
            marks["sheets"] = time.perf_counter()

    start = time.perf_counter()
    result = write_report(ws, out, state=TaskState(progress))
    elapsed = time.perf_counter() - start
    statements.write_text(json.dumps(sent, default=str))
    return {"seconds": elapsed, "figures_s": marks.get("sheets", start) - start,
            "workbook_s": time.perf_counter() - marks.get("sheets", start), "sheets": len(result.sheets),
            "statements": sum(1 for s, _ in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))),
            "bytes": out.stat().st_size, "year": result.year,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child_bare(db: Path, statements: Path) -> dict:
    import sqlite3

    sent = [(s, p) for s, p in json.loads(statements.read_text()) if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    rows = 0
    for statement, parameters in sent:
        rows += len(conn.execute(statement, parameters).fetchall())
    elapsed = time.perf_counter() - start
    conn.close()
    return {"seconds": elapsed, "rows": rows,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def spawn(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--establishments", type=int, default=200)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child")
    parser.add_argument("--mic")
    parser.add_argument("--out")
    parser.add_argument("--statements")
    args = parser.parse_args()
    if args.child == "ours":
        print(json.dumps(child_ours(Path(args.mic), Path(args.out), Path(args.statements))))
        return
    if args.child == "bare":
        print(json.dumps(child_bare(Path(args.mic) / "national.db", Path(args.statements))))
        return
    mic = national_store(args.establishments, args.records)
    work = Path(tempfile.mkdtemp(prefix="kafaat-report-bench-"))
    try:
        ours, bare = [], []
        statements = work / "statements.json"
        for run in range(args.runs):
            ours.append(spawn("--child", "ours", "--mic", str(mic), "--out", str(work / f"r{run}.xlsx"),
                              "--statements", str(statements)))
            bare.append(spawn("--child", "bare", "--mic", str(mic), "--statements", str(statements)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import openpyxl
    import sqlalchemy

    ours_s = statistics.median(r["seconds"] for r in ours)
    bare_s = statistics.median(r["seconds"] for r in bare)
    print(json.dumps({
        "establishments": args.establishments, "records_each": args.records, "runs": args.runs,
        "store_bytes": (mic / "national.db").stat().st_size, "year": ours[0]["year"],
        "sheets": ours[0]["sheets"], "statements": ours[0]["statements"], "rows_fetched": bare[0]["rows"],
        "workbook_bytes": ours[0]["bytes"],
        "ours_s": round(ours_s, 2), "bare_queries_s": round(bare_s, 2), "ratio": round(ours_s / bare_s, 2),
        "ours_figures_s": round(statistics.median(r["figures_s"] for r in ours), 2),
        "ours_workbook_s": round(statistics.median(r["workbook_s"] for r in ours), 2),
        "peak_rss_mb": {"ours": round(max(r["peak_rss_mb"] for r in ours)),
                        "bare": round(max(r["peak_rss_mb"] for r in bare))},
        "python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
        "openpyxl": openpyxl.__version__,
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
