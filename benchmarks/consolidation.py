"""Consolidation of a national inbox: N establishments × M records (offerings, cohorts and internships in
realistic proportions), real bundles sealed with real keys (generated once, cached in
``benchmarks/.cache/consolidation``), then a second month where 20 % of the records changed and 2 % were
deleted.

    .venv/bin/python benchmarks/consolidation.py [--establishments 200] [--records 5000] [--backend sqlite|postgresql]

PostgreSQL: ``KAFAAT_TEST_PG_URL`` (``scripts/postgres.sh start``); a fresh database per measured run.

Each measure runs in its own child process (peak RSS = its ``ru_maxrss``), on a fresh store:
* floor: for every bundle of month 1, decrypt + decompress + parse (``sync.bundle.open_bundle``) then raw
  ``executemany`` (stdlib sqlite3 / psycopg) into tables with the national tables' columns, one
  transaction per bundle — no chain, no validation, no registry;
* first: ``sync.ministry.consolidation.consolidate`` over month 1 (verification, chain, re-validation of
  every record, application, one transaction per bundle);
* rerun: the same inbox again (every file recognised by its hash, nothing decrypted);
* month2: month 2's inbox on top (floor2: the same floor over month 2's files).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache" / "consolidation"
if os.environ.get("KAFAAT_BENCH_CODE"):  # ``--before DIR``: the child imports the code of another checkout
    ROOT = Path(os.environ["KAFAAT_BENCH_CODE"]).resolve()
sys.path.insert(0, str(ROOT))
PASSPHRASE = "phrase de passe du banc d'essai"
YEARS = ("2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026")


def code_of(i: int) -> str:
    return f"BENCH{i:03d}"


# ------------------------------------------------------------------------------------------ the data
def _columns(form: str) -> list[str]:
    from forms.definitions import FORMS
    from sync.bundle import LIVE_SYSTEM

    return [*LIVE_SYSTEM, *(f.key for f in FORMS[form].sent_fields)]


def _records(code: str, total: int, programme) -> dict[str, list[list]]:
    """Valid records of one establishment, as bundle rows (the fields a bundle carries; student codes
    pseudonymised with the programme key, as an establishment's export does)."""
    from tests.conftest import OFFERING, cohort_values, internship_values

    offerings = max(1, total // 125)
    cohorts = offerings * len(YEARS)
    internships = total - offerings - cohorts
    stamp = "2026-10-01T08:00:00.000000Z"
    seq = 0
    out: dict[str, list[list]] = {"offering": [], "cohort": [], "internship": []}

    def row(form: str, values: dict) -> str:
        nonlocal seq
        seq += 1
        rid = str(uuid.uuid4())
        system = [rid, code, 1, stamp, stamp, seq]
        out[form].append(system + [values.get(k) for k in _columns(form)[6:]])
        return rid

    offering_ids, cohort_ids = [], []
    for i in range(offerings):
        offering_ids.append(row("offering", {**OFFERING, "code": f"{code}-F{i:03d}"}))
    for i in range(offerings):
        for year in YEARS:
            cohort_ids.append((offering_ids[i], row("cohort", cohort_values(offering_ids[i], academic_year=year))))
    for i in range(internships):
        offering, cohort = cohort_ids[i % len(cohort_ids)]
        row("internship", internship_values(offering, cohort, student_code=programme.pseudonym(f"R{code}{i:09d}"),
                                            monthly_stipend=3000.0))
    return out


def _seal(identity, ministry, programme, sequence: int, previous: str | None, tables: dict, tombstones: dict,
          changes: tuple[int, int]) -> bytes:
    from forms.definitions import FORMS
    from sync.bundle import FormRecords, seal_bundle

    records = {form: FormRecords(_columns(form), tables.get(form, []), tombstones.get(form, [])) for form in FORMS}
    manifest = {"establishment_name": identity.name, "full": sequence == 1,
                "changes": {"after": changes[0], "up_to": changes[1]},
                "pseudonym_key": {"version": programme.version, "key_id": programme.key_id.hex()}}
    return seal_bundle(identity, [ministry.public], bundle_id=str(uuid.uuid4()), sequence=sequence,
                       previous_hash=previous, created_at="2026-11-01T08:00:00Z", manifest=manifest, records=records)


def prepare(establishments: int, total: int) -> Path:
    """The cached inbox: keys, month 1 and month 2 bundles, the establishments CSV."""
    import random

    from forms.workspace import MINISTRY
    from sync.bundle import bundle_hash
    from sync.keys import ESTABLISHMENT, Identity, public_document, seal_identity
    from sync.pseudonym import new_key

    folder = CACHE / f"v2-{establishments}x{total}"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "month1").mkdir(parents=True)
    (folder / "month2").mkdir()
    (folder / "requests").mkdir()
    ministry = Identity.generate(MINISTRY, "MIC", "Ministère de l'Industrie et du Commerce")
    programme = new_key()
    (folder / "ministry.key").write_bytes(seal_identity(ministry, PASSPHRASE))
    lines = ["code,label_fr,label_ar,label_en,city,region,supervising_ministry"]
    rng = random.Random(7)
    for i in range(establishments):
        code = code_of(i)
        lines.append(f"{code},Établissement d'essai {i},مؤسسة {i},Test establishment {i},Rabat,04,MIC")
        identity = Identity.generate(ESTABLISHMENT, code, f"Établissement d'essai {i}")
        (folder / "requests" / f"{code}.json").write_bytes(public_document(identity))
        tables = _records(code, total, programme)
        one = _seal(identity, ministry, programme, 1, None, tables, {}, (0, total))
        (folder / "month1" / f"kafaat-{code}-000001.kfb").write_bytes(one)
        # Month 2: 20 % changed (new version, later change), 2 % deleted.
        seq = 10 * total
        changed: dict[str, list] = {}
        dead: dict[str, list] = {}
        for form, rows in tables.items():
            for row in rows:
                draw = rng.random()
                if form == "internship" and draw < 0.02:
                    seq += 1
                    dead.setdefault(form, []).append([row[0], code, row[2] + 1, row[3], row[4], seq])
                elif draw < 0.22:
                    seq += 1
                    new = list(row)
                    new[2] += 1
                    new[5] = seq
                    if form == "internship":
                        new[_columns(form).index("host_city")] = "Kénitra"
                    changed.setdefault(form, []).append(new)
        two = _seal(identity, ministry, programme, 2, bundle_hash(one), changed, dead, (10 * total, seq))
        (folder / "month2" / f"kafaat-{code}-000002.kfb").write_bytes(two)
    (folder / "establishments.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "done").write_text("ok")
    return folder


# ----------------------------------------------------------------------------------- child processes
def _ministry(folder: Path, work: Path, db_url: str | None):
    from forms.workspace import MINISTRY, Workspace
    from sync.keys import key_path, load_identity
    from sync.ministry import enroll
    from sync.ministry.establishments import import_establishments

    ws = Workspace.create(work / "mic", MINISTRY, ministry="MIC", **({"db_url": db_url} if db_url else {}))
    key_path(ws).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(folder / "ministry.key", key_path(ws))
    import_establishments(ws, folder / "establishments.csv")
    for request in sorted((folder / "requests").iterdir()):
        enroll(ws, request.read_bytes())
    return ws, load_identity(ws, PASSPHRASE)


def child_consolidate(folder: Path, work: Path, db_url: str | None, phases: list[str]) -> dict:
    from sync.ministry import applying, checking
    from sync.ministry.consolidation import consolidate

    # Phases: « check » (BundleChecker.check: parse, the form's rules, system members, links, natural
    # keys), « write » (applying.write_records), « read » the rest (decrypt, decompress, decode, chain,
    # registry, receipts).
    spent = {"check": 0.0, "write": 0.0, "check_cpu": 0.0, "write_cpu": 0.0}

    def timed(name: str, fn):
        def wrapper(*a, **k):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += time.perf_counter() - t0
                spent[f"{name}_cpu"] += time.process_time() - c0
        return wrapper

    checking.BundleChecker.check = timed("check", checking.BundleChecker.check)
    applying.write_records = timed("write", applying.write_records)
    ws, identity = _ministry(folder, work, db_url)
    out = {}
    for phase in phases:
        inbox = folder / ("month2" if phase == "month2" else "month1")
        spent.update(check=0.0, write=0.0, check_cpu=0.0, write_cpu=0.0)
        start, cpu = time.perf_counter(), time.process_time()
        report = consolidate(ws, identity, [inbox])
        out[phase] = time.perf_counter() - start
        out[f"{phase}_cpu"] = time.process_time() - cpu
        out[f"{phase}_phases"] = {"read": round(out[phase] - spent["check"] - spent["write"], 2),
                                  "check": round(spent["check"], 2), "write": round(spent["write"], 2)}
        out[f"{phase}_phases_cpu"] = {
            "read": round(out[f"{phase}_cpu"] - spent["check_cpu"] - spent["write_cpu"], 2),
            "check": round(spent["check_cpu"], 2), "write": round(spent["write_cpu"], 2)}
        out[f"{phase}_summary"] = report.summary()
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def child_floor(folder: Path, work: Path, db_url: str | None, month: str) -> dict:
    from sync.bundle import open_bundle
    from sync.keys import parse_public_document, unseal_identity
    from sync.ministry.tables import record_tables

    identity = unseal_identity((folder / "ministry.key").read_bytes(), PASSPHRASE)
    keys = {p.stem: parse_public_document(p.read_bytes(), p.name) for p in (folder / "requests").iterdir()}
    if db_url:
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(db_url)
        conn = psycopg.connect(dbname=u.database, user=u.username, host=u.query.get("host") or u.host)
        mark = "%s"
    else:
        import sqlite3

        conn = sqlite3.connect(work / "floor.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        mark = "?"
    cur = conn.cursor()
    for table in record_tables.values():
        cols = ", ".join(f'"{c.name}" TEXT' for c in table.columns)
        cur.execute(f'CREATE TABLE "{table.name}" ({cols}, PRIMARY KEY (establishment, id))')
    if db_url:
        conn.commit()
    files = sorted((folder / month).iterdir())
    start, cpu = time.perf_counter(), time.process_time()
    reading = reading_cpu = 0.0
    for path in files:
        began, began_cpu = time.perf_counter(), time.process_time()
        opened = open_bundle(path.read_bytes(), lambda code: keys[code], identity)
        for t in opened.tables.values():  # the records are decoded (and checked) as they are read
            t.rows  # noqa: B018
        reading += time.perf_counter() - began
        reading_cpu += time.process_time() - began_cpu
        if not db_url:
            cur.execute("BEGIN")
        for form, t in opened.tables.items():
            names = [c for c in t.columns if c in record_tables[form].c]
            index = [t.columns.index(c) for c in names]
            rows = [[str(r[i]) if isinstance(r[i], list) else r[i] for i in index] + [False, 0, "h"]
                    for r in t.rows]
            sql = (f'INSERT INTO "{form}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}, deleted, '
                   f"bundle_sequence, bundle_hash) VALUES ({', '.join([mark] * (len(names) + 3))})")
            if month == "month2":
                sql += " ON CONFLICT DO NOTHING"
            cur.executemany(sql, rows)
        conn.commit() if db_url else cur.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return {"floor": elapsed, "floor_cpu": cpu, "phases": {"read": round(reading, 2), "write": round(elapsed - reading, 2)},
            "phases_cpu": {"read": round(reading_cpu, 2), "write": round(cpu - reading_cpu, 2)},
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _database(backend: str):
    if backend != "postgresql":
        return None, lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = os.environ["KAFAAT_TEST_PG_URL"]
    name = f"kafaat_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return make_url(url).set(database=name).render_as_string(hide_password=False), drop


def spawn(kind: str, folder: Path, backend: str, *extra: str, code: Path | None = None) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kafaat-bench-"))
    url, drop = _database(backend)
    env = {**os.environ, **({"KAFAAT_BENCH_CODE": str(code)} if code else {})}
    try:
        result = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", str(folder), "--work",
                                 str(work), "--db-url", url or "", *extra], capture_output=True, text=True,
                                cwd=code or ROOT, env=env)
        if result.returncode:
            raise SystemExit(result.stderr)
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        drop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--establishments", type=int, default=200)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--child")
    parser.add_argument("--folder")
    parser.add_argument("--work")
    parser.add_argument("--db-url", default="")
    parser.add_argument("--phases", default="first,rerun,month2")
    parser.add_argument("--month", default="month1")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT",
                        help="also consolidate with the code of this checkout, in the same run")
    parser.add_argument("--runs", type=int, default=1, help="each measure this many times, interleaved")
    args = parser.parse_args()
    if args.child == "floor":
        print(json.dumps(child_floor(Path(args.folder), Path(args.work), args.db_url or None, args.month)))
        return
    if args.child == "consolidate":
        print(json.dumps(child_consolidate(Path(args.folder), Path(args.work), args.db_url or None,
                                           args.phases.split(","))))
        return
    start = time.perf_counter()
    folder = prepare(args.establishments, args.records)
    print(f"données : {folder} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)

    import sqlalchemy

    floors, floors2, runs, befores = [], [], [], []
    for _ in range(args.runs):
        floors.append(spawn("floor", folder, args.backend))
        floors2.append(spawn("floor", folder, args.backend, "--month", "month2"))
        runs.append(spawn("consolidate", folder, args.backend))
        if args.before:
            befores.append(spawn("consolidate", folder, args.backend, code=args.before))

    def median(found: list[dict], key: str = "first") -> dict:
        return sorted(found, key=lambda r: r[key])[len(found) // 2]

    floor, floor2, ours = median(floors, "floor"), median(floors2, "floor"), median(runs)
    size = sum(p.stat().st_size for p in (folder / "month1").iterdir())
    every = {"floor_s": [round(f["floor"], 2) for f in floors], "first_s": [round(r["first"], 2) for r in runs],
             "floor_month2_s": [round(f["floor"], 2) for f in floors2],
             "month2_s": [round(r["month2"], 2) for r in runs],
             "first_cpu_s": [round(r["first_cpu"], 2) for r in runs],
             "month2_cpu_s": [round(r["month2_cpu"], 2) for r in runs]}
    if befores:
        before = median(befores)
        every["before_first_s"] = [round(r["first"], 2) for r in befores]
        every["before_month2_s"] = [round(r["month2"], 2) for r in befores]
        every["first_over_floor_each"] = [round(r["first"] / f["floor"], 2) for r, f in zip(runs, floors, strict=True)]
        every["before_first_over_floor_each"] = [round(r["first"] / f["floor"], 2) for r, f in zip(befores, floors, strict=True)]
    report = {
        "backend": args.backend, "establishments": args.establishments, "records_each": args.records,
        "month1_bytes": size, "floor_s": round(floor["floor"], 2), "first_s": round(ours["first"], 2),
        "first_over_floor": round(ours["first"] / floor["floor"], 2), "rerun_s": round(ours["rerun"], 3),
        "rerun_over_first": round(ours["rerun"] / ours["first"], 4), "floor_month2_s": round(floor2["floor"], 2),
        "month2_s": round(ours["month2"], 2), "month2_over_floor": round(ours["month2"] / floor2["floor"], 2),
        "peak_rss_mb": {"ours": round(ours["peak_rss_mb"]), "floor": round(floor["peak_rss_mb"])},
        # CPU time of this process, in all and per phase (SQLite: all the work; PostgreSQL: the server's is not
        # in it), steadier than the wall time on a shared machine, where much of the wall time is the wait for a
        # core.
        "cpu_s": {"floor": round(floor["floor_cpu"], 2), "first": round(ours["first_cpu"], 2),
                  "floor_month2": round(floor2["floor_cpu"], 2), "month2": round(ours["month2_cpu"], 2)},
        "first_cpu_over_floor_cpu": round(ours["first_cpu"] / floor["floor_cpu"], 2),
        "month2_cpu_over_floor_cpu": round(ours["month2_cpu"] / floor2["floor_cpu"], 2),
        "floor_phases": floor.get("phases"), "floor_phases_cpu": floor.get("phases_cpu"),
        "floor_month2_phases_cpu": floor2.get("phases_cpu"), "first_phases": ours.get("first_phases"),
        "first_phases_cpu": ours.get("first_phases_cpu"), "month2_phases_cpu": ours.get("month2_phases_cpu"),
        "floor_month2_phases": floor2.get("phases"), "month2_phases": ours.get("month2_phases"),
        "first_summary": ours["first_summary"], "month2_summary": ours["month2_summary"],
        "runs": every, "load_average": os.getloadavg(),
        "python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
    }
    if befores:
        report["before"] = {
            "code": str(args.before), "first_s": round(before["first"], 2),
            "first_over_floor": round(before["first"] / floor["floor"], 2),
            "month2_s": round(before["month2"], 2), "month2_over_floor": round(before["month2"] / floor2["floor"], 2),
            "first_phases": before.get("first_phases"), "month2_phases": before.get("month2_phases"),
            "first_phases_cpu": before.get("first_phases_cpu"), "month2_phases_cpu": before.get("month2_phases_cpu"),
            "peak_rss_mb": round(before["peak_rss_mb"])}
        if "first_cpu" in before:
            report["before"]["first_cpu_over_floor_cpu"] = round(before["first_cpu"] / floor["floor_cpu"], 2)
            report["before"]["month2_cpu_over_floor_cpu"] = round(before["month2_cpu"] / floor2["floor_cpu"], 2)
        every["before_first_cpu_s"] = [round(r["first_cpu"], 2) for r in befores if "first_cpu" in r]
        every["before_month2_cpu_s"] = [round(r["month2_cpu"], 2) for r in befores if "first_cpu" in r]
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
