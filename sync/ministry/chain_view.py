"""One establishment as the ministry sees it: its chain of bundles (every bundle received, with its
state and counts), the records refused in its current chain with their reasons, and its keys.

Read-only queries for the window's « Établissements » page (the command line shows the same facts through
``ministry status`` and ``ministry enrolled``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import select

from sync.ministry.registry import EnrolledKey, _row_key
from sync.ministry.store import national_store
from sync.ministry.tables import APPLIED, bundles_received, chains, registry_keys


@dataclass
class BundleLine:
    chain: int
    sequence: int
    state: str
    created_at: str | None
    received_at: str | None
    applied_at: str | None
    accepted: int
    refused: int
    reason: str
    file_name: str
    bundle_hash: str
    waiting_for: int | None = None
    """A held bundle: the number it waits for (its ``reason`` is then empty)."""


@dataclass
class RefusedRecord:
    sequence: int
    form: str
    record_id: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class EstablishmentView:
    code: str
    current_chain: int | None
    bundles: list[BundleLine]
    refused: list[RefusedRecord]
    keys: list[EnrolledKey]


def _total(text: str | None) -> int:
    try:
        return sum(int(v) for v in orjson.loads(text or "{}").values())
    except (ValueError, TypeError, AttributeError):
        return 0


def _reason(text: str | None) -> tuple[str, int | None]:
    """(reason, number waited for): a held bundle keeps ``{"waiting_for": k}`` as its reason."""
    if text and text.startswith("{"):
        try:
            value = orjson.loads(text)
        except ValueError:
            return text, None
        if isinstance(value, dict) and value.get("waiting_for"):
            return "", int(value["waiting_for"])
    return text or "", None


def _reason_parts(row: Any) -> tuple[str, str, str, int | None]:
    reason, waiting = _reason(row.reason)
    return reason, row.file_name or "", row.bundle_hash, waiting


def establishment_view(workspace: Any, code: str) -> EstablishmentView:
    with national_store(workspace).read() as conn:
        current = conn.execute(select(chains.c.chain).where(chains.c.establishment == code)).scalar()
        rows = conn.execute(select(bundles_received).where(bundles_received.c.establishment == code)
                            .order_by(bundles_received.c.chain.desc(), bundles_received.c.sequence.desc(),
                                      bundles_received.c.received_at.desc())).all()
        keys = [_row_key(r) for r in conn.execute(select(registry_keys).where(registry_keys.c.establishment == code)
                                                  .order_by(registry_keys.c.enrolled_at.desc()))]
    bundles = [BundleLine(r.chain, r.sequence, r.state, r.created_at, r.received_at, r.applied_at,
                          _total(r.accepted), _total(r.refused), *_reason_parts(r))
               for r in rows]
    refused: list[RefusedRecord] = []
    for r in rows:
        if r.state != APPLIED or r.chain != current or not r.refused_records:
            continue
        for item in orjson.loads(r.refused_records).get("records", []):
            refused.append(RefusedRecord(r.sequence, str(item.get("form", "")), str(item.get("id", "")),
                                         [str(x) for x in item.get("reasons", [])]))
    return EstablishmentView(code, current, bundles, refused, keys)
