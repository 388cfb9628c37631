"""Consolidation: bundle files (in any order, files or folders) into the national store.

For each bundle: recognised by its hash before anything is decrypted (a duplicate costs a hash); verified
(``reading.open_verified``, the registry's key); placed in its establishment's chain — the next number
with the right previous hash is applied, a later one is held in the store until the gap fills (in this
run or a later one), the same number with another hash is a fork and a lower number a rollback (both
refused as security incidents, naming both hashes); its records re-validated one by one
(``checking.py``) and applied in change order (never by version); tombstones delete; and all of that
in one transaction per bundle, under a lock on the establishment's chain row (``SELECT … FOR UPDATE``
on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` locks the whole store), with unique constraints behind it.
A receipt per applied bundle is then written into ``receipts_dir``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from forms.collector import collector_paused
from forms.definitions import FORMS
from forms.i18n import plural
from forms.inputs import read_input
from forms.messages import Message, localized, message_of, os_reason
from forms.tasks import TaskState, step
from sync.bundle import DEFAULT_LIMITS, FILE_SUFFIX, Limits
from sync.encoding import now_utc
from sync.errors import BundleError, BundleTooLarge, SyncError
from sync.keys import Identity
from sync.ministry import applying
from sync.ministry.acknowledgement import write_receipts
from sync.ministry.checking import BundleChecker
from sync.ministry.reading import ROWS, TOMBSTONES, Head, Opened, open_verified, peek
from sync.ministry.registry import audit, signing_key
from sync.ministry.store import NationalStore, national_store
from sync.ministry.tables import (
    ABANDONED,
    APPLIED,
    FORK,
    HELD,
    REFUSED,
    ROLLBACK,
    bundles_received,
    chains,
    held_bundles,
)

DUPLICATE, ALREADY_HELD = "duplicate", "already_held"
SECURITY = (FORK, ROLLBACK)


@dataclass
class Outcome:
    """What happened to one bundle file."""

    file: str
    state: str
    """applied, duplicate, held, already_held, refused, fork, rollback"""
    establishment: str | None = None
    sequence: int | None = None
    bundle_hash: str | None = None
    reason: str = ""
    total: int = 0
    accepted: dict[str, int] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)
    refused_records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    waiting_for: int | None = None
    receipt: str | None = None
    applied_later: bool = False
    """Applied from the store's held bundles once the gap filled."""
    notes: list[str] = field(default_factory=list)
    """Said once per bundle: e.g. the personal fields a format-1 bundle carried, dropped on arrival."""
    reason_text: Any = None
    """``reason`` as a ``Message`` (or ``Text``) when known: rendered in the reader's language by ``line``."""
    superseded_by: int | None = None
    """A duplicate numbered below the complete export that began its chain: that export's number."""

    @property
    def security_incident(self) -> bool:
        return self.state in SECURITY

    @property
    def accepted_total(self) -> int:
        return sum(self.accepted.values())

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    def line(self, lang: str = "fr") -> str:
        # A bundle refused before its header could be read is named by its file; a refusal always names it.
        who = Message("outcome.who", establishment=self.establishment, sequence=self.sequence) \
            if self.establishment else (self.file or "?")
        where = Message("outcome.file", file=self.file) if self.establishment and self.file else ""
        reason = self.reason_text if self.reason_text is not None else self.reason
        if self.state == APPLIED:
            return Message("outcome.applied", who=who, accepted=Message("outcome.accepted", n=self.accepted_total),
                           total=self.total,
                           refused=Message("outcome.refused", n=self.refused_total) if self.refused_total else "",
                           later=Message("outcome.later") if self.applied_later else "",
                           notes="".join(f" ; {note}" for note in self.notes)).get(lang)
        if self.state == DUPLICATE and self.superseded_by is not None:
            return Message("outcome.superseded", who=who, full=self.superseded_by).get(lang)
        if self.state == DUPLICATE:
            return Message("outcome.duplicate", who=who).get(lang)
        if self.state in (HELD, ALREADY_HELD):
            key = "outcome.already_held" if self.state == ALREADY_HELD else "outcome.held"
            return Message(key, who=who, waiting=self.waiting_for).get(lang)
        if self.state in SECURITY:
            key = "outcome.fork" if self.state == FORK else "outcome.rollback"
            return Message(key, who=who, reason=localized(reason, lang), where=where).get(lang)
        return Message("outcome.refused_bundle", who=who, reason=localized(reason, lang), where=where).get(lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "state": self.state, "establishment": self.establishment, "sequence": self.sequence,
            "bundle_hash": self.bundle_hash, "reason": self.reason or None, "security_incident": self.security_incident,
            "records": self.total, "accepted": self.accepted, "refused": self.refused,
            "refused_records": self.refused_records, "problems": self.problems, "waiting_for": self.waiting_for,
            "receipt": self.receipt, "applied_later": self.applied_later, "notes": self.notes,
        }


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    receipts_unwritten: tuple[Path, Message | str] | None = None
    """The receipts folder and why the receipts could not all be written there (a full USB key): the bundles
    are consolidated all the same; each missing receipt can be written again (``ministry receipt``)."""

    @property
    def failed(self) -> bool:
        """Anything refused: a bundle, or a record in an applied bundle."""
        return any(o.state in (REFUSED, *SECURITY) or o.refused_total for o in self.outcomes)

    def summary(self) -> dict[str, int]:
        counts = {state: 0 for state in (APPLIED, DUPLICATE, HELD, ALREADY_HELD, REFUSED, FORK, ROLLBACK)}
        for o in self.outcomes:
            counts[o.state] = counts.get(o.state, 0) + 1
        counts["records_accepted"] = sum(o.accepted_total for o in self.outcomes)
        counts["records_refused"] = sum(o.refused_total for o in self.outcomes)
        return counts

    def summary_line(self, lang: str = "fr") -> str:
        s = self.summary()
        return Message("summary.line", bundles=Message("summary.bundles", n=len(self.outcomes)),
                       applied=Message("summary.applied", n=s[APPLIED]),
                       duplicates=Message("summary.duplicates", n=s[DUPLICATE]), held=s[HELD] + s[ALREADY_HELD],
                       refused=Message("summary.refused", n=s[REFUSED]),
                       incidents=Message("summary.incidents", n=s[FORK] + s[ROLLBACK]),
                       accepted=Message("outcome.accepted", n=s["records_accepted"]),
                       records_refused=Message("summary.refused", n=s["records_refused"])).get(lang)

    def to_json(self) -> dict[str, Any]:
        return {"bundles": [o.to_json() for o in self.outcomes], "summary": self.summary()}


# ---------------------------------------------------------------------------------------------- files
def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the ``*.kfb`` files found in folders named (recursively), without repeats."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = sorted(p for p in path.rglob(f"*{FILE_SUFFIX}") if p.is_file()) if path.is_dir() else [path]
        for p in found:
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def _read(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SyncError(Message("bundle.file_unreadable", reason=os_reason(exc))) from exc
    if size > limits.max_file:
        raise BundleTooLarge(Message("bundle.file_too_large", size=size, limit=limits.max_file))
    try:
        return read_input(path, limits.max_file + 1)  # never a pipe (it blocks) nor a device (it never ends)
    except OSError as exc:
        raise SyncError(Message("bundle.file_unreadable", reason=os_reason(exc))) from exc


# ---------------------------------------------------------------------------------------- the driver
def consolidate(workspace: Any, identity: Identity, paths: Iterable[Path], receipts_dir: Path | None = None, *,
                state: TaskState | None = None, limits: Limits = DEFAULT_LIMITS) -> Report:
    """Consolidate the bundle files and folders ``paths``. ``state`` reports progress (one step per file)
    and may cancel between two bundles (a bundle is applied whole or not at all)."""
    store = national_store(workspace)
    store.check_writable()  # a read-only folder: refused whole, not bundle by bundle
    files = bundle_files(Path(p) for p in paths)
    report = Report()
    pending: list[tuple[Head, Path]] = []
    """Bundles to apply, without their bytes: each file is read again when its turn comes, so memory holds one
    bundle at a time, not the whole inbox (200 bundles of 5 MB would be 1 GB)."""
    step(state, 0, len(files) or 1, Message("progress.bundles_reading"))
    for index, path in enumerate(files):
        try:
            data = _read(path, limits)
            head = peek(data, limits)
        except SyncError as exc:
            report.outcomes.append(Outcome(str(path), REFUSED, reason=str(exc), reason_text=message_of(exc)))
            continue
        known = _known(store, head.bundle_hash)
        if known is not None:
            report.outcomes.append(_known_outcome(str(path), head, known))
            continue
        pending.append((head, path))
        del data
        if index % 50 == 0:
            step(state, index, len(files), Message("progress.bundles_known"))
    # Within one run, each establishment's bundles in order: fewer are held only to be applied a moment later.
    pending.sort(key=lambda item: (item[0].establishment, item[0].sequence))
    done = len(files) - len(pending)
    for head, path in pending:
        step(state, done, len(files), Message("progress.bundle", establishment=head.establishment,
                                              sequence=head.sequence))
        try:
            data = _read(path, limits)
            if peek(data, limits).bundle_hash != head.bundle_hash:
                raise SyncError(Message("bundle.file_changed"))
        except SyncError as exc:
            report.outcomes.append(Outcome(str(path), REFUSED, head.establishment, head.sequence, head.bundle_hash,
                                           reason=str(exc), reason_text=message_of(exc)))
            done += 1
            continue
        outcome = apply_file(store, identity, head, data, str(path), limits)
        del data
        report.outcomes.append(outcome)
        if outcome.state == APPLIED:
            report.outcomes.extend(drain_held(store, identity, head.establishment, limits))
        done += 1
    step(state, len(files), len(files), Message("progress.consolidated"), cancellable=False)
    if receipts_dir is not None:  # once the bundles are applied: a full key loses receipts, never bundles
        try:
            write_receipts(store, identity, report, receipts_dir)
        except OSError as exc:
            report.receipts_unwritten = (receipts_dir, os_reason(exc))
    return report


def _known(store: NationalStore, bundle_hash: str) -> Any:
    with store.read() as conn:
        return conn.execute(select(bundles_received).where(bundles_received.c.bundle_hash == bundle_hash)
                            .where(bundles_received.c.state.in_((APPLIED, HELD, FORK, ROLLBACK)))).first()


def _known_outcome(file: str, head: Head, row: Any) -> Outcome:
    if row.state == APPLIED:
        return Outcome(file, DUPLICATE, row.establishment, row.sequence, row.bundle_hash)
    if row.state == HELD:
        return Outcome(file, ALREADY_HELD, row.establishment, row.sequence, row.bundle_hash,
                       waiting_for=_waiting_for(row))
    return Outcome(file, row.state, row.establishment, row.sequence, row.bundle_hash, reason=row.reason or "")


def _waiting_for(row: Any) -> int | None:
    try:
        return int(orjson.loads(row.reason or "{}").get("waiting_for"))
    except (ValueError, TypeError, AttributeError):
        return None


# -------------------------------------------------------------------------------------- one bundle
def _lock_chain(conn: Connection, store: NationalStore, establishment: str) -> Any:
    """The establishment's chain row, locked until the end of the transaction (PostgreSQL; SQLite's
    writer already holds the store's write lock)."""
    stmt = select(chains).where(chains.c.establishment == establishment)
    if store.is_postgresql:
        stmt = stmt.with_for_update()
    return conn.execute(stmt).first()


def _record_bundle(conn: Connection, head: Head, chain: int, state: str, file: str, *, reason: str | None = None,
                   applied: bool = False, outcome: Outcome | None = None) -> None:
    values: dict[str, Any] = {
        "establishment": head.establishment, "chain": chain, "sequence": head.sequence, "bundle_id": head.bundle_id,
        "previous_hash": head.previous_hash, "created_at": head.created_at, "state": state, "reason": reason,
        "file_name": Path(file).name[:300],
    }
    if applied:
        values["applied_at"] = now_utc()
    if outcome is not None:
        values.update(accepted=orjson.dumps(outcome.accepted).decode(), refused=orjson.dumps(outcome.refused).decode(),
                      refused_records=orjson.dumps({"records": outcome.refused_records,
                                                    "problems": outcome.problems}).decode())
    existing = conn.execute(select(bundles_received.c.bundle_hash)
                            .where(bundles_received.c.bundle_hash == head.bundle_hash)).first()
    if existing is None:
        conn.execute(bundles_received.insert().values(bundle_hash=head.bundle_hash, received_at=now_utc(), **values))
    else:
        conn.execute(bundles_received.update().where(bundles_received.c.bundle_hash == head.bundle_hash)
                     .values(**values))


def apply_file(store: NationalStore, identity: Identity, head: Head, data: bytes, file: str,
               limits: Limits = DEFAULT_LIMITS, *, from_held: bool = False) -> Outcome:
    """Verify, place in the chain and apply (or hold, or refuse) one bundle, in one transaction. A refusal
    is recorded in a transaction of its own, after the bundle's has rolled back."""
    for attempt in range(3):
        try:
            with collector_paused(), store.write() as conn:  # a bundle's many small objects
                return _apply(conn, store, identity, head, data, file, limits, from_held)
        except _Refused as refusal:
            with store.write() as conn:
                chain = _lock_chain(conn, store, head.establishment)
                known = _known_in(conn, head.bundle_hash)
                if known is None or known.state == HELD:  # a held bundle refused when its turn came
                    conn.execute(held_bundles.delete().where(held_bundles.c.bundle_hash == head.bundle_hash))
                    _record_bundle(conn, head, chain.chain if chain is not None else 0, refusal.state, file,
                                   reason=refusal.reason)
                    audit(conn, store, head.establishment, refusal.state, sequence=head.sequence,
                          bundle_hash=head.bundle_hash, detail=refusal.reason)
            return Outcome(file, refusal.state, head.establishment, head.sequence, head.bundle_hash,
                           reason=refusal.reason, reason_text=refusal.text)
        except (IntegrityError, OperationalError):
            # Another analyst's run got there first (unique constraint), or the server dropped us: look again.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


class _Refused(Exception):
    def __init__(self, state: str, reason: Any) -> None:
        super().__init__(reason)
        self.state, self.reason, self.text = state, str(reason), reason


def _known_in(conn: Connection, bundle_hash: str) -> Any:
    return conn.execute(select(bundles_received).where(bundles_received.c.bundle_hash == bundle_hash)
                        .where(bundles_received.c.state.in_((APPLIED, HELD, FORK, ROLLBACK)))).first()


def _apply(conn: Connection, store: NationalStore, identity: Identity, head: Head, data: bytes, file: str,
           limits: Limits, from_held: bool) -> Outcome:
    code = head.establishment
    chain_row = _lock_chain(conn, store, code)
    known = _known_in(conn, head.bundle_hash)
    if known is not None and not (from_held and known.state == HELD):
        return _known_outcome(file, head, known)
    try:
        opened = open_verified(data, lambda est, key_id: signing_key(conn, est, key_id), identity, limits)
    except BundleError as exc:
        raise _Refused(REFUSED, message_of(exc) or str(exc)) from exc
    if chain_row is None:  # enrolled before chains existed: cannot happen with this store, kept safe
        raise _Refused(REFUSED, Message("chain.none", code=code))
    chain, last, last_hash = chain_row.chain, chain_row.last_sequence, chain_row.last_hash
    sequence = opened.sequence
    same_number = conn.execute(select(bundles_received).where(bundles_received.c.establishment == code)
                               .where(bundles_received.c.chain == chain)
                               .where(bundles_received.c.sequence == sequence)
                               .where(bundles_received.c.state.in_((APPLIED, HELD)))).first()
    if same_number is not None and same_number.bundle_hash != head.bundle_hash:
        if same_number.state == APPLIED and sequence < last:
            raise _Refused(ROLLBACK, Message("chain.rollback_same", sequence=sequence, applied=same_number.bundle_hash,
                                             last=last, hash=head.bundle_hash))
        raise _Refused(FORK, Message("chain.fork_same", sequence=sequence, received=same_number.bundle_hash,
                                     hash=head.bundle_hash))
    if sequence <= last:
        first = _first_applied(conn, code, chain)
        if first is not None and sequence < first:
            # Below the complete export that began this chain: nothing was applied under this number and that
            # export holds everything this older bundle carried. Nothing to do; not a rollback.
            return Outcome(file, DUPLICATE, code, sequence, head.bundle_hash, superseded_by=first,
                           notes=[Message("outcome.superseded_note", full=first).get("fr")])
        raise _Refused(ROLLBACK, Message("chain.rollback_older", code=code, last=last, last_hash=last_hash,
                                         sequence=sequence, hash=head.bundle_hash))
    if sequence == last + 1 or (last == 0 and opened.full):
        if sequence == last + 1 and opened.previous_hash != last_hash:
            raise _Refused(FORK, Message("chain.fork_previous", sequence=sequence, last=last,
                                         previous=opened.previous_hash, last_hash=last_hash))
        outcome = _apply_records(conn, store, opened, head, chain, file)
        outcome.applied_later = from_held
        if last == 0 and sequence > 1:  # a complete export begins the chain: what waited below it never will
            _abandon_held_below(conn, code, chain, sequence)
        if from_held:
            conn.execute(held_bundles.delete().where(held_bundles.c.bundle_hash == head.bundle_hash))
        return outcome
    # A gap: hold the bundle (its bytes in the store) until n° last+1 arrives — within the bounds.
    waiting = last + 1
    _check_held_room(conn, code, waiting, len(data), limits)
    reason = orjson.dumps({"waiting_for": waiting}).decode()
    _record_bundle(conn, head, chain, HELD, file, reason=reason)
    if conn.execute(select(held_bundles.c.bundle_hash).where(held_bundles.c.bundle_hash == head.bundle_hash)
                    ).first() is None:
        conn.execute(held_bundles.insert().values(bundle_hash=head.bundle_hash, data=data))
    audit(conn, store, code, HELD, sequence=sequence, bundle_hash=head.bundle_hash, detail=f"en attente du n° {waiting}")
    return Outcome(file, HELD, code, sequence, head.bundle_hash, waiting_for=waiting)


def _check_held_room(conn: Connection, code: str, waiting: int, size: int, limits: Limits) -> None:
    """Refuse (``_Refused``, not kept) a bundle to hold when ``code`` already has ``limits.max_held_bundles``
    held bundles, or when it would take their bytes past ``limits.max_held_bytes``."""
    held, held_bytes = conn.execute(
        select(func.count(), func.coalesce(func.sum(func.length(held_bundles.c.data)), 0))
        .select_from(held_bundles.join(bundles_received, bundles_received.c.bundle_hash == held_bundles.c.bundle_hash))
        .where(bundles_received.c.establishment == code).where(bundles_received.c.state == HELD)).one()
    if held + 1 > limits.max_held_bundles or held_bytes + size > limits.max_held_bytes:
        def mb(n: int) -> str:
            return f"{n / (1 << 20):.1f}".rstrip("0").rstrip(".")
        raise _Refused(REFUSED, Message("chain.held_limit", code=code, held=held, waiting=waiting,
                                        size=mb(int(held_bytes)), max_count=limits.max_held_bundles,
                                        max_size=mb(limits.max_held_bytes)))


def _first_applied(conn: Connection, code: str, chain: int) -> int | None:
    """The number of the first bundle applied in ``code``'s chain (above 1 when a complete export began it)."""
    return conn.execute(select(func.min(bundles_received.c.sequence)).where(bundles_received.c.establishment == code)
                        .where(bundles_received.c.chain == chain)
                        .where(bundles_received.c.state == APPLIED)).scalar()


def _abandon_held_below(conn: Connection, code: str, chain: int, sequence: int) -> None:
    held = [r.bundle_hash for r in conn.execute(
        select(bundles_received.c.bundle_hash).where(bundles_received.c.establishment == code)
        .where(bundles_received.c.chain == chain).where(bundles_received.c.state == HELD)
        .where(bundles_received.c.sequence < sequence))]
    if held:
        conn.execute(held_bundles.delete().where(held_bundles.c.bundle_hash.in_(held)))
        conn.execute(bundles_received.update().where(bundles_received.c.bundle_hash.in_(held)).values(
            state=ABANDONED, reason=f"couvert par l'export complet n° {sequence} qui a commencé la chaîne"))


def drain_held(store: NationalStore, identity: Identity, establishment: str,
               limits: Limits = DEFAULT_LIMITS) -> list[Outcome]:
    """Apply, in order, the held bundles of ``establishment`` that now follow its chain."""
    outcomes = []
    while True:
        with store.read() as conn:
            chain = conn.execute(select(chains).where(chains.c.establishment == establishment)).first()
            if chain is None:
                return outcomes
            row = conn.execute(select(bundles_received, held_bundles.c.data)
                               .join(held_bundles, held_bundles.c.bundle_hash == bundles_received.c.bundle_hash)
                               .where(bundles_received.c.establishment == establishment)
                               .where(bundles_received.c.chain == chain.chain)
                               .where(bundles_received.c.sequence == chain.last_sequence + 1)
                               .where(bundles_received.c.state == HELD)).first()
        if row is None:
            return outcomes
        data = bytes(row.data)
        head = peek(data, limits)
        outcome = apply_file(store, identity, head, data, row.file_name or "", limits, from_held=True)
        outcomes.append(outcome)
        if outcome.state != APPLIED:  # refused now (key revoked meanwhile, fork…): recorded, no longer held
            return outcomes


# ----------------------------------------------------------------------------------------- records
def _apply_records(conn: Connection, store: NationalStore, opened: Opened, head: Head, chain: int,
                   file: str) -> Outcome:
    code = opened.establishment
    checker = BundleChecker(conn, code)
    parts: dict[str, dict[str, tuple[list[str], list[list[Any]]]]] = {}
    try:
        for form, part, columns, rows in opened.batches():
            slot = parts.setdefault(form, {})
            if part in slot:
                slot[part][1].extend(rows)
            else:
                slot[part] = (columns, list(rows))
    except BundleError as exc:  # found mid-way by the reader: the transaction rolls back, the bundle is refused
        raise _Refused(REFUSED, message_of(exc) or str(exc)) from exc
    unknown_forms = [f for f in parts if f not in FORMS]
    outcome = Outcome(file, APPLIED, code, opened.sequence, opened.bundle_hash)
    for form in unknown_forms:
        n = sum(len(rows) for _c, rows in parts[form].values())
        outcome.total += n
        outcome.refused[form] = n
        outcome.problems.append(f"formulaire inconnu « {form[:40]} » : "
                                + plural(n, "{n} enregistrement ignoré|{n} enregistrements ignorés"))
    for form in FORMS:
        if form not in parts:
            continue
        live_columns, live = parts[form].get(ROWS, ([], []))
        dead_columns, dead = parts[form].get(TOMBSTONES, ([], []))
        result = checker.check(form, live_columns, live, dead_columns, dead)
        applying.write_records(conn, store, form, code, opened.sequence, opened.bundle_hash, result,
                               checker.state(form).known)
        outcome.total += result.total
        outcome.accepted[form] = len(result.accepted)
        outcome.refused[form] = len(result.refusals)
        outcome.refused_records.extend(r.to_json() for r in result.refusals)
        for r in result.refusals:
            audit(conn, store, code, "record_refused", sequence=opened.sequence, bundle_hash=opened.bundle_hash,
                  form=form, record_id=r.id, detail="; ".join(r.reasons)[:2000])
    outcome.problems.extend(checker.problems)
    for form, columns in opened.bundle.dropped.items():  # a format-1 bundle: names were sent then
        note = (f"lot au format 1 : champs personnels de « {FORMS[form].plural.fr} » écartés à l'arrivée, "
                f"jamais conservés ({', '.join(columns)})")
        outcome.notes.append(note)
        audit(conn, store, code, "personal_fields_dropped", sequence=opened.sequence,
              bundle_hash=opened.bundle_hash, form=form, detail=note)
    if opened.full:
        applying.prune(conn, store, opened, parts, checker)
    conn.execute(chains.update().where(chains.c.establishment == code).values(
        last_sequence=opened.sequence, last_hash=opened.bundle_hash, last_created_at=head.created_at,
        last_received_at=now_utc()))
    _record_bundle(conn, head, chain, APPLIED, file, applied=True, outcome=outcome)
    audit(conn, store, code, APPLIED, sequence=opened.sequence, bundle_hash=opened.bundle_hash,
          detail=plural(outcome.accepted_total, "{n} accepté|{n} acceptés") + f" sur {outcome.total}")
    return outcome


