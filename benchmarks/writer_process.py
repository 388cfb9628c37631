"""Experiment (issue 15): would a second process writing the checked rows make a large Excel import faster?

    .venv/bin/python benchmarks/writer_process.py [--rows 100000] [--runs 3] [--sheet PATH]

Each run, one after the other on the same generated sheet, each import in its own fresh process:

* **in process**: ``forms.excel.run_import`` as it is (read, convert, validate, write, commit: one process);
* **writer process**: the same import, except that ``RecordStore.write_checked`` is replaced by sending each
  batch's checked values (pickled) down a pipe to a second process (``spawn``, as a frozen Windows build
  would have to) that writes them with the real ``write_checked`` inside one transaction, under the import's
  ``bulk_load`` and page cache, then commits. The writer works on a copy of the same workspace (the importing
  process keeps its own transaction for its reads: this measures the overlap, not a finished design). The time
  runs until the writer has committed; CPU is both processes'.

Nothing here is used by Kafaat: the figures decide whether such a design is worth building.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def writer(folder: str, rows: int, pipe: mp.connection.Connection) -> None:
    """The second process: writes every batch it receives in one transaction, then commits."""
    from forms.definitions import FORMS
    from forms.store.records import Checked, bulk_load
    from forms.workspace import Workspace

    ws = Workspace.open(Path(folder))
    store = ws.records()
    form = FORMS["internship"]
    c0 = time.process_time()
    with store.writer.begin() as conn:
        conn.exec_driver_sql("PRAGMA cache_size = -32768")  # the import's page cache
        with bulk_load(conn, "internship", rows):
            while (data := pipe.recv_bytes()) != b"end":
                batch = [(Checked(form, values, [], record_id), status)
                         for values, status, record_id in pickle.loads(data)]
                store.write_checked(batch, conn=conn)
    pipe.send(time.process_time() - c0)
    ws.close()


def run(sheet: Path, rows: int, mode: str) -> dict[str, float]:
    from benchmarks.excel_import import prepare_workspace
    from forms.excel import run_import
    from forms.store.records import RecordStore
    from forms.workspace import Workspace

    tmp = Path(tempfile.mkdtemp(prefix="kafaat-writer-"))
    try:
        prepare_workspace(tmp / "a").close()
        shutil.copytree(tmp / "a", tmp / "b")
        ws = Workspace.open(tmp / "a")
        store = ws.records()
        t0, c0 = time.perf_counter(), time.process_time()
        out: dict[str, float] = {}
        if mode == "writer":
            ctx = mp.get_context("spawn")
            ours, theirs = ctx.Pipe()
            child = ctx.Process(target=writer, args=(str(tmp / "b"), rows, theirs))
            child.start()
            pickling = [0.0]

            def send(self: RecordStore, batch: list[tuple[object, str]], **_: object) -> list[str]:
                p0 = time.process_time()
                ours.send_bytes(pickle.dumps([(c.values, s, c.record_id) for c, s in batch], protocol=5))
                pickling[0] += time.process_time() - p0
                return []

            RecordStore.write_checked = send  # type: ignore[method-assign]
        plan = run_import(store, "internship", sheet)
        if not plan.applied:
            raise SystemExit("import refusé : " + "\n".join(plan.lines()[:10]))
        out["parent_done"] = time.perf_counter() - t0
        if mode == "writer":
            ours.send_bytes(b"end")
            out["writer_cpu"] = ours.recv()
            child.join()
            out["pickling"] = pickling[0]
        out["seconds"] = time.perf_counter() - t0
        out["cpu"] = time.process_time() - c0 + out.get("writer_cpu", 0.0)
        ws.close()
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sheet", type=Path)
    parser.add_argument("--child", nargs=2, metavar=("SHEET", "MODE"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(Path(args.child[0]), args.rows, args.child[1])))
        return
    from benchmarks.excel_import import make_sheet

    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        sheet = args.sheet or Path(tmp) / "stages.xlsx"
        if not sheet.exists():
            make_sheet(sheet, args.rows)
        found: dict[str, list[dict[str, float]]] = {"in process": [], "writer process": []}
        for i in range(args.runs):
            for name, mode in (("in process", "inproc"), ("writer process", "writer")):
                done = subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--child", str(sheet), mode],
                                      check=True, capture_output=True, text=True)
                found[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
            load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"run {i + 1} (load {load}): " + "; ".join(
                f"{n} {r[-1]['seconds']:.2f} s (CPU {r[-1]['cpu']:.2f} s)" for n, r in found.items()), flush=True)
        for name, results in found.items():
            line = (f"{name:15} median {statistics.median(r['seconds'] for r in results):.2f} s, "
                    f"CPU {statistics.median(r['cpu'] for r in results):.2f} s")
            if name == "writer process":
                line += (f" (importing process done at {statistics.median(r['parent_done'] for r in results):.2f} s,"
                         f" pickling {statistics.median(r['pickling'] for r in results):.2f} s,"
                         f" writer CPU {statistics.median(r['writer_cpu'] for r in results):.2f} s)")
            print(line)


if __name__ == "__main__":
    main()
