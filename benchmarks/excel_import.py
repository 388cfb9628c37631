"""Excel import of N internship rows, end to end, against its references, in one script.

    .venv/bin/python benchmarks/excel_import.py [--rows 100000] [--runs 3] [--sheet PATH]
                                                [--before CHECKOUT] [--proposed]

* ours: ``forms.excel.run_import`` — budgets, read (calamine), header mapping, conversion, links by
  natural key, the form's validation (``RecordStore.check``), insert and audit, one transaction; its time
  split into phases by wrapping what it calls: **read** (``read_sheet`` and every row drawn from the
  sheet), **validate** (``RecordStore.check``/``check_many``: parse, form rules, links, natural keys), **write**
  (``RecordStore.write_checked``, and ``bulk_load`` setting aside then rebuilding the list indexes and the
  search index), **commit** (from the end of ``bulk_load`` until ``run_import`` returns: the commit, the
  messages sorted and located) and **convert** (the rest: cells to values, labels to codes, links by natural
  key, the import's row loop);
* before (``--before CHECKOUT``): the same import, phases and all, with the code of another checkout (a
  worktree of an earlier commit), in the same run;
* ours + bulk_load (``--proposed``): ours with ``forms.store.records.bulk_load`` around the writes (the
  list indexes rebuilt once), applied by wrapping; the import now does it itself, so this only matters
  with ``--before`` code that did not;
* floor: python-calamine raw parse + stdlib sqlite3 ``executemany`` of the raw cells into a table of the
  same width, one transaction (no conversion, no validation, no audit);
* peer: ``pandas.read_excel(engine="calamine")`` + ``DataFrame.to_sql`` into SQLite (pandas is a
  benchmark-only requirement, the optional ``bench`` extra pinned in constraints.txt:
  ``.venv/bin/pip install -c constraints.txt -e ".[bench]"``; it is not a dependency of Kafaat).

Each run uses a fresh database. Medians over ``--runs``; ratios ours ÷ reference; peak RSS of each import
measured in its child process (``VmHWM``), so the other runs do not count. CPU time (``process_time``: Python
and SQLite, this process) is reported beside the wall time for ours, the floor and the peer, with its own
ratios: on a machine shared with other work, wall time mostly measures the wait for a core.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if os.environ.get("KAFAAT_BENCH_CODE"):  # ``--before DIR``: the child imports the code of another checkout
    ROOT = Path(os.environ["KAFAAT_BENCH_CODE"]).resolve()
sys.path.insert(0, str(ROOT))


def make_sheet(path: Path, rows: int) -> None:
    """N valid internships as an administrator's sheet holds them: labels, dates as date cells, codes."""
    from openpyxl import Workbook

    from forms.definitions import FORMS
    from forms.excel.columns import form_columns

    form = FORMS["internship"]
    columns = [c for c in form_columns(form) if c.field is not None]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Stages")
    ws.append([c.header() for c in columns])
    types = ["Projet de fin d'études (PFE)", "APPLICATION", "Stage d'initiation / découverte"]
    regions = ["06", "Rabat-Salé-Kénitra", "Fès-Meknès", "01"]
    start0 = date(2025, 1, 6)
    for i in range(rows):
        start = start0 + timedelta(days=i % 300)
        kind = types[i % 3]
        months = 5 if i % 3 == 0 else 2
        values = {
            "student_code": f"R{130000000 + i}",
            "last_name": f"Nom{i % 997}",
            "first_name": f"Prénom{i % 389}",
            "gender": "Femme" if i % 2 else "Homme",
            "offering": "MS-CYBER",
            "cohort": "2025-2026 / 2",
            "internship_type": kind,
            "domain": "Cybersécurité" if i % 2 else "CLOUD",
            "host_name": f"Entreprise {i % 1500} SARL",
            "host_ice": f"{1525312000000 + i:015d}",
            "host_sector": "Services numériques",
            "host_city": "Casablanca",
            "host_region": regions[i % 4],
            "host_country": None,
            "start_date": start,
            "end_date": start + timedelta(days=30 * months),
            "weekly_hours": 35 + i % 6,
            "monthly_stipend": 2000 + (i % 7) * 250,
            "tutor_name": f"Tuteur {i % 211}",
            "tutor_email": f"tuteur{i % 211}@example.ma",
            "supervisor": f"Pr. Encadrant {i % 53}",
            "outcome": "En cours",
            "final_mark": None,
            "hired": "Inconnu",
        }
        ws.append([values[c.key] for c in columns])
    wb.save(path)


def prepare_workspace(folder: Path):
    from forms.workspace import ESTABLISHMENT, Workspace
    from tests.conftest import OFFERING, cohort_values

    ws = Workspace.create(folder, ESTABLISHMENT, establishment="ECC", operator="Benchmark")
    store = ws.records()
    offering, _ = store.save("offering", OFFERING)
    store.save("cohort", cohort_values(offering.id))
    return ws


class Phases:
    """Time spent in each phase of our import, measured by wrapping (not changing) what it calls: reading
    (``read_sheet`` and every row drawn from the sheet), validation (``RecordStore.check``: parse, form
    rules, links, natural keys), writing (``RecordStore.write_checked``); the rest is conversion (cells to
    values, labels to codes, links by natural key) and the import's own row loop."""

    def __init__(self) -> None:
        self.seconds = {"read": 0.0, "validate": 0.0, "write": 0.0}
        self.cpu = 0.0
        """CPU time of the import (this process: Python and SQLite), which a loaded machine inflates less."""
        self.left = 0.0
        """When the import left ``bulk_load`` (the rest, until ``run_import`` returns, is the commit)."""

    def timed(self, phase: str, fn: Any) -> Any:
        seconds = self.seconds

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[phase] += time.perf_counter() - t0
        return wrapper

    def install(self) -> None:
        import forms.excel.importing as importing
        from forms.store.records import RecordStore

        read_sheet = importing.read_sheet
        seconds = self.seconds

        def reading(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            sheet = read_sheet(*args, **kwargs)
            seconds["read"] += time.perf_counter() - t0
            rows = sheet.iter_rows

            def iter_rows(*a: Any, **kw: Any) -> Any:
                source = iter(rows(*a, **kw))
                while True:
                    t1 = time.perf_counter()
                    try:
                        row = next(source)
                    except StopIteration:
                        seconds["read"] += time.perf_counter() - t1
                        return
                    seconds["read"] += time.perf_counter() - t1
                    yield row
            sheet.iter_rows = iter_rows
            return sheet
        importing.read_sheet = reading
        RecordStore.check = self.timed("validate", RecordStore.check)
        if hasattr(RecordStore, "check_many"):  # a chunk at once (this branch), or row by row (before)
            RecordStore.check_many = self.timed("validate", RecordStore.check_many)
        RecordStore.write_checked = self.timed("write", RecordStore.write_checked)
        if hasattr(importing, "bulk_load"):  # setting aside and rebuilding (indexes, search) is writing too
            bulk_load = importing.bulk_load

            @contextlib.contextmanager
            def timed_bulk_load(*args: Any, **kwargs: Any) -> Any:
                manager = bulk_load(*args, **kwargs)
                t0 = time.perf_counter()
                value = manager.__enter__()
                seconds["write"] += time.perf_counter() - t0
                try:
                    yield value
                except BaseException:
                    if not manager.__exit__(*sys.exc_info()):
                        raise
                else:
                    t1 = time.perf_counter()
                    manager.__exit__(None, None, None)
                    self.left = time.perf_counter()
                    seconds["write"] += self.left - t1
            importing.bulk_load = timed_bulk_load


def propose_bulk_load(incoming: int) -> None:
    """What ``forms.excel.importing._run`` would do with ``forms.store.records.bulk_load`` around its writes
    (a change proposed to the owners of ``forms/excel``; measured here by wrapping its page-cache context)."""
    import forms.excel.importing as importing
    from forms.store.records import bulk_load

    page_cache = importing._page_cache

    @contextlib.contextmanager
    def with_bulk_load(conn: Any) -> Any:
        with page_cache(conn), bulk_load(conn, "internship", incoming):
            yield
    importing._page_cache = with_bulk_load


def run_ours(sheet: Path, folder: Path, phases: Phases | None = None) -> tuple[float, int]:
    from forms.excel import run_import

    ws = prepare_workspace(folder)
    store = ws.records()
    if os.environ.get("KAFAAT_BENCH_PROPOSED"):
        propose_bulk_load(int(os.environ["KAFAAT_BENCH_PROPOSED"]))
    if phases is not None:
        phases.install()
    t0, c0 = time.perf_counter(), time.process_time()
    plan = run_import(store, "internship", sheet)
    end = time.perf_counter()
    elapsed = end - t0
    if phases is not None:
        phases.cpu = time.process_time() - c0
        if phases.left:
            phases.seconds["commit"] = end - phases.left
    if not plan.applied:
        raise SystemExit("import refusé : " + "\n".join(plan.lines()[:20]))
    ws.close()
    return elapsed, plan.created


class Timed(float):
    """A wall time in seconds that also carries the CPU time this process spent in the same span."""

    cpu: float

    @classmethod
    def since(cls, t0: float, c0: float) -> Timed:
        out = cls(time.perf_counter() - t0)
        out.cpu = time.process_time() - c0
        return out


def run_floor(sheet: Path, db: Path) -> Timed:
    from python_calamine import CalamineWorkbook

    t0, c0 = time.perf_counter(), time.process_time()
    wb = CalamineWorkbook.from_path(str(sheet))
    rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
    header, data = rows[0], rows[1:]
    conn = sqlite3.connect(db)
    cols = ", ".join(f"c{i}" for i in range(len(header)))
    conn.execute(f"CREATE TABLE t ({cols})")
    marks = ", ".join("?" for _ in header)
    with conn:
        conn.executemany(f"INSERT INTO t VALUES ({marks})", data)
    conn.close()
    return Timed.since(t0, c0)


def run_schema_floor(sheet: Path, folder: Path) -> float:
    """Not a target, an explanation: calamine + raw sqlite3 ``executemany`` of the raw cells into *our*
    migrated internship table (its indexes and foreign keys) plus one audit row each, in one transaction:
    what SQLite alone costs with the schema an import must fill."""
    import uuid

    import orjson
    from python_calamine import CalamineWorkbook

    from forms.definitions import FORMS
    from forms.excel.importing import IMPORT_CACHE_KIB

    ws = prepare_workspace(folder)
    db = ws.db_path
    ws.close()
    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(sheet))
    rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # the page cache our import uses
    offering = conn.execute("SELECT id FROM offering").fetchone()[0]
    cohort = conn.execute("SELECT id FROM cohort").fetchone()[0]
    keys = FORMS["internship"].field_keys
    system = ("id", "establishment", "status", "version", "deleted", "created_at", "created_by", "updated_at",
              "updated_by", "change_seq", "error_count", "warning_count")
    records, audits = [], []
    for seq, cells in enumerate(rows[1:], start=10):
        values = dict(zip(keys, cells, strict=False))
        values["offering"], values["cohort"] = offering, cohort
        rid = str(uuid.uuid4())
        records.append((rid, "ECC", "complete", 1, 0, "t", "b", "t", "b", seq, 0, 0,
                        *(None if values.get(k) == "" else str(values.get(k)) for k in keys)))
        audits.append(("t", "b", "internship", rid, "import", None, None, orjson.dumps(values, default=str).decode(),
                       seq))
    columns = ", ".join(f'"{c}"' for c in (*system, *keys))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO internship ({columns}) VALUES ({', '.join('?' * (len(system) + len(keys)))})",
                     records)
    conn.executemany("INSERT INTO audit (at, operator, form, record_id, action, field, old_value, new_value, "
                     "change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", audits)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0


def run_peer(sheet: Path, db: Path) -> Timed:
    import pandas as pd

    t0, c0 = time.perf_counter(), time.process_time()
    frame = pd.read_excel(sheet, engine="calamine")
    conn = sqlite3.connect(db)
    frame.to_sql("t", conn, index=False)
    conn.commit()
    conn.close()
    return Timed.since(t0, c0)


def child(sheet: str, folder: str, phased: bool) -> None:
    phases = Phases() if phased else None
    elapsed, created = run_ours(Path(sheet), Path(folder), phases)
    out = {"seconds": elapsed, "created": created, "peak_rss_mb": peak_rss_mb()}
    if phases is not None:
        out["cpu"] = phases.cpu
        out["phases"] = phases.seconds | {"convert": elapsed - sum(phases.seconds.values())}
    print(json.dumps(out))


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` is per address space; ``ru_maxrss`` on Linux also
    counts the parent's memory before ``exec`` (it read 470 MB for a child whose own peak was 274 MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_child(rows: int, folder: str, bulk: bool) -> None:
    """The write phase alone: N checked internships written by ``write_checked`` in batches of 2 000 in one
    transaction, as the import does; CPU time (SQLite's included) and wall time."""
    from forms.store.records import COMPLETE
    from tests.conftest import internship_values

    ws = prepare_workspace(Path(folder))
    store = ws.records()
    offering = store.list("offering")[0].id
    cohort = store.list("cohort")[0].id
    start0 = date(2025, 1, 6)
    checked = []
    for i in range(rows):
        start = start0 + timedelta(days=i % 300)
        raw = internship_values(offering, cohort, student_code=f"R{130000000 + i}", last_name=f"Nom{i % 997}",
                                host_name=f"Entreprise {i % 1500} SARL", start_date=start.isoformat(),
                                end_date=(start + timedelta(days=150)).isoformat())
        checked.append((store.check("internship", raw), COMPLETE))
    context: Any = contextlib.nullcontext
    if bulk:
        from forms.store.records import bulk_load
        context = bulk_load
    t0, c0 = time.perf_counter(), time.process_time()
    with store.writer.begin() as conn, contextlib.ExitStack() as stack:
        conn.exec_driver_sql("PRAGMA cache_size = -32768")  # the import's page cache
        if bulk:
            stack.enter_context(context(conn, "internship", rows))
        for start in range(0, rows, 2000):
            store.write_checked(checked[start:start + 2000], conn=conn)
    print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}))
    ws.close()


def run_child(sheet: Path, folder: Path, code: Path | None = None, proposed: int = 0) -> dict[str, Any]:
    env = dict(os.environ)
    if code is not None:
        env["KAFAAT_BENCH_CODE"] = str(code)
    if proposed:
        env["KAFAAT_BENCH_PROPOSED"] = str(proposed)
    out = subprocess.run([sys.executable, __file__, "--child", str(sheet), str(folder)], check=True,
                         capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_only(rows: int, runs: int, before: Path | None) -> None:
    variants = {"ours": (None, "0"), "ours + bulk_load": (None, "1")}
    if before:
        variants["before"] = (before, "0")
        variants["before + bulk_load"] = (before, "1")
    found: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        for run in range(runs):
            for name, (code, bulk) in variants.items():
                env = dict(os.environ)
                if code is not None:
                    env["KAFAAT_BENCH_CODE"] = str(code)
                out = subprocess.run([sys.executable, __file__, "--write-child", str(rows),
                                      str(Path(tmp) / f"{name}{run}".replace(" ", "_").replace("+", "")), bulk],
                                     check=True, capture_output=True, text=True, env=env)
                found[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"run {run + 1}: " + ", ".join(f"{n} {r[-1]['seconds']:.2f} s (cpu {r[-1]['cpu']:.2f} s)"
                                                  for n, r in found.items()), flush=True)
    base = statistics.median(r["cpu"] for r in found["ours"])
    for name, results in found.items():
        cpu = statistics.median(r["cpu"] for r in results)
        wall = statistics.median(r["seconds"] for r in results)
        print(f"{name:18} write of {rows} rows: cpu {cpu:.2f} s, wall {wall:.2f} s, cpu ÷ ours {cpu / base:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sheet", type=Path, help="reuse this generated sheet (made if absent)")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT",
                        help="also run the import of another checkout (e.g. a worktree of the previous commit)")
    parser.add_argument("--proposed", action="store_true",
                        help="also run ours with the list indexes rebuilt once (bulk_load, proposed for forms/excel)")
    parser.add_argument("--write-only", action="store_true",
                        help="only the write phase (write_checked), ours and --before, and ours with bulk_load")
    parser.add_argument("--child", nargs=2, metavar=("SHEET", "FOLDER"))
    parser.add_argument("--write-child", nargs=3, metavar=("ROWS", "FOLDER", "BULK"))
    args = parser.parse_args()
    if args.child:
        child(*args.child, phased=True)
        return
    if args.write_child:
        write_child(int(args.write_child[0]), args.write_child[1], args.write_child[2] == "1")
        return
    if args.write_only:
        write_only(args.rows, args.runs, args.before)
        return
    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        tmpdir = Path(tmp)
        sheet = args.sheet or tmpdir / f"stages-{args.rows}.xlsx"
        if not sheet.exists():
            t0 = time.perf_counter()
            make_sheet(sheet, args.rows)
            print(f"sheet written in {time.perf_counter() - t0:.1f} s", flush=True)
        print(f"sheet: {args.rows} rows, {sheet.stat().st_size / 1e6:.1f} MB; load average {_load()}")
        results: dict[str, list[dict[str, Any]]] = {"ours": [], "before": [], "ours + bulk_load": []}
        floor, peer, schema = [], [], []
        for run in range(args.runs):
            results["ours"].append(run_child(sheet, tmpdir / f"ours{run}"))
            if args.before:
                results["before"].append(run_child(sheet, tmpdir / f"before{run}", args.before))
            if args.proposed:
                results["ours + bulk_load"].append(run_child(sheet, tmpdir / f"proposed{run}", proposed=args.rows))
            for runs_so_far in results.values():
                assert not runs_so_far or runs_so_far[-1]["created"] == args.rows, runs_so_far[-1]
            floor.append(run_floor(sheet, tmpdir / f"floor{run}.db"))
            schema.append(run_schema_floor(sheet, tmpdir / f"schema{run}"))
            with contextlib.suppress(ImportError):
                peer.append(run_peer(sheet, tmpdir / f"peer{run}.db"))
            print(f"run {run + 1} (load average {_load()}): ours {results['ours'][-1]['seconds']:.2f} s"
                  + (f", before {results['before'][-1]['seconds']:.2f} s" if args.before else "")
                  + (f", ours + bulk_load {results['ours + bulk_load'][-1]['seconds']:.2f} s" if args.proposed else "")
                  + f", floor {floor[-1]:.2f} s (CPU {floor[-1].cpu:.2f} s), schema {schema[-1]:.2f} s"
                  + (f", peer {peer[-1]:.2f} s (CPU {peer[-1].cpu:.2f} s)" if peer else ""), flush=True)
            for name, runs_so_far in results.items():
                if runs_so_far:
                    print(f"  {name} phases: " + ", ".join(f"{k} {v:.2f} s" for k, v in runs_so_far[-1]["phases"].items())
                          + f", peak RSS {runs_so_far[-1]['peak_rss_mb']:.0f} MB"
                          + (f", CPU {runs_so_far[-1]['cpu']:.2f} s" if "cpu" in runs_so_far[-1] else ""), flush=True)
        m_floor = statistics.median(floor)
        m_peer = statistics.median(peer) if peer else None
        if not peer:
            print('\npeer not measured: pandas is absent (.venv/bin/pip install -c constraints.txt -e ".[bench]")')
        print(f"\nversions: Python {platform.python_version()}, "
              f"python-calamine {_version('python-calamine')}, openpyxl {_version('openpyxl')}, "
              f"SQLAlchemy {_version('SQLAlchemy')}, pandas {_version('pandas')}; {os.cpu_count()} CPU")
        print(f"floor median {m_floor:.2f} s (calamine + sqlite3 executemany, no index, no audit)")
        m_schema = statistics.median(schema)
        print(f"(explanation) calamine + sqlite3 into our schema with audit, median {m_schema:.2f} s = "
              f"{m_schema / m_floor:.2f} x floor")
        if m_peer:
            print(f"peer  median {m_peer:.2f} s (pandas read_excel calamine + to_sql)")
        for name, runs in results.items():
            if not runs:
                continue
            seconds = [r["seconds"] for r in runs]
            m = statistics.median(seconds)
            print(f"\n{name}: median {m:.2f} s ({args.rows / m:,.0f} rows/s), peak RSS "
                  f"{max(r['peak_rss_mb'] for r in runs):.0f} MB")
            per_run = statistics.median(o / f for o, f in zip(seconds, floor, strict=True))
            print(f"  ÷ floor {m / m_floor:.2f} (median of per-run ratios {per_run:.2f}; target ≤ 2.5)")
            if peer:
                per_run = statistics.median(o / p for o, p in zip(seconds, peer, strict=True))
                print(f"  ÷ peer  {m / m_peer:.2f} (median of per-run ratios {per_run:.2f}; target < 1)")
            print(f"  ÷ schema reference {m / m_schema:.2f}")
            if all("cpu" in r for r in runs):
                # CPU time: what a machine shared with other work inflates least (wall time waits for the cores)
                cpu = statistics.median(r["cpu"] for r in runs)
                floor_cpu = statistics.median(f.cpu for f in floor)
                line = f"  CPU time median {cpu:.2f} s: ÷ floor's CPU ({floor_cpu:.2f} s) {cpu / floor_cpu:.2f}"
                if peer:
                    peer_cpu = statistics.median(p.cpu for p in peer)
                    line += f", ÷ peer's CPU ({peer_cpu:.2f} s) {cpu / peer_cpu:.2f}"
                print(line)
            print("  phases (medians, s): " + ", ".join(
                f"{phase} {statistics.median(r['phases'][phase] for r in runs):.2f}"
                for phase in ("read", "convert", "validate", "write", "commit") if phase in runs[0]["phases"]))


def _load() -> str:
    """The machine's load average over 1, 5 and 15 minutes (the figures mean little when it is high)."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


if __name__ == "__main__":
    main()
