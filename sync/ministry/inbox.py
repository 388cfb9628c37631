"""What consolidation would do with each bundle file, told before anything is decrypted.

``preview`` reads each file's outer header (``reading.peek``: no key, no decryption) and compares it with
the national store: a hash already known (duplicate, still held, a recorded fork or rollback), the
establishment's chain (next number: new; a later one: held, waiting for n° k; the same or a lower number
with another hash: fork or rollback), the registry (no active key: refused). Files of one batch are taken
in the order consolidation takes them (by establishment and number), so a gap filled by another file of
the same batch is not announced as waiting. Only consolidation decides: this is a forecast for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from forms.messages import message_of
from sync.bundle import DEFAULT_LIMITS, Limits
from sync.errors import SyncError
from sync.ministry.consolidation import _read, bundle_files
from sync.ministry.reading import Head, peek
from sync.ministry.registry import ACTIVE
from sync.ministry.store import national_store
from sync.ministry.tables import APPLIED, FORK, HELD, ROLLBACK, bundles_received, chains, registry_keys

NEW, DUPLICATE, ALREADY_HELD, WAITING, FORK_AHEAD, ROLLBACK_AHEAD, UNREADABLE, NOT_ENROLLED = (
    "new", "duplicate", "already_held", "waiting", "fork", "rollback", "unreadable", "not_enrolled")
ACTIONS = (NEW, DUPLICATE, ALREADY_HELD, WAITING, FORK_AHEAD, ROLLBACK_AHEAD, UNREADABLE, NOT_ENROLLED)


@dataclass
class Preview:
    """One file as its signed header names it, and what consolidation is expected to do with it."""

    file: str
    action: str
    establishment: str | None = None
    sequence: int | None = None
    created_at: str | None = None
    bundle_hash: str | None = None
    waiting_for: int | None = None
    reason: str = ""
    reason_text: Any = field(default=None, repr=False)
    """``reason`` as a ``Message`` when known (the window renders it in its language); not in the JSON."""

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "reason_text"}


def preview(workspace: Any, paths: Iterable[Path], limits: Limits = DEFAULT_LIMITS) -> list[Preview]:
    """One ``Preview`` per bundle file of ``paths`` (files, or folders searched for ``*.kfb``), in file order."""
    files = bundle_files(Path(p) for p in paths)
    heads: list[tuple[int, Head]] = []
    out: list[Preview] = []
    for path in files:
        try:
            head = peek(_read(path, limits), limits)
        except SyncError as exc:
            out.append(Preview(str(path), UNREADABLE, reason=str(exc), reason_text=message_of(exc)))
            continue
        out.append(Preview(str(path), NEW, head.establishment, head.sequence, head.created_at, head.bundle_hash))
        heads.append((len(out) - 1, head))
    if not heads:
        return out
    codes = sorted({h.establishment for _, h in heads})
    with national_store(workspace).read() as conn:
        known = {r.bundle_hash: r for r in conn.execute(
            select(bundles_received).where(bundles_received.c.bundle_hash.in_([h.bundle_hash for _, h in heads]))
            .where(bundles_received.c.state.in_((APPLIED, HELD, FORK, ROLLBACK))))}
        chain_rows = {r.establishment: r for r in conn.execute(select(chains).where(chains.c.establishment.in_(codes)))}
        active = {r.establishment for r in conn.execute(
            select(registry_keys.c.establishment).where(registry_keys.c.establishment.in_(codes))
            .where(registry_keys.c.state == ACTIVE))}
        applied = {(r.establishment, r.sequence): r.bundle_hash for r in conn.execute(
            select(bundles_received.c.establishment, bundles_received.c.sequence, bundles_received.c.bundle_hash,
                   bundles_received.c.chain).where(bundles_received.c.establishment.in_(codes))
            .where(bundles_received.c.state == APPLIED))
            if chain_rows.get(r.establishment) is not None and r.chain == chain_rows[r.establishment].chain}
    # the chain as this batch would leave it: establishment → (last number, last hash)
    last = {code: (row.last_sequence, row.last_hash) for code, row in chain_rows.items()}
    for index, head in sorted(heads, key=lambda item: (item[1].establishment, item[1].sequence)):
        item = out[index]
        row = known.get(head.bundle_hash)
        if row is not None:
            item.action = {APPLIED: DUPLICATE, HELD: ALREADY_HELD}.get(row.state, row.state)
            item.reason = row.reason or "" if row.state in (FORK, ROLLBACK) else ""
            continue
        if head.establishment not in active:
            item.action = NOT_ENROLLED
            item.reason = f"aucune clé active pour {head.establishment} : le lot sera refusé"
            continue
        number, previous = last.get(head.establishment, (0, None))
        if head.sequence == number + 1 and head.previous_hash == previous:
            last[head.establishment] = (head.sequence, head.bundle_hash)
        elif head.sequence in (number, number + 1):
            item.action = FORK_AHEAD
            other = applied.get((head.establishment, head.sequence), previous)
            item.reason = (f"n° {head.sequence} : le lot attendu suit {(previous or 'le début de la chaîne')[:16]}…, "
                           f"celui-ci suit {(head.previous_hash or 'le début de la chaîne')[:16]}…"
                           if head.sequence == number + 1 else
                           f"n° {head.sequence} déjà consolidé avec une autre empreinte ({(other or '?')[:16]}…)")
        elif head.sequence < min((n for (code, n) in applied if code == head.establishment), default=0):
            item.action = DUPLICATE  # below the complete export that began the chain: nothing to do
        elif head.sequence < number:
            item.action = ROLLBACK_AHEAD
            item.reason = f"n° {head.sequence} alors que le n° {number} est déjà consolidé"
        else:
            item.action = WAITING
            item.waiting_for = number + 1
            if number == 0:
                item.reason = "appliqué tout de suite s'il s'agit d'un export complet"
    return out


def summary(previews: Iterable[Preview]) -> dict[str, int]:
    counts = dict.fromkeys(ACTIONS, 0)
    for item in previews:
        counts[item.action] = counts.get(item.action, 0) + 1
    return counts
