"""The registry of establishments' keys, kept in the national store (table ``registry_keys``) so that
analysts sharing a server share it. Each row holds the establishment's self-signed enrollment request as
received, verified again whenever the key is used.

States of a key: ``active`` (the one bundles are checked with), ``rotated`` (replaced by a rotation that
keeps the chain: bundles it signed are still accepted), ``replaced`` (re-enrolment after a lost PC: its
chain is closed, its bundles refused) and ``revoked`` (its bundles refused).

The registry used to be a folder, ``registry/CODE.json``: it is imported (every file verified) the first
time the store is opened, then renamed ``registry.importe``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from forms.messages import Message
from forms.reference import reference
from sync.bundle import CODE, DEFAULT_LIMITS, Limits, OpenedBundle
from sync.encoding import now_utc
from sync.errors import BundleError, DocumentInvalid, SyncError
from sync.keys import ESTABLISHMENT, Identity, PublicKeys, parse_public_document
from sync.ministry.store import NationalStore, national_store
from sync.ministry.tables import chains, consolidation_audit, registry_keys

REGISTRY_DIR = "registry"
IMPORTED_SUFFIX = ".importe"
ACTIVE, ROTATED, REPLACED, REVOKED = "active", "rotated", "replaced", "revoked"
KEY_STATES = (ACTIVE, ROTATED, REPLACED, REVOKED)


class KeyNotAccepted(BundleError):
    """A bundle signed by a key that is revoked, replaced, or not this establishment's."""


@dataclass
class EnrolledKey:
    public: PublicKeys
    state: str
    chain: int
    enrolled_at: str
    ended_at: str | None

    def describe(self) -> dict[str, Any]:
        return {**self.public.describe(), "state": self.state, "chain": self.chain,
                "enrolled_at": self.enrolled_at, "ended_at": self.ended_at}


def registry_dir(workspace: Any) -> Path:
    """The old registry folder (imported into the store when the store is first opened)."""
    return Path(workspace.root) / REGISTRY_DIR


def known_establishment(code: str, workspace: Any = None) -> bool:
    """In the list shipped with the application, or in the ministry's own list (``establishments.py``)."""
    if reference("establishments").get(code) is not None:
        return True
    if workspace is None:
        return False
    from sync.ministry.tables import establishment_list

    with national_store(workspace).read() as conn:
        return conn.execute(select(establishment_list.c.code).where(establishment_list.c.code == code)).first() \
            is not None


def read_enrollment(data: bytes, what: str, workspace: Any = None) -> PublicKeys:
    public = parse_public_document(data, what, ESTABLISHMENT)
    if not known_establishment(public.code, workspace):
        raise DocumentInvalid(Message("enroll.unknown_establishment", what=what, code=public.code[:40]))
    return public


def audit(conn: Connection, store: NationalStore, establishment: str, action: str, *, sequence: int | None = None,
          bundle_hash: str | None = None, form: str | None = None, record_id: str | None = None,
          detail: str | None = None) -> None:
    conn.execute(consolidation_audit.insert().values(
        at=now_utc(), operator=store.operator or "", establishment=establishment, sequence=sequence,
        bundle_hash=bundle_hash, action=action, form=form, record_id=record_id, detail=detail))


def _row_key(row: Any) -> EnrolledKey:
    public = parse_public_document(row.document.encode("utf-8"), Message("registry.what", code=row.establishment),
                                   ESTABLISHMENT)
    if public.key_id_hex != row.key_id or public.code != row.establishment:
        raise DocumentInvalid(Message("registry.altered", code=row.establishment))
    return EnrolledKey(public, row.state, row.chain, row.enrolled_at, row.ended_at)


def _current_chain(conn: Connection, code: str) -> int:
    return int(conn.execute(select(chains.c.chain).where(chains.c.establishment == code)).scalar() or 1)


def _ensure_chain(conn: Connection, code: str, chain: int = 1) -> None:
    if conn.execute(select(chains.c.establishment).where(chains.c.establishment == code)).first() is None:
        conn.execute(chains.insert().values(establishment=code, chain=chain, last_sequence=0))


def _insert_key(conn: Connection, public: PublicKeys, data: bytes, chain: int, enrolled_at: str | None = None) -> None:
    conn.execute(registry_keys.insert().values(
        key_id=public.key_id_hex, establishment=public.code, fingerprint=public.fingerprint, name=public.name[:300],
        state=ACTIVE, chain=chain, enrolled_at=enrolled_at or now_utc(), document=data.decode("utf-8")))


def _active(conn: Connection, code: str) -> Any:
    return conn.execute(select(registry_keys).where(registry_keys.c.establishment == code)
                        .where(registry_keys.c.state == ACTIVE)).first()


def enroll(workspace: Any, data: bytes, what: str = "demande d'enregistrement", *,
           replace: bool = False) -> tuple[PublicKeys, bool]:
    """Register an establishment from its verified request. Returns (keys, newly enrolled). The same key
    again is a no-op; another key for an enrolled establishment is refused unless ``replace``: then the old
    key is marked replaced and a new chain starts (re-enrolment after a lost PC)."""
    public = read_enrollment(data, what, workspace)
    store = national_store(workspace)
    with store.write() as conn:
        known = conn.execute(select(registry_keys).where(registry_keys.c.key_id == public.key_id_hex)).first()
        if known is not None:
            if known.state == ACTIVE:
                return public, False
            raise SyncError(Message("enroll.key_ended", code=public.code, state=state_word(known.state),
                                    date=known.ended_at))
        current = _active(conn, public.code)
        if current is None:
            chain = _current_chain(conn, public.code)
            previous = conn.execute(select(registry_keys.c.key_id).where(registry_keys.c.establishment == public.code)
                                    ).first()
            if previous is not None:  # only revoked or replaced keys: a new key starts a new chain
                chain = _restart_chain(conn, public.code)
            _ensure_chain(conn, public.code, chain)
            _insert_key(conn, public, data, chain)
            audit(conn, store, public.code, "enrolled", detail=public.fingerprint)
            return public, True
        if not replace:
            raise SyncError(Message("enroll.other_key", code=public.code, fingerprint=current.fingerprint))
        conn.execute(registry_keys.update().where(registry_keys.c.key_id == current.key_id)
                     .values(state=REPLACED, ended_at=now_utc()))
        chain = _restart_chain(conn, public.code)
        _insert_key(conn, public, data, chain)
        audit(conn, store, public.code, "replaced",
              detail=f"ancienne clé {current.fingerprint} ; nouvelle clé {public.fingerprint} ; chaîne {chain}")
        return public, True


def _restart_chain(conn: Connection, code: str) -> int:
    """A new chain for ``code``: sequence numbers start again at 1; held bundles of the old chain are dropped."""
    from sync.ministry.tables import ABANDONED, HELD, bundles_received, held_bundles

    _ensure_chain(conn, code)
    chain = _current_chain(conn, code) + 1
    conn.execute(chains.update().where(chains.c.establishment == code).values(
        chain=chain, last_sequence=0, last_hash=None))
    held = [r.bundle_hash for r in conn.execute(select(bundles_received.c.bundle_hash).where(
        bundles_received.c.establishment == code).where(bundles_received.c.state == HELD))]
    if held:
        conn.execute(held_bundles.delete().where(held_bundles.c.bundle_hash.in_(held)))
        conn.execute(bundles_received.update().where(bundles_received.c.bundle_hash.in_(held)).values(
            state=ABANDONED, reason="nouvelle chaîne après un nouvel enregistrement de l'établissement"))
    return chain


def apply_rotation(workspace: Any, data: bytes, what: str = "demande de rotation") -> tuple[PublicKeys, PublicKeys, bool]:
    """Apply a key rotation signed by the establishment's enrolled key and its new key: the old key becomes
    ``rotated`` (bundles it signed are still accepted), the new one ``active``, the chain goes on. Returns
    (old, new, applied now); the same request again is a no-op."""
    from sync.rotation import read_rotation

    request = read_rotation(data, what)
    if not known_establishment(request.establishment, workspace):
        raise DocumentInvalid(Message("enroll.unknown_establishment", what=what, code=request.establishment[:40]))
    store = national_store(workspace)
    with store.write() as conn:
        new_row = conn.execute(select(registry_keys).where(registry_keys.c.key_id == request.new.key_id_hex)).first()
        old_row = conn.execute(select(registry_keys).where(registry_keys.c.key_id == request.old_key_id)).first()
        if old_row is None or old_row.establishment != request.establishment:
            raise SyncError(Message("rotation.unknown_old", what=what, code=request.establishment))
        old = _row_key(old_row).public
        request.verify_old(old, what)
        if new_row is not None:
            if old_row.state == ROTATED and new_row.state == ACTIVE:
                return old, request.new, False
            raise SyncError(Message("rotation.new_known", what=what, state=state_word(new_row.state)))
        if old_row.state != ACTIVE:
            raise SyncError(Message("rotation.old_ended", what=what, code=request.establishment,
                                    state=state_word(old_row.state)))
        conn.execute(registry_keys.update().where(registry_keys.c.key_id == old_row.key_id)
                     .values(state=ROTATED, ended_at=now_utc()))
        _insert_key(conn, request.new, request.new_document, old_row.chain)
        audit(conn, store, request.establishment, "rotated",
              detail=f"ancienne clé {old.fingerprint} ; nouvelle clé {request.new.fingerprint}")
    return old, request.new, True


def revoke(workspace: Any, code: str) -> EnrolledKey:
    """Revoke the establishment's active key (and the keys it replaced by rotation): bundles they sign are
    refused from now on."""
    store = national_store(workspace)
    with store.write() as conn:
        row = _active(conn, code)
        if row is None:
            raise SyncError(Message("revoke.no_active_key", code=code[:40]))
        when = now_utc()
        conn.execute(registry_keys.update().where(registry_keys.c.key_id == row.key_id)
                     .values(state=REVOKED, ended_at=when))
        # Keys it replaced by rotation are revoked with it (a compromise may predate the rotation).
        conn.execute(registry_keys.update().where(registry_keys.c.establishment == code)
                     .where(registry_keys.c.state == ROTATED).values(state=REVOKED))
        audit(conn, store, code, "revoked", detail=row.fingerprint)
        key = _row_key(row)
    key.state, key.ended_at = REVOKED, when
    return key


def state_word(state: str) -> Message | str:
    """The key's state in words (a ``Message``: French by ``str``, any language by ``get``)."""
    return Message(f"key_state.{state}") if state in (ACTIVE, ROTATED, REPLACED, REVOKED) else state


def enrolled(workspace: Any, code: str) -> PublicKeys | None:
    """The establishment's active key."""
    if not CODE.fullmatch(code):
        return None
    with national_store(workspace).read() as conn:
        row = _active(conn, code)
    return _row_key(row).public if row is not None else None


def list_keys(workspace: Any) -> list[EnrolledKey]:
    """Every key ever enrolled, by establishment then date."""
    with national_store(workspace).read() as conn:
        rows = conn.execute(select(registry_keys).order_by(registry_keys.c.establishment,
                                                           registry_keys.c.enrolled_at)).all()
    return [_row_key(r) for r in rows]


def list_enrolled(workspace: Any) -> list[PublicKeys]:
    """The active keys, by establishment code."""
    return [k.public for k in list_keys(workspace) if k.state == ACTIVE]


def signing_key(conn: Connection, code: str, key_id: str) -> PublicKeys | None:
    """The key a bundle of ``code`` signed by ``key_id`` is checked with: the active key or a rotated one of
    the current chain. Raises ``KeyNotAccepted`` for a revoked or replaced key; None when the establishment
    has no key."""
    row = conn.execute(select(registry_keys).where(registry_keys.c.key_id == key_id)).first()
    if row is None or row.establishment != code:
        # Unknown or another establishment's key: the active key is returned, and the reader refuses the
        # signature naming both keys.
        active = _active(conn, code)
        return _row_key(active).public if active is not None else None
    if row.state == REVOKED:
        raise KeyNotAccepted(Message("bundle.key_revoked", code=code, date=row.ended_at))
    if row.state == ROTATED and row.chain != _current_chain(conn, code):
        raise KeyNotAccepted(Message("bundle.key_closed_chain", code=code))
    if row.state == REPLACED:
        raise KeyNotAccepted(Message("bundle.key_replaced", code=code, date=row.ended_at))
    return _row_key(row).public


def verify_bundle(workspace: Any, identity: Identity, data: bytes, limits: Limits = DEFAULT_LIMITS) -> OpenedBundle:
    """Check one bundle against the registry and decrypt it with this ministry's keys (nothing is stored)."""
    from sync.ministry.reading import open_verified

    store = national_store(workspace)
    with store.read() as conn:
        def lookup(code: str, key_id: str) -> PublicKeys | None:
            return signing_key(conn, code, key_id)

        return open_verified(data, lookup, identity, limits).bundle


# ------------------------------------------------------------------------------------ the old folder
def import_registry_folder(store: NationalStore) -> list[str]:
    """Import ``registry/*.json`` (every file verified; one bad file and nothing is imported), then rename
    the folder. Returns the codes imported."""
    folder = store.root / REGISTRY_DIR
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.json"))
    items = []
    for path in files:
        data = path.read_bytes()
        public = read_enrollment(data, str(path))
        if path.stem != public.code:
            raise DocumentInvalid(Message("registry.file_of_other", file=path, code=public.code))
        when = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        items.append((public, data, when))
    imported = []
    with store.write() as conn:
        for public, data, when in items:
            if conn.execute(select(registry_keys.c.key_id).where(registry_keys.c.key_id == public.key_id_hex)).first():
                continue
            if _active(conn, public.code) is not None:
                raise SyncError(Message("registry.other_key_in_store", folder=folder, code=public.code))
            _ensure_chain(conn, public.code)
            _insert_key(conn, public, data, _current_chain(conn, public.code), when)
            audit(conn, store, public.code, "enrolled", detail=f"importé de {path_name(folder)}")
            imported.append(public.code)
    target = folder.with_name(REGISTRY_DIR + IMPORTED_SUFFIX)
    if target.exists():
        target = folder.with_name(f"{REGISTRY_DIR}{IMPORTED_SUFFIX}-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    folder.rename(target)
    return imported


def path_name(path: Path) -> str:
    return f"{path.name}/"
