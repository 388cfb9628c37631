"""The figures of the dashboard and the status bar, read in SQL (no Qt; run off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, case, func, inspect, literal, select, text

from desktop.ui.list_query import belonging_titles, row_title
from forms.definitions import FORMS
from forms.store.columns import MULTI_SEPARATOR
from forms.store.records import COMPLETE, DRAFT
from forms.store.tables import record_table

QUALITY_LIMIT = 200


@dataclass
class QualityItem:
    form: str
    id: str
    title: str
    status: str
    errors: int
    warnings: int


@dataclass
class DashboardData:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """Form → {"draft": n, "complete": n, "warnings": n}."""
    by_domain: dict[str, int] = field(default_factory=dict)
    """Offerings per domain code (an offering counts once in each of its domains)."""
    by_training_type: dict[str, int] = field(default_factory=dict)
    by_region: dict[str, int] = field(default_factory=dict)
    """Internships per host region code."""
    by_year: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Academic year → (enrolled, women, men) summed over the cohorts of that year."""
    quality: list[QualityItem] = field(default_factory=list)


@dataclass
class ProfileChart:
    """One summary chart of a form's profile (``sync.ministry.profiles``) over this establishment's records:
    ``rows`` (code of the breakdown field, {measure: value}) for the codes that have records."""

    form: str
    chart: Any
    field_form: str
    """The form whose field the breakdown is (the linked one for « offering.domains »)."""
    field: str
    series: list[tuple[str, Any]]
    """(measure key, its label ``Text``) in the order drawn."""
    rows: list[tuple[Any, dict[str, Any]]]


def counts(engine: Engine) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with engine.connect() as conn:
        for key in FORMS:
            t = record_table(key)
            warned = func.sum(case((t.c.warning_count > 0, 1), else_=0))  # sum() of a comparison reads as a bool
            rows = conn.execute(select(t.c.status, func.count(), warned)
                                .where(t.c.deleted.is_(False)).group_by(t.c.status)).all()
            entry = {DRAFT: 0, COMPLETE: 0, "warnings": 0}
            for status, n, warned in rows:
                entry[status] = n
                entry["warnings"] += int(warned or 0)
            out[key] = entry
    return out


def load(engine: Engine) -> DashboardData:
    data = DashboardData(counts=counts(engine))
    offering, cohort, internship = record_table("offering"), record_table("cohort"), record_table("internship")
    live_o, live_c, live_i = offering.c.deleted.is_(False), cohort.c.deleted.is_(False), internship.c.deleted.is_(False)
    with engine.connect() as conn:
        table = FORMS["offering"].field("domains").choices()
        for code in table.codes if table else ():
            wrapped = literal(MULTI_SEPARATOR) + offering.c.domains + literal(MULTI_SEPARATOR)
            n = conn.execute(select(func.count()).select_from(offering).where(
                live_o, wrapped.like(f"%{MULTI_SEPARATOR}{code}{MULTI_SEPARATOR}%"))).scalar_one()
            if n:
                data.by_domain[code] = int(n)
        for code, n in conn.execute(select(offering.c.training_type, func.count()).where(live_o)
                                    .group_by(offering.c.training_type)):
            if code:
                data.by_training_type[code] = int(n)
        for code, n in conn.execute(select(internship.c.host_region, func.count()).where(live_i)
                                    .group_by(internship.c.host_region)):
            if code:
                data.by_region[code] = int(n)
        for year, enrolled, women, men in conn.execute(
                select(cohort.c.academic_year, func.sum(cohort.c.enrolled), func.sum(cohort.c.women),
                       func.sum(cohort.c.men)).where(live_c).group_by(cohort.c.academic_year)
                .order_by(cohort.c.academic_year)):
            if year:
                data.by_year[year] = (int(enrolled or 0), int(women or 0), int(men or 0))
        data.quality = quality(conn)
    return data


def load_profile_charts(engine: Engine) -> list[ProfileChart]:
    """Every declared form's summary charts (``profile_charts``), read apart from ``load``: they cost as much
    as the rest of the dashboard together (the ministry's aggregates, a grouped count of every internship), so
    the window shows the counts and the first charts without waiting for them."""
    with engine.connect() as conn:
        return profile_charts(conn)


def profile_charts(conn: Any) -> list[ProfileChart]:
    """The summary charts every declared form's profile names (a new form's appear with its profile), computed
    by the ministry's own aggregates (``sync.ministry.aggregates``) over this database: the record tables
    have the same names and columns (the ministry's lack only the withheld fields, which no chart uses)."""
    from sync.ministry.aggregates import Aggregates
    from sync.ministry.profiles import PROFILES

    agg = Aggregates(conn, {})
    out = []
    for key, form in FORMS.items():
        profile = PROFILES.get(key)
        if profile is None:
            continue
        measures = {m.key: m for m in profile.measures}
        for chart in profile.summary:
            via, _, field_key = chart.by.rpartition(".")
            owner = form.field(via).link if via else key
            assert owner is not None
            drawn = [measures[k] for k in (chart.series or chart.measures)]
            figures = agg.figures(profile, None, agg.field_group(key, field_key, via or None), drawn)
            table = FORMS[owner].field(field_key).choices()
            order = {code: i for i, code in enumerate(table.codes)} if table is not None else {}
            rows = sorted(((k[0], v) for k, v in figures.items()
                           if k[0] not in (None, "") and any(v.get(m.key) for m in drawn)),
                          key=lambda row: (order.get(row[0], len(order)), str(row[0])))
            out.append(ProfileChart(key, chart, owner, field_key, [(m.key, m.label) for m in drawn], rows))
    return out


def quality(conn: Any, limit: int = QUALITY_LIMIT) -> list[QualityItem]:
    """Drafts and records with open warnings, most recently changed first (errors before warnings)."""
    items: list[QualityItem] = []
    for key, form in FORMS.items():
        t = record_table(key)
        stmt = (select(t).where(t.c.deleted.is_(False), (t.c.status == DRAFT) | (t.c.warning_count > 0))
                .order_by(t.c.error_count.desc(), t.c.updated_at.desc()).limit(limit))
        rows = list(conn.execute(stmt).mappings())
        # a cohort is named with its offering (« MS-CYBER · 2025-2026 · 1 »): « 2025-2026 — 1 » names one per offering
        paths = belonging_titles(conn.engine, key, [row["id"] for row in rows])
        for row in rows:
            items.append(QualityItem(key, row["id"], paths.get(row["id"]) or row_title(form, row), row["status"],
                                     row["error_count"], row["warning_count"]))
    return items


@dataclass
class ExportInfo:
    last_export: str | None = None
    last_acknowledged: str | None = None


def export_info(engine: Engine) -> ExportInfo:
    """Dates of the last bundle written and the last receipt, from the outbox table when it exists."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("bundles"):
            return ExportInfo()
        row = conn.execute(text("SELECT max(written_at), max(acknowledged_at) FROM bundles")).first()
    return ExportInfo(row[0], row[1]) if row else ExportInfo()
