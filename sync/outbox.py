"""The establishment's side of the loop: what the next bundle holds, writing it, the outbox, the reminder,
and receipts. Plain functions (no Qt) used by the command line and the window's export page alike.

Sequence numbers are never reused for two different bundles: the number is reserved durably in the
database (state ``reserved``) before the file is built; the file is written atomically into the outbox
folder, then the row is marked ``written``, and only then is the file copied to the destination. After a
crash, a reserved number whose outbox file exists (and is ours, with the reserved bundle id) is adopted as
written; one without a file was never seen anywhere and is rebuilt under the same number and bundle id.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, func, select

from forms.atomic import write_atomic
from forms.definitions import FORMS
from forms.messages import Message, localized, message_of, os_reason
from forms.schema import FieldType, Sharing
from forms.store.columns import MULTI_SEPARATOR
from forms.store.database import HEAD_REVISION, writer
from forms.store.records import COMPLETE, DRAFT
from forms.store.tables import bundles, meta, record_table
from forms.tasks import TaskState, step
from forms.version import __version__
from sync.bundle import (
    FILE_SUFFIX,
    LIVE_SYSTEM,
    TOMBSTONE_COLUMNS,
    FormRecords,
    bundle_hash,
    parse_envelope,
    seal_bundle_stream,
    verify_envelope,
)
from sync.encoding import now_utc
from sync.errors import BundleError, ExportRefused, ReceiptRefused, SyncError
from sync.keys import Identity, has_keys, load_public
from sync.pseudonym import ProgrammeKey, installed_key
from sync.receipts import RECEIPT_DOMAIN, read_receipt
from sync.recipients import list_recipients, ministry_key

RESERVED, WRITTEN, ACKNOWLEDGED = "reserved", "written", "acknowledged"
DRAFT_SAMPLE = 200

_after_file_written: Callable[[Path], None] | None = None
"""Test hook: called between "file written" and "sequence recorded" (simulates a crash there)."""


# ------------------------------------------------------------------------------------------ payload
BATCH = 5000


def _fetch(conn: Connection, sql: str, params: tuple[Any, ...], batch: int,
           fix: Callable[[list[Any]], None] | None, check: Callable[[], None] | None) -> Iterator[list[Any]]:
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                break
            if check is not None:
                check()
            if fix is not None:
                rows = [list(row) for row in rows]
                for row in rows:
                    fix(row)
            yield rows
    finally:
        cursor.close()


def form_records(conn: Connection, form_key: str, after: int, up_to: int, *, batch: int = BATCH,
                 check: Callable[[], None] | None = None, programme_key: ProgrammeKey | None = None) -> FormRecords:
    """Complete records and tombstones with ``after < change_seq <= up_to`` (the predicate of
    ``RecordStore.changes_since``), oldest change first, as lazy batches of rows read straight from the
    driver: 100 000 records stream through to the compressor with little memory. Values take the JSON shape
    of ``Record.to_json``, undoing the store's column types from the form declaration (multiple choices
    as arrays, booleans; decimals are stored as the float nearest their two-decimal value: kept as is).

    Only what the ministries need leaves: withheld fields are not read at all, pseudonymised ones are
    replaced by their keyed pseudonym (or sent empty when no programme key is installed)."""
    form = FORMS[form_key]
    table = record_table(form_key)
    sent = form.sent_fields
    columns = [*LIVE_SYSTEM, *(f.key for f in sent)]
    multi = [columns.index(f.key) for f in sent if f.type is FieldType.MULTI_CHOICE]
    flags = [columns.index(f.key) for f in sent if f.type is FieldType.BOOLEAN]
    hidden = [columns.index(f.key) for f in form.pseudonymised_fields]
    pseudo = programme_key.pseudonym if programme_key is not None else None

    def fix(row: list[Any]) -> None:
        for i in hidden:
            if row[i] is not None:
                row[i] = pseudo(row[i]) if pseudo is not None else None
        for i in multi:
            if row[i] is not None:
                row[i] = [part for part in row[i].split(MULTI_SEPARATOR) if part]
        for i in flags:
            if row[i] is not None:
                row[i] = bool(row[i])

    def query(cols: list[str] | tuple[str, ...], where: str) -> str:
        names = ", ".join(f'"{c}"' for c in cols)
        return (f'SELECT {names} FROM "{table.name}" WHERE change_seq > ? AND change_seq <= ? AND {where} '
                "ORDER BY change_seq")

    live = _fetch(conn, query(columns, f"status = '{COMPLETE}' AND deleted = 0"), (after, up_to), batch,
                  fix if multi or flags or hidden else None, check)
    dead = _fetch(conn, query(TOMBSTONE_COLUMNS, "deleted = 1"), (after, up_to), batch, None, check)
    return FormRecords(columns, live, dead)


# --------------------------------------------------------------------------------------------- plan
@dataclass
class OutboxEntry:
    sequence: int
    bundle_id: str
    state: str
    full: bool
    created_at: str
    written_at: str | None
    acknowledged_at: str | None
    file_name: str | None
    file_hash: str | None
    previous_hash: str | None
    counts: dict[str, dict[str, int]]
    recipients: list[str]
    receipt: dict[str, Any] | None
    after_change_seq: int = 0
    up_to_change_seq: int = 0
    delivered_at: str | None = None
    """When the file was first copied out of the outbox (to a USB key, a shared folder); ``None``: never."""

    @classmethod
    def from_row(cls, row: Any) -> OutboxEntry:
        return cls(row.sequence, row.bundle_id, row.state, bool(row.full_export), row.created_at, row.written_at,
                   row.acknowledged_at, row.file_name, row.file_hash, row.previous_hash,
                   orjson.loads(row.counts) if row.counts else {}, orjson.loads(row.recipients) if row.recipients else [],
                   orjson.loads(row.receipt) if row.receipt else None, row.after_change_seq, row.up_to_change_seq)

    @property
    def total(self) -> int:
        """Records and tombstones in the bundle."""
        return sum(c["records"] + c["tombstones"] for c in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class ExportPlan:
    """What the next bundle will contain (counts per form) and what is left out (drafts)."""

    sequence: int
    full: bool
    after_change_seq: int
    up_to_change_seq: int
    counts: dict[str, dict[str, int]]
    drafts: dict[str, int]
    draft_samples: list[tuple[str, str, str]]
    recipients: list[str]
    keys_ready: bool
    pseudonym_key: int | None = None
    """Version of the installed programme key (pseudonymised fields are sent), or None (they are not)."""

    def sharing(self, lang: str = "fr") -> dict[str, dict[str, list[str]]]:
        """Per form, the labels of the fields sent, withheld (they stay here) and pseudonymised — what the
        export shows before the passphrase is asked."""
        out = {}
        for key, form in FORMS.items():
            pseudo = [f.label.get(lang) for f in form.pseudonymised_fields]
            out[key] = {"sent": [f.label.get(lang) for f in form.sent_fields if f.sharing is Sharing.SENT],
                        "withheld": [f.label.get(lang) for f in form.withheld_fields]
                        + (pseudo if self.pseudonym_key is None else []),
                        "pseudonymised": pseudo if self.pseudonym_key is not None else []}
        return out

    def problems(self) -> list[str]:
        return [str(m) for m in self.problem_messages()]

    def problem_messages(self) -> list[Message]:
        out = []
        if not self.keys_ready:
            out.append(Message("export.plan_no_keys"))
        if not self.recipients:
            out.append(Message("export.plan_no_recipient"))
        return out


DELIVERED_KEY = "bundle_delivered:"
"""``meta`` keys ``bundle_delivered:N``: the time bundle N first left the outbox, and where it went."""


def _entries(conn: Connection) -> list[OutboxEntry]:
    entries = [OutboxEntry.from_row(r) for r in conn.execute(select(bundles).order_by(bundles.c.sequence))]
    delivered = {int(key[len(DELIVERED_KEY):]): str(value).split(" ", 1)[0] for key, value in conn.execute(
        select(meta.c.key, meta.c.value).where(meta.c.key.startswith(DELIVERED_KEY, autoescape=True)))
        if key[len(DELIVERED_KEY):].isdigit()}
    for entry in entries:
        entry.delivered_at = delivered.get(entry.sequence)
    return entries


def undelivered(entries: list[OutboxEntry]) -> list[OutboxEntry]:
    """Bundles written but never copied out of the outbox, nor acknowledged: the ministry does not have them."""
    return [e for e in entries if e.state == WRITTEN and e.delivered_at is None]


def list_outbox(workspace: Any) -> list[OutboxEntry]:
    """Every bundle of this establishment, oldest first (states: reserved, written, acknowledged)."""
    with workspace.engine.connect() as conn:
        return _entries(conn)


def _last_written(entries: list[OutboxEntry]) -> OutboxEntry | None:
    done = [e for e in entries if e.state in (WRITTEN, ACKNOWLEDGED)]
    return done[-1] if done else None


def _next_bundle(entries: list[OutboxEntry], full: bool) -> tuple[OutboxEntry | None, OutboxEntry | None, int, int]:
    """The reservation an export left without writing its file (if any), the last written bundle, the next
    bundle's sequence number (the reserved one, else one more than any) and the change_seq it starts after."""
    last = _last_written(entries)
    reserved = next((e for e in entries if e.state == RESERVED), None)
    sequence = reserved.sequence if reserved else (entries[-1].sequence + 1 if entries else 1)
    return reserved, last, sequence, 0 if full or last is None else last.up_to_change_seq


def _change_seq(conn: Connection) -> int:
    return int(conn.execute(select(meta.c.value).where(meta.c.key == "change_seq")).scalar() or 0)


def _counts(conn: Connection, after: int, up_to: int) -> dict[str, dict[str, int]]:
    out = {}
    for key in FORMS:
        t = record_table(key)
        base = (t.c.change_seq > after) & (t.c.change_seq <= up_to)
        live = conn.execute(select(func.count()).where(base & t.c.deleted.is_(False) & (t.c.status == COMPLETE))
                            ).scalar_one()
        dead = conn.execute(select(func.count()).where(base & t.c.deleted.is_(True))).scalar_one()
        out[key] = {"records": int(live), "tombstones": int(dead)}
    return out


def _drafts(conn: Connection) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    counts, samples = {}, []
    for key, form in FORMS.items():
        t = record_table(key)
        where = t.c.deleted.is_(False) & (t.c.status == DRAFT)
        counts[key] = int(conn.execute(select(func.count()).where(where)).scalar_one())
        for row in conn.execute(select(t).where(where).order_by(t.c.updated_at).limit(DRAFT_SAMPLE)).mappings():
            title = form.title({k: row[k] for k in form.field_keys}).strip(" —") or row["id"]
            samples.append((key, row["id"], title))
    return counts, samples


def preview_export(workspace: Any, *, full: bool = False) -> ExportPlan:
    """What ``export_bundle`` would write now (nothing is reserved or written)."""
    with workspace.engine.connect() as conn:
        _reserved, _last, sequence, after = _next_bundle(_entries(conn), full)
        up_to = _change_seq(conn)
        counts = _counts(conn, after, up_to)
        drafts, samples = _drafts(conn)
    recipients = [r.code for r in list_recipients(workspace)]
    programme = installed_key(workspace)
    return ExportPlan(sequence, full, after, up_to, counts, drafts, samples, recipients, has_keys(workspace),
                      programme.version if programme is not None else None)


# ------------------------------------------------------------------------------------------- export
@dataclass
class ExportResult:
    entry: OutboxEntry
    path: Path
    outbox_path: Path
    plan: ExportPlan
    recovered: list[int] = field(default_factory=list)
    """Sequence numbers found written in the outbox after a crash and recorded now."""
    delivered: list[int] = field(default_factory=list)
    """Earlier bundles that had never left the outbox, copied to the destination by this export."""
    not_delivered: list[str] = field(default_factory=list)
    """Why some earlier bundles could not be copied (the user carries them by hand)."""


def bundle_file_name(establishment: str, sequence: int) -> str:
    return f"kafaat-{establishment}-{sequence:06d}{FILE_SUFFIX}"


def recover(workspace: Any) -> list[int]:
    """Record as written a reserved bundle whose outbox file exists and is ours (crash after the file was
    written, before it was recorded). Returns the sequence numbers recovered."""
    recovered = []
    with workspace.engine.connect() as conn:
        pending = [e for e in _entries(conn) if e.state == RESERVED]
    if not pending:
        return recovered
    public = load_public(workspace)
    for entry in pending:
        path = Path(workspace.outbox_dir) / bundle_file_name(workspace.establishment, entry.sequence)
        if not path.exists():
            continue
        data = path.read_bytes()
        try:
            envelope = parse_envelope(data)
            verify_envelope(envelope, public)
        except BundleError:
            continue  # not a complete file of ours: it is rebuilt under the same number
        header = envelope.header
        if header["bundle_id"] != entry.bundle_id or header["sequence"] != entry.sequence:
            continue
        _mark_written(workspace, entry.sequence, path, data, header.get("previous_hash"),
                      counts=None, recipients=[r["ministry"] for r in header["recipients"]])
        recovered.append(entry.sequence)
    return recovered


def adopt_unknown(workspace: Any) -> list[int]:
    """Record the bundles found in the outbox after the last one the database knows (a database restored
    from a backup older than them, whose own outbox rows could not be read): each one ours, whole and
    chained to the one before. Their numbers are thus never reused and the chain goes on from the last one.
    What they covered is not known here: the next bundle starts after the last known one (records sent
    twice are harmless, the ministry keeps the latest version). Returns the numbers adopted."""
    with workspace.engine.connect() as conn:
        entries = _entries(conn)
    last = entries[-1].sequence if entries else 0
    previous = _last_written(entries)
    previous_hash = previous.file_hash if previous else None
    up_to = previous.up_to_change_seq if previous else 0
    folder = Path(workspace.outbox_dir)
    adopted: list[int] = []
    public = None
    sequence = last + 1
    while (folder / bundle_file_name(workspace.establishment, sequence)).exists():
        path = folder / bundle_file_name(workspace.establishment, sequence)
        data = path.read_bytes()
        public = public or load_public(workspace)
        try:
            envelope = parse_envelope(data)
            verify_envelope(envelope, public)
        except BundleError:
            break
        header = envelope.header
        if header["sequence"] != sequence or header.get("previous_hash") != previous_hash:
            break  # not the continuation of the chain this database knows: left for a person to look at
        with writer(workspace.engine).begin() as conn:
            conn.execute(bundles.insert().values(
                sequence=sequence, bundle_id=header["bundle_id"], state=WRITTEN, full_export=False,
                after_change_seq=up_to, up_to_change_seq=up_to, created_at=header.get("created_at") or now_utc(),
                written_at=now_utc(), file_name=path.name, file_hash=bundle_hash(data), previous_hash=previous_hash,
                counts=orjson.dumps({}).decode(),
                recipients=orjson.dumps([r["ministry"] for r in header["recipients"]]).decode()))
        adopted.append(sequence)
        previous_hash = bundle_hash(data)
        sequence += 1
    return adopted


def _mark_written(workspace: Any, sequence: int, path: Path, data: bytes, previous_hash: str | None,
                  counts: dict[str, Any] | None, recipients: list[str]) -> None:
    values: dict[str, Any] = {"state": WRITTEN, "written_at": now_utc(), "file_name": path.name,
                              "file_hash": bundle_hash(data), "previous_hash": previous_hash,
                              "recipients": orjson.dumps(recipients).decode()}
    if counts is not None:
        values["counts"] = orjson.dumps(counts).decode()
    with writer(workspace.engine).begin() as conn:
        conn.execute(bundles.update().where(bundles.c.sequence == sequence).values(**values))


def _reserve(workspace: Any, full: bool) -> tuple[OutboxEntry, OutboxEntry | None]:
    """Durably reserve the next sequence number (or reuse the one reserved by an export that never wrote
    its file). Returns the reservation and the last written bundle."""
    with writer(workspace.engine).begin() as conn:
        reserved, last, sequence, after = _next_bundle(_entries(conn), full)
        values = {"state": RESERVED, "full_export": full, "after_change_seq": after,
                  "up_to_change_seq": _change_seq(conn), "created_at": now_utc(),
                  "previous_hash": last.file_hash if last else None}
        if reserved is not None:
            conn.execute(bundles.update().where(bundles.c.sequence == sequence).values(**values))
        else:
            conn.execute(bundles.insert().values(sequence=sequence, bundle_id=str(uuid.uuid4()), **values))
        row = conn.execute(select(bundles).where(bundles.c.sequence == sequence)).one()
    return OutboxEntry.from_row(row), last


def check_destination(outdir: Path) -> None:
    """Refuse (``ExportRefused``), before a bundle number is used, a destination no file can be copied into: a
    loop of symbolic links, a link to a removed USB key, a folder that cannot be searched, a file. A folder that
    does not exist yet is fine: the export makes it."""
    try:
        outdir.stat()
    except FileNotFoundError as exc:
        if outdir.is_symlink():  # a link to nothing: no folder can be made there
            raise ExportRefused(Message("export.outdir_unusable", folder=outdir, reason=os_reason(exc))) from None
        return
    except OSError as exc:
        raise ExportRefused(Message("export.outdir_unusable", folder=outdir, reason=os_reason(exc))) from None
    if not outdir.is_dir():
        raise ExportRefused(Message("export.outdir_not_folder", folder=outdir))


def export_bundle(workspace: Any, identity: Identity, outdir: Path | None = None, *, full: bool = False,
                  state: TaskState | None = None) -> ExportResult:
    """Write the next bundle into the outbox (and copy it to ``outdir``, e.g. a USB key).

    Refuses without keys or recipients; checks the database's integrity first. Drafts are left out (the
    returned plan lists them). ``state`` reports progress and may cancel before the file is written."""
    if identity.role != "establishment" or identity.code != workspace.establishment:
        raise ExportRefused(Message("export.foreign_keys"))
    if outdir is not None:
        check_destination(outdir)
    recipients = list_recipients(workspace)
    if not recipients:
        raise ExportRefused(Message("export.no_recipient"))
    step(state, 0, 5, Message("progress.checking_database"))
    with export_lock(workspace):
        integrity = _IntegrityCheck(workspace.engine)  # runs while the bundle is built; checked before writing
        try:
            return _export(workspace, identity, recipients, outdir, full, state, integrity)
        except ExportRefused:
            raise
        except Exception:
            integrity.verdict()  # a damaged database explains the failure: say so
            raise
        finally:
            integrity.join()


LOCK_FILE = ".export.lock"


@contextlib.contextmanager
def export_lock(workspace: Any) -> Iterator[None]:
    """One export at a time per data folder (the window and the command line alike): an OS lock on
    ``outbox/.export.lock`` (``filelock``: ``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows),
    released by the OS if the process dies. Holding it is also what makes a ``reserved`` row provably a
    leftover of a crash, safe to recover or rebuild: so no "soft" lock file that a crash would leave held."""
    from filelock import FileLock, Timeout

    folder = Path(workspace.outbox_dir)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK_FILE, timeout=0, thread_local=False, fallback_to_soft=False,
                    preserve_lock_file=True)
    try:
        lock.acquire()
    except Timeout as exc:
        raise ExportRefused(Message("export.busy")) from exc
    try:
        yield
    finally:
        lock.release()


class _IntegrityCheck(threading.Thread):
    """``PRAGMA integrity_check`` on its own connection (SQLite releases the GIL while it works)."""

    def __init__(self, engine: Any) -> None:
        super().__init__(name="kafaat-integrity-check", daemon=True)
        self.engine = engine
        self.problems: list[str] = []
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            with self.engine.connect() as conn:
                self.problems = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        except BaseException as exc:  # reported by ``verdict`` on the calling thread
            self.error = exc

    def verdict(self) -> None:
        self.join()
        if self.error is not None or self.problems != ["ok"]:
            detail = self.error if self.error is not None else self.problems[:3]
            raise ExportRefused(Message("export.damaged", detail=detail))


def _export(workspace: Any, identity: Identity, recipients: list[Any], outdir: Path | None, full: bool,
            state: TaskState | None, integrity: _IntegrityCheck) -> ExportResult:
    recovered = recover(workspace) + adopt_unknown(workspace)
    entry, last = _reserve(workspace, full)
    step(state, 1, 5, Message("progress.sealing", sequence=entry.sequence))

    programme = installed_key(workspace)
    with workspace.engine.connect() as conn:  # one read transaction: one consistent snapshot
        drafts, samples = _drafts(conn)
        manifest = {
            "establishment_name": identity.name,
            "period": {"from": last.created_at if last else None, "to": entry.created_at},
            "changes": {"after": entry.after_change_seq, "up_to": entry.up_to_change_seq},
            "full": full,
            "drafts_left_out": drafts,
            "withheld": {key: [f.key for f in form.withheld_fields] for key, form in FORMS.items()},
            "pseudonym_key": ({"version": programme.version, "key_id": programme.key_id.hex()}
                              if programme is not None else None),
            "schema_version": HEAD_REVISION,
            "application_version": __version__,
        }
        data, sealed = seal_bundle_stream(
            identity, recipients, bundle_id=entry.bundle_id, sequence=entry.sequence,
            previous_hash=entry.previous_hash, created_at=entry.created_at, manifest=manifest,
            records={key: form_records(conn, key, entry.after_change_seq, entry.up_to_change_seq,
                                       check=state.check if state else None, programme_key=programme)
                     for key in FORMS})
    counts = sealed["counts"]
    plan = ExportPlan(entry.sequence, full, entry.after_change_seq, entry.up_to_change_seq, counts, drafts, samples,
                      [r.code for r in recipients], True, programme.version if programme is not None else None)
    if state is not None:
        state.check()
    integrity.verdict()
    with writer(workspace.engine).begin() as conn:  # still "reserved": kept if we crash after the file write
        conn.execute(bundles.update().where(bundles.c.sequence == entry.sequence).values(
            counts=orjson.dumps(counts).decode()))
    step(state, 3, 5, Message("progress.outbox_writing"))
    name = bundle_file_name(workspace.establishment, entry.sequence)
    outbox_path = Path(workspace.outbox_dir) / name
    _refuse_to_overwrite(outbox_path, data, entry.sequence)
    write_atomic(outbox_path, data)
    if _after_file_written is not None:
        _after_file_written(outbox_path)
    _mark_written(workspace, entry.sequence, outbox_path, data, entry.previous_hash, counts,
                  [r.code for r in recipients])
    path = outbox_path
    delivered: list[int] = []
    not_delivered: list[str] = []
    # Written and recorded: from here on a cancel would hide a bundle that exists (the next one would then
    # reach the ministry after a gap), so the export finishes.
    if outdir is not None and not _same_folder(Path(outdir), Path(workspace.outbox_dir)):
        step(state, 4, 5, Message("progress.copying", folder=outdir), cancellable=False)
        path = Path(outdir) / name
        try:
            copied = _copy_out(data, path)
        except OSError as exc:
            raise ExportRefused(Message("export.copy_failed", sequence=entry.sequence, outbox=outbox_path,
                                        folder=outdir, reason=os_reason(exc))) from exc
        if not copied:
            raise ExportRefused(Message("export.destination_differs", sequence=entry.sequence, outbox=outbox_path,
                                        file=path))
        _mark_delivered(workspace, [entry.sequence], Path(outdir))
        delivered, not_delivered = deliver_pending(workspace, Path(outdir))
    step(state, 5, 5, Message("progress.done"), cancellable=False)
    with workspace.engine.connect() as conn:
        final = next(e for e in _entries(conn) if e.sequence == entry.sequence)
    return ExportResult(final, path, outbox_path, plan, recovered, delivered, not_delivered)


# ----------------------------------------------------------------------------------------- delivery
def _refuse_to_overwrite(outbox_path: Path, data: bytes, sequence: int) -> None:
    """An outbox file is never replaced: one already there under this number is a bundle that this database
    does not know (a database emptied, replaced or restored without its outbox). Writing another bundle
    under its number would reuse a sequence number, which the ministry's chain forbids."""
    if not outbox_path.exists() or outbox_path.read_bytes() == data:
        return
    raise ExportRefused(Message("export.unknown_in_outbox", file=outbox_path.name, sequence=sequence))


def _copy_out(data: bytes, path: Path) -> bool:
    """Copy a bundle to ``path`` unless a file is there: ``True`` when ``path`` now holds these bytes,
    ``False`` when it holds something else (left as it is)."""
    if path.exists():
        return path.read_bytes() == data
    write_atomic(path, data)
    return True


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links (RuntimeError before Python 3.13): the copy says so
        return False


def _mark_delivered(workspace: Any, sequences: list[int], outdir: Path) -> None:
    if not sequences:
        return
    with writer(workspace.engine).begin() as conn:
        known = {k for (k,) in conn.execute(select(meta.c.key).where(meta.c.key.startswith(DELIVERED_KEY, autoescape=True)))}
        for sequence in sequences:
            key = f"{DELIVERED_KEY}{sequence}"
            if key not in known:
                conn.execute(meta.insert().values(key=key, value=f"{now_utc()} {outdir}"))


def deliver_pending(workspace: Any, outdir: Path) -> tuple[list[int], list[str]]:
    """Copy to ``outdir`` every written bundle that never left the outbox (adopted after a crash, or written
    just before one): without it the ministry would hold n° N+1 without n° N and wait for ever. Returns the
    numbers copied and, for the others, why (to say which files to carry by hand)."""
    with workspace.engine.connect() as conn:
        pending = undelivered(_entries(conn))
    copied, problems = [], []
    for entry in pending:
        name = entry.file_name or bundle_file_name(workspace.establishment, entry.sequence)
        source = Path(workspace.outbox_dir) / name
        try:
            data = source.read_bytes()
        except OSError:
            problems.append(f"lot n° {entry.sequence} : {source} est introuvable ; il n'a jamais quitté ce poste "
                            "(restaurez le dossier ou faites un export complet, --full)")
            continue
        try:
            identity = bundle_hash(data)
        except BundleError:
            identity = None
        if entry.file_hash and identity != entry.file_hash:
            problems.append(f"lot n° {entry.sequence} : {source} a été modifié depuis son écriture : non copié")
            continue
        try:
            if _copy_out(data, outdir / name):
                copied.append(entry.sequence)
            else:
                problems.append(f"lot n° {entry.sequence} : {outdir / name} existe avec un autre contenu : non "
                                f"remplacé ; copiez {source} à la main")
        except OSError as exc:
            problems.append(f"lot n° {entry.sequence} : copie vers {outdir} impossible ({localized(os_reason(exc))}) ; "
                            f"copiez {source} à la main")
    _mark_delivered(workspace, copied, outdir)
    return copied, problems


# ----------------------------------------------------------------------------------------- reminder
@dataclass
class DueStatus:
    due: bool
    period_days: int
    last_written_at: str | None
    days_since: float | None

    def message(self) -> Message:
        if self.last_written_at is None:
            return Message("due.never")
        if self.due:
            return Message("due.late", n=int(self.days_since or 0), period=self.period_days)
        return Message("due.ok", n=int(self.days_since or 0))


def export_due(workspace: Any, now: datetime | None = None) -> DueStatus:
    """Whether the last export is older than the reporting period (``reporting_period_days``, 30 by default;
    an invalid setting is refused: ``Workspace.reporting_period_days``)."""
    period = int(workspace.reporting_period_days)  # a bad setting refused (StoreError), never taken as 30
    last = _last_written(list_outbox(workspace))
    if last is None or not last.written_at:
        return DueStatus(True, period, None, None)
    written = datetime.strptime(last.written_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    days = ((now or datetime.now(UTC)) - written).total_seconds() / 86400
    return DueStatus(days >= period, period, last.written_at, days)


# ----------------------------------------------------------------------------------------- receipts
def import_receipt(workspace: Any, data: bytes, what: str = "accusé de réception") -> OutboxEntry:
    """Verify a receipt signed by a trusted ministry and mark the bundle acknowledged. Idempotent for the
    same receipt; anything wrong changes nothing."""
    try:
        body, signed, sigs = read_receipt(data, what)
    except SyncError as exc:
        raise ReceiptRefused(message_of(exc) or str(exc)) from exc
    ministry = ministry_key(workspace, body["ministry"])
    if ministry is None:
        raise ReceiptRefused(Message("receipt.untrusted_ministry", what=what, ministry=body["ministry"][:40]))
    if ministry.key_id_hex != body["ministry_key_id"]:
        raise ReceiptRefused(Message("receipt.other_key", what=what, ministry=ministry.code,
                                     fingerprint=ministry.fingerprint))
    ministry.verify(RECEIPT_DOMAIN, signed, sigs, ReceiptRefused, what)
    if body["establishment"] != workspace.establishment:
        raise ReceiptRefused(Message("receipt.other_establishment", what=what,
                                     establishment=body["establishment"][:40], here=workspace.establishment))
    with writer(workspace.engine).begin() as conn:
        row = conn.execute(select(bundles).where(bundles.c.sequence == body["sequence"])).first()
        if row is None or row.state == RESERVED:
            raise ReceiptRefused(Message("receipt.unknown_bundle", what=what, sequence=body["sequence"]))
        entry = OutboxEntry.from_row(row)
        if entry.file_hash != body["bundle_hash"] or entry.bundle_id != body["bundle_id"]:
            raise ReceiptRefused(Message("receipt.hash_differs", what=what, sequence=entry.sequence))
        if ministry.code not in entry.recipients:
            raise ReceiptRefused(Message("receipt.not_addressed", what=what, sequence=entry.sequence,
                                         ministry=ministry.code))
        receipts = dict(entry.receipt or {})
        receipts[ministry.code] = body
        conn.execute(bundles.update().where(bundles.c.sequence == entry.sequence).values(
            state=ACKNOWLEDGED, acknowledged_at=entry.acknowledged_at or now_utc(),
            receipt=orjson.dumps(receipts).decode()))
        row = conn.execute(select(bundles).where(bundles.c.sequence == entry.sequence)).one()
    return OutboxEntry.from_row(row)


__all__ = [
    "ExportPlan",
    "ExportResult",
    "OutboxEntry",
    "adopt_unknown",
    "deliver_pending",
    "export_bundle",
    "export_due",
    "form_records",
    "import_receipt",
    "list_outbox",
    "preview_export",
    "recover",
    "undelivered",
]
