"""The workbook's figures as SQL aggregates over the national store (SQLite and PostgreSQL alike): one
``SELECT … GROUP BY`` per form and grouping, every measure of the form's profile computed in it by
conditional aggregation; medians with window functions (``ROW_NUMBER() OVER (PARTITION BY …)``). No record
is ever read into Python: what comes back is one row per group.

A multi-choice field (an offering's domains, stored ``CYBER;CLOUD``) is broken down by joining the list of
its codes (``… LIKE '%;' || code || ';%'``): an offering is counted in each of its domains, and the totals
come from a query without that join, so it is never counted twice in a total. An establishment's region and
supervising ministry come from the reference list, joined as a ``VALUES`` table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    and_,
    case,
    column,
    distinct,
    func,
    literal,
    or_,
    select,
    text,
    true,
)

from forms.definitions import FORMS
from forms.schema import FieldType
from sync.ministry.measures import COUNT, DISTINCT, MEDIAN, SUM, Measure, Profile, Scope, YearRule
from sync.ministry.tables import record_table

SEP = ";"


def values_table(name: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Any:
    """A literal table ``(VALUES (…), …)`` usable in a join on both back-ends (their columns are named
    ``column1``, ``column2``… on both), with bound parameters."""
    params: dict[str, Any] = {}
    parts = []
    for i, row in enumerate(rows):
        names = []
        for j, value in enumerate(row):
            key = f"{name}_{i}_{j}"
            params[key] = value
            names.append(f":{key}")
        parts.append(f"({', '.join(names)})")
    cols = ", ".join(f"column{j + 1} AS {c}" for j, c in enumerate(columns))
    if parts:
        sql = f"SELECT {cols} FROM (VALUES {', '.join(parts)}) AS {name}_v"
    else:
        sql = f"SELECT {', '.join(f'NULL AS {c}' for c in columns)} WHERE 1 = 0"
    return text(sql).bindparams(**params).columns(*(column(c, String) for c in columns)).subquery(name)


def academic_year_bounds(year: str) -> tuple[date, date]:
    start = int(year[:4])
    return date(start, 9, 1), date(start + 1, 9, 1)


def academic_year_of(day: date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def median(histograms: Iterable[dict[float, int]]) -> float | None:
    """The median of the values counted in ``histograms`` together (the mean of the two middle ones when
    their number is even)."""
    total: dict[float, int] = {}
    for histogram in histograms:
        for value, n in histogram.items():
            total[value] = total.get(value, 0) + n
    count = sum(total.values())
    if not count:
        return None
    wanted = sorted({(count + 1) // 2, (count + 2) // 2})
    found, seen = [], 0
    for value in sorted(total):
        seen += total[value]
        while wanted and seen >= wanted[0]:
            found.append(value)
            wanted.pop(0)
    return sum(found) / len(found)


def plain(value: Any) -> Any:
    """A value from the database as Excel stores it (Decimal → float)."""
    return float(value) if isinstance(value, Decimal) else value


class Group:
    """A grouping of a form's records: its key expressions and the joins they need."""

    def __init__(self, name: str, keys: Sequence[Any] = (), joins: Sequence[tuple[Any, Any]] = (),
                 labels: Sequence[Any] = (), via: str | None = None, outer: bool = False) -> None:
        self.name, self.keys, self.joins, self.labels = name, list(keys), list(joins), list(labels)
        self.via, self.outer = via, outer


class Aggregates:
    """The figures of one national store for one academic year (``year``) or all years (trends)."""

    def __init__(self, conn: Connection, establishments: dict[str, dict[str, str]],
                 only: Sequence[str] | None = None) -> None:
        self.conn = conn
        self.only = None if only is None else list(only)
        """Only these establishments' records (the dashboard's region and ministry filters); None: all."""
        self.dialect = conn.dialect.name
        self.establishments = establishments
        self.statements = 0
        self._aliases: dict[tuple[str, str], Any] = {}

    def alias(self, form: str, link: str) -> Any:
        """The table a link of ``form`` points to, aliased once (every grouping and measure uses the same)."""
        key = (form, link)
        if key not in self._aliases:
            target = FORMS[form].field(link).link
            assert target is not None
            self._aliases[key] = record_table(target).alias(f"l_{link}")
        return self._aliases[key]

    # ------------------------------------------------------------------------------------- building
    def scope(self, profile: Profile, year: str | None, links: Iterable[str] = ()) -> tuple[Scope, Any]:
        t = record_table(profile.form)
        joined: dict[str, Any] = {}
        source = t
        for link in dict.fromkeys(links):
            alias = self.alias(profile.form, link)
            joined[link] = alias
            source = source.outerjoin(alias, and_(alias.c.establishment == t.c.establishment,
                                                   alias.c.id == t.c[link], alias.c.deleted.is_(False)))
        return Scope(t, joined, year, self.dialect), source

    def year_clause(self, rule: YearRule | None, scope: Scope, year: str | None) -> Any:
        if rule is None or year is None:
            return true()
        col = scope.t.c[rule.field]
        if rule.kind == "equal":
            return col == year
        if rule.kind == "since":
            return col <= year
        start, end = academic_year_bounds(year)
        if rule.kind == "active":
            last = scope.t.c[rule.end] if rule.end else None
            return and_(col < end, or_(last.is_(None), last >= start)) if last is not None else col < end
        return and_(col >= start, col < end)

    def year_key(self, rule: YearRule, scope: Scope, years: Sequence[str]) -> Any:
        """The academic year of a record, as an SQL expression (``equal`` and ``date`` rules)."""
        col = scope.t.c[rule.field]
        if rule.kind == "equal":
            return col
        whens = []
        for year in years:
            start, end = academic_year_bounds(year)
            whens.append((and_(col >= start, col < end), literal(year, String)))
        return case(*whens, else_=None) if whens else literal(None, String)

    def establishment_group(self, attribute: str, form: str) -> Group:
        """By the establishment's ``region`` or ``supervising_ministry`` (from the reference list)."""
        table = values_table(f"est_{attribute}", ("code", "attr"),
                             [(code, row.get(attribute, "")) for code, row in sorted(self.establishments.items())])
        return Group(attribute, [table.c.attr], [(table, table.c.code == record_table(form).c.establishment)],
                     outer=True)

    @staticmethod
    def by_establishment(form: str) -> Group:
        return Group("establishment", [record_table(form).c.establishment])

    def field_group(self, form: str, field_key: str, via: str | None = None) -> Group:
        """By one choice, multi-choice or yes/no field of the form (or of the record a link points to)."""
        link = FORMS[form].field(via).link if via else None
        owner = FORMS[link] if link else FORMS[form]
        table = self.alias(form, via) if via else record_table(form)
        f = owner.field(field_key)
        col = table.c[field_key]
        if f.type is FieldType.MULTI_CHOICE:
            choices = f.choices()
            assert choices is not None
            codes = values_table(f"codes_{field_key}", ("code",), [(c,) for c in choices.codes])
            sep = literal(SEP, String)
            held = sep.concat(func.coalesce(col.cast(String), "")).concat(sep)
            pattern = literal("%" + SEP, String).concat(codes.c.code).concat(literal(SEP + "%", String))
            return Group(field_key, [codes.c.code], [(codes, held.like(pattern))], via=via)
        return Group(field_key, [col], via=via)

    @staticmethod
    def text_group(form: str, field_key: str) -> Group:
        col = record_table(form).c[field_key]
        return Group(field_key, [func.lower(func.trim(col))], labels=[func.min(func.trim(col))])

    # ------------------------------------------------------------------------------------- running
    def _columns(self, measures: Sequence[Measure], scope: Scope) -> list[Any]:
        out = []
        for m in measures:
            where = m.where(scope) if m.where is not None else None
            if m.agg == COUNT:
                col = func.count() if where is None else func.sum(case((where, 1), else_=0))
            elif m.agg == SUM:
                assert m.expr is not None
                value = m.expr(scope)
                col = func.sum(value if where is None else case((where, value), else_=None))
            elif m.agg == DISTINCT:
                assert m.expr is not None
                value = m.expr(scope)
                col = func.count(distinct(value if where is None else case((where, value), else_=None)))
            else:
                continue
            out.append(col.label(m.key))
        return out

    def figures(self, profile: Profile, year: str | None, group: Group | None = None,
                measures: Sequence[Measure] | None = None, *, by_year: Sequence[str] | None = None,
                scope_links: Iterable[str] = ()) -> dict[tuple, dict[str, Any]]:
        """Every measure of ``profile`` (or ``measures``) for the records of ``year``, per value of the
        grouping (``()`` for no grouping). ``by_year``: grouped by academic year instead (those years)."""
        measures = list(measures if measures is not None else profile.measures)
        links = {link for m in measures for link in m.links} | set(scope_links)
        if group is not None and group.via:
            links.add(group.via)
        scope, source = self.scope(profile, year, links)
        group = group or Group("all")
        keys = list(group.keys)
        where = and_(scope.t.c.deleted.is_(False), self.year_clause(profile.year, scope, year))
        if self.only is not None:
            where = and_(where, scope.t.c.establishment.in_(self.only))
        if by_year is not None:
            assert profile.year is not None and not profile.year.per_year
            keys = [self.year_key(profile.year, scope, by_year), *keys]
        for table, on in group.joins:
            source = source.outerjoin(table, on) if group.outer else source.join(table, on)
        labelled = [k.label(f"g{i}") for i, k in enumerate(keys)]
        cols = self._columns(measures, scope)
        out: dict[tuple, dict[str, Any]] = {}
        if cols:
            stmt = select(*labelled, *[lab.label(f"label{i}") for i, lab in enumerate(group.labels)], *cols)
            stmt = stmt.select_from(source).where(where)
            if keys:
                stmt = stmt.group_by(*keys)
            for row in self._run(stmt):
                values = row._mapping
                key = tuple(values[f"g{i}"] for i in range(len(keys)))
                item = {m.key: plain(values[m.key]) for m in measures if m.agg != MEDIAN}
                if group.labels:
                    item["_label"] = values["label0"]
                out[key] = item
        return out

    def distinct_in(self, profile: Profile, year: str | None, measure: Measure,
                    sets: dict[str, list[str]]) -> dict[str, int]:
        """A ``DISTINCT`` measure over each set of establishments (a region's…), in one query: one
        ``COUNT(DISTINCT CASE WHEN establishment IN (…) THEN … END)`` column per set."""
        assert measure.expr is not None
        scope, source = self.scope(profile, year, measure.links)
        value = measure.expr(scope)
        if measure.where is not None:
            value = case((measure.where(scope), value), else_=None)
        names = [name for name, codes in sets.items() if codes]
        if not names:
            return {}
        cols = [func.count(distinct(case((scope.t.c.establishment.in_(sets[name]), value), else_=None)))
                .label(f"s{i}") for i, name in enumerate(names)]
        where = and_(scope.t.c.deleted.is_(False), self.year_clause(profile.year, scope, year))
        row = self._run(select(*cols).select_from(source).where(where))[0]
        return {name: int(row[i]) for i, name in enumerate(names)}

    def histograms(self, profile: Profile, measure: Measure, years: Sequence[str]) -> dict[tuple, dict[float, int]]:
        """How many live records have each value of ``measure``, per (establishment, academic year): one
        ``GROUP BY`` whose rows add up exactly, so that the median of any set of establishments and years is
        read from the sum of their histograms (``median``)."""
        assert measure.expr is not None
        scope, source = self.scope(profile, None, measure.links)
        value = measure.expr(scope)
        year = self.year_key(profile.year, scope, years) if profile.year is not None and \
            not profile.year.per_year else literal(None, String)
        conditions = [scope.t.c.deleted.is_(False), value.isnot(None)]
        if measure.where is not None:
            conditions.append(measure.where(scope))
        stmt = (select(scope.t.c.establishment, year.label("y"), value.label("v"), func.count().label("n"))
                .select_from(source).where(and_(*conditions)).group_by(scope.t.c.establishment, year, value))
        out: dict[tuple, dict[float, int]] = {}
        for code, y, v, n in self._run(stmt):
            out.setdefault((code, y), {})[float(v)] = int(n)
        return out

    def _run(self, stmt: Any) -> Any:
        self.statements += 1
        return self.conn.execute(stmt).all()

    # ------------------------------------------------------------------------------------- facts
    def years(self) -> list[str]:
        """Every academic year the store has records for (cohorts' years, offerings' first years,
        internships' start dates), oldest first."""
        found: set[str] = set()
        for form in FORMS:
            from sync.ministry.indicators import profile as profile_of

            rule = profile_of(form).year
            if rule is None:
                continue
            t = record_table(form)
            col = t.c[rule.field]
            live = t.c.deleted.is_(False)
            if rule.kind in ("equal", "since"):
                found.update(v for (v,) in self._run(select(col).distinct().where(live).where(col.isnot(None))))
            else:
                low, high = self._run(select(func.min(col), func.max(col)).where(live))[0]
                if low is not None and high is not None:
                    low, high = (date.fromisoformat(str(v)[:10]) for v in (low, high))
                    first, last = int(academic_year_of(low)[:4]), int(academic_year_of(high)[:4])
                    found.update(f"{y}-{y + 1}" for y in range(first, last + 1))
        return sorted(v for v in found if isinstance(v, str) and len(v) == 9)

    def live_counts(self) -> dict[str, dict[str, int]]:
        """Live records per establishment and form."""
        out: dict[str, dict[str, int]] = {}
        for form in FORMS:
            t = record_table(form)
            for code, n in self._run(select(t.c.establishment, func.count()).where(t.c.deleted.is_(False))
                                     .group_by(t.c.establishment)):
                out.setdefault(code, {})[form] = int(n)
        return out
