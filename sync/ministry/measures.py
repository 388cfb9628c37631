"""The vocabulary of the committee workbook's per-form profiles (``sync.ministry.profiles``): measures (SQL
aggregates over a ``Scope``), indicators (a ratio of two measures, or one alone, with their definitions in
French, Arabic and English), how a record belongs to an academic year, and the charts a form puts on the
summary sheet. Nothing here names a form: a form's profile is data built from these pieces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_

from forms.i18n import NO_TEXT, Text

COUNT, SUM, DISTINCT, MEDIAN = "count", "sum", "distinct", "median"
NUMBER, RATE, MONEY, MONTHS = "#,##0", "0.0%", "#,##0.00", "0.0"


@dataclass(frozen=True)
class Scope:
    """The tables a measure may read: ``t`` the form's own, ``links[field]`` the record a link points to."""

    t: Any
    links: dict[str, Any] = field(default_factory=dict)
    year: str | None = None
    dialect: str = "sqlite"

    @property
    def o(self) -> Any:
        return self.links["offering"]


Expr = Callable[[Scope], Any]


@dataclass(frozen=True)
class Measure:
    """One aggregate over a form's live records of the year: ``COUNT`` of records where ``where`` holds,
    ``SUM`` or ``MEDIAN`` of ``expr``, ``DISTINCT`` count of ``expr``."""

    key: str
    label: Text
    agg: str
    expr: Expr | None = None
    where: Expr | None = None
    fmt: str = NUMBER
    links: tuple[str, ...] = ()
    """Links the measure reads through (joined when it is computed)."""
    shown: bool = True
    """False for a helper (the denominator of a rate): in the notes, not as a column of the breakdowns."""


@dataclass(frozen=True)
class Indicator:
    key: str
    form: str
    label: Text
    numerator: str
    denominator: str | None
    fmt: str
    definition: Text
    exclusions: Text = NO_TEXT
    headline: bool = True
    trend: bool = False
    """Drawn on the year-by-year charts (summary and trends sheets): counts on one chart, rates on another."""
    dashboard: bool = False
    """A tile of the national dashboard (``sync.ministry.dashboard.profile_tiles``), beside the programme's own."""


@dataclass(frozen=True)
class YearRule:
    """How a record belongs to academic year Y: ``equal`` (field = Y), ``since`` (field ≤ Y: an offering is
    open every year from its first one), ``date`` (the date falls between 1 September Y and 31 August Y+1),
    ``active`` (the period from ``field`` to ``end``, open when ``end`` is empty, meets that year: a project
    counts in every year it runs)."""

    kind: str
    field: str
    end: str | None = None

    @property
    def per_year(self) -> bool:
        """A record may belong to several years: trends are computed one year at a time."""
        return self.kind in ("since", "active")


@dataclass(frozen=True)
class Chart:
    """A chart of the summary sheet: ``measures`` of the form by the breakdown ``by`` (a field of the form,
    ``link.field`` for a field of the linked record), drawn as columns (``series``: the measures drawn, all
    by default; ``stacked`` for parts of a whole)."""

    key: str
    title: Text
    by: str
    measures: tuple[str, ...]
    series: tuple[str, ...] = ()
    stacked: bool = False


@dataclass(frozen=True)
class Profile:
    """What the workbook shows of one form beyond its declaration: the measures that add up, how a record
    belongs to a year, the indicators, and the extra tables and charts."""

    form: str
    year: YearRule | None
    measures: tuple[Measure, ...]
    indicators: tuple[Indicator, ...] = ()
    links: tuple[str, ...] = ()
    """Link fields whose target's breakdowns apply to this form too (a cohort by its offering's domains)."""
    crosstabs: tuple[tuple[str, str], ...] = ()
    text_breakdowns: tuple[str, ...] = ()
    inherited: tuple[tuple[str, str], ...] = ()
    """Breakdowns by a field of the record a link points to: (link field, its field)."""
    trend_by: str | None = None
    """A breakdown (field, or ``link.field``) shown by academic year on the trends sheet."""
    trend_measure: str | None = None
    """The measure of that table (default: the first shown one)."""
    summary: tuple[Chart, ...] = ()
    """Charts of this form on the summary sheet."""
    region_measures: tuple[str, ...] = ()
    """Measures shown per establishment on the region sheets."""


def t(fr: str, ar: str, en: str) -> Text:
    return Text(fr, ar, en)


RECORDS = t("Nombre", "العدد", "Number")


def count(key: str = "records", label: Text = RECORDS, where: Expr | None = None, shown: bool = True) -> Measure:
    return Measure(key, label, COUNT, where=where, shown=shown)


def total(key: str, label: Text, expr: Expr, where: Expr | None = None, links: tuple[str, ...] = (),
          shown: bool = True, fmt: str = NUMBER) -> Measure:
    return Measure(key, label, SUM, expr, where, fmt=fmt, links=links, shown=shown)


def column(name: str) -> Expr:
    return lambda s: s.t.c[name]


def known(name: str) -> Expr:
    return lambda s: s.t.c[name].isnot(None)


def column_sum(*names: str) -> Expr:
    """The sum of several numeric columns, an empty one counting as 0."""
    def expr(s: Scope) -> Any:
        out: Any = None
        for name in names:
            term = func.coalesce(s.t.c[name], 0)
            out = term if out is None else out + term
        return out
    return expr


def any_known(*names: str) -> Expr:
    return lambda s: or_(*(s.t.c[n].isnot(None) for n in names))


def both(*conditions: Expr) -> Expr:
    return lambda s: and_(*(c(s) for c in conditions))


def indicator(form: str, key: str, label: Text, num: str, den: str | None, fmt: str, definition: Text,
              exclusions: Text = NO_TEXT, trend: bool = False, dashboard: bool = False) -> Indicator:
    return Indicator(key, form, label, num, den, fmt, definition, exclusions, trend=trend, dashboard=dashboard)
