"""No crash, whatever the file: random cell values and damaged workbooks end in an import plan (rows
accepted, or problems located in the file), never in an exception, and never write when refused."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.definitions import FORMS
from forms.excel import plan_import, write_error_report
from tests.forms.excel_files import OFFERING_ROW, dump, rewrite_member, write_csv, write_xlsx

KEYS = FORMS["internship"].field_keys

cell = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["=1+1", "+212 6", "-", "@x", "1,23E+14", "31/02/2025", "07/15/2025", "Oui", "non", "PFE",
                     "2025-2026 / 2", "MS-CYBER", "ms-cyber", "٣", "\u202e", "0", "", " ", "\n"]),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
)
row = st.fixed_dictionaries({k: cell for k in KEYS})


def _check(plan, rows: int) -> None:
    for p in plan.problems:
        assert p.message
        assert 0 <= p.row <= rows + 1
    if plan.ok:
        assert plan.created + plan.updated + plan.unchanged == plan.rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(row, min_size=1, max_size=4), as_csv=st.booleans())
def test_random_cells_never_crash(store, offering_id, tmp_path, rows, as_csv) -> None:
    path = tmp_path / ("fuzz.csv" if as_csv else "fuzz.xlsx")
    if as_csv:  # a CSV can hold what a worksheet cannot: control characters
        rows = [{**rows[0], "host_name": "Soci\x01été"}, *rows[1:]]
        write_csv(path, "internship", rows, style="template")
    else:
        write_xlsx(path, "internship", rows)
    plan = plan_import(store, "internship", path)
    _check(plan, len(rows))
    write_error_report(plan, tmp_path / "rapport.xlsx")


def test_damaged_workbooks_never_crash(store, workspace, tmp_path) -> None:
    good = write_xlsx(tmp_path / "bon.xlsx", "offering", [OFFERING_ROW, {**OFFERING_ROW, "code": "LP-2"}])
    data = good.read_bytes()
    rng = random.Random(20261129)
    before = dump(workspace.db_path)
    for n in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if n % 3 == 0:
            damaged = damaged[: rng.randrange(len(damaged))]
        path = tmp_path / f"abime{n}.xlsx"
        path.write_bytes(bytes(damaged))
        plan = plan_import(store, "offering", path)
        _check(plan, 2)
        if not plan.ok:
            assert all(line.startswith(path.name) for line in plan.lines())
    assert dump(workspace.db_path) == before  # a plan never writes


def test_damaged_csv_never_crash(store, tmp_path) -> None:
    good = write_csv(tmp_path / "bon.csv", "offering", [OFFERING_ROW])
    data = good.read_bytes()
    rng = random.Random(7)
    for n in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.choice(b'";,\n\r\x00\xff\xe9a')
        path = tmp_path / f"abime{n}.csv"
        path.write_bytes(bytes(damaged))
        _check(plan_import(store, "offering", Path(path)), damaged.count(b"\n") + damaged.count(b"\r") + 2)


def test_malformed_sheet_xml_never_crash(store, tmp_path) -> None:
    """Valid zip, damaged XML inside (what a buggy exporter writes): calamine's errors become messages."""
    good = write_xlsx(tmp_path / "bon.xlsx", "offering", [OFFERING_ROW, {**OFFERING_ROW, "code": "LP-2"}])
    rng = random.Random(11)
    for n in range(40):
        path = tmp_path / f"xml{n}.xlsx"
        path.write_bytes(good.read_bytes())
        member = rng.choice(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml",
                             "xl/_rels/workbook.xml.rels", "[Content_Types].xml"])

        def damage(data: bytes) -> bytes:
            out = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.choice(b'<>"&/= x1\xc3')
            return bytes(out)

        rewrite_member(path, member, damage)
        plan = plan_import(store, "offering", path)
        _check(plan, 2)
