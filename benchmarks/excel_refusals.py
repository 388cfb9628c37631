"""Files the budget refuses, or that are large within it: time and peak memory of the import (and of its error
report) on each, in a child process apiece (issue 13: « under 300 MB and a few seconds »).

    .venv/bin/python benchmarks/excel_refusals.py [--only NAME]

Files, generated in a temporary folder (the cells are written as raw sheet XML, as Excel writes them):

* ``shared-strings``: 3 KB, a ``sharedStrings.xml`` declaring ``uniqueCount="2000000000"`` (calamine
  reserved 48 GB for it and aborted the process);
* ``formula-10m``: 199 000 rows × 50 columns (9.95 million cells, ~45 MB), one formula in an imported column,
  imported with and without ``--errors``;
* ``rows-1m``: 1 000 000 rows × 3 columns (~22 MB), refused for its rows;
* ``csv-63mb``: a 63 MB semicolon CSV with one emoji, 165 000 offering rows, checked (``--dry-run``).

The child's peak RSS is ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read by this script after it ends.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

def _column_letter(index: int) -> str:
    from forms.excel.reading import column_letter

    return column_letter(index)


def _sheet_workbook(path: Path, rows: int, cols: int, formula_at: tuple[int, int] | None) -> None:
    from tests.forms.excel_files import OFFERING_ROW, headers, write_xlsx

    base = write_xlsx(path.with_suffix(".base.xlsx"), "offering", [OFFERING_ROW])
    rng = random.Random(7)
    head = headers("offering", "template") + [f"Extra {i}" for i in range(max(cols - 18, 0))]
    letters = [_column_letter(j).encode() for j in range(cols)]
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            with dst.open(info.filename, "w", force_zip64=True) as out:
                out.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                out.write(b'<row r="1">' + b"".join(b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>'
                                                    % (letters[j], h.encode()) for j, h in enumerate(head[:cols]))
                          + b"</row>")
                for r in range(2, rows + 2):
                    number = str(r).encode()
                    parts = [b'<row r="%s">' % number]
                    for j in range(cols):
                        if formula_at == (r, j):
                            parts.append(b'<c r="%s%s"><f>1+1</f><v>2</v></c>' % (letters[j], number))
                        else:
                            parts.append(b'<c r="%s%s"><v>%d</v></c>' % (letters[j], number, rng.randrange(1000)))
                    parts.append(b"</row>")
                    out.write(b"".join(parts))
                out.write(b"</sheetData></worksheet>")
    base.unlink()


def _shared_strings(path: Path) -> None:
    from tests.forms.excel_files import OFFERING_ROW, write_xlsx

    write_xlsx(path, "offering", [OFFERING_ROW])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                         b'main" count="1" uniqueCount="2000000000"><si><t>x</t></si></sst>')


def _csv(path: Path) -> None:
    from tests.forms.excel_files import OFFERING_ROW, headers

    keys = list(OFFERING_ROW)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(";".join(headers("offering", "labels")) + "\r\n")
        for i in range(165_000):
            row = {**OFFERING_ROW, "code": f"LP-{i:06}", "accreditation_date": "01/03/2025",
                   "title": ("Licence 😀 " if i == 0 else "Licence ") + "x" * 280}
            cells = ("" if row[k] is None else str(row[k]) for k in keys)
            out.write(";".join(f'"{c}"' if ";" in c else c for c in cells) + "\r\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", help="one of shared-strings, formula-10m, rows-1m, csv-63mb")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        env = {**os.environ, "KAFAAT_PASSPHRASE": "benchmark passphrase, not a secret"}
        subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "init", "--role",
                        "establishment", "--establishment", "ECC"], check=True, capture_output=True, cwd=ROOT,
                       env=env)
        cases = {
            "shared-strings": (lambda p: _shared_strings(p), "offering", "xlsx", [(None, False)]),
            "formula-10m": (lambda p: _sheet_workbook(p, 199_000, 50, (100_000, 7)), "offering", "xlsx",
                            [(None, False), ("report", False)]),
            "rows-1m": (lambda p: _sheet_workbook(p, 1_000_000, 3, None), "offering", "xlsx", [(None, False)]),
            "csv-63mb": (_csv, "offering", "csv", [(None, True)]),
        }
        print(f"Python {sys.version.split()[0]}; {os.cpu_count()} CPU; load average "
              f"{os.getloadavg()[0]:.1f} at start")
        for name, (build, form, ext, runs) in cases.items():
            if args.only and name != args.only:
                continue
            path = Path(tmp) / f"{name}.{ext}"
            build(path)
            size = path.stat().st_size
            for report, dry_run in runs:
                # RUSAGE_CHILDREN keeps the largest child so far: each measure runs in a fresh grandchild
                code = ("import resource, subprocess, sys, time, json\n"
                        "t = time.perf_counter(); out = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
                        "lines = (out.stdout + out.stderr).strip().splitlines()\n"
                        "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)"
                        ".ru_maxrss // 1024, out.returncode, lines[-1][:150] if lines else '']))\n")
                command = [sys.executable, "-m", "desktop", "--data-dir", str(folder), "import", form, str(path)]
                if report:
                    command += ["--errors", str(Path(tmp) / "rapport.xlsx")]
                if dry_run:
                    command.append("--dry-run")
                measured = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True,
                                          cwd=ROOT, check=True)
                elapsed, peak, exit_code, last = json.loads(measured.stdout)
                label = name + (" --errors" if report else "") + (" --dry-run" if dry_run else "")
                print(f"{label:28} {size / 2**20:6.1f} MB  {elapsed:6.1f} s  peak {peak:4d} MB  exit {exit_code}  "
                      f"{last}")


if __name__ == "__main__":
    main()
