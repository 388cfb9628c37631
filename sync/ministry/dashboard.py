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

from sqlalchemy import ColumnElement, and_, case, func, literal, select

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


def figures(workspace: Any, filters: Filters = Filters()) -> NationalFigures:
    """Every figure of the dashboard, in a handful of aggregate queries."""
    offering, cohort, internship = record_table("offering"), record_table("cohort"), record_table("internship")
    out = NationalFigures()
    with national_store(workspace).read() as conn:
        selected = selected_establishments(workspace, filters, conn)
        filtered = bool(filters.region or filters.ministry)
        codes = sorted(selected) if filtered else None
        out.expected = len(selected)

        off_where = _scope(offering, codes)
        coh_where = _scope(cohort, codes)
        int_where = _scope(internship, codes)
        if filters.year:
            off_where = and_(off_where, offering.c.first_academic_year <= filters.year)
            coh_where = and_(coh_where, cohort.c.academic_year == filters.year)
            start, end = year_bounds(filters.year)
            int_where = and_(int_where, internship.c.start_date >= start, internship.c.start_date <= end)

        reporting: set[str] = set()
        for table in (offering, cohort, internship):
            reporting |= {c for (c,) in conn.execute(select(table.c.establishment).where(_scope(table, codes))
                                                    .distinct())}
        out.reporting = len(reporting & set(selected)) if selected else len(reporting)

        row = conn.execute(select(func.count(), func.coalesce(func.sum(offering.c.capacity), 0),
                                  func.coalesce(func.sum(case((offering.c.industry_partnered.is_(True), 1), else_=0)), 0))
                           .where(off_where)).one()
        out.offerings, out.places, out.partnered = int(row[0]), int(row[1]), int(row[2])

        domains = reference("domains").codes
        wrapped = literal(MULTI_SEPARATOR) + offering.c.domains + literal(MULTI_SEPARATOR)
        sums = []
        for code in domains:
            hit = wrapped.like(f"%{MULTI_SEPARATOR}{code}{MULTI_SEPARATOR}%")
            sums += [func.coalesce(func.sum(case((hit, offering.c.capacity), else_=0)), 0),
                     func.coalesce(func.sum(case((hit, 1), else_=0)), 0)]
        if sums:
            values = conn.execute(select(*sums).where(off_where)).one()
            out.places_by_domain = [(code, int(values[2 * i]), int(values[2 * i + 1]))
                                    for i, code in enumerate(domains) if values[2 * i + 1]]
        out.places_by_training_type = [
            (code, int(places)) for code, places in conn.execute(
                select(offering.c.training_type, func.coalesce(func.sum(offering.c.capacity), 0)).where(off_where)
                .group_by(offering.c.training_type).order_by(offering.c.training_type)) if code]

        row = conn.execute(select(*(func.coalesce(func.sum(cohort.c[k]), 0) for k in (
            "enrolled", "women", "work_study", "graduates", "employed_6m"))).where(coh_where)).one()
        out.enrolled, out.women, out.work_study, out.graduates, out.employed_6m = (int(v) for v in row)

        trend_where = _scope(cohort, codes)
        out.enrolled_by_year = [
            (year, int(enrolled), int(women)) for year, enrolled, women in conn.execute(
                select(cohort.c.academic_year, func.coalesce(func.sum(cohort.c.enrolled), 0),
                       func.coalesce(func.sum(cohort.c.women), 0)).where(trend_where)
                .group_by(cohort.c.academic_year).order_by(cohort.c.academic_year)) if year]

        per_establishment = dict(conn.execute(select(cohort.c.establishment, func.coalesce(
            func.sum(cohort.c.enrolled), 0)).where(coh_where).group_by(cohort.c.establishment)).all())
        listed = all_establishments(workspace, conn)
        regions: dict[str, int] = {}
        for code, enrolled in per_establishment.items():
            region = (listed.get(code) or {}).get("region") or "?"
            regions[region] = regions.get(region, 0) + int(enrolled)
        out.enrolled_by_region = sorted(regions.items(), key=lambda item: -item[1])

        row = conn.execute(select(func.count(),
                                  func.coalesce(func.sum(case((internship.c.gender == "F", 1), else_=0)), 0),
                                  func.coalesce(func.sum(case((internship.c.hired == "YES", 1), else_=0)), 0))
                           .where(int_where)).one()
        out.internships, out.internships_women, out.hired = int(row[0]), int(row[1]), int(row[2])
        out.internships_by_type = [
            (code, int(n)) for code, n in conn.execute(
                select(internship.c.internship_type, func.count()).where(int_where)
                .group_by(internship.c.internship_type).order_by(func.count().desc())) if code]
    return out


__all__ = ["FilterChoices", "Filters", "NationalFigures", "figures", "filter_choices", "selected_establishments", "year_bounds"]
