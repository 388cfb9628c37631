"""Reading bundles of format version 1 (``docs/bundle-format.md`` § 12). Writers no longer write them; the
readers keep reading them, frozen as released: one AES-256-GCM message over one zstd frame of one JSON
document, read whole (version 1 files were bounded by the reader's limits, not by design — hence version 2).

The identity of a version-1 bundle (its ``bundle_hash``, what receipts and the next bundle's
``previous_hash`` name) is the SHA-256 of the whole file, as version 1 defined it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import orjson
import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from forms.messages import Message
from sync.encoding import b64d
from sync.errors import BundleMalformed, DecompressionBudgetExceeded, DecryptionFailed, ManifestMismatch

SIGN_DOMAIN = b"kafaat/bundle/v1\x00"
WRAP_DOMAIN = b"kafaat/bundle/v1/key\x00"
PAYLOAD_DOMAIN = b"kafaat/bundle/v1/payload\x00"
ZSTD_MAX_WINDOW = 1 << 27
LIVE_SYSTEM = ("id", "establishment", "version", "created_at", "updated_at", "change_seq")
TOMBSTONE_COLUMNS = LIVE_SYSTEM


def check_payload_header(payload: Mapping[str, Any], need: Any, int_member: Any, limits: Any) -> int:
    """The version-1 ``payload`` members; returns ``plain_length``."""
    b64d(payload.get("nonce"), Message("bundle.in_header", detail="payload.nonce"), BundleMalformed, length=12)
    int_member(payload, "length", "payload.", 16, limits.max_file)
    plain = int_member(payload, "plain_length", "payload.", 0)
    need(set(payload) >= {"compression", "aead", "nonce", "length", "plain_length", "sha256"},
         Message("bundle.in_header", detail=Message("bheader.payload_members_missing")))
    return plain


def _decompress(data: bytes, expected: int, budget: int) -> bytes:
    budget = min(expected, budget)
    out = bytearray()
    try:
        reader = zstandard.ZstdDecompressor(max_window_size=ZSTD_MAX_WINDOW).stream_reader(
            io.BytesIO(data), read_across_frames=False)
        while True:
            chunk = reader.read(1 << 20)
            if not chunk:
                break
            out += chunk
            if len(out) > budget:
                raise DecompressionBudgetExceeded(Message("bv1.budget", budget=budget))
    except zstandard.ZstdError as exc:
        raise BundleMalformed(Message("bv1.zstd", reason=str(exc))) from exc
    if len(out) != expected:
        raise ManifestMismatch(Message("bundle.plain_size", size=len(out), expected=expected))
    return bytes(out)


def read_document(header: dict[str, Any], key: bytes, ciphertext: bytes, aad: bytes, limits: Any
                  ) -> tuple[dict[str, Any], dict[str, tuple[list[str], list[list[Any]], list[list[Any]]]]]:
    """Decrypt, decompress within budget and check a version-1 document against its signed header.
    Returns the manifest and, per form, (columns, rows, tombstones)."""
    payload = header["payload"]
    nonce = b64d(payload["nonce"], "nonce", BundleMalformed, length=12)
    try:
        compressed = AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise DecryptionFailed(Message("bv1.decrypt")) from exc
    plain = _decompress(compressed, payload["plain_length"], limits.max_plain)
    del compressed
    try:
        inner = orjson.loads(plain)
    except orjson.JSONDecodeError as exc:
        raise BundleMalformed(Message("bundle.in_decrypted", detail=Message("bv1.json"))) from exc
    return _check_inner(inner, header)


def _check_inner(inner: Any, header: dict[str, Any]
                 ) -> tuple[dict[str, Any], dict[str, tuple[list[str], list[list[Any]], list[list[Any]]]]]:
    if not isinstance(inner, dict) or not isinstance(inner.get("manifest"), dict) \
            or not isinstance(inner.get("records"), dict):
        raise ManifestMismatch(Message("bundle.in_decrypted", detail=Message("bv1.members")))
    manifest, records = inner["manifest"], inner["records"]
    if manifest.get("type") != "kafaat-bundle-manifest":
        raise ManifestMismatch(Message("bundle.in_decrypted", detail=Message("bdoc.no_manifest")))
    for key in ("format_version", "bundle_id", "establishment", "signer_key_id", "sequence", "previous_hash",
                "created_at"):
        if manifest.get(key) != header[key]:
            raise ManifestMismatch(Message("bundle.manifest_contradicts", member=key))
    named = [{"ministry": r["ministry"], "key_id": r["key_id"]} for r in header["recipients"]]
    if manifest.get("recipients") != named:
        raise ManifestMismatch(Message("bundle.manifest_contradicts", member=Message("bundle.recipients_word")))
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or set(counts) != set(records):
        raise ManifestMismatch(Message("bv1.forms"))
    establishment = header["establishment"]
    tables: dict[str, tuple[list[str], list[list[Any]], list[list[Any]]]] = {}
    for form, table in records.items():
        if not isinstance(table, dict) or not isinstance(counts[form], dict):
            raise ManifestMismatch(Message("bundle.in_content", detail=Message("bmember.invalid", member=form)))
        columns, rows = table.get("columns"), table.get("rows")
        dead_columns, dead = table.get("tombstone_columns"), table.get("tombstones")
        if not isinstance(columns, list) or columns[:len(LIVE_SYSTEM)] != list(LIVE_SYSTEM) \
                or not all(isinstance(c, str) for c in columns) or len(set(columns)) != len(columns) \
                or dead_columns != list(TOMBSTONE_COLUMNS) or not isinstance(rows, list) or not isinstance(dead, list):
            raise ManifestMismatch(Message("bundle.in_content", detail=Message(
                "bdoc.columns_invalid", where=Message("bdoc.where_columns", form=form))))
        for width, group in ((len(columns), rows), (len(TOMBSTONE_COLUMNS), dead)):
            for row in group:
                if not isinstance(row, list) or len(row) != width or not isinstance(row[0], str) \
                        or row[1] != establishment:
                    raise ManifestMismatch(Message("bundle.in_content", detail=Message("bv1.record", form=form)))
        if counts[form].get("records") != len(rows) or counts[form].get("tombstones") != len(dead):
            raise ManifestMismatch(Message("bv1.counts", form=form))
        tables[form] = (columns, rows, dead)
    return manifest, tables
