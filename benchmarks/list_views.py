"""List views over 1 000 000 internships: time to the first screen after a sort or a filter.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/list_views.py [--rows 1000000] [--runs 5]
        [--data FOLDER] [--no-inserts]

* ours: what the window does — ``RecordsModel.reload`` with the window's ``OperationRunner`` (the first
  page read on a worker thread, link titles resolved there, delivered to the GUI thread), until the first
  page is in the model, then a synchronous repaint of a 1200×700 ``QTableView`` showing it. The count
  runs beside it and is not waited for (the first screen does not need it);
* same thread: the same model reading on the GUI thread (no runner), as the list did before, to show
  what the worker costs;
* the end of the list (Ctrl+End): once counted, the time to read and show the last page (read from the
  end of the list, ``reverse=True``);
* floor: the very same SQL text run with the stdlib ``sqlite3`` and ``fetchall`` (no model, no view).

The database is generated with raw ``sqlite3.executemany`` into a schema made by the migrations
(``tests/desktop/generate.py``); ``--data FOLDER`` keeps it between runs (generated there when absent, else
opened as it is — and migrated, which is how a database of an earlier schema is compared with the current
one on the same rows). A second part measures what the list indexes (migrations 0003 and 0007) cost to
bulk inserts: ``executemany`` of 100 000 internships with all of them, without those of 0007, without any,
and the time to create them all once after the rows (what ``bulk_load`` does for a large import).

Medians over ``--runs``; ratio ours ÷ floor; peak RSS of this process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEW_IN_0007 = ("first_name", "end_date", "internship_type", "outcome", "status")
"""The list indexes migration 0007 added (named ``ix_internship_list_<first column>``)."""


def wait_until(done) -> None:
    """Run the event loop (idle, as the window's: the worker threads get the interpreter) until ``done()``."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    while not done():
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def insert_cost(folder: Path, source: Path, rows: int, runs: int) -> dict[str, float]:
    """executemany of ``rows`` internships into a fresh database: as migrated (every list index and the
    search index's triggers), without the list indexes of 0007, without any list index, and without the search
    triggers (migration 0005); plus what a large import pays instead (``bulk_load``): the insert without any
    list index, then every list index created once."""
    from forms.workspace import ESTABLISHMENT, Workspace

    conn = sqlite3.connect(source)
    data = conn.execute(f"SELECT * FROM internship LIMIT {rows}").fetchall()
    conn.close()
    variants = ("with", "without_0007", "without", "without_search")
    out: dict[str, list[float]] = {v: [] for v in (*variants, "rebuild")}
    for _ in range(runs):
        for variant in variants:
            root = folder / f"insert-{variant}"
            shutil.rmtree(root, ignore_errors=True)
            Workspace.create(root, ESTABLISHMENT, establishment="ECC", operator="bench").close()
            db = sqlite3.connect(root / "kafaat.db")
            db.execute(f"ATTACH '{source}' AS src")
            db.execute("INSERT INTO offering SELECT * FROM src.offering")
            db.execute("INSERT INTO cohort SELECT * FROM src.cohort")
            db.commit()
            db.execute("DETACH src")
            indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                 "AND name GLOB 'ix_internship_list_*'").fetchall()
            if variant == "without_0007":
                for column in NEW_IN_0007:
                    db.execute(f"DROP INDEX ix_internship_list_{column}")
            if variant == "without":
                for name, _sql in indexes:
                    db.execute(f"DROP INDEX {name}")
            if variant == "without_search":
                for trigger in ("insert", "update", "delete"):
                    db.execute(f"DROP TRIGGER internship_search_{trigger}")
            db.execute("PRAGMA synchronous = FULL")
            start = time.perf_counter()
            db.executemany(f"INSERT INTO internship VALUES ({', '.join('?' * len(data[0]))})", data)
            db.commit()
            out[variant].append(time.perf_counter() - start)
            if variant == "without":  # bulk_load's way: the list indexes created once after the rows
                start = time.perf_counter()
                for _name, sql in indexes:
                    db.execute(sql)
                db.commit()
                out["rebuild"].append(time.perf_counter() - start)
            db.close()
    s = {k: statistics.median(v) for k, v in out.items()}
    return {"rows": rows, "with_list_indexes_s": round(s["with"], 3),
            "without_0007_s": round(s["without_0007"], 3), "without_list_indexes_s": round(s["without"], 3),
            "ratio_with_0007": round(s["with"] / s["without_0007"], 3),
            "ratio_all_list_indexes": round(s["with"] / s["without"], 3),
            "rebuild_all_list_indexes_s": round(s["rebuild"], 3),
            "without_search_triggers_s": round(s["without_search"], 3),
            "search_ratio": round(s["with"] / s["without_search"], 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--insert-rows", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=None,
                        help="a data folder to keep between runs: generated there if absent, else reused as it is "
                             "(opening it migrates it to the current schema)")
    parser.add_argument("--no-inserts", action="store_true", help="skip the insert-cost part")
    args = parser.parse_args(argv)

    import PySide6
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from desktop.ui.list_query import ListFilter, ListQuery
    from desktop.ui.operations import OperationRunner
    from desktop.ui.records_model import RecordsModel
    from forms.workspace import ESTABLISHMENT, Workspace
    from tests.desktop.generate import populate

    app = QApplication.instance() or QApplication([])
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="kafaat-lists-"))
    try:
        data = args.data or tmp / "data"
        generated_s = 0.0
        if not (data / "kafaat.db").exists():
            workspace = Workspace.create(data, ESTABLISHMENT, establishment="ECC", operator="bench")
            workspace.close()
            started = time.perf_counter()
            populate(workspace.db_path, args.rows)
            generated_s = time.perf_counter() - started
        started = time.perf_counter()
        workspace = Workspace.open(data)
        workspace.engine.connect().close()
        opened_s = time.perf_counter() - started
        query = ListQuery(workspace.engine, "internship", "ECC")
        runner = OperationRunner()
        model = RecordsModel(query, runner=runner)
        inline = RecordsModel(query)  # the same model reading on the calling thread (the reference for the cost
        # of going through a worker)
        view = QTableView()  # configured as the records page's table
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setResizeContentsPrecision(0)
        view.setModel(model)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        raw = sqlite3.connect(workspace.db_path)
        an_offering = raw.execute("SELECT offering FROM internship LIMIT 1").fetchone()[0]

        def sql_of(flt: ListFilter, key: str | None, descending: bool) -> str:
            """The SQL ``fetch`` runs for the first window (for a frequent search: the walk of the sort index)."""
            walk = False
            if flt.search.strip() and query.full_text:
                with workspace.engine.connect() as conn:
                    walk = query.walk_budget(conn, flt, key) is not None
            stmt = query.select_rows(flt, key, descending, walk=walk).limit(200).offset(0)
            return str(stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))

        cases: list[tuple[str, ListFilter, str | None, bool]] = []
        for f in query.fields:
            cases.append((f"sort {f.key} ↑", ListFilter(), f.key, False))
            cases.append((f"sort {f.key} ↓", ListFilter(), f.key, True))
        cases += [
            ("sort state", ListFilter(), "status", False),
            ("default (last changed)", ListFilter(), None, True),
            ("filter drafts", ListFilter(status="draft"), None, True),
            ("filter with warnings", ListFilter(quality="warnings"), None, True),
            ("filter outcome", ListFilter(equals={"outcome": "COMPLETED"}), None, True),
            ("filter offering", ListFilter(equals={"offering": an_offering}), None, True),
            ("filter outcome + sort last_name", ListFilter(equals={"outcome": "COMPLETED"}), "last_name", False),
            ("search name (frequent)", ListFilter(search="Tazi 12"), None, True),
            ("search (no match)", ListFilter(search="zzzz"), None, True),
            ("search one word (frequent)", ListFilter(search="tazi"), None, True),
            ("search word beginning", ListFilter(search="taz"), None, True),
            ("search accents folded", ListFilter(search="Societe"), None, True),
            ("search two words + sort last_name", ListFilter(search="Tazi 12"), "last_name", False),
        ]
        results = []
        for name, flt, key, descending in cases:
            def ours(flt=flt, key=key, descending=descending) -> None:
                model.filter, model.sort_key, model.descending = flt, key, descending
                model.reload()
                wait_until(lambda: not model.loading)  # the first page comes from a worker thread
                view.viewport().repaint()

            def same_thread(flt=flt, key=key, descending=descending) -> None:
                inline.filter, inline.sort_key, inline.descending = flt, key, descending
                inline.reload()
                view.setModel(inline)
                view.viewport().repaint()
                view.setModel(model)

            text = sql_of(flt, key, descending)
            ours()  # warm caches alike
            raw.execute(text).fetchall()
            ours_ms = median_ms(ours, args.runs)
            inline_ms = median_ms(same_thread, args.runs)
            floor_ms = median_ms(lambda text=text: raw.execute(text).fetchall(), args.runs)
            results.append({"case": name, "ours_ms": round(ours_ms, 1), "same_thread_ms": round(inline_ms, 1),
                            "floor_ms": round(floor_ms, 1),
                            "ratio": round(ours_ms / floor_ms, 2) if floor_ms else None,
                            "under_150ms": ours_ms < 150})
        ends = []
        for name, key, descending in (("Ctrl+End, default order", None, True),
                                      ("Ctrl+End, sorted by last name", "last_name", False),
                                      ("Ctrl+End, sorted by first name (no index)", "first_name", False)):
            model.filter, model.sort_key, model.descending = ListFilter(), key, descending
            model.reload()
            while model.loading or model.total is None:
                app.processEvents()
            last = model.total - 1

            def to_the_end(last=last) -> None:
                model.pages.pop(last // 200, None)
                model.row(last)  # what the view asks when it shows the last row
                wait_until(lambda last=last: model.record_id(last) is not None)
                view.scrollToBottom()
                view.viewport().repaint()

            end_ms = median_ms(to_the_end, args.runs)
            ends.append({"case": name, "ours_ms": round(end_ms, 1), "under_150ms": end_ms < 150})
        runner.wait_all()
        raw.close()
        view.close()
        workspace.close()
        inserts = (None if args.no_inserts
                   else insert_cost(tmp, workspace.db_path, args.insert_rows, max(1, args.runs // 2)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report = {
        "rows": args.rows,
        "runs": args.runs,
        "generated_in_s": round(generated_s, 1),
        "opened_in_s": round(opened_s, 1),
        "cases": results,
        "cases_under_150ms": f"{sum(r['under_150ms'] for r in results)}/{len(results)}",
        "end_of_list": ends,
        "load_average_before_after": [round(load_before[0], 1), round(os.getloadavg()[0], 1)],
        "insert_cost_of_list_indexes": inserts,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
