"""What the steering committee's workbook measures: the profiles of the forms (``sync.ministry.profiles``,
one module a form, listed in one place) and the indicators they declare, in the order of the summary sheet.

Everything the breakdown sheets show derives from the form declarations: a form's choice, multi-choice and
yes/no fields are its breakdowns (labels from the declaration and the reference data), its links bring in
the linked form's breakdowns. A profile only adds what a declaration cannot say: which numbers add up
(places, enrolled…), how a record belongs to a year, its indicators, a cross-tabulation worth a table, the
charts of the summary sheet. A form without a profile (a new one) still gets its sheet: a count of its live
records by each of its choice fields, by year when it has an academic-year field or a required date.
Free-text fields are never shown, except those a profile names as harmless categories (an internship's host
sector); withheld fields never reach the national store, and a pseudonymised one is only ever counted
(``COUNT(DISTINCT …)``).

Measures are SQL expressions over a ``Scope`` (the form's table ``t`` and its linked tables), computed by
``sync.ministry.aggregates`` with conditional aggregation, one query per form and grouping.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import true

from forms.definitions import ACADEMIC_YEAR_PATTERN, FORMS
from forms.schema import FieldType
from sync.ministry.measures import (
    COUNT,
    DISTINCT,
    MEDIAN,
    MONEY,
    MONTHS,
    NUMBER,
    RATE,
    SUM,
    Chart,
    Indicator,
    Measure,
    Profile,
    Scope,
    YearRule,
    count,
)
from sync.ministry.profiles import PROFILES

__all__ = ["COUNT", "DISTINCT", "INDICATORS", "MEDIAN", "MONEY", "MONTHS", "NUMBER", "PROFILES", "RATE", "SUM",
           "Chart", "Indicator", "Measure", "Profile", "Scope", "YearRule", "breakdown_fields", "indicator_value",
           "measure_where", "profile", "profiles"]


def profile(form_key: str) -> Profile:
    """The form's profile, or one derived from its declaration alone (a form added later)."""
    if form_key in PROFILES:
        return PROFILES[form_key]
    form = FORMS[form_key]
    year = None
    for f in form.fields:
        if f.pattern == ACADEMIC_YEAR_PATTERN:
            year = YearRule("equal", f.key)
            break
    else:
        dates = [f for f in form.fields if f.type is FieldType.DATE and f.required]
        if dates:
            year = YearRule("date", dates[0].key)
    return Profile(form_key, year, (count(),))


def profiles() -> list[Profile]:
    """Every form's profile, in the declarations' order."""
    return [profile(key) for key in FORMS]


def breakdown_fields(form_key: str, kept: set[str]) -> list[str]:
    """The form's own breakdowns: every choice, multi-choice and yes/no field the ministry receives."""
    out = []
    for f in FORMS[form_key].fields:
        if f.key in kept and (f.is_choice or f.type is FieldType.BOOLEAN):
            out.append(f.key)
    return out


INDICATORS: tuple[Indicator, ...] = tuple(ind for p in profiles() for ind in p.indicators)
"""The headline indicators, in the order of the summary sheet (the forms' order, then each profile's); each a
ratio of two measures of one form's profile (or a measure alone)."""


def indicator_value(ind: Indicator, values: dict[str, Any]) -> float | int | None:
    """The indicator from its measures (None when the denominator is 0 or unknown)."""
    num = values.get(ind.numerator)
    if ind.denominator is None:
        return num if num is not None else (None if ind.fmt in (MONTHS, MONEY) else 0)
    den = values.get(ind.denominator) or 0
    return (num or 0) / den if den else None


def measure_where(m: Measure, scope: Scope) -> Any:
    return m.where(scope) if m.where is not None else true()
