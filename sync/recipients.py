"""The ministries an establishment sends its bundles to: their verified public key files, kept in
``keys/recipients/CODE.json``. A bundle is encrypted once, for all of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms.atomic import write_atomic
from forms.messages import Message, os_reason
from forms.reference import reference
from sync.encoding import read_limited
from sync.errors import DocumentInvalid, SyncError
from sync.keys import DOCUMENT_MAX_BYTES, MINISTRY, PublicKeys, parse_public_document

RECIPIENTS_DIR = "recipients"


def recipients_dir(workspace: Any) -> Path:
    return Path(workspace.keys_dir) / RECIPIENTS_DIR


def read_recipient_file(path: Path) -> tuple[PublicKeys, bytes]:
    """Read and verify a ministry's public key file (self-signature, known ministry code)."""
    try:
        data = read_limited(path, DOCUMENT_MAX_BYTES, str(path), DocumentInvalid)
    except OSError as exc:
        raise DocumentInvalid(Message("file.unreadable", file=path, reason=os_reason(exc))) from exc
    public = parse_public_document(data, str(path), MINISTRY)
    if reference("ministries").get(public.code) is None:
        raise DocumentInvalid(Message("recipients.unknown_ministry", file=path, code=public.code[:40]))
    return public, data


def add_recipient(workspace: Any, public: PublicKeys, data: bytes) -> bool:
    """Trust this ministry key. Returns False when the very same key was already trusted. A different key
    for a ministry already trusted is refused (remove the old file first, after checking with the ministry)."""
    target = recipients_dir(workspace) / f"{public.code}.json"
    if target.exists():
        current = parse_public_document(target.read_bytes(), str(target), MINISTRY)
        if current.key_id == public.key_id:
            return False
        raise SyncError(Message("recipients.other_key", code=public.code, fingerprint=current.fingerprint,
                                file=target))
    write_atomic(target, data)
    return True


def list_recipients(workspace: Any) -> list[PublicKeys]:
    """Trusted ministries, each file verified again (a tampered file is an error, never skipped)."""
    folder = recipients_dir(workspace)
    if not folder.is_dir():
        return []
    return [parse_public_document(p.read_bytes(), str(p), MINISTRY) for p in sorted(folder.glob("*.json"))]


def ministry_key(workspace: Any, code: str) -> PublicKeys | None:
    return next((r for r in list_recipients(workspace) if r.code == code), None)
