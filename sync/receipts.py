"""Receipts: a ministry signs, for one bundle, what it accepted and refused; the establishment verifies it
with the ministry key it trusts and marks the bundle acknowledged.

Since the national store (issue 9) a receipt written by consolidation also names each refused record with
its reasons in French (``refused_records``: ``[{"form", "id", "reasons": [...]}]``, the one optional
member); receipts without it (``kafaat ministry verify``, an older ministry) are still read.
"""

from __future__ import annotations

from typing import Any

from forms.messages import Message
from sync.bundle import CODE, HEX64, OpenedBundle
from sync.encoding import dumps, now_utc
from sync.errors import DocumentInvalid
from sync.keys import DOCUMENT_MAX_BYTES, SIGNATURE_SIZES, Identity, open_document, sign_document

RECEIPT_TYPE = "kafaat-receipt"
RECEIPT_DOMAIN = b"kafaat/receipt/v1\x00"
RECEIPT_MEMBERS = ("ministry", "ministry_key_id", "establishment", "bundle_id", "sequence", "bundle_hash",
                   "accepted", "refused", "problems", "issued_at")
OPTIONAL_MEMBERS: tuple[str, ...] = ("refused_records",)
"""Members a receipt may carry besides the required ones (each one is checked where it is read)."""
MAX_REASONS = 50
MAX_REFUSED_RECORDS = 100_000


def receipt_file_name(ministry: str, establishment: str, sequence: int) -> str:
    return f"accuse-{ministry}-{establishment}-{sequence}.json"


def sign_receipt(identity: Identity, *, establishment: str, bundle_id: str, sequence: int, bundle_hash: str,
                 accepted: dict[str, int], refused: dict[str, int], problems: list[str] | None = None,
                 refused_records: list[dict[str, Any]] | None = None, issued_at: str | None = None) -> bytes:
    """The signed receipt of one bundle."""
    body: dict[str, Any] = {
        "ministry": identity.code,
        "ministry_key_id": identity.public.key_id_hex,
        "establishment": establishment,
        "bundle_id": bundle_id,
        "sequence": sequence,
        "bundle_hash": bundle_hash,
        "accepted": accepted,
        "refused": refused,
        "problems": problems or [],
        "issued_at": issued_at or now_utc(),
    }
    if refused_records is not None:
        records = [{"form": r["form"], "id": r["id"], "reasons": list(r["reasons"])[:MAX_REASONS]}
                   for r in refused_records]
        body["refused_records"] = records
        if _document_size(body) > DOCUMENT_MAX_BYTES:
            _fit(body, records)
    return sign_document(identity, RECEIPT_TYPE, RECEIPT_DOMAIN, body)


def _document_size(body: dict[str, Any]) -> int:
    """The size of the signed document ``sign_document`` makes of ``body`` (signatures have fixed sizes)."""
    signed = dumps(body).decode("utf-8")
    return len(dumps({"type": RECEIPT_TYPE, "version": 1, "signed": signed,
                      "signatures": {alg: "A" * (4 * ((size + 2) // 3)) for alg, size in SIGNATURE_SIZES.items()}})) + 1


def _fit(body: dict[str, Any], records: list[dict[str, Any]]) -> None:
    """Keep as many refused records as fit in a readable receipt (bundle-format.md § 9: 64 KiB), and say in
    ``problems`` how many more there are; the ``refused`` counts stay exact."""
    problems = list(body["problems"])
    low, high = 0, len(records)  # the most records that fit: low fits, high + 1 does not
    while low < high:
        middle = (low + high + 1) // 2
        body["refused_records"] = records[:middle]
        body["problems"] = [*problems, _more(len(records) - middle)]
        if _document_size(body) <= DOCUMENT_MAX_BYTES:
            low = middle
        else:
            high = middle - 1
    body["refused_records"] = records[:low]
    body["problems"] = [*problems, _more(len(records) - low)]


def _more(n: int) -> str:
    return Message("receipt.more_refused", n=n).get("fr")


def make_receipt(identity: Identity, opened: OpenedBundle, accepted: dict[str, int] | None = None,
                 refused: dict[str, int] | None = None, problems: list[str] | None = None,
                 issued_at: str | None = None) -> bytes:
    """The signed receipt of one bundle opened by ``kafaat ministry verify`` (by default: every record accepted)."""
    counts = opened.counts
    if accepted is None:
        accepted = {form: c["records"] + c["tombstones"] for form, c in counts.items()}
    return sign_receipt(identity, establishment=opened.establishment, bundle_id=opened.header["bundle_id"],
                        sequence=opened.sequence, bundle_hash=opened.bundle_hash, accepted=accepted,
                        refused=refused or {form: 0 for form in counts}, problems=problems, issued_at=issued_at)


def _check_refused_records(value: Any, what: str) -> None:
    if not isinstance(value, list) or len(value) > MAX_REFUSED_RECORDS:
        raise DocumentInvalid(Message("receipt.refused_records", what=what))
    for item in value:
        if not (isinstance(item, dict) and set(item) == {"form", "id", "reasons"}
                and isinstance(item["form"], str) and len(item["form"]) <= 40
                and isinstance(item["id"], str) and len(item["id"]) <= 36
                and isinstance(item["reasons"], list) and len(item["reasons"]) <= MAX_REASONS
                and all(isinstance(r, str) for r in item["reasons"])):
            raise DocumentInvalid(Message("receipt.refused_records", what=what))


def read_receipt(data: bytes, what: str) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """Parse (not verify) a receipt; checks the shape of its signed content."""
    body, signed, sigs = open_document(data, RECEIPT_TYPE, what)
    if not set(RECEIPT_MEMBERS) <= set(body) <= set(RECEIPT_MEMBERS) | set(OPTIONAL_MEMBERS):
        raise DocumentInvalid(Message("receipt.members", what=what))
    for key in ("ministry", "ministry_key_id", "establishment", "bundle_id", "bundle_hash", "issued_at"):
        if not isinstance(body.get(key), str):
            raise DocumentInvalid(Message("receipt.member", what=what, key=key))
    if not HEX64.fullmatch(body["bundle_hash"]) or not HEX64.fullmatch(body["ministry_key_id"]):
        raise DocumentInvalid(Message("receipt.hash", what=what))
    sequence = body.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 1:
        raise DocumentInvalid(Message("receipt.sequence", what=what))
    for key in ("accepted", "refused"):
        value = body.get(key)
        if not isinstance(value, dict) or not all(type(n) is int and n >= 0 for n in value.values()) \
                or not all(isinstance(k, str) and len(k) <= 40 for k in value):
            raise DocumentInvalid(Message("receipt.invalid_member", what=what, key=key))
    problems = body["problems"]
    if not isinstance(problems, list) or not all(isinstance(p, str) for p in problems):
        raise DocumentInvalid(Message("receipt.invalid_member", what=what, key="problems"))
    if not CODE.fullmatch(body["ministry"]) or not CODE.fullmatch(body["establishment"]):
        raise DocumentInvalid(Message("receipt.codes", what=what))
    if "refused_records" in body:
        _check_refused_records(body["refused_records"], what)
    return body, signed, sigs
