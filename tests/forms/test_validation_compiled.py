"""The compiled validators (``forms.compiled``) against the interpreted reference, on generated records of
every declared form and of every form as a ministry receives it: the same issues, in the same order."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forms.compiled as compiled_module
from forms.compiled import CompiledForm, compiled, parse_and_validate_rows, shape_analysis
from forms.definitions import FORMS
from forms.schema import PSEUDONYM_PATTERN, Field, FieldType, Form, Sharing
from forms.validation import (
    CONTROL_CHARS,
    parse_and_validate,
    parse_and_validate_batch,
    parse_record,
    parse_record_interpreted,
    validate,
    validate_batch,
    validate_interpreted,
)
from tests.conftest import sample_values

ALL_FORMS = [*FORMS.values(), *(f.as_received() for f in FORMS.values())]
IDS = [f"{f.key}{'' if f in FORMS.values() else '-received'}" for f in ALL_FORMS]


CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))]
"""What ``forms.validation.CONTROL_CHARS`` refuses in a text: C0 (but tab, line feed, carriage return), DEL, C1."""
CONTROL_ALPHABET = "aé١-@. \t\n\r\u00a0\u200f«À€ـ\u00ff" + "".join(CONTROLS)
"""Texts mixing letters, white space, characters ``str.isprintable`` refuses but the rule does not (no-break
space, a right-to-left mark), characters whose UTF-8 holds the bytes of the C1 controls' (« « » and « \u00ff »
start with the same byte, « À », « € » and « ـ » end with one of the same bytes) and the control characters."""
CONTROL_TEXTS = ["Casa\x00blanca", "\x1b[31mrouge", "a@b\x07.ma", "R1300\x0145678", "152531200000\x1f001",
                 "\x0b", "a\x0cb", "\x1c\x1d", "ligne\tune\nligne deux\r", "Nom\u200f", "\x7f", "2024-2025\x08",
                 "R1300\x7f45678", "\x9b31mrouge", "Casa\x85blanca", "a@b\x9f.ma", "«\x80»", "À€ـ", "2025-2026\u00a0"]
"""Control characters at either end, inside identifiers, e-mail addresses and codes, alone; and white space
and other invisible characters that are no control characters, and letters that share bytes with them."""


def _number_bound(value: Any, fallback: int) -> Any:
    return fallback if value is None else value


def field_values(f: Field) -> st.SearchStrategy[Any]:
    """Typed values of the field's type: valid ones, ones on and just past its bounds, and wrong ones."""
    kind = f.type
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER):
        options = [st.text(alphabet="aZ09-@. é", max_size=f.max_length + 2),
                   st.text(alphabet=CONTROL_ALPHABET, max_size=12),
                   st.sampled_from(["x" * f.max_length, "x" * (f.max_length + 1), "Maroc", "France", "ma",
                                    "a@b.ma", "1.2E+19", "2025-2026", "2024-2026", "R130045678", "",
                                    "a@b.ma\nc@d.ma", "R1300\nR1301", "2024-2025\n", "١٢٣٤٥", *CONTROL_TEXTS,
                                    "x" * (f.max_length - 1) + "\x01", "x" * f.max_length + "\x1b"])]
        if f.pattern:
            valid = st.from_regex(f.pattern, fullmatch=True)
            options += [valid, st.tuples(valid, st.sampled_from(["\n", " ", "\n\n", "x", *CONTROLS]), valid).map("".join)]
        return st.one_of(options)
    if kind is FieldType.INTEGER:
        low, high = _number_bound(f.min, -5), _number_bound(f.max, 100)
        return st.one_of(st.integers(low - 2, low + 40), st.integers(high - 2, high + 2), st.integers(0, 3100))
    if kind is FieldType.DECIMAL:
        low, high = int(_number_bound(f.min, -5)), int(_number_bound(f.max, 100))
        return st.integers((low - 1) * 100, (high + 1) * 100).map(lambda n: Decimal(n) / 100)
    if kind is FieldType.DATE:
        today = date.today()
        return st.one_of(st.dates(date(1985, 1, 1), date(2110, 1, 1)),
                         st.dates(today - timedelta(days=400), today + timedelta(days=400)),
                         st.sampled_from([d for d in (f.min, f.max) if d is not None] or [today]))
    if kind is FieldType.BOOLEAN:
        return st.booleans()
    if kind in (FieldType.CHOICE, FieldType.MULTI_CHOICE):
        table = f.choices()
        assert table is not None
        codes = st.sampled_from(table.codes)
        if kind is FieldType.CHOICE:
            return codes
        return st.lists(codes, min_size=1, max_size=3, unique=True).map(tuple)
    if kind is FieldType.LINK:
        return st.sampled_from(["9b7a3b1c-0000-4000-8000-000000000001", "9b7a3b1c-0000-4000-8000-000000000002"])
    raise AssertionError(kind)


@st.composite
def batches(draw: st.DrawFn, form: Form) -> list[Any]:
    """Rows drawn from a few values per field (so values and combinations repeat, as in real data), some
    rows lacking keys, some not plain dicts."""
    pools = {f.key: draw(st.lists(st.one_of(st.none(), field_values(f)), min_size=1, max_size=4))
             for f in form.fields}
    rows: list[Any] = []
    for _ in range(draw(st.integers(1, 12))):
        row = {key: draw(st.sampled_from(pool)) for key, pool in pools.items()}
        for key in draw(st.lists(st.sampled_from(form.field_keys), max_size=2)):
            row.pop(key, None)
        rows.append(row)
    if draw(st.booleans()):
        rows = [MappingProxyType(r) for r in rows]
    return rows


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_agrees_with_interpreted(form: Form, data: st.DataObject) -> None:
    rows = data.draw(batches(form))
    expected = [validate_interpreted(form, r) for r in rows]
    assert [compiled(form).one(r) for r in rows] == expected
    assert compiled(form).batch(rows) == expected
    # a fresh compilation has learnt nothing yet about what the rules read
    assert CompiledForm(form).batch(rows) == expected


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
def test_batch_of_typical_records_agrees(form: Form) -> None:
    """The sample records of the fixtures, many times over with a few changes, through parse then validate."""
    base = {k: v for k, v in sample_values(form.key).items() if form.has_field(k)}
    raws = [dict(base), {**base, next(iter(base)): None}, {**base, "oops": 1}]
    raws += [dict(base) for _ in range(200)]
    assert parse_and_validate_batch(form, raws) == [parse_and_validate(form, r) for r in raws]


def test_validate_and_validate_batch_are_the_compiled_ones() -> None:
    form = FORMS["internship"]
    values = {k: None for k in form.field_keys}
    assert validate(form, values) == validate_interpreted(form, values) != []
    assert validate_batch(form, [values, values]) == [validate_interpreted(form, values)] * 2
    assert validate_batch(form, []) == []
    assert compiled(form) is compiled(form)
    assert compiled(form.as_received()) is not compiled(form)


def test_a_rule_that_iterates_its_values_is_run_record_by_record() -> None:
    from forms.i18n import Text
    from forms.schema import Issue, Rule

    def count_present(v: Any) -> Any:
        if sum(1 for key in v if v[key] is not None) > 1:
            yield Issue(("a",), Text("trop"), code="many")

    form = Form("t", Text("T"), Text("Ts"), (Field("a", FieldType.INTEGER, Text("A")),
                                             Field("b", FieldType.INTEGER, Text("B"))),
                rules=(Rule("many", (), count_present, Text("")),))
    rows = [{"a": 1, "b": 2}, {"a": 1, "b": None}, {"a": 1, "b": 2}]
    assert validate_batch(form, rows) == [validate_interpreted(form, r) for r in rows]
    assert [len(found) for found in validate_batch(form, rows)] == [1, 0, 1]


def clean_record(form: Form) -> dict[str, Any]:
    """The typed values of the fixtures' complete, clean record of the form (a pseudonym where the ministry
    receives one)."""
    from forms.validation import parse_record

    raw = {k: v for k, v in sample_values(form.key).items() if form.has_field(k)}
    for f in form.fields:
        if f.sharing is Sharing.PSEUDONYMISED and f.pattern == PSEUDONYM_PATTERN:
            raw[f.key] = "p1-" + "a" * 26
    return parse_record(form, raw)[0]


@st.composite
def mixed_batches(draw: st.DrawFn, form: Form) -> list[Any]:
    """Mostly clean records, as real batches are, with a few values changed (to wrong ones, or to other
    valid ones, which the rules then compare), some keys missing and some rows not plain dicts; long enough
    to span several chunks when ``CHUNK`` is small."""
    base = clean_record(form)
    keys = form.field_keys
    rows: list[Any] = []
    for _ in range(draw(st.integers(1, 40))):
        row = dict(base)
        if draw(st.integers(0, 3)) == 0:
            for key in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3)):
                row[key] = draw(st.one_of(st.none(), field_values(form.field(key))))
        if draw(st.integers(0, 30)) == 0:
            row.pop(draw(st.sampled_from(keys)), None)
        if draw(st.integers(0, 30)) == 0:
            row = MappingProxyType(row)
        rows.append(row)
    return rows


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_batch_of_mixed_clean_and_faulty_rows_agrees(form: Form, data: st.DataObject) -> None:
    """The batch's column predicates never let through a row the reference validator finds anything in
    (errors and warnings alike), over chunks of a few rows (so that a batch spans several, and what one
    chunk or one batch remembered serves the next) and over one chunk."""
    rows = data.draw(mixed_batches(form))
    expected = [validate_interpreted(form, r) for r in rows]
    with patch.object(compiled_module, "CHUNK", data.draw(st.sampled_from([1, 3, 7, 16]), label="chunk")):
        assert compiled(form).batch(rows) == expected
        assert compiled(form).batch(rows[::-1]) == expected[::-1]
    assert validate_batch(form, rows) == expected
    assert CompiledForm(form).batch(rows) == expected


def test_a_large_batch_agrees_and_flags_only_its_faulty_rows() -> None:
    """Thousands of rows (several default chunks), a few of them faulty in each way the internship form
    knows: each row's findings are the reference's, and the clean rows have none."""
    form = FORMS["internship"]
    base = clean_record(form)
    rows = []
    for i in range(3000):
        row = {**base, "student_code": f"R{130000000 + i}", "host_ice": f"{1525312000000 + i:015d}",
               "tutor_email": f"tuteur{i % 211}@example.ma", "start_date": date(2025, 1, 6) + timedelta(i % 300)}
        row["end_date"] = row["start_date"] + timedelta(150)
        rows.append(row)
    faults = {17: ("host_ice", "12345"), 400: ("student_code", "R13000\nR13001"), 900: ("tutor_email", "x@y"),
              1200: ("end_date", date(2024, 1, 1)), 1500: ("weekly_hours", 70), 2100: ("host_country", "France"),
              2500: ("last_name", None), 2999: ("monthly_stipend", Decimal("-1.00")), 2000: ("final_mark", Decimal(21)),
              2600: ("host_name", "Entreprise\x01 SARL"), 2700: ("tutor_email", "tuteur\x1b@example.ma"),
              2800: ("student_code", "R1300\x0045"), 2850: ("host_name", "Entreprise\x9b SARL"),
              2900: ("host_city", "Casa\x7fblanca"), 2950: ("tutor_email", "tuteur\x85@example.ma")}
    rows[2860] = {**rows[2860], "host_name": "Société « Ète » À€ـ"}  # bytes shared with C1's: not a fault
    for at, (key, value) in faults.items():
        rows[at] = {**rows[at], key: value}
    expected = [validate_interpreted(form, r) for r in rows]
    assert {i for i, found in enumerate(expected) if found} == set(faults)
    assert validate_batch(form, rows) == expected
    assert CompiledForm(form).batch(rows) == expected


PATTERNS = sorted({f.pattern for form in ALL_FORMS for f in form.fields if f.pattern}
                  | {r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", r"\w+", r"\S+", r"a.b", r"(a|ab)c"})


@pytest.mark.parametrize("controls", [False, True], ids=["pattern", "pattern-and-controls"])
@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_joined_pattern_test_agrees_with_one_match_per_value(pattern: str, controls: bool, data: st.DataObject
                                                             ) -> None:
    """The pattern check over a column (values joined by newlines, in ASCII mode where that is as strict)
    says « all match » only when every value matches on its own, and exactly then for ASCII values (beyond
    ASCII it may doubt: the values are then matched one by one); with ``controls``, and none holds a control
    character."""
    shape = re.compile(pattern)
    value = st.one_of(st.from_regex(shape, fullmatch=True), st.text(alphabet="aAb9١-@.;\n \u00a0c", max_size=12),
                      st.tuples(st.from_regex(shape, fullmatch=True), st.sampled_from(CONTROLS)).map("".join))
    values = data.draw(st.lists(value, min_size=1, max_size=10))
    every = compiled_module._all_match(shape, controls)
    truth = all(shape.fullmatch(v) and (not controls or not CONTROL_CHARS.search(v)) for v in values)
    for _ in range(2):  # again, once the values that matched are remembered
        verdict = every(values)
        assert truth if verdict else not truth or not all(v.isascii() for v in values)


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_a_pattern_said_to_hold_no_control_character_holds_none(pattern: str, data: st.DataObject) -> None:
    """``never_holds_control`` is only said of patterns none of whose matches hold a control character: the
    column test then leaves out the control pass. Said of the declared identifiers, not of the e-mail shape."""
    shape = re.compile(pattern)
    if compiled_module.never_holds_control(shape):
        assert not CONTROL_CHARS.search(data.draw(st.from_regex(shape, fullmatch=True)))


def test_which_patterns_are_said_to_hold_no_control_character() -> None:
    said = compiled_module.never_holds_control
    for pattern in {f.pattern for form in ALL_FORMS for f in form.fields if f.pattern}:
        assert said(re.compile(pattern)), pattern
    for pattern in (r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", r"\S+", r"a.b", r"[^a]", r"[\x00-a]", r"\x1b", r"(?i)a",
                    r"\s", r"\D", r"[ -~\x1f]", r"a|\x01"):
        assert not said(re.compile(pattern)), pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=CONTROL_ALPHABET + "Zz٣", max_size=6), min_size=1, max_size=8))
def test_the_control_pass_over_a_column_agrees_with_the_rule(values: list[str]) -> None:
    assert compiled_module.no_control(values) is not any(CONTROL_CHARS.search(v) for v in values)


def test_shape_analysis_refuses_what_it_cannot_prove() -> None:
    assert shape_analysis(re.compile(r"\d{15}")) == (True, True)
    assert shape_analysis(re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")) == (True, False)  # \s wider in Unicode
    for pattern in (r"[^@]+", r"\s", r"\D", r"(?s).", r"a$", r"^a", r"(?=a)a", r"(a)\1", r"(?>a)", r"a*+",
                    r"(?i)a", r"[\n]"):
        assert shape_analysis(re.compile(pattern))[0] is False, pattern


# ------------------------------------------------------------------------------------ compiled parser

def raw_values(f: Field) -> st.SearchStrategy[Any]:
    """What a cell, a JSON member or a form may hold for the field: typed values, their usual spellings as
    text, numbers of every kind (on and past the limits, not finite, negative zero), blanks, and values of
    the wrong type."""
    def spellings(value: Any) -> st.SearchStrategy[Any]:
        options: list[Any] = [value]
        if isinstance(value, date):
            options += [value.isoformat(), value.strftime("%d/%m/%Y"), f" {value.isoformat()} ",
                        datetime(value.year, value.month, value.day, 8, 30), f"{value.isoformat()}T08:00:00"]
        elif isinstance(value, Decimal):
            options += [float(value), str(value), str(value).replace(".", ","), int(value)]
        elif isinstance(value, bool):
            options += [int(value), "Oui" if value else "non", " VRAI " if value else "Faux"]
        elif isinstance(value, str):
            options += [value.upper(), f"  {value} ", value.replace(" ", "\u00a0"), f"{value}\n"]
        elif isinstance(value, int):
            options += [float(value), str(value), f" {value:,} ".replace(",", "\u202f"), Decimal(value)]
        elif isinstance(value, tuple):
            options += [list(value), ";".join(value), ", ".join(value), set(value)]
        table = f.choices()
        if table is not None and isinstance(value, str) and value in table.codes:
            choice = table.choices[table.codes.index(value)]
            options += [choice.label.fr, choice.label.get("ar"), choice.label.fr.upper()]
        return st.sampled_from(options)

    odd = st.sampled_from([
        "", "   ", "\u00a0", [], (), 0, 1, -1, 0.5, 1.0, -0.0, 2.675, 1e15, -1e15, 999999999999999.0, 10**15,
        10**16, float("nan"), float("inf"), Decimal("NaN"), Decimal("1E+20"), Decimal("12.345"), True, False,
        "abc", "1.2E+19", "12,50", "١٢", {"a": 1}, b"bytes", "oui", "x", "2024-W01-1", "2024-02-30",
        "15/01/2024", "20240115", "0012", 12.0, 1.5e3, "  3000.0 ", datetime(2024, 1, 15, 23, 59)])
    return st.one_of(field_values(f).flatmap(spellings), odd)


def _exact(parsed: tuple[dict[str, Any], list[Any]]) -> Any:
    """Values with their types and exact spelling (Decimal("1.0") == Decimal("1.00"), 1 == True)."""
    values, issues = parsed
    return {k: (type(v), repr(v)) for k, v in values.items()}, issues


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_parser_agrees_with_interpreted(form: Form, data: st.DataObject) -> None:
    raw = {f.key: data.draw(st.one_of(st.none(), raw_values(f)), label=f.key) for f in form.fields}
    for key in data.draw(st.lists(st.sampled_from(form.field_keys), max_size=3), label="dropped"):
        raw.pop(key, None)
    if data.draw(st.booleans(), label="unknown keys"):
        raw["oops"] = 1
        raw[""] = None
    expected = _exact(parse_record_interpreted(form, raw))
    assert _exact(compiled(form).parse(raw)) == expected
    assert _exact(parse_record(form, MappingProxyType(raw))) == expected
    assert [_exact(p) for p in map(CompiledForm(form).parse, [raw, raw])] == [expected, expected]


def test_parse_record_is_the_compiled_one() -> None:
    form = FORMS["internship"]
    raw = {"start_date": "15/01/2024", "monthly_stipend": 3000.0, "weekly_hours": 35.0, "nope": 2}
    assert parse_record(form, raw) == parse_record_interpreted(form, raw)
    assert parse_record(form, raw)[0]["monthly_stipend"] == Decimal("3000.00")
    assert [i.code for i in parse_record(form, raw)[1]] == ["unknown_field"]


# ------------------------------------------------------------------------------- column parser (batches)

def _spellings_of_a_column(f: Field) -> list[Any]:
    """Ways a whole column of raw values may be written (an import's cells, a bundle's JSON, a form):
    each turns a typed value of the field into a raw one."""
    kind = f.type
    same = [lambda v: v]
    if kind is FieldType.DATE:
        return [*same, date.isoformat, lambda v: datetime(v.year, v.month, v.day, 9),
                lambda v: v.strftime("%d/%m/%Y")]
    if kind is FieldType.DECIMAL:
        return [*same, float, str, lambda v: int(v)]
    if kind is FieldType.INTEGER:
        return [*same, float, str]
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER, FieldType.LINK):
        return [*same, lambda v: f" {v}  ", str.upper]
    if kind is FieldType.MULTI_CHOICE:
        return [*same, ";".join]
    return same


def near_misses(f: Field) -> list[Any]:
    """Raw values that look like a well-formed column's and are not quite (or are, written otherwise)."""
    kind = f.type
    if kind is FieldType.DATE:
        return ["2024-W01-1", "20240115", "2024-02-30", " 2024-01-15", "2024-01-15T08:00", "2024-1-15", "٢٠٢٤-01-15",
                "2024-01-15\n2024-01-16", "0000-01-01", date(2024, 1, 15), datetime(2024, 1, 15, 23, 59)]
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        return [float("nan"), float("inf"), 1e15, -1e15, 999999999999999.0, -0.0, 0.0, 0, True, "3", 2.5, 10**15,
                35.0, 35, Decimal("35"), 2.675]
    if kind in (FieldType.TEXT, FieldType.EMAIL, FieldType.IDENTIFIER, FieldType.LINK):
        return [" x", "x ", "a  b", "a\tb", "a\u00a0b", "a\x00 b", "a \x00b", "", "   ", "\u3000x", "x\n", 12, 12.5,
                "ABC", "R130045678", "a@b.ma", *CONTROL_TEXTS, " \x01 ", "x\x1fy "]
    if kind is FieldType.CHOICE:
        table = f.choices()
        assert table is not None
        return [table.codes[0].lower(), f" {table.codes[0]}", table.choices[0].label.fr, "", "zz", 1]
    return ["", "zz", 1, True]


@st.composite
def raw_batches(draw: st.DrawFn, form: Form) -> list[Any]:
    """Raw records as batches bring them: the fixtures' clean record and a few other valid values per field,
    each column written one way (so that whole columns are well formed), with faulty or odd raw values mixed
    in, keys missing, unknown keys, rows not plain dicts; long enough to span several chunks."""
    base = clean_record(form)
    columns = {}
    for f in form.fields:
        spell = draw(st.sampled_from(_spellings_of_a_column(f)), label=f"{f.key} spelling")
        pool = [base[f.key], *draw(st.lists(st.one_of(st.none(), field_values(f)), max_size=3), label=f.key)]
        columns[f.key] = (spell, pool)
    faults = raw_values
    focus = form.field(draw(st.sampled_from(form.field_keys), label="focus"))  # near misses land here most
    rows: list[Any] = []
    for _ in range(draw(st.integers(1, 30), label="rows")):
        row: dict[str, Any] = {}
        for key, (spell, pool) in columns.items():
            value = draw(st.sampled_from(pool))
            row[key] = None if value is None else spell(value)
        if draw(st.integers(0, 3)) == 0:
            for key in draw(st.lists(st.sampled_from(form.field_keys), min_size=1, max_size=2)):
                f = form.field(key)
                row[key] = draw(st.one_of(st.none(), faults(f), st.sampled_from(near_misses(f))))
        if draw(st.integers(0, 4)) == 0:
            row[focus.key] = draw(st.sampled_from(near_misses(focus)))
        if draw(st.integers(0, 20)) == 0:
            row.pop(draw(st.sampled_from(form.field_keys)), None)
        if draw(st.integers(0, 20)) == 0:
            row["oops"] = 1
        if draw(st.integers(0, 20)) == 0:
            row = MappingProxyType(row)  # type: ignore[assignment]
        rows.append(row)
    return rows


def parse_and_validate_interpreted(form: Form, raw: Any) -> tuple[dict[str, Any], list[Any]]:
    """``parse_and_validate`` through the references alone."""
    values, issues = parse_record_interpreted(form, raw)
    unreadable = {i.field for i in issues}
    issues.extend(i for i in validate_interpreted(form, values) if not (i.code == "required" and i.field in unreadable))
    return values, issues


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_column_parser_agrees_with_interpreted(form: Form, data: st.DataObject) -> None:
    """Parsing a column at a time gives each record's typed values (types and spelling alike) and problems,
    messages included, as the reference parser does record by record; parse + validate too. Over chunks of a
    few rows (a batch spans several) and over the default chunk."""
    rows = data.draw(raw_batches(form))
    parsed = [_exact(parse_record_interpreted(form, r)) for r in rows]
    checked = [_exact(parse_and_validate_interpreted(form, r)) for r in rows]
    with patch.object(compiled_module, "CHUNK", data.draw(st.sampled_from([1, 3, 7, 16]), label="chunk")):
        assert [_exact(p) for p in compiled(form).parse_many(rows)] == parsed
        assert [_exact(p) for p in parse_and_validate_batch(form, rows)] == checked
    assert [_exact(p) for p in compiled(form).parse_many(rows)] == parsed
    assert [_exact(p) for p in parse_and_validate_batch(form, rows)] == checked
    assert [_exact(p) for p in CompiledForm(form).parse_and_validate(rows)] == checked


@st.composite
def named_rows(draw: st.DrawFn, form: Form) -> tuple[list[str | None], list[Any]]:
    """``raw_batches`` as rows of values under names, as a bundle carries them: the names in any order, some
    fields not carried at all, positions that are no part of the record (``None``: a bundle's system
    members), unknown names, a name given twice; a key a record lacked reads ``None``; lists or tuples."""
    raws = draw(raw_batches(form))
    keys = list(dict.fromkeys(k for raw in raws for k in raw))
    keys = [k for k in draw(st.permutations(keys), label="order") if draw(st.integers(0, 7), label="drop") != 0]
    names: list[str | None] = list(keys)
    for _ in range(draw(st.integers(0, 3), label="ignored")):
        names.insert(draw(st.integers(0, len(names)), label="at"), None)
    if names and draw(st.integers(0, 5), label="twice") == 0:
        names.append(draw(st.sampled_from([n for n in names if n is not None] or [None]), label="again"))
    if draw(st.integers(0, 5), label="unknown") == 0:
        names.insert(draw(st.integers(0, len(names)), label="at"), "oops")
    make = draw(st.sampled_from([list, tuple]), label="row type")
    twice = [i for i, n in enumerate(names) if n is not None and names.index(n) < i]
    rows = []
    for raw in raws:
        row = [raw.get(n) if n is not None else draw(st.sampled_from([None, 1, "x", "  "]), label="other")
               for n in names]
        for i in twice:  # the first of a name given twice holds another value, which the record does not keep
            row[names.index(names[i])] = " autre "
        rows.append(make(row))
    return names, rows


@pytest.mark.parametrize("form", ALL_FORMS, ids=IDS)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_rows_entry_agrees_with_interpreted(form: Form, data: st.DataObject) -> None:
    """``parse_and_validate_rows`` (records as rows of values under names, no dictionary a record) gives what
    the references give for each record as ``dict(zip(names, row))`` (positions named ``None`` left out):
    types, spelling, issues and messages alike, over chunks of a few rows and over the default chunk."""
    names, rows = data.draw(named_rows(form))
    records = [{n: v for n, v in zip(names, row, strict=True) if n is not None} for row in rows]
    checked = [_exact(parse_and_validate_interpreted(form, r)) for r in records]
    with patch.object(compiled_module, "CHUNK", data.draw(st.sampled_from([1, 3, 7, 16]), label="chunk")):
        assert [_exact(p) for p in parse_and_validate_rows(form, names, rows)] == checked
    assert [_exact(p) for p in parse_and_validate_rows(form, names, rows)] == checked
    assert [_exact(p) for p in CompiledForm(form).parse_and_validate_rows(names, iter(rows))] == checked
    assert [_exact(p) for p in parse_and_validate_batch(form, records)] == checked


def test_rows_entry_refuses_a_row_of_another_width() -> None:
    """A row shorter or longer than its names is an error, as ``dict(zip(names, row, strict=True))``."""
    form = FORMS["offering"]
    for rows in ([["a", "b"], ["a"]], [["a", "b", "c"]]):
        with pytest.raises(ValueError):
            parse_and_validate_rows(form, ["code", None], rows)
    assert parse_and_validate_rows(form, ["code"], []) == []


def test_a_large_raw_batch_agrees_across_chunks() -> None:
    """Thousands of raw internships as a bundle carries them (ISO dates, JSON numbers), faults on and beside
    the chunks' edges: the column parser and validator give the reference's values and findings."""
    form = FORMS["internship"]
    base = clean_record(form)
    rows = []
    for i in range(2000):
        start = date(2025, 1, 6) + timedelta(i % 300)
        row = {**base, "student_code": f"R{130000000 + i}", "host_ice": f"{1525312000000 + i:015d}",
               "start_date": start.isoformat(), "end_date": (start + timedelta(150)).isoformat(),
               "weekly_hours": 35 + i % 6, "monthly_stipend": 2000.0 + (i % 7) * 250}
        rows.append(row)
    faults = {0: ("start_date", "2025-02-30"), 255: ("host_name", "  Entreprise   X "), 256: ("weekly_hours", 35.5),
              511: ("monthly_stipend", "abc"), 512: ("monthly_stipend", -0.0), 700: ("end_date", "2024-W01-1"),
              1023: ("gender", "Féminin"), 1024: ("offering", " 9B7A3B1C-0000-4000-8000-000000000001"),
              1500: ("last_name", "   "), 1999: ("start_date", "15/01/2025"), 1700: ("first_name", "Amina\x08"),
              1800: ("host_city", "Casa\x1ablanca"), 1850: ("host_city", "Casa\x80blanca"),
              1900: ("first_name", "Amina\x7f"),
              # controls that ``str.split`` takes for white space: refused, never collapsed into a space
              1860: ("host_city", "Casa\x85blanca"), 1870: ("last_name", "Nom\x0bX"), 1880: ("host_name", "A\x1cB"),
              1890: ("tutor_name", "\x1f Karim \x0c")}
    for at, (key, value) in faults.items():
        rows[at] = {**rows[at], key: value}
    expected = [_exact(parse_and_validate_interpreted(form, r)) for r in rows]
    assert {i for i, (_v, issues) in enumerate(expected) if issues} >= {0, 256, 511, 700, 1500}
    for at in (1700, 1800, 1850, 1860, 1870, 1880, 1890, 1900):
        key = faults[at][0]
        assert [i for i in expected[at][1] if key in repr(i) and "control" in repr(i)], (at, expected[at])
    assert [_exact(p) for p in parse_and_validate_batch(form, rows)] == expected
    names = [None, *form.field_keys]
    assert [_exact(p) for p in parse_and_validate_rows(form, names, [[i, *r.values()] for i, r in enumerate(rows)])
            ] == expected
    assert [_exact(p) for p in CompiledForm(form).parse_many(rows)] == [
        _exact(parse_record_interpreted(form, r)) for r in rows]


def test_an_iso_week_date_is_not_a_date() -> None:
    """``2024-W01-1`` (ISO week date, which ``date.fromisoformat`` reads) is refused as ``parse_value`` does."""
    form = FORMS["internship"]
    for parse in (parse_record, parse_record_interpreted):
        values, issues = parse(form, {"start_date": "2024-W01-1"})
        assert values["start_date"] is None and [i.code for i in issues] == ["type"]
