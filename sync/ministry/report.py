"""The steering committee's indicators workbook (``kafaat ministry report OUT.xlsx``), built from the
national store with SQL aggregates (``sync.ministry.aggregates``) of the indicators and profiles declared in
``sync.ministry.indicators``; laid out by ``sync.ministry.report_sheets``.

``write_report(workspace, out, year=None, lang="fr", state=None)`` writes the workbook atomically and returns
a ``ReportResult``; ``state`` (``forms.tasks.TaskState``) gets one step per stage and per sheet and may cancel
between two (nothing is written then). Sheets: a summary (headline indicators, coverage, data cut-off,
charts), one per form with its breakdowns, trends across academic years, one per region and one per
establishment with data, completeness (every establishment of the list, from ``sync.ministry.status``) and
notes defining every indicator. No personal value can reach a cell: only codes of choice fields (written as
their labels), counts, sums, medians and the free-text categories a profile names.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from forms.atomic import write_atomic
from forms.definitions import ACADEMIC_YEAR_PATTERN, FORMS
from forms.i18n import normalise_lang
from forms.messages import Message
from forms.reference import reference
from forms.schema import FieldType
from forms.tasks import TaskState, step
from sync.errors import SyncError
from sync.ministry.aggregates import Aggregates, Group, academic_year_of, median
from sync.ministry.establishments import all_establishments
from sync.ministry.indicators import (
    COUNT,
    DISTINCT,
    INDICATORS,
    MEDIAN,
    NUMBER,
    RATE,
    SUM,
    Chart,
    Indicator,
    Profile,
    indicator_value,
    profile,
    profiles,
)
from sync.ministry.report_sheets import (
    DATE_FORMAT,
    GENERAL_NOTES,
    WRAP,
    YEAR_RULES,
    bar_chart,
    line_chart,
    prepare,
    sheet_title,
    widths,
    word,
    write_row,
    write_table,
)
from sync.ministry.status import EstablishmentStatus, establishments_status
from sync.ministry.store import national_store
from sync.ministry.tables import record_table

TOP_TEXT = 20
Values = dict[str, dict[str, Any]]
"""form → measure → value."""


@dataclass
class ReportResult:
    path: Path
    year: str
    lang: str
    sheets: list[str] = field(default_factory=list)
    covered: int = 0
    expected: int = 0
    statements: int = 0


@dataclass
class Breakdown:
    title: str
    rows: list[tuple[str, dict[str, Any]]]
    key: str = ""
    """What the records are broken down by: a field, ``link.field``, a free-text field, ``region`` or
    ``supervising_ministry`` (the establishment's)."""


@dataclass
class Figures:
    year: str
    years: list[str]
    national: Values
    by_establishment: dict[str, Values]
    by_region: dict[str, Values]
    breakdowns: dict[str, list[Breakdown]]
    crosstabs: dict[str, list[tuple[str, list[str], list[tuple[str, list[Any]]], list[Any]]]]
    trends: dict[str, Values]
    trend_by: dict[str, tuple[str, list[str], list[tuple[str, list[Any]]]]]
    live: dict[str, dict[str, int]]


def write_report(workspace: Any, out: Path, year: str | None = None, lang: str = "fr",
                 state: TaskState | None = None, now: datetime | None = None) -> ReportResult:
    """Write the committee's workbook for ``year`` (default: the latest academic year with records)."""
    lang = normalise_lang(lang)
    if year is not None and (not re.fullmatch(ACADEMIC_YEAR_PATTERN, year) or int(year[5:]) != int(year[:4]) + 1):
        raise SyncError(Message("report.bad_year", year=year[:20]))
    now = now or datetime.now(UTC)
    step(state, 0, 0, Message("progress.report_establishments"))
    statuses = establishments_status(workspace, now)
    with national_store(workspace).read() as conn:
        establishments = all_establishments(workspace, conn)
        agg = Aggregates(conn, establishments)
        figures = _gather(agg, year, now, lang, state)
        statements = agg.statements
    result = ReportResult(Path(out), figures.year, lang, statements=statements)
    wb = _Book(figures, statuses, establishments, lang, now, result, state).build()
    buffer = io.BytesIO()
    wb.save(buffer)
    step(state, 1, 1, Message("progress.report_saving"), cancellable=False)
    write_atomic(Path(out), buffer.getvalue())
    return result


# --------------------------------------------------------------------------------------- the figures
def _label(form_key: str, field_key: str, value: Any, lang: str) -> str:
    f = FORMS[form_key].field(field_key)
    if value is None or value == "":
        return word("unknown", lang)
    if f.type is FieldType.BOOLEAN:
        return word("yes" if value in (True, 1, "1", "true") else "no", lang)
    table = f.choices()
    return table.label(str(value), lang) if table is not None else str(value)


def _rows(form: str, field_key: str, data: dict[tuple, dict[str, Any]], lang: str) -> list[tuple[str, dict]]:
    """One row per code of the field's list (those without records too, at zero), then any other value."""
    f = FORMS[form].field(field_key)
    table = f.choices()
    codes: list[Any] = list(table.codes) if table is not None else ([True, False] if f.type is FieldType.BOOLEAN
                                                                      else [])
    found = {k[0]: v for k, v in data.items()}
    if f.type is FieldType.BOOLEAN:
        found = {(bool(k) if k is not None else None): v for k, v in found.items()}
    extra = sorted((k for k in found if k not in codes), key=lambda k: (k is None, str(k)))
    return [(_label(form, field_key, k, lang), found.get(k, {})) for k in [*codes, *extra]]


def _gather(agg: Aggregates, year: str | None, now: datetime, lang: str, state: TaskState | None) -> Figures:
    years = agg.years()
    year = year or (years[-1] if years else academic_year_of(now.date()))
    if year not in years:
        years = sorted({*years, year})
    national: Values = {}
    by_est: dict[str, Values] = {}
    by_region: dict[str, Values] = {}
    breakdowns: dict[str, list[Breakdown]] = {}
    crosstabs: dict[str, list] = {}
    trends: dict[str, Values] = {y: {} for y in years}
    trend_by: dict[str, tuple] = {}
    forms = list(FORMS)
    for index, form in enumerate(forms):
        step(state, index, len(forms) + 1, Message("progress.report_indicators", form=FORMS[form].plural))
        p = profile(form)
        national[form] = agg.figures(p, year).get((), {})
        for (code,), values in agg.figures(p, year, agg.by_establishment(form)).items():
            by_est.setdefault(code, {})[form] = values
        for region, values in _by_attribute(agg, p, year, by_est, "region").items():
            by_region.setdefault(region, {})[form] = values
        breakdowns[form] = _breakdowns(agg, form, year, lang, by_est)
        _medians(agg, form, year, years, national, by_est, by_region, trends)
        crosstabs[form] = [_crosstab(agg, form, a, b, year, lang) for a, b in p.crosstabs]
        # Trends: grouped by year in one query, or year by year for « open since » (offerings: few rows).
        if p.year is not None:
            if p.year.per_year:
                for y in years:
                    trends[y][form] = agg.figures(p, y).get((), {})
            else:
                for (y,), values in agg.figures(p, None, by_year=years).items():
                    if y in trends:
                        trends[y][form] = values
                if p.trend_by:
                    via, _, field_key = p.trend_by.rpartition(".")
                    trend_by[form] = _trend_by(agg, form, via or None, field_key, years, lang)
    step(state, len(forms), len(forms) + 1, Message("progress.report_completeness"))
    return Figures(year, years, national, by_est, by_region, breakdowns, crosstabs, trends, trend_by,
                   agg.live_counts())


def _breakdowns(agg: Aggregates, form: str, year: str, lang: str, by_est: dict[str, Values]) -> list[Breakdown]:
    """The form's breakdown tables. Single-valued groupings (choice and yes/no fields, the linked offering's,
    the establishment's region and ministry) come from one ``GROUP BY`` over all of them at once, added up
    per grouping here (only additive measures: counts and sums); a multi-choice field and a free-text
    category need a query each."""
    p = profile(form)
    kept = set(record_table(form).c.keys())
    additive = [m for m in p.measures if m.agg in (COUNT, SUM)]
    specs: list[tuple[str, str, Group, Any]] = []
    for f in FORMS[form].fields:
        if f.key in kept and (f.is_choice or f.type is FieldType.BOOLEAN):
            specs.append((f.key, f.label.get(lang), agg.field_group(form, f.key),
                          lambda data, k=f.key: _rows(form, k, data, lang)))
    for via, field_key in p.inherited:
        target = FORMS[form].field(via).link
        assert target is not None
        title = f"{FORMS[form].field(via).label.get(lang)} — {FORMS[target].field(field_key).label.get(lang)}"
        specs.append((f"{via}.{field_key}", title, agg.field_group(form, field_key, via),
                      lambda data, t=target, k=field_key: _rows(t, k, data, lang)))
    single = [g for _, _, g, _ in specs if not g.joins or g.outer]
    rolled: dict[int, dict[tuple, dict[str, Any]]] = {}
    if single:
        cube = Group("cube", [k for g in single for k in g.keys], [j for g in single for j in g.joins], outer=True)
        rows = agg.figures(p, year, cube, additive, scope_links={g.via for g in single if g.via})
        for position, g in enumerate(single):
            out: dict[tuple, dict[str, Any]] = {}
            for key, values in rows.items():
                into = out.setdefault((key[position],), {})
                for m in additive:
                    into[m.key] = (into.get(m.key) or 0) + (values.get(m.key) or 0)
            rolled[id(g)] = out
    tables = []
    for key, title, group, rows_of in specs:
        data = rolled.get(id(group))
        if data is None:
            data = agg.figures(p, year, group, additive)
        tables.append(Breakdown(title, rows_of(data), key))
    for field_key in p.text_breakdowns:
        data = agg.figures(p, year, agg.text_group(form, field_key), additive)
        first = additive[0].key
        ranked = sorted(data.items(), key=lambda kv: (kv[0][0] is None, -(kv[1].get(first) or 0), str(kv[0][0])))
        rows = [(v.pop("_label", None) or word("unknown", lang), v) for _, v in ranked[:TOP_TEXT]]
        rest = [v for _, v in ranked[TOP_TEXT:]]
        if rest:
            rows.append((word("other", lang), {m.key: sum(v.get(m.key) or 0 for v in rest) for m in additive}))
        label = FORMS[form].field(field_key).label.get(lang)
        tables.append(Breakdown(f"{label} {word('top_sectors', lang)}", rows, field_key))
    for attribute, ref in (("region", "regions"), ("supervising_ministry", "ministries")):
        data = _by_attribute(agg, p, year, by_est, attribute, distinct=False)
        tables.append(Breakdown(word("region" if attribute == "region" else "ministry", lang),
                                [(reference(ref).label(k, lang) if k else word("unknown", lang), v)
                                 for k, v in sorted(data.items())], attribute))
    return tables


def _by_attribute(agg: Aggregates, p: Any, year: str, by_est: dict[str, Values], attribute: str,
                  distinct: bool = True) -> dict[str, dict[str, Any]]:
    """A form's figures per region (or supervising ministry) of the establishments: counts and sums added
    up from the figures per establishment (no join of the big tables with the list), distinct counts
    computed over each region's establishments at once (``distinct_in``)."""
    members: dict[str, list[str]] = {}
    for code, row in agg.establishments.items():
        members.setdefault(row.get(attribute) or "", []).append(code)
    for code in by_est:
        if code not in agg.establishments:
            members.setdefault("", []).append(code)
    out: dict[str, dict[str, Any]] = {}
    additive = [m for m in p.measures if m.agg in (COUNT, SUM)]
    for value, codes in members.items():
        rows = [by_est[c][p.form] for c in codes if p.form in by_est.get(c, {})]
        if rows:
            out[value] = {m.key: sum(r.get(m.key) or 0 for r in rows) for m in additive}
    if distinct:
        for m in (m for m in p.measures if m.agg == DISTINCT):
            for value, n in agg.distinct_in(p, year, m, members).items():
                if value in out:
                    out[value][m.key] = n
    return out


def _medians(agg: Aggregates, form: str, year: str, years: list[str], national: Values,
             by_est: dict[str, Values], by_region: dict[str, Values], trends: dict[str, Values]) -> None:
    """Medians from per-(establishment, year) histograms: exact for the nation, a region, an establishment
    and every year, from one query per measure."""
    p = profile(form)
    regions: dict[str, list[str]] = {}
    for code, row in agg.establishments.items():
        regions.setdefault(row.get("region") or "", []).append(code)
    for m in (m for m in p.measures if m.agg == MEDIAN):
        hist = agg.histograms(p, m, years)
        mine = year if p.year is not None else None
        national.setdefault(form, {})[m.key] = median(h for (_, y), h in hist.items() if y == mine)
        for code in {c for c, _ in hist}:
            by_est.setdefault(code, {}).setdefault(form, {})[m.key] = median([hist.get((code, mine), {})])
        for region, codes in regions.items():
            by_region.setdefault(region, {}).setdefault(form, {})[m.key] = median(
                hist.get((c, mine), {}) for c in codes)
        if p.year is not None:
            for y in years:
                trends[y].setdefault(form, {})[m.key] = median(h for (_, yy), h in hist.items() if yy == y)


def _crosstab(agg: Aggregates, form: str, a: str, b: str, year: str, lang: str) -> tuple:
    """Two fields crossed: (title, column labels, rows [(label, [measure per column…])], total row), for
    the first two shown measures (count and, for offerings, places)."""
    p = profile(form)
    measures = [m for m in p.measures if m.agg != MEDIAN and m.shown][:2]
    ga, gb = agg.field_group(form, a), agg.field_group(form, b)
    both = Group(f"{a}×{b}", [*ga.keys, *gb.keys], [*ga.joins, *gb.joins])
    data = agg.figures(p, year, both, measures)
    totals = agg.figures(p, year, gb, measures)
    cols_b = [c for c in (FORMS[form].field(b).choices().codes)]  # type: ignore[union-attr]
    rows_a = [c for c in FORMS[form].field(a).choices().codes]  # type: ignore[union-attr]
    out = []
    for m in measures:
        rows = [(_label(form, a, ca, lang), [data.get((ca, cb), {}).get(m.key) or 0 for cb in cols_b])
                for ca in rows_a]
        total = [totals.get((cb,), {}).get(m.key) or 0 for cb in cols_b]
        out.append((m.label.get(lang), [_label(form, b, cb, lang) for cb in cols_b], rows, total))
    return out


def _trend_by(agg: Aggregates, form: str, via: str | None, field_key: str, years: list[str], lang: str) -> tuple:
    p = profile(form)
    shown = [m for m in p.measures if m.agg != MEDIAN and m.shown]
    measure = next((m for m in shown if m.key == p.trend_measure), shown[0])
    group = agg.field_group(form, field_key, via)
    data = agg.figures(p, None, group, [measure], by_year=years)
    owner = FORMS[FORMS[form].field(via).link] if via else FORMS[form]  # type: ignore[index]
    codes = owner.field(field_key).choices().codes  # type: ignore[union-attr]
    rows = [(_label(owner.key, field_key, c, lang), [data.get((y, c), {}).get(measure.key) or 0 for y in years])
            for c in codes]
    title = f"{measure.label.get(lang)} — {owner.field(field_key).label.get(lang)}, {word('by_year', lang)}"
    return title, years, rows


def indicator_values(values: Values) -> list[tuple[Indicator, Any]]:
    return [(ind, indicator_value(ind, values.get(ind.form, {}))) for ind in INDICATORS if ind.headline]


# --------------------------------------------------------------------------------------- the workbook
class _Book:
    def __init__(self, figures: Figures, statuses: list[EstablishmentStatus], establishments: dict[str, dict],
                 lang: str, now: datetime, result: ReportResult, state: TaskState | None) -> None:
        self.f, self.statuses, self.establishments = figures, statuses, establishments
        self.lang, self.now, self.result, self.state = lang, now, result, state
        self.wb = Workbook()
        self.taken: set[str] = set()
        self.with_data = [code for code in sorted(figures.live) if any(figures.live[code].values())]
        self.steps = 5 + len(FORMS) + len(self._regions()) + len(self.with_data)
        self.done = 0

    def w(self, key: str) -> str:
        return word(key, self.lang)

    def sheet(self, name: str) -> Any:
        title = sheet_title(name, self.taken)
        ws = self.wb.create_sheet(title) if self.result.sheets else self.wb.active
        ws.title = title
        self.result.sheets.append(title)
        self.done += 1
        step(self.state, self.done, self.steps, f"feuille « {title} »")
        return ws

    def _regions(self) -> list[str]:
        return sorted({row.get("region", "") for row in self.establishments.values() if row.get("region")})

    def build(self) -> Workbook:
        expected = [s for s in self.statuses if s.code in self.establishments]
        self.result.expected = len(expected)
        self.result.covered = sum(1 for s in expected if s.code in self.with_data)
        self.summary()
        for form in FORMS:
            self.form_sheet(form)
        self.trends()
        for region in self._regions():
            self.region_sheet(region)
        for code in self.with_data:
            self.establishment_sheet(code)
        self.completeness()
        self.notes()
        return self.wb

    # ------------------------------------------------------------------------------------- sheets
    def key_table(self, ws: Any, row: int, values: Values, col: int = 1) -> Any:
        rows = [(ind.label.get(self.lang), value) for ind, value in indicator_values(values)]
        formats = [[None, ind.fmt] for ind, _ in indicator_values(values)]
        table = write_table(ws, row, self.w("headline"), [self.w("indicator"), self.w("value")], [], [], col=col)
        for i, ((label, value), fmt) in enumerate(zip(rows, formats, strict=True)):

            write_row(ws, table.header_row + 1 + i, col, [label, value], fmt)
        table.last_row = table.header_row + len(rows)
        return table

    def summary(self) -> None:
        f, lang = self.f, self.lang
        ws = self.sheet(self.w("summary"))
        row = prepare(ws, lang, self.w("title"), f"{self.w('year')} : {f.year}")
        cutoffs = [s.last_created_at for s in self.statuses if s.last_created_at]
        facts = [
            (self.w("year"), f.year, None),
            (self.w("generated"), self.now.astimezone(UTC).replace(tzinfo=None, microsecond=0), DATE_FORMAT),
            (self.w("expected"), self.result.expected, NUMBER),
            (self.w("covered"), self.result.covered, NUMBER),
            (self.w("coverage"), self.result.covered / self.result.expected if self.result.expected else None, RATE),
            (self.w("late"), sum(1 for s in self.statuses if s.late and s.code in self.establishments), NUMBER),
            (self.w("cutoff_first"), _stamp(min(cutoffs)) if cutoffs else None, DATE_FORMAT),
            (self.w("cutoff_last"), _stamp(max(cutoffs)) if cutoffs else None, DATE_FORMAT),
        ]
        table = write_table(ws, row, "", [self.w("indicator"), self.w("value")], [], [])
        for i, (label, value, fmt) in enumerate(facts):

            write_row(ws, table.header_row + 1 + i, 1, [label, value], [None, fmt])
        row = table.header_row + len(facts) + 1
        ws.cell(row, 1, self.w("cutoff_note")).alignment = WRAP
        ws.freeze_panes = ws.cell(4, 1)
        key = self.key_table(ws, row + 2, f.national)
        widths(ws, 46, 18)
        # Chart data beside the figures (columns D…), one chart every 17 rows further right: each form's
        # summary charts as its profile declares them, then the counts and rates by year.
        row, anchor = 4, 4
        for p in profiles():
            for chart in p.summary:
                table = self._chart_table(ws, p, chart, row, 4)
                if table is None:
                    continue
                series = [table.first_col + 1 + chart.measures.index(k) for k in chart.series] or None
                bar_chart(ws, table, f"H{anchor}", chart.title.get(lang), series=series, stacked=chart.stacked)
                row, anchor = table.last_row + 4, anchor + 17
        counts, rates = self._trend_tables(ws, row, 4)
        line_chart(ws, counts, f"H{anchor}", self.w("trend_counts"),
                   series=list(range(counts.first_col + 1, counts.last_col + 1)))
        line_chart(ws, rates, f"H{anchor + 17}", self.w("trend_rates"),
                   series=list(range(rates.first_col + 1, rates.last_col + 1)), number_format="0%")
        del key

    def _chart_table(self, ws: Any, p: Profile, chart: Chart, row: int, col: int) -> Any:
        """The table behind a summary chart: the form's breakdown ``chart.by``, its measures, a total row."""
        found = next((b for b in self.f.breakdowns.get(p.form, []) if b.key == chart.by), None)
        if found is None:
            return None
        measures = {m.key: m for m in p.measures}
        national = self.f.national.get(p.form, {})
        return write_table(ws, row, chart.title.get(self.lang),
                           [found.title, *[measures[k].label.get(self.lang) for k in chart.measures]],
                           [[label, *[v.get(k) or 0 for k in chart.measures]] for label, v in found.rows],
                           [None, *[measures[k].fmt for k in chart.measures]], col=col,
                           total=[self.w("total"), *[national.get(k) or 0 for k in chart.measures]])

    def _trend_tables(self, ws: Any, row: int, col: int) -> tuple[Any, Any]:
        """The indicators a profile marks ``trend``, by year: counts in one table, rates in another."""
        chosen = [ind for ind in INDICATORS if ind.trend]
        count_inds = [ind for ind in chosen if ind.fmt != RATE]
        rate_inds = [ind for ind in chosen if ind.fmt == RATE]
        rows_c, rows_r = [], []
        for y in self.f.years:
            values = self.f.trends.get(y, {})
            rows_c.append([y, *[indicator_value(ind, values.get(ind.form, {})) or 0 for ind in count_inds]])
            rows_r.append([y, *[indicator_value(ind, values.get(ind.form, {})) for ind in rate_inds]])
        counts = write_table(ws, row, self.w("trend_counts"),
                             [self.w("year"), *[ind.label.get(self.lang) for ind in count_inds]],
                             rows_c, [None, *[ind.fmt for ind in count_inds]], col=col)
        rates = write_table(ws, counts.last_row + 3, self.w("trend_rates"),
                            [self.w("year"), *[ind.label.get(self.lang) for ind in rate_inds]],
                            rows_r, [None, *[RATE] * len(rate_inds)], col=col)
        return counts, rates

    def form_sheet(self, form: str) -> None:
        lang, p = self.lang, profile(form)
        ws = self.sheet(FORMS[form].plural.get(lang))
        row = prepare(ws, lang, f"{FORMS[form].plural.get(lang)} — {self.f.year}", self.w("cutoff_note"))
        shown = [m for m in p.measures if m.agg in (COUNT, SUM) and m.shown]
        rates = [ind for ind in INDICATORS if ind.form == form and ind.denominator and
                 all(k in {m.key for m in p.measures} for k in (ind.numerator, ind.denominator))]
        headers_tail = [m.label.get(lang) for m in shown] + [ind.label.get(lang) for ind in rates]
        formats = [None] + [NUMBER] * len(shown) + [RATE] * len(rates)
        national = self.f.national.get(form, {})

        def line(label: str, v: dict) -> list:
            return [label, *[v.get(m.key) or 0 for m in shown], *[indicator_value(i, v) for i in rates]]
        first = True
        for title, columns, rows, total in [x for tab in self.f.crosstabs.get(form, []) for x in tab]:
            table = write_table(ws, row, f"{title} — {FORMS[form].field(p.crosstabs[0][0]).label.get(lang)} × "
                                f"{FORMS[form].field(p.crosstabs[0][1]).label.get(lang)}",
                                [FORMS[form].field(p.crosstabs[0][0]).label.get(lang), *columns],
                                [[label, *vals] for label, vals in rows], [None] + [NUMBER] * len(columns),
                                total=[self.w("total"), *total], freeze=first)
            bar_chart(ws, table, f"{_col(len(headers_tail) + 3)}{row}", title, stacked=True)
            first = False
            row = max(table.last_row + 4, row + 18)  # room for the chart beside the table
        for b in self.f.breakdowns.get(form, []):
            table = write_table(ws, row, f"{self.w('by').capitalize()} : {b.title}" if lang == "fr" else b.title,
                                [b.title, *headers_tail], [line(label, v) for label, v in b.rows], formats,
                                total=line(self.w("total"), national), freeze=first)
            if first:
                bar_chart(ws, table, f"{_col(len(headers_tail) + 3)}{row}", b.title, series=[table.first_col + 1])
            first = False
            row = table.last_row + 4
        widths(ws, 40, 14, len(headers_tail) + 2)

    def trends(self) -> None:
        lang = self.lang
        ws = self.sheet(self.w("trends"))
        row = prepare(ws, lang, self.w("trends"))
        inds = [ind for ind in INDICATORS if ind.headline]
        rows = [[ind.label.get(lang), *[indicator_value(ind, self.f.trends.get(y, {}).get(ind.form, {}))
                                        for y in self.f.years]] for ind in inds]
        table = write_table(ws, row, self.w("headline"), [self.w("indicator"), *self.f.years], [], [], freeze=True)

        for i, (ind, values) in enumerate(zip(inds, rows, strict=True)):
            write_row(ws, table.header_row + 1 + i, 1, values, [None] + [ind.fmt] * len(self.f.years))
        row = table.header_row + len(rows) + 3
        counts, rates = self._trend_tables(ws, row, 1)
        line_chart(ws, counts, f"{_col(len(self.f.years) + 3)}{row}", self.w("trend_counts"),
                   series=list(range(counts.first_col + 1, counts.last_col + 1)))
        line_chart(ws, rates, f"{_col(len(self.f.years) + 3)}{rates.header_row}", self.w("trend_rates"),
                   series=list(range(rates.first_col + 1, rates.last_col + 1)), number_format="0%")
        row = rates.last_row + 4
        for form, (title, years, data) in self.f.trend_by.items():
            table = write_table(ws, row, title, ["", *years], [[label, *vals] for label, vals in data],
                                [None] + [NUMBER] * len(years))
            row = table.last_row + 3
            del form
        widths(ws, 44, 14, len(self.f.years) + 2)

    def region_sheet(self, region: str) -> None:
        lang = self.lang
        label = reference("regions").label(region, lang)
        ws = self.sheet(f"{region} {label}")
        row = prepare(ws, lang, f"{self.w('region_sheet')} : {label} — {self.f.year}")
        key = self.key_table(ws, row, self.f.by_region.get(region, {}))
        members = sorted(code for code, r in self.establishments.items() if r.get("region") == region)
        status = {s.code: s for s in self.statuses}
        keys = [(p.form, m) for p in profiles() for m in p.region_measures]
        heads = [self.w("code"), self.w("establishment"), *[_measure_label(f, m, lang) for f, m in keys],
                 self.w("is_late")]
        rows = []
        for code in members:
            v = self.f.by_establishment.get(code, {})
            late = status[code].late if code in status else True
            rows.append([code, _name(self.establishments, code, lang),
                         *[v.get(f, {}).get(m) or 0 for f, m in keys], self.w("yes" if late else "no")])
        write_table(ws, key.last_row + 3, self.w("establishments"), heads, rows,
                    [None, None, *[NUMBER] * len(keys), None])
        ws.freeze_panes = ws.cell(key.header_row + 1, 1)
        widths(ws, 44, 16)

    def establishment_sheet(self, code: str) -> None:
        lang = self.lang
        ws = self.sheet(code)
        row = prepare(ws, lang, f"{_name(self.establishments, code, lang)} ({code}) — {self.f.year}")
        key = self.key_table(ws, row, self.f.by_establishment.get(code, {}))
        s = next((x for x in self.statuses if x.code == code), None)
        facts = [[FORMS[form].plural.get(lang), self.f.live.get(code, {}).get(form, 0), NUMBER] for form in FORMS]
        if s is not None:
            facts += [[self.w("last_sequence"), s.last_sequence, NUMBER],
                      [self.w("last_created"), _stamp(s.last_created_at), DATE_FORMAT],
                      [self.w("last_received"), _stamp(s.last_received_at), DATE_FORMAT],
                      [self.w("is_late"), self.w("yes" if s.late else "no"), None]]
        table = write_table(ws, key.last_row + 3, self.w("records"), [self.w("indicator"), self.w("value")], [], [])

        for i, (label, value, fmt) in enumerate(facts):
            write_row(ws, table.header_row + 1 + i, 1, [label, value], [None, fmt])
        ws.freeze_panes = ws.cell(key.header_row + 1, 1)
        widths(ws, 44, 18)

    def completeness(self) -> None:
        lang = self.lang
        ws = self.sheet(self.w("completeness"))
        row = prepare(ws, lang, self.w("completeness"), self.w("cutoff_note"))
        heads = [self.w("code"), self.w("establishment"), self.w("region"), self.w("ministry"),
                 self.w("enrolled_key"), self.w("key_state"), self.w("last_sequence"), self.w("last_created"),
                 self.w("last_received"), self.w("days_since"), *[FORMS[f].plural.get(lang) for f in FORMS],
                 self.w("held"), self.w("refused"), self.w("is_late")]
        formats = [None] * 6 + [NUMBER, DATE_FORMAT, DATE_FORMAT, "0.0"] + [NUMBER] * len(FORMS) + [None, NUMBER, None]
        rows = []
        for s in self.statuses:
            row_ = self.establishments.get(s.code, {})
            rows.append([s.code, _name(self.establishments, s.code, lang),
                         reference("regions").label(row_["region"], lang) if row_.get("region") else "",
                         reference("ministries").label(row_["supervising_ministry"], lang)
                         if row_.get("supervising_ministry") else "",
                         self.w("yes" if s.enrolled else "no"), s.key_state or "", s.last_sequence,
                         _stamp(s.last_created_at), _stamp(s.last_received_at), s.days_since,
                         *[s.records.get(f, 0) for f in FORMS], ", ".join(str(n) for n in s.held),
                         s.refused_records, self.w("yes" if s.late else "no")])
        write_table(ws, row, "", heads, rows, formats, freeze=True)
        widths(ws, 12, 16, len(heads))
        ws.column_dimensions["B"].width = 44

    def notes(self) -> None:
        lang = self.lang
        ws = self.sheet(self.w("notes"))
        row = prepare(ws, lang, self.w("notes"))
        for text in GENERAL_NOTES:
            ws.cell(row, 1, text.get(lang)).alignment = WRAP
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            ws.row_dimensions[row].height = 32
            row += 1
        row += 1
        measures = {(p.form, m.key): m for p in (profile(f) for f in FORMS) for m in p.measures}
        rows = []
        for ind in INDICATORS:
            num = measures.get((ind.form, ind.numerator))
            den = measures.get((ind.form, ind.denominator)) if ind.denominator else None
            rows.append([ind.label.get(lang), FORMS[ind.form].plural.get(lang), ind.definition.get(lang),
                         num.label.get(lang) if num else "", den.label.get(lang) if den else "",
                         ind.exclusions.get(lang) if ind.exclusions.fr else ""])
        table = write_table(ws, row, self.w("headline"), [self.w("indicator"), self.w("form"), self.w("definition"),
                                                          self.w("numerator"), self.w("denominator"),
                                                          self.w("exclusions")], rows, [], freeze=True)
        for r in range(table.first_row, table.last_row + 1):
            for c in range(1, 7):
                ws.cell(r, c).alignment = WRAP
        row = table.last_row + 3
        rows = []
        for form in FORMS:
            p = profile(form)
            rule = YEAR_RULES[p.year.kind].get(lang).format(
                field=FORMS[form].field(p.year.field).label.get(lang),
                end=FORMS[form].field(p.year.end).label.get(lang) if p.year.end else "") if p.year else ""
            tables = ", ".join(b.title for b in self.f.breakdowns.get(form, []))
            rows.append([FORMS[form].plural.get(lang), rule, tables])
        table = write_table(ws, row, self.w("breakdowns"), [self.w("form"), self.w("year_rule"), self.w("breakdowns")],
                            rows, [])
        for r in range(table.first_row, table.last_row + 1):
            for c in range(1, 4):
                ws.cell(r, c).alignment = WRAP
        for letter, width in zip("ABCDEF", (34, 18, 60, 28, 28, 40), strict=True):
            ws.column_dimensions[letter].width = width


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _name(establishments: dict[str, dict], code: str, lang: str) -> str:
    row = establishments.get(code)
    if not row:
        return code
    return row.get(f"label_{lang}") or row.get("label_fr") or code


def _measure_label(form: str, key: str, lang: str) -> str:
    return next(m.label.get(lang) for m in profile(form).measures if m.key == key)


def _stamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.replace(microsecond=0)
