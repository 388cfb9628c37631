"""Excel export of N internship records against a bare openpyxl ``write_only`` write of the same cells.

    .venv/bin/python benchmarks/excel_export.py [--rows 100000] [--runs 3]

* ours: ``forms.excel.export_xlsx`` given the records (what the list view's « Exporter » calls): labels for
  references, links by natural key, dates formatted dd/mm/yyyy, formula-like text forced to text, header
  styled, widths, frozen pane;
* ours end to end: ``forms.excel.export_records`` (reads the records from the database first);
* reference: ``Workbook(write_only=True)``, ``ws.append(row)`` of the very same cell values, precomputed.

Medians over ``--runs``; ratio ours ÷ reference; peak RSS of one export in a child process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.excel_import import _version, make_sheet, peak_rss_mb, prepare_workspace  # noqa: E402


def build_database(folder: Path, rows: int) -> Path:
    from forms.excel import run_import

    sheet = folder / "source.xlsx"
    make_sheet(sheet, rows)
    ws = prepare_workspace(folder / "data")
    plan = run_import(ws.records(), "internship", sheet)
    assert plan.applied and plan.created == rows, plan.lines()[:5]
    ws.close()
    return folder / "data"


def same_cells(store, records) -> list[list]:
    """The cell values our export writes, computed the same way, outside the timing."""
    from forms.definitions import FORMS
    from forms.excel.columns import ID_KEY, STATUS_KEY, LinkNames, cell_value, form_columns, status_word

    form = FORMS["internship"]
    columns = form_columns(form, with_id=True)
    out = [[c.header() for c in columns]]
    with store.engine.connect() as conn:
        links = LinkNames(conn, store.establishment)
        for r in records:
            row = []
            for c in columns:
                if c.key == STATUS_KEY:
                    row.append(status_word(r.status))
                elif c.key == ID_KEY:
                    row.append(r.id)
                else:
                    row.append(cell_value(c.field, r.values.get(c.key), links=links))
            out.append(row)
    return out


def bare_write(rows: list[list], path: Path) -> float:
    from openpyxl import Workbook

    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Stages")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - t0


def ours(store, records, path: Path) -> float:
    from forms.excel import export_xlsx
    from forms.excel.columns import LinkNames

    t0 = time.perf_counter()
    with store.engine.connect() as conn:
        export_xlsx("internship", records, path, links=LinkNames(conn, store.establishment))
    return time.perf_counter() - t0


def ours_end_to_end(store, path: Path) -> float:
    from forms.excel import export_records

    t0 = time.perf_counter()
    export_records(store, "internship", path)
    return time.perf_counter() - t0


def child(data: str, out: str) -> None:
    from forms.workspace import Workspace

    ws = Workspace.open(Path(data))
    seconds = ours_end_to_end(ws.records(), Path(out))
    print(json.dumps({"seconds": seconds, "peak_rss_mb": peak_rss_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from forms.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        data = build_database(folder, args.rows)
        print(f"database: {args.rows} internships, built in {time.perf_counter() - t0:.1f} s")
        ws = Workspace.open(data)
        store = ws.records()
        records = store.list("internship")
        cells = same_cells(store, records)
        mine, bare, e2e = [], [], []
        for run in range(args.runs):
            bare.append(bare_write(cells, folder / f"bare{run}.xlsx"))
            mine.append(ours(store, records, folder / f"ours{run}.xlsx"))
            e2e.append(ours_end_to_end(store, folder / f"e2e{run}.xlsx"))
            print(f"run {run + 1}: ours {mine[-1]:.2f} s, ours end to end {e2e[-1]:.2f} s, bare write_only "
                  f"{bare[-1]:.2f} s")
        out = subprocess.run([sys.executable, __file__, "--child", str(data), str(folder / "child.xlsx")],
                             check=True, capture_output=True, text=True)
        peak = json.loads(out.stdout.strip().splitlines()[-1])["peak_rss_mb"]
        m_mine, m_bare, m_e2e = statistics.median(mine), statistics.median(bare), statistics.median(e2e)
        print(f"\nversions: openpyxl {_version('openpyxl')}, SQLAlchemy {_version('SQLAlchemy')}; "
              f"{args.rows} rows x {len(cells[0])} columns")
        print(f"bare write_only median {m_bare:.2f} s ({args.rows / m_bare:,.0f} rows/s)")
        per_run = statistics.median(o / b for o, b in zip(mine, bare, strict=True))
        print(f"ours median {m_mine:.2f} s  ratio {m_mine / m_bare:.2f}, median of per-run ratios {per_run:.2f} "
              f"(target ≤ 1.2)")
        print(f"ours end to end (database read included) median {m_e2e:.2f} s  ratio {m_e2e / m_bare:.2f}; "
              f"peak RSS {peak:.0f} MB")
        ws.close()


if __name__ == "__main__":
    main()
