"""The national dashboard's figures: headline indicators and the series behind its charts, as SQL
aggregates over the national store, filtered by academic year, region and supervising ministry.

Filters: region and supervising ministry select establishments (the establishment's own region and
ministry in the ministry's list, ``establishments.all_establishments``). The academic year selects
cohorts of that year, offerings open that year (first academic year ≤ the year) and internships that
started within it (1 September to 31 August). A multi-domain offering counts in each of its domains in the
per-domain series, and once in every total. Deleted records never count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select

from forms.reference import reference
from forms.store.columns import MULTI_SEPARATOR
from sync.ministry.establishments import all_establishments
from sync.ministry.store import national_store
from sync.ministry.tables import record_table


@dataclass(frozen=True)
class Filters:
    year: str | None = None
    """« 2025-2026 »; None: every year."""
    region: str | None = None
    """A code of the ``regions`` reference."""
    ministry: str | None = None
    """A code of the ``ministries`` reference (the establishment's supervising ministry)."""


@dataclass
class NationalFigures:
    expected: int = 0
    """Establishments of the list that the filters select."""
    reporting: int = 0
    """Of those, the ones with at least one consolidated record."""
    offerings: int = 0
    places: int = 0
    partnered: int = 0
    enrolled: int = 0
    women: int = 0
    work_study: int = 0
    graduates: int = 0
    employed_6m: int = 0
    internships: int = 0
    internships_women: int = 0
    hired: int = 0
    places_by_domain: list[tuple[str, int, int]] = field(default_factory=list)
    """(domain code, places, offerings), each domain of a multi-domain offering counted."""
    places_by_training_type: list[tuple[str, int]] = field(default_factory=list)
    enrolled_by_year: list[tuple[str, int, int]] = field(default_factory=list)
    """(academic year, enrolled, women): every year (the trend ignores the year filter)."""
    internships_by_type: list[tuple[str, int]] = field(default_factory=list)
    enrolled_by_region: list[tuple[str, int]] = field(default_factory=list)
    internships_loaded: bool = False
    """False until ``add_internship_figures`` has filled the internships' figures."""
    tiles: list[tuple[Any, Any]] = field(default_factory=list)
    """(indicator, value) of every indicator a form's profile marks ``dashboard`` (``profile_tiles``)."""

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None


@dataclass
class FilterChoices:
    years: list[str]
    regions: list[str]
    ministries: list[str]


def year_bounds(year: str) -> tuple[date, date]:
    first = int(year[:4])
    return date(first, 9, 1), date(first + 1, 8, 31)


def selected_establishments(workspace: Any, filters: Filters, conn: Any = None) -> dict[str, dict[str, str]]:
    listed = all_establishments(workspace, conn)
    return {code: row for code, row in listed.items()
            if (not filters.region or row.get("region") == filters.region)
            and (not filters.ministry or row.get("supervising_ministry") == filters.ministry)}


def filter_choices(workspace: Any) -> FilterChoices:
    cohort, offering = record_table("cohort"), record_table("offering")
    with national_store(workspace).read() as conn:
        years = {y for (y,) in conn.execute(select(cohort.c.academic_year).where(cohort.c.deleted.is_(False))
                                            .distinct()) if y}
        years |= {y for (y,) in conn.execute(select(offering.c.first_academic_year)
                                             .where(offering.c.deleted.is_(False)).distinct()) if y}
        listed = all_establishments(workspace, conn)
    return FilterChoices(sorted(years, reverse=True),
                         sorted({r["region"] for r in listed.values() if r.get("region")}),
                         sorted({r["supervising_ministry"] for r in listed.values() if r.get("supervising_ministry")}))


def _scope(table: Any, codes: list[str] | None) -> ColumnElement[bool]:
    live = table.c.deleted.is_(False)
    return live if codes is None else and_(live, table.c.establishment.in_(codes))


def _internship_where(filters: Filters, codes: list[str] | None) -> ColumnElement[bool]:
    internship = record_table("internship")
    where = _scope(internship, codes)
    if filters.year:
        start, end = year_bounds(filters.year)
        where = and_(where, internship.c.start_date >= start, internship.c.start_date <= end)
    return where


def _codes(workspace: Any, filters: Filters, conn: Any) -> tuple[dict[str, dict[str, str]], list[str] | None]:
    selected = selected_establishments(workspace, filters, conn)
    return selected, (sorted(selected) if filters.region or filters.ministry else None)


def figures(workspace: Any, filters: Filters = Filters()) -> NationalFigures:
    """Every figure of the dashboard (``programme_figures`` then ``add_internship_figures``)."""
    return add_internship_figures(workspace, filters, programme_figures(workspace, filters))


def programme_figures(workspace: Any, filters: Filters = Filters()) -> NationalFigures:
    """The figures of offerings and cohorts, and who reported: one grouped scan of each of these small
    tables, the rest summed here (the dashboard paints them while the internships, a million rows
    nationally, are still being counted)."""
    offering, cohort = record_table("offering"), record_table("cohort")
    out = NationalFigures()
    with national_store(workspace).read() as conn:
        selected, codes = _codes(workspace, filters, conn)
        listed = all_establishments(workspace, conn)
        out.expected = len(selected)
        reporting: set[str] = set()

        partnered = case((offering.c.industry_partnered.is_(True), 1), else_=0)
        off_where = _scope(offering, codes)
        if filters.year:
            off_where = and_(off_where, offering.c.first_academic_year <= filters.year)
        domains: dict[str, list[int]] = {}
        types: dict[str, int] = {}
        for code, kind, multi, n, places, with_partner in conn.execute(
                select(offering.c.establishment, offering.c.training_type, offering.c.domains, func.count(),
                       func.coalesce(func.sum(offering.c.capacity), 0), func.coalesce(func.sum(partnered), 0))
                .where(off_where)
                .group_by(offering.c.establishment, offering.c.training_type, offering.c.domains)):
            n, places = int(n), int(places)
            reporting.add(code)
            out.offerings += n
            out.places += places
            out.partnered += int(with_partner)
            if kind:
                types[kind] = types.get(kind, 0) + places
            parts = multi if isinstance(multi, list | tuple) else (multi or "").split(MULTI_SEPARATOR)
            for domain in dict.fromkeys(d for d in parts if d):
                entry = domains.setdefault(domain, [0, 0])
                entry[0] += places
                entry[1] += n
        order = {code: i for i, code in enumerate(reference("domains").codes)}
        out.places_by_domain = [(code, places, n) for code, (places, n)
                                in sorted(domains.items(), key=lambda item: order.get(item[0], len(order)))]
        out.places_by_training_type = sorted(types.items())

        keys = ("enrolled", "women", "work_study", "graduates", "employed_6m")
        by_year: dict[str, list[int]] = {}
        regions: dict[str, int] = {}
        for code, year, *sums in conn.execute(
                select(cohort.c.establishment, cohort.c.academic_year,
                       *(func.coalesce(func.sum(cohort.c[k]), 0) for k in keys))
                .where(_scope(cohort, codes)).group_by(cohort.c.establishment, cohort.c.academic_year)):
            values = [int(v) for v in sums]
            reporting.add(code)
            if year:
                trend = by_year.setdefault(year, [0, 0])
                trend[0] += values[0]
                trend[1] += values[1]
            if filters.year and year != filters.year:
                continue
            out.enrolled += values[0]
            out.women += values[1]
            out.work_study += values[2]
            out.graduates += values[3]
            out.employed_6m += values[4]
            region = (listed.get(code) or {}).get("region") or "?"
            regions[region] = regions.get(region, 0) + values[0]
        out.enrolled_by_year = [(year, enrolled, women) for year, (enrolled, women) in sorted(by_year.items())]
        out.enrolled_by_region = sorted(regions.items(), key=lambda item: -item[1])
        out.tiles = profile_tiles(conn, listed, filters, codes)
        # every internship names an offering: the establishments with an offering or a cohort have reported
        out.reporting = len(reporting & set(selected)) if selected else len(reporting)
    return out


def profile_tiles(conn: Any, listed: dict[str, dict[str, str]], filters: Filters,
                  codes: list[str] | None) -> list[tuple[Any, Any]]:
    """The indicators the forms' profiles mark ``dashboard`` (``sync.ministry.profiles``), for the filters: one
    grouped query per such form, with the workbook's own measures and year rules (a form added with its
    profile gets its tiles without a line here)."""
    from sync.ministry.aggregates import Aggregates
    from sync.ministry.indicators import indicator_value, profiles

    agg = Aggregates(conn, listed, codes)
    out: list[tuple[Any, Any]] = []
    for p in profiles():
        wanted = [ind for ind in p.indicators if ind.dashboard]
        if not wanted:
            continue
        keys = {k for ind in wanted for k in (ind.numerator, ind.denominator) if k}
        values = agg.figures(p, filters.year, measures=[m for m in p.measures if m.key in keys]).get((), {})
        out.extend((ind, indicator_value(ind, values)) for ind in wanted)
    return out


def add_internship_figures(workspace: Any, filters: Filters, out: NationalFigures) -> NationalFigures:
    """The internships' figures into ``out``: one scan of the table, grouped by type, gender and hiring."""
    internship = record_table("internship")
    with national_store(workspace).read() as conn:
        _selected, codes = _codes(workspace, filters, conn)
        by_type: dict[str, int] = {}
        total = women = hired = 0
        for kind, gender, was_hired, n in conn.execute(
                select(internship.c.internship_type, internship.c.gender, internship.c.hired, func.count())
                .where(_internship_where(filters, codes))
                .group_by(internship.c.internship_type, internship.c.gender, internship.c.hired)):
            n = int(n)
            total += n
            women += n if gender == "F" else 0
            hired += n if was_hired == "YES" else 0
            if kind:
                by_type[kind] = by_type.get(kind, 0) + n
    out.internships, out.internships_women, out.hired = total, women, hired
    out.internships_by_type = sorted(by_type.items(), key=lambda item: (-item[1], item[0]))
    out.internships_loaded = True
    return out


__all__ = ["FilterChoices", "Filters", "NationalFigures", "add_internship_figures", "figures", "filter_choices",
           "profile_tiles", "programme_figures", "selected_establishments", "year_bounds"]
