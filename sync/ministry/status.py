"""Where each establishment stands: per establishment of the reference list (enrolled or not), its last
bundle applied, the dates of its last bundle (made, received), its records per form, the bundles held and
the number they wait for, its refused records not yet corrected, and whether it is late (nothing received
within the reporting period: ``reporting_period_days`` in the settings, 30 by default). Late ones first."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import func, select

from forms.definitions import FORMS
from forms.reference import reference
from sync.ministry.registry import ACTIVE
from sync.ministry.store import national_store
from sync.ministry.tables import APPLIED, HELD, bundles_received, chains, record_table, registry_keys


@dataclass
class EstablishmentStatus:
    code: str
    name: str
    region: str
    enrolled: bool
    key_state: str | None
    chain: int | None
    last_sequence: int
    last_created_at: str | None
    last_received_at: str | None
    records: dict[str, int] = field(default_factory=dict)
    held: list[int] = field(default_factory=list)
    waiting_for: int | None = None
    refused_records: int = 0
    late: bool = True
    days_since: float | None = None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["establishment"] = out.pop("code")
        return {"establishment": out.pop("establishment"), **out}


def _parse(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def reporting_period(workspace: Any) -> int:
    """``Workspace.reporting_period_days``: a bad setting is refused (``StoreError``), never taken as 30."""
    return int(workspace.reporting_period_days)


def establishments_status(workspace: Any, now: datetime | None = None) -> list[EstablishmentStatus]:
    now = now or datetime.now(UTC)
    period = reporting_period(workspace)
    with national_store(workspace).read() as conn:
        from sync.ministry.establishments import all_establishments

        listed = all_establishments(workspace, conn)
        chain_rows = {r.establishment: r for r in conn.execute(select(chains))}
        keys: dict[str, str] = {}
        for r in conn.execute(select(registry_keys.c.establishment, registry_keys.c.state)
                              .order_by(registry_keys.c.enrolled_at)):
            if keys.get(r.establishment) != ACTIVE:
                keys[r.establishment] = r.state
        counts: dict[str, dict[str, int]] = {}
        for form in FORMS:
            t = record_table(form)
            for code, n in conn.execute(select(t.c.establishment, func.count()).where(t.c.deleted.is_(False))
                                        .group_by(t.c.establishment)):
                counts.setdefault(code, {})[form] = int(n)
        received: dict[str, str] = {}
        held: dict[str, list[int]] = {}
        refusals: dict[str, dict[tuple[str, str], int]] = {}
        for r in conn.execute(select(bundles_received.c.establishment, bundles_received.c.chain,
                                     bundles_received.c.sequence, bundles_received.c.state,
                                     bundles_received.c.received_at, bundles_received.c.refused_records)
                              .where(bundles_received.c.state.in_((APPLIED, HELD)))):
            chain = chain_rows.get(r.establishment)
            if r.received_at and r.received_at > received.get(r.establishment, ""):
                received[r.establishment] = r.received_at
            if chain is None or r.chain != chain.chain:
                continue
            if r.state == HELD:
                held.setdefault(r.establishment, []).append(r.sequence)
            elif r.refused_records:
                for item in orjson.loads(r.refused_records).get("records", []):
                    mine = refusals.setdefault(r.establishment, {})
                    key = (item["form"], item["id"])
                    mine[key] = max(mine.get(key, 0), r.sequence)
        outstanding: dict[str, int] = {}
        for code, items in refusals.items():
            for form in {f for f, _ in items}:
                t = record_table(form) if form in FORMS else None
                ids = [i for f, i in items if f == form]
                later = {} if t is None else {row[0]: row[1] for row in conn.execute(
                    select(t.c.id, t.c.bundle_sequence).where(t.c.establishment == code).where(t.c.id.in_(ids)))}
                outstanding[code] = outstanding.get(code, 0) + sum(
                    1 for i in ids if later.get(i, 0) <= items[(form, i)])
    codes = list(dict.fromkeys([*sorted(listed), *sorted(set(chain_rows) | set(keys))]))
    out = []
    for code in codes:
        row = listed.get(code)
        chain = chain_rows.get(code)
        last_received = received.get(code)
        when = _parse(last_received)
        days = (now - when).total_seconds() / 86400 if when else None
        waiting = (chain.last_sequence + 1) if chain is not None and held.get(code) else None
        out.append(EstablishmentStatus(
            code=code, name=row["label_fr"] if row else code,
            region=reference("regions").label(row["region"]) if row else "",
            enrolled=keys.get(code) == ACTIVE, key_state=keys.get(code),
            chain=chain.chain if chain is not None else None,
            last_sequence=chain.last_sequence if chain is not None else 0,
            last_created_at=chain.last_created_at if chain is not None else None,
            last_received_at=last_received,
            records={form: counts.get(code, {}).get(form, 0) for form in FORMS},
            held=sorted(held.get(code, [])), waiting_for=waiting, refused_records=outstanding.get(code, 0),
            late=days is None or days >= period, days_since=round(days, 1) if days is not None else None))
    out.sort(key=lambda s: (not s.late, s.code))
    return out
