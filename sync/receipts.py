"""Receipts: a ministry signs, for one bundle, what it accepted and refused; the establishment verifies it
with the ministry key it trusts and marks the bundle acknowledged."""

from __future__ import annotations

from typing import Any

from sync.bundle import CODE, HEX64, OpenedBundle
from sync.encoding import now_utc
from sync.errors import DocumentInvalid
from sync.keys import Identity, open_document, sign_document

RECEIPT_TYPE = "kafaat-receipt"
RECEIPT_DOMAIN = b"kafaat/receipt/v1\x00"
RECEIPT_MEMBERS = ("ministry", "ministry_key_id", "establishment", "bundle_id", "sequence", "bundle_hash",
                   "accepted", "refused", "problems", "issued_at")
OPTIONAL_MEMBERS: tuple[str, ...] = ()
"""Members a receipt may carry besides the required ones (each one is checked where it is read)."""


def make_receipt(identity: Identity, opened: OpenedBundle, accepted: dict[str, int] | None = None,
                 refused: dict[str, int] | None = None, problems: list[str] | None = None,
                 issued_at: str | None = None) -> bytes:
    """The signed receipt of one bundle (by default: every record accepted)."""
    counts = opened.counts
    if accepted is None:
        accepted = {form: c["records"] + c["tombstones"] for form, c in counts.items()}
    body = {
        "ministry": identity.code,
        "ministry_key_id": identity.public.key_id_hex,
        "establishment": opened.establishment,
        "bundle_id": opened.header["bundle_id"],
        "sequence": opened.sequence,
        "bundle_hash": opened.bundle_hash,
        "accepted": accepted,
        "refused": refused or {form: 0 for form in counts},
        "problems": problems or [],
        "issued_at": issued_at or now_utc(),
    }
    return sign_document(identity, RECEIPT_TYPE, RECEIPT_DOMAIN, body)


def read_receipt(data: bytes, what: str) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """Parse (not verify) a receipt; checks the shape of its signed content."""
    body, signed, sigs = open_document(data, RECEIPT_TYPE, what)
    if not set(RECEIPT_MEMBERS) <= set(body) <= set(RECEIPT_MEMBERS) | set(OPTIONAL_MEMBERS):
        raise DocumentInvalid(f"{what} : membres inattendus ou manquants dans l'accusé")
    for key in ("ministry", "ministry_key_id", "establishment", "bundle_id", "bundle_hash", "issued_at"):
        if not isinstance(body.get(key), str):
            raise DocumentInvalid(f"{what} : membre « {key} » manquant ou invalide")
    if not HEX64.fullmatch(body["bundle_hash"]) or not HEX64.fullmatch(body["ministry_key_id"]):
        raise DocumentInvalid(f"{what} : empreinte mal formée")
    sequence = body.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        raise DocumentInvalid(f"{what} : numéro de lot invalide")
    for key in ("accepted", "refused"):
        value = body.get(key)
        if not isinstance(value, dict) or not all(type(n) is int and n >= 0 for n in value.values()) \
                or not all(isinstance(k, str) and len(k) <= 40 for k in value):
            raise DocumentInvalid(f"{what} : « {key} » invalide")
    problems = body["problems"]
    if not isinstance(problems, list) or not all(isinstance(p, str) for p in problems):
        raise DocumentInvalid(f"{what} : « problems » invalide")
    if not CODE.fullmatch(body["ministry"]) or not CODE.fullmatch(body["establishment"]):
        raise DocumentInvalid(f"{what} : code de ministère ou d'établissement invalide")
    return body, signed, sigs
