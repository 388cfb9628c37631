"""Validation alone: internship records per second per core, our validators against a hand-written check.

    .venv/bin/python benchmarks/validation.py [--rows 100000] [--runs 5] [--validation-only | --parse]

``--parse`` measures only the parsing (raw values → typed values) and parse + validate: see ``parsing``
(the row parser and ``parse_and_validate_batch`` as they were before the column parser are kept below to
measure against in the same run).

N typed internships (what ``parse_record`` gives; an import's variety: unique student codes and ICE,
names, hosts, towns and dates that repeat), clean, and the same with 5 % of rows carrying an error or a
warning. Measured, each in this one process (one core), CPU time (``time.process_time``, so that other
work on the machine does not count):

* **interpreted** — ``forms.validation.validate_interpreted`` row by row (the reference validator);
* **compiled** — ``forms.validation.validate`` row by row (the generated function of the form);
* **batch before** — ``validate_batch`` as it was before the column checks (``previous_batch`` below: the
  generated field checks row by row, then each rule once per distinct combination of its inputs);
* **batch** — ``forms.validation.validate_batch`` now: chunks of rows cut into columns, conservative
  column predicates flag the rows that might have a finding, only those go through the exact validator;
* **batch (parsed columns)** — the validation step of ``parse_and_validate_batch`` alone, as every import and
  every consolidation runs it: the column parser's typed columns checked as they are (no gathering from the
  rows: the parser already cut them), the flagged rows through the exact validator (``check_parsed``);
* **hand-written** — the same rules written out by hand for this form only (below: what one would write
  without a declaration), row by row, returning the codes of what it finds.

Every variant must find the same problems (checked before timing). Medians over ``--runs``; ratios are
hand-written ÷ ours (above 1: ours is faster), and batch before ÷ batch now; the load average is printed
beside each block (the machine is shared). Where the batch's time goes is measured by phases.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.definitions import FORMS  # noqa: E402
from forms.validation import validate, validate_batch, validate_interpreted  # noqa: E402

FORM = FORMS["internship"]
OFFERING_ID = "9b7a3b1c-0000-4000-8000-000000000001"


def make_rows(count: int, broken_share: float = 0.0) -> list[dict[str, Any]]:
    start0 = date(2025, 1, 6)
    rows = []
    broken_every = int(1 / broken_share) if broken_share else 0
    for i in range(count):
        start = start0 + timedelta(days=i % 300)
        row: dict[str, Any] = {
            "student_code": f"R{130000000 + i}", "last_name": f"Nom{i % 997}", "first_name": f"Prénom{i % 389}",
            "gender": "F" if i % 2 else "M", "offering": OFFERING_ID, "cohort": None,
            "internship_type": ("PFE", "APPLICATION", "INITIATION")[i % 3], "domain": "CYBER" if i % 2 else "CLOUD",
            "host_name": f"Entreprise {i % 1500} SARL", "host_ice": f"{1525312000000 + i:015d}",
            "host_sector": "Services numériques", "host_city": "Casablanca", "host_region": ("06", "04", "03", "01")[i % 4],
            "host_country": None, "start_date": start, "end_date": start + timedelta(days=150 if i % 3 == 0 else 60),
            "weekly_hours": 35 + i % 6, "monthly_stipend": Decimal(2000 + (i % 7) * 250).quantize(Decimal("0.01")),
            "tutor_name": f"Tuteur {i % 211}", "tutor_email": f"tuteur{i % 211}@example.ma",
            "supervisor": f"Pr. Encadrant {i % 53}", "outcome": "ONGOING", "final_mark": None, "hired": "UNKNOWN",
        }
        if broken_every and i % broken_every == 0:
            kind = (i // broken_every) % 5
            if kind == 0:
                row["end_date"] = start - timedelta(days=3)
            elif kind == 1:
                row["host_ice"] = "12345"
            elif kind == 2:
                row["weekly_hours"] = 70
            elif kind == 3:
                row["host_country"] = "France"
            else:
                row["last_name"] = None
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------
# The reference: the internship form's rules written out by hand (benchmark only; not the product's)
# ---------------------------------------------------------------------------------------------------

STUDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{4,19}").fullmatch
ICE = re.compile(r"\d{15}").fullmatch
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}").fullmatch
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]").search  # the student code's and the ICE's patterns exclude them
D_MIN, D_MAX = date(2000, 1, 1), date(2100, 12, 31)
ZERO, HUNDRED_K, TWENTY = Decimal(0), Decimal(100000), Decimal(20)
REQUIRED = ("student_code", "last_name", "first_name", "gender", "offering", "internship_type", "domain",
            "host_name", "host_city", "start_date", "end_date", "outcome")
LENGTHS = (("last_name", 100), ("first_name", 100), ("host_name", 200), ("host_sector", 100),
           ("host_city", 100), ("host_country", 100), ("tutor_name", 150), ("supervisor", 150))
HOME = ("maroc", "morocco", "المغرب", "ma")


def hand_written(v: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = []
    for key in REQUIRED:
        if v.get(key) is None:
            out.append((key, "required"))
    for key, longest in LENGTHS:
        text = v.get(key)
        if text is not None:
            if not text.isprintable() and CONTROL(text):
                out.append((key, "control"))
            if len(text) > longest:
                out.append((key, "too_long"))
    code = v.get("student_code")
    if code is not None and (len(code) > 20 or not STUDENT(code)):
        out.append(("student_code", "pattern"))
    ice = v.get("host_ice")
    if ice is not None and (len(ice) > 15 or not ICE(ice)):
        out.append(("host_ice", "pattern"))
    email = v.get("tutor_email")
    if email is not None and not email.isprintable() and CONTROL(email):
        out.append(("tutor_email", "control"))
    elif email is not None and (len(email) > 254 or not EMAIL(email)):
        out.append(("tutor_email", "email"))
    start, end = v.get("start_date"), v.get("end_date")
    for key, day in (("start_date", start), ("end_date", end)):
        if day is not None and not D_MIN <= day <= D_MAX:
            out.append((key, "bounds"))
    hours = v.get("weekly_hours")
    if hours is not None and not 1 <= hours <= 60:
        out.append(("weekly_hours", "bounds"))
    stipend = v.get("monthly_stipend")
    if stipend is not None and not ZERO <= stipend <= HUNDRED_K:
        out.append(("monthly_stipend", "bounds"))
    mark = v.get("final_mark")
    if mark is not None and not ZERO <= mark <= TWENTY:
        out.append(("final_mark", "bounds"))
    if start is not None and end is not None:
        if end < start:
            out.append(("end_date", "end_before_start"))
        else:
            months = (end - start).days / 30.4375
            if months > 12:
                out.append(("end_date", "too_long"))
            if v.get("internship_type") == "PFE" and not 3.5 <= months <= 6.5:
                out.append(("end_date", "pfe_length"))
    country = (v.get("host_country") or "").strip()
    abroad = bool(country) and country.casefold() not in HOME
    if not abroad and not v.get("host_region"):
        out.append(("host_region", "required"))
    if abroad and v.get("host_region"):
        out.append(("host_region", "abroad_region"))
    outcome = v.get("outcome")
    if outcome is not None:
        if mark is not None and outcome != "COMPLETED":
            out.append(("final_mark", "mark_not_completed"))
        if outcome == "COMPLETED" and end and end > date.today():
            out.append(("outcome", "completed_future"))
        if v.get("hired") == "YES" and outcome == "ABANDONED":
            out.append(("hired", "hired_abandoned"))
    return out


# ---------------------------------------------------------------------------------------------------


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu(fn: Callable[[], Any]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def previous_batch(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """``validate_batch`` as it was before the column checks (kept here to measure against, same run): the
    generated field checks row by row, then each rule once per distinct combination of the values it reads
    (learnt as the product does, through ``forms.compiled._Reads``)."""
    from operator import itemgetter

    from forms.compiled import _NeedsMore, _Reads, compiled

    out = list(map(compiled(FORM).fields_one, rows))
    for rule, reads in zip(FORM.rules, _PREVIOUS_READS, strict=True):
        while True:
            if len(reads) > 1:
                keys: list[Any] = list(map(itemgetter(*reads), rows))
            else:
                keys = list(map(itemgetter(reads[0]), rows)) if reads else [()] * len(rows)
            found: dict[Any, tuple[Any, ...]] = {}
            try:
                for key in set(keys):
                    known = dict(zip(reads, key, strict=True)) if len(reads) > 1 else (
                        {reads[0]: key} if reads else {})
                    if any(known[k] is None for k in rule.needs):
                        continue
                    issues = tuple(rule.check(_Reads(known)))
                    if issues:
                        found[key] = issues
            except _NeedsMore as more:  # learnt once per process, as it was
                reads.append(more.key)
                continue
            break
        if found:
            for position, key in enumerate(keys):
                if key in found:
                    out[position].extend(found[key])
    return out


_PREVIOUS_READS = [list(dict.fromkeys(r.needs)) for r in FORM.rules]


def batch_phases(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Where ``validate_batch``'s time goes, step by step as ``forms.compiled.ColumnChecks.run`` takes them
    (its memory of the rules' inputs already warm): gathering each chunk's columns, the column predicates of
    the fields, the rules' distinct inputs, the flagged rows through the exact validator, the result lists."""
    from forms.compiled import CHUNK, compiled

    comp = compiled(FORM)
    comp.batch(rows[:CHUNK])
    checks = comp._columns
    chunks = [rows[s:s + CHUNK] for s in range(0, len(rows), CHUNK)]
    t0 = time.process_time()
    gathered = [list(zip(*map(checks.fetch, chunk), strict=False)) for chunk in chunks]
    t1 = time.process_time()
    flagged = [checks.flag_fields(cols) for cols in gathered]
    t2 = time.process_time()
    for cols, flags in zip(gathered, flagged, strict=True):
        distinct = set(zip(*[cols[j] for j in checks.union_at], strict=False))
        for key in distinct - checks.seen:
            if checks._finds(key):
                checks.bad.add(key)
            checks.seen.add(key)
        if checks.bad and not checks.bad.isdisjoint(distinct):
            flags += [i for i, key in enumerate(zip(*[cols[j] for j in checks.union_at], strict=False))
                      if key in checks.bad]
    t3 = time.process_time()
    for chunk, flags in zip(chunks, flagged, strict=True):
        for i in set(flags):
            comp.one(chunk[i])
    t4 = time.process_time()
    list(map(list.copy, repeat([], len(rows))))  # as ColumnChecks.run makes them
    t5 = time.process_time()
    return {"gather columns": t1 - t0, "field columns": t2 - t1, "rules (distinct inputs)": t3 - t2,
            "flagged rows (exact)": t4 - t3, "result lists": t5 - t4}


def parsed_chunks(rows: list[dict[str, Any]]) -> list[tuple[list[dict[str, Any]], list[Any]]]:
    """``rows`` as the column parser hands them to the validation step of ``parse_and_validate_batch`` (the
    path of every import and every consolidation): per chunk, the records' typed values and the typed
    columns. Made before timing; the parser gives back the very values (checked)."""
    from forms.compiled import CHUNK, compiled

    comp = compiled(FORM)
    chunks = []
    for start in range(0, len(rows), CHUNK):
        values, typed, problems = comp._parser.chunk(rows[start:start + CHUNK])
        assert not problems and values == rows[start:start + CHUNK], "the parser changed a typed row"
        chunks.append((values, typed))
    return chunks


def validate_parsed(chunks: list[tuple[list[dict[str, Any]], list[Any]]]) -> list[list[Any]]:
    """The validation step of ``parse_and_validate_batch`` alone, over chunks the column parser read
    (``CompiledForm.check_parsed``: the typed columns checked as they are, no gathering from the rows)."""
    from forms.compiled import compiled

    comp = compiled(FORM)
    comp._columns.begin()
    out: list[list[Any]] = []
    for values, typed in chunks:
        out += comp.check_parsed(values, typed)
    return out


def variants_for(rows: list[dict[str, Any]]) -> dict[str, Callable[[], Any]]:
    chunks = parsed_chunks(rows)
    return {
        "interpreted": lambda: [validate_interpreted(FORM, r) for r in rows],
        "compiled, row by row": lambda: [validate(FORM, r) for r in rows],
        "batch before (rows)": lambda: previous_batch(rows),
        "batch (columns)": lambda: validate_batch(FORM, rows),
        "batch (parsed columns)": lambda: validate_parsed(chunks),
        "hand-written, row by row": lambda: [hand_written(r) for r in rows],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parse", "--parsing-only", dest="parsing_only", action="store_true",
                        help="only parse_record and parse + validate (raw → typed values → findings)")
    parser.add_argument("--validation-only", action="store_true")
    parser.add_argument("--freeze-gc", action="store_true",
                        help="gc.freeze() once the rows are made: the collector then no longer walks the harness's "
                             "own 100 000 rows (every variant alike; off by default)")
    args = parser.parse_args()
    if args.parsing_only:
        parsing(args.rows, args.runs)
        return
    print(f"Python {platform.python_version()}, {args.rows} internship rows, {args.runs} runs, CPU time of one process"
          + (", gc.freeze() after making the rows" if args.freeze_gc else ""))
    for label, share in (("clean", 0.0), ("5 % with a problem", 0.05)):
        rows = make_rows(args.rows, share)
        expected = [validate_interpreted(FORM, r) for r in rows]
        if args.freeze_gc:
            gc.collect()
            gc.freeze()
        assert [validate(FORM, r) for r in rows] == expected
        assert validate_batch(FORM, rows) == expected
        assert previous_batch(rows) == expected
        assert validate_parsed(parsed_chunks(rows)) == expected
        hand = [hand_written(r) for r in rows]
        assert [bool(h) for h in hand] == [bool(e) for e in expected], "hand-written check disagrees"
        variants = variants_for(rows)
        times: dict[str, list[float]] = {name: [] for name in variants}
        phases: list[dict[str, float]] = []
        for _ in range(args.runs):
            for name, fn in variants.items():
                times[name].append(cpu(fn))
            phases.append(batch_phases(rows))
        print(f"\n{label} ({sum(map(bool, expected))} rows with findings), load average {load()}")
        hand_median = statistics.median(times["hand-written, row by row"])
        for name, values in times.items():
            median = statistics.median(values)
            print(f"  {name:26} {median:7.3f} s  {args.rows / median:>11,.0f} records/s/core  "
                  f"hand-written ÷ this {hand_median / median:5.2f}")
        before, after = (statistics.median(times[k]) for k in ("batch before (rows)", "batch (columns)"))
        print(f"  batch: before ÷ after {before / after:5.2f}")
        print("  batch phases (medians): " + ", ".join(
            f"{k} {statistics.median(p[k] for p in phases) * 1e9 / args.rows:.0f} ns/row" for k in phases[0]))
    if not args.validation_only:
        parsing(args.rows, args.runs)


def as_cells(row: dict[str, Any]) -> dict[str, Any]:
    """The raw record an import hands to ``parse_record``: what ``forms.excel.columns.converter`` gives
    (codes, date objects, cleaned text; numbers as the sheet's floats)."""
    out = dict(row)
    for key in ("monthly_stipend", "final_mark", "weekly_hours"):
        if out[key] is not None:
            out[key] = float(out[key])
    return out


def as_json(row: dict[str, Any]) -> dict[str, Any]:
    """The raw record a bundle carries to the ministry: dates as ISO text, decimals as JSON numbers."""
    out = {}
    for key, value in row.items():
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = float(value)
        out[key] = value
    return out


def previous_parse_and_validate_batch(raws: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[Any]]]:
    """``parse_and_validate_batch`` as it was before the column parser (kept here to measure against, same
    run): each record parsed on its own by the compiled row parser, then ``validate_batch`` (which gathers
    the typed columns again)."""
    from forms.compiled import compiled

    parsed = list(map(compiled(FORM).parse, raws))
    found = validate_batch(FORM, [values for values, _issues in parsed])
    out = []
    for (values, issues), more in zip(parsed, found, strict=True):
        if issues:
            unreadable = {i.field for i in issues}
            issues.extend(i for i in more if not (i.code == "required" and i.field in unreadable))
        else:
            issues = more
        out.append((values, issues))
    return out


def parsing(count: int, runs: int) -> None:
    """``parse_record`` and ``parse_and_validate_batch``: the interpreted reference, the compiled row parser
    (before) and the column parser (now), on raw records shaped as an import and a consolidation give them
    (clean, then 5 % with a problem)."""
    from forms.compiled import compiled
    from forms.validation import parse_and_validate_batch, parse_record_interpreted

    comp = compiled(FORM)

    def interpreted_both(raw: dict[str, Any]) -> Any:
        """``parse_and_validate`` as it was before anything was compiled."""
        values, issues = parse_record_interpreted(FORM, raw)
        unreadable = {i.field for i in issues}
        issues.extend(i for i in validate_interpreted(FORM, values)
                      if not (i.code == "required" and i.field in unreadable))
        return values, issues

    for share in (0.0, 0.05):
        rows = make_rows(count, share)
        print(f"\nparse_record (raw → typed values) and parse + validate, {'clean' if not share else '5 % faulty'}"
              f", load average {load()}")
        for label, shape in (("import cells", as_cells), ("bundle JSON", as_json)):
            raws = [shape(r) for r in rows]
            expected = [parse_record_interpreted(FORM, r) for r in raws]
            assert list(map(comp.parse, raws)) == expected
            assert comp.parse_many(raws) == expected
            checked = [interpreted_both(r) for r in raws]
            assert parse_and_validate_batch(FORM, raws) == checked == previous_parse_and_validate_batch(raws)
            variants = {
                "parse, interpreted": lambda raws=raws: [parse_record_interpreted(FORM, r) for r in raws],
                "parse, rows (before)": lambda raws=raws: list(map(comp.parse, raws)),
                "parse, columns (now)": lambda raws=raws: comp.parse_many(raws),
                "parse+validate, interpreted": lambda raws=raws: [interpreted_both(r) for r in raws],
                "parse+validate, before": lambda raws=raws: previous_parse_and_validate_batch(raws),
                "parse+validate, now": lambda raws=raws: parse_and_validate_batch(FORM, raws)}
            times: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(runs):
                for name, fn in variants.items():
                    times[name].append(cpu(fn))
            for name, values in times.items():
                median = statistics.median(values)
                print(f"  {label:12} {name:28} {median:7.3f} s  {count / median:>11,.0f} records/s/core")
            for what in ("parse", "parse+validate"):
                before, now = (statistics.median(times[f"{what}, {k}"]) for k in (
                    "rows (before)" if what == "parse" else "before", "columns (now)" if what == "parse" else "now"))
                print(f"  {label:12} {what}: before ÷ now {before / now:5.2f}")


if __name__ == "__main__":
    main()
