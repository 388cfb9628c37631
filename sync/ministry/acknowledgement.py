"""Receipts of consolidated bundles: signed from what the store recorded (counts per form, refused
records and their reasons), written after consolidation or again later (``kafaat ministry receipt``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import select

from forms.atomic import write_atomic
from forms.messages import Message
from sync.errors import SyncError
from sync.keys import Identity
from sync.ministry.store import NationalStore
from sync.ministry.tables import APPLIED, bundles_received, chains
from sync.receipts import receipt_file_name, sign_receipt


def write_receipts(store: NationalStore, identity: Identity, report: Any, folder: Path) -> None:
    for outcome in report.outcomes:
        if outcome.state == APPLIED and outcome.establishment and outcome.sequence:
            outcome.receipt = str(write_receipt(store, identity, outcome.establishment, outcome.sequence, folder))


def receipt_bytes(store: NationalStore, identity: Identity, establishment: str, sequence: int,
                  chain: int | None = None) -> bytes:
    """The signed receipt of the applied bundle n° ``sequence`` of ``establishment`` (current chain by default)."""
    if not 1 <= sequence < 1 << 63:  # no bundle has it (a database integer could not even hold some)
        raise SyncError(Message("receipt.not_consolidated", sequence=sequence, code=establishment[:40]))
    with store.read() as conn:
        if chain is None:
            chain = conn.execute(select(chains.c.chain).where(chains.c.establishment == establishment)).scalar()
        row = conn.execute(select(bundles_received).where(bundles_received.c.establishment == establishment)
                           .where(bundles_received.c.chain == chain).where(bundles_received.c.sequence == sequence)
                           .where(bundles_received.c.state == APPLIED)).first()
    if row is None:
        raise SyncError(Message("receipt.not_consolidated", sequence=sequence, code=establishment[:40]))
    details = orjson.loads(row.refused_records or "{}")
    return sign_receipt(identity, establishment=establishment, bundle_id=row.bundle_id, sequence=sequence,
                        bundle_hash=row.bundle_hash, accepted=orjson.loads(row.accepted or "{}"),
                        refused=orjson.loads(row.refused or "{}"), problems=details.get("problems", []),
                        refused_records=details.get("records", []))


def write_receipt(store: NationalStore, identity: Identity, establishment: str, sequence: int, out: Path) -> Path:
    """Write the receipt into ``out`` (a folder: under its standard name ``accuse-MIN-EST-SEQ.json``)."""
    data = receipt_bytes(store, identity, establishment, sequence)
    path = out / receipt_file_name(identity.code, establishment, sequence) if out.is_dir() or not out.suffix else out
    write_atomic(path, data)
    return path
