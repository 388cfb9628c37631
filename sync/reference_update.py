"""Signed updates of the establishments list, from a ministry to the establishments.

A ministry writes the whole list with a serial number one higher than its previous update
(``sync.ministry.establishments``); an establishment (``import_update``) checks the signature with the
ministry key it trusts, refuses an update older than (or the same as) the one it applied, and keeps it in
``DATA/reference/establishments-MINISTRY.json``, which ``forms.reference`` reads over the shipped list.
A folder not yet initialised (a new school) names the ministry's key file and confirms its fingerprint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from forms.atomic import write_atomic
from forms.messages import Message
from forms.reference import OVERLAY_DIR, use_overlays
from sync.bundle import CODE
from sync.encoding import now_utc
from sync.errors import DocumentInvalid, SyncError
from sync.keys import Identity, PublicKeys, open_document, sign_document

UPDATE_TYPE = "kafaat-reference-update"
UPDATE_DOMAIN = b"kafaat/reference-update/v1\x00"
COLUMNS = ("code", "label_fr", "label_ar", "label_en", "city", "region", "supervising_ministry")
TABLE = "establishments"


def make_update(identity: Identity, serial: int, rows: list[dict[str, str]]) -> bytes:
    return sign_document(identity, UPDATE_TYPE, UPDATE_DOMAIN, {
        "ministry": identity.code, "ministry_key_id": identity.public.key_id_hex, "table": TABLE,
        "serial": serial, "issued_at": now_utc(), "rows": [{c: r.get(c, "") for c in COLUMNS} for r in rows]})


def read_update(data: bytes, what: str, trusted: list[PublicKeys]) -> dict[str, Any]:
    """Parse and verify an update against the trusted ministry keys; returns its body."""
    body, signed, sigs = open_document(data, UPDATE_TYPE, what)
    ministry = body.get("ministry")
    key = next((k for k in trusted if k.code == ministry and k.key_id_hex == body.get("ministry_key_id")), None)
    if key is None:
        raise DocumentInvalid(Message("reference.unknown_key", what=what, ministry=str(ministry)[:40]))
    key.verify(UPDATE_DOMAIN, signed, sigs, DocumentInvalid, what)
    serial, rows = body.get("serial"), body.get("rows")
    if body.get("table") != TABLE or not isinstance(serial, int) or isinstance(serial, bool) or serial < 1 \
            or not isinstance(rows, list) or not rows:
        raise DocumentInvalid(Message("reference.invalid", what=what))
    for row in rows:
        if not isinstance(row, dict) or set(row) != set(COLUMNS) or not all(isinstance(v, str) for v in row.values()) \
                or not CODE.fullmatch(row["code"]) or not row["label_fr"]:
            raise DocumentInvalid(Message("reference.bad_row", what=what))
    return body


def overlay_path(root: Path, ministry: str) -> Path:
    return root / OVERLAY_DIR / f"{TABLE}-{ministry}.json"


def import_update(root: Path, data: bytes, trusted: list[PublicKeys], what: str = "mise à jour") -> tuple[dict, bool]:
    """Apply a verified update in the data folder ``root``. Returns (body, applied); the same serial again is
    a no-op; an older one is refused."""
    body = read_update(data, what, trusted)
    target = overlay_path(root, body["ministry"])
    if target.exists():
        current = orjson.loads(target.read_bytes())
        if int(current.get("serial", 0)) > body["serial"]:
            raise SyncError(Message("reference.older", what=what, serial=body["serial"], ministry=body["ministry"],
                                    current=current["serial"]))
        if int(current.get("serial", 0)) == body["serial"]:
            return body, False
    write_atomic(target, orjson.dumps({"ministry": body["ministry"], "serial": body["serial"],
                                       "issued_at": body["issued_at"], "rows": body["rows"]}))
    use_overlays(root / OVERLAY_DIR, refresh=True)
    return body, True
