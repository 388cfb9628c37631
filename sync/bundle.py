"""The bundle file: writer (``seal_bundle``) and reader (``peek``, ``open_bundle``). Layout, algorithms and
limits are specified in ``docs/bundle-format.md``; this module is the reference implementation. Writers
write format 2 only; readers read 1 (``sync.bundle_v1``) and 2.

::

    magic "\\x89KAFAAT\\n" (8) | format version u16 | header length u32 | header (UTF-8 JSON)
    | signature block length u32 | signature block (Ed25519 then ML-DSA-65, fixed layout)
    | payload: segments, each u32 length || AES-256-GCM(zstd(one JSON document of at most 1 MiB))

The signatures cover the magic, version, header length and header; the header holds the SHA-256 and length
of the payload, the recipients and their wrapped keys, and a commitment to the payload key. The bundle's
identity (``bundle_hash``: what the chain and receipts name) is a hash of exactly those signed bytes, so
no relay can change it. Reading needs memory for one segment, whatever the bundle's size.

(Longer than the house's ~400 lines: the writer and the reader of one specification side by side keep its
constants, bindings and layout in one place; the document's checks and version 1 are apart already. Next
step: the reader's segment machinery in a module of its own.)
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import struct
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from forms.i18n import Text
from forms.messages import Message
from sync import bundle_v1
from sync.bundle_document import (
    CODE,
    HEX64,
    LIVE_SYSTEM,
    TIMESTAMP,
    TOMBSTONE_COLUMNS,
    RowChecker,
    bad,
    check_manifest,
    clean_text,
)
from sync.encoding import b64d, b64e, dumps, loads_strict, u64
from sync.errors import (
    BundleMalformed,
    BundleTooLarge,
    DecompressionBudgetExceeded,
    DecryptionFailed,
    ManifestMismatch,
    NotARecipient,
    PayloadTampered,
    SignatureInvalid,
    UnknownEstablishment,
    UnsupportedVersion,
)
from sync.keys import ED25519, MLDSA65, MLKEM768, SIGNATURE_SIZES, Identity, PublicKeys

__all__ = ["CODE", "HEX64", "LIVE_SYSTEM", "TOMBSTONE_COLUMNS", "clean_text"]

MAGIC = b"\x89KAFAAT\n"
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
PREAMBLE = struct.Struct(">8sHI")
SIG_LEN = struct.Struct(">I")
SEG_LEN = struct.Struct(">I")
BUNDLE_TYPE = "kafaat-bundle"
MANIFEST_TYPE = "kafaat-bundle-manifest"
END_TYPE = "kafaat-bundle-end"
HEADER_PART = Text("en-tête", "الترويسة", "header")
SIGNATURES_PART = Text("signatures", "التوقيعات", "signatures")
"""The parts of a bundle a truncated file can lack, named in the reader's language (« bundle.truncated »)."""
SIGN_DOMAIN = b"kafaat/bundle/v2\x00"
HASH_DOMAIN = b"kafaat/bundle-hash/v2\x00"
WRAP_DOMAIN = b"kafaat/bundle/v2/key\x00"
PAYLOAD_KEY_DOMAIN = b"kafaat/bundle/v2/payload-key\x00"
COMMITMENT_DOMAIN = b"kafaat/bundle/v2/key-commitment\x00"
PAYLOAD_DOMAIN = b"kafaat/bundle/v2/payload\x00"
SIG_TAGS = {ED25519: 1, MLDSA65: 2}
SIG_BLOCK_V2 = 1 + (3 + SIGNATURE_SIZES[ED25519]) + (3 + SIGNATURE_SIZES[MLDSA65])
KEM_X25519 = "DHKEM-X25519-HKDF-SHA256"
KEM_XWING = "MLKEM768-X25519"
KEMS = {KEM_X25519: hpke.KEM.X25519, KEM_XWING: hpke.KEM.MLKEM768_X25519}
KDF_NAME, AEAD_NAME, COMPRESSION = "HKDF-SHA256", "AES-256-GCM", "zstd"
ZSTD_LEVEL = 3
SEGMENT_PLAIN_MAX = 1 << 20
"""A segment's document, decompressed: at most 1 MiB (normative)."""
SEGMENT_MAX = SEGMENT_PLAIN_MAX + 4096 + 16
"""A segment's ciphertext (compressed document and tag): at most this many bytes (normative)."""
SEGMENT_TARGET = 256 * 1024
"""The writer fills a segment with rows up to about this many bytes of JSON (not normative)."""
SEQUENCE_MAX = (1 << 31) - 1
FILE_SUFFIX = ".kfb"


@dataclass(frozen=True)
class Limits:
    """What a reader accepts before it parses or decompresses anything (reader parameters)."""

    max_file: int = 1 << 30
    max_header: int = 256 * 1024
    max_signatures: int = 16 * 1024
    max_plain: int = 512 << 20
    max_recipients: int = 16
    max_records: int = 500_000
    max_held_bundles: int = 50
    """A ministry's consolidation: bundles held per establishment (a gap in its chain) at most — more are
    refused, not kept (``sync.ministry.consolidation``): an establishment, or a thief of its key, cannot fill
    the ministry's disk with bundles that wait for a number that never comes."""
    max_held_bytes: int = 1 << 30
    """The same bound in bytes (the held bundles' files together, per establishment)."""


DEFAULT_LIMITS = Limits()


@dataclass
class Fixed:
    """Test-vector hook: values normally random. Never used by the application."""

    payload_key: bytes
    nonce: bytes = b""
    wrapped: dict[str, str] = field(default_factory=dict)
    """key id (hex) → ``enc`` member to use instead of a fresh HPKE encryption."""


@dataclass
class FormRecords:
    """One form's records, as columns and rows (arrays): live complete records in ``rows`` (columns
    ``LIVE_SYSTEM`` then the form's fields), deletions in ``tombstones``. When writing, ``rows`` and
    ``tombstones`` may each be an iterator of batches (lists of rows) instead of one list."""

    columns: list[str]
    rows: Any = field(default_factory=list)
    tombstones: Any = field(default_factory=list)

    @classmethod
    def from_dicts(cls, records: list[dict[str, Any]], fields: list[str] | None = None) -> FormRecords:
        """From record objects (``Record.to_json`` shape plus system members); ``deleted`` ones become tombstones."""
        if fields is None:
            fields = list(dict.fromkeys(k for r in records if not r.get("deleted") for k in r
                                        if k not in LIVE_SYSTEM and k not in ("status", "deleted")))
        columns = [*LIVE_SYSTEM, *fields]
        return cls(columns, [[r.get(c) for c in columns] for r in records if not r.get("deleted")],
                   [[r.get(c) for c in TOMBSTONE_COLUMNS] for r in records if r.get("deleted")])


# ---------------------------------------------------------------------------------------- bindings
def context(bundle_id: str, sequence: int, establishment: str) -> bytes:
    return uuid.UUID(bundle_id).bytes + u64(sequence) + establishment.encode("utf-8")


def wrap_info(bundle_id: str, sequence: int, establishment: str, recipient_key_id: bytes, version: int = 2) -> bytes:
    domain = WRAP_DOMAIN if version == 2 else bundle_v1.WRAP_DOMAIN
    return domain + context(bundle_id, sequence, establishment) + b"\x00" + recipient_key_id


def payload_aad(bundle_id: str, sequence: int, establishment: str, version: int = 2) -> bytes:
    domain = PAYLOAD_DOMAIN if version == 2 else bundle_v1.PAYLOAD_DOMAIN
    return domain + context(bundle_id, sequence, establishment)


def _hkdf(key: bytes, domain: bytes, ctx: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=domain + ctx).derive(key)


def derive(key: bytes, bundle_id: str, sequence: int, establishment: str) -> tuple[bytes, bytes]:
    """(payload encryption key, key commitment) from the bundle key K (``docs/bundle-format.md`` § 6)."""
    ctx = context(bundle_id, sequence, establishment)
    return _hkdf(key, PAYLOAD_KEY_DOMAIN, ctx), _hkdf(key, COMMITMENT_DOMAIN, ctx)


def segment_nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _suite(kem: str) -> hpke.Suite:
    return hpke.Suite(KEMS[kem], hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def hash_signed(signed: bytes) -> str:
    """A version-2 bundle's identity: SHA-256 over a domain and the signed bytes (preamble and header)."""
    return hashlib.sha256(HASH_DOMAIN + signed).hexdigest()


def file_hash(data: bytes) -> str:
    """SHA-256 of a whole file (the identity of a version-1 bundle)."""
    return hashlib.sha256(data).hexdigest()


def bundle_hash(data: bytes) -> str:
    """The identity of a bundle as its version defines it (what receipts and ``previous_hash`` name)."""
    return peek(data).bundle_hash


# ------------------------------------------------------------------------------------------- writer
def seal_bundle(identity: Identity, recipients: list[PublicKeys], *, bundle_id: str, sequence: int,
                previous_hash: str | None, created_at: str, manifest: dict[str, Any],
                records: Mapping[str, FormRecords | list[dict[str, Any]]], fixed: Fixed | None = None) -> bytes:
    """The bytes of a bundle (see ``seal_bundle_stream``)."""
    return seal_bundle_stream(identity, recipients, bundle_id=bundle_id, sequence=sequence,
                              previous_hash=previous_hash, created_at=created_at, manifest=manifest,
                              records=records, fixed=fixed)[0]


def _batches(value: Any) -> Iterator[list[Any]]:
    if isinstance(value, list):
        yield value
    else:
        yield from value


def _segments(tables: dict[str, FormRecords], counts: dict[str, dict[str, int]]) -> Iterator[bytes]:
    """The record segments: ``["rows"|"tombstones", form, [row, …]]``, each at most ``SEGMENT_PLAIN_MAX``
    bytes of JSON; the number of rows a segment takes adapts to the rows' size."""
    for form, table in tables.items():
        for part, value in (("rows", table.rows), ("tombstones", table.tombstones)):
            prefix = b'["' + part.encode() + b'",' + orjson.dumps(form) + b","
            take = 500
            for batch in _batches(value):
                start = 0
                while start < len(batch):
                    chunk = batch[start:start + take]
                    body = orjson.dumps(chunk)
                    if len(prefix) + len(body) + 1 > SEGMENT_PLAIN_MAX:
                        if take == 1:
                            raise ValueError("un enregistrement dépasse la taille d'un segment")
                        take = max(1, take // 2)
                        continue
                    yield prefix + body + b"]"
                    counts[form]["records" if part == "rows" else "tombstones"] += len(chunk)
                    start += len(chunk)
                    if len(body) < SEGMENT_TARGET // 2:
                        take *= 2
                    elif len(body) > SEGMENT_TARGET:
                        take = max(1, take // 2)


def seal_bundle_stream(identity: Identity, recipients: list[PublicKeys], *, bundle_id: str, sequence: int,
                       previous_hash: str | None, created_at: str, manifest: dict[str, Any],
                       records: Mapping[str, FormRecords | list[dict[str, Any]]], fixed: Fixed | None = None
                       ) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a bundle and its manifest (with ``counts``). ``records``: per form (in declaration
    order), a ``FormRecords`` whose rows may come in batches (compressed and encrypted as they come, so that
    100 000 records are never all in memory as JSON) or record objects. ``manifest`` gives the members the
    writer cannot know (``establishment_name``, ``period``, ``changes``…); the writer adds the rest."""
    if not recipients:
        raise ValueError("aucun destinataire")
    establishment = identity.code
    signer = identity.public
    from forms.definitions import FORMS
    from forms.store.database import HEAD_REVISION
    from forms.version import __version__

    order = list(FORMS)
    tables = {form: value if isinstance(value, FormRecords) else FormRecords.from_dicts(value)
              for form, value in sorted(records.items(), key=lambda item: order.index(item[0])
                                        if item[0] in FORMS else len(order))}
    counts = {form: {"records": 0, "tombstones": 0} for form in tables}
    final: dict[str, Any] = {
        "establishment_name": identity.name, "period": {"from": None, "to": created_at},
        "changes": {"after": 0, "up_to": 0}, "full": False, "drafts_left_out": dict.fromkeys(tables, 0),
        "withheld": {form: [f.key for f in FORMS[form].withheld_fields] if form in FORMS else []
                     for form in tables}, "pseudonym_key": None, "schema_version": HEAD_REVISION,
        "application_version": __version__, **manifest,
        "type": MANIFEST_TYPE, "format_version": FORMAT_VERSION, "bundle_id": bundle_id,
        "establishment": establishment, "signer_key_id": signer.key_id_hex, "sequence": sequence,
        "previous_hash": previous_hash, "created_at": created_at,
        "recipients": [{"ministry": r.code, "key_id": r.key_id_hex} for r in recipients],
        "tables": {form: {"columns": list(t.columns), "tombstone_columns": list(TOMBSTONE_COLUMNS)}
                   for form, t in tables.items()},
    }
    final.pop("counts", None)
    key = fixed.payload_key if fixed else AESGCM.generate_key(256)
    payload_key, commitment = derive(key, bundle_id, sequence, establishment)
    aead, aad = AESGCM(payload_key), payload_aad(bundle_id, sequence, establishment)
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_content_size=True)
    out = bytearray()
    plain_length = index = 0

    def emit(document: bytes, last: bool) -> None:
        nonlocal plain_length, index
        plain_length += len(document)
        sealed = aead.encrypt(segment_nonce(index, last), compressor.compress(document), aad)
        out.extend(SEG_LEN.pack(len(sealed)))
        out.extend(sealed)
        index += 1

    emit(dumps(final), False)
    for document in _segments(tables, counts):
        emit(document, False)
    emit(dumps({"type": END_TYPE, "counts": counts}), True)
    payload = bytes(out)
    out.clear()
    stanzas = []
    for r in recipients:
        kem = KEM_XWING if MLKEM768 in r.keys else KEM_X25519
        enc = (fixed.wrapped.get(r.key_id_hex) if fixed else None) or b64e(
            _suite(kem).encrypt(key, r.hpke_public(), info=wrap_info(bundle_id, sequence, establishment, r.key_id)))
        stanzas.append({"ministry": r.code, "key_id": r.key_id_hex, "kem": kem, "kdf": KDF_NAME,
                        "aead": AEAD_NAME, "enc": enc})
    header = {
        "type": BUNDLE_TYPE, "format_version": FORMAT_VERSION, "bundle_id": bundle_id,
        "establishment": establishment, "signer_key_id": signer.key_id_hex, "sequence": sequence,
        "previous_hash": previous_hash, "created_at": created_at, "recipients": stanzas,
        "payload": {"compression": COMPRESSION, "aead": AEAD_NAME, "segments": index, "length": len(payload),
                    "plain_length": plain_length, "sha256": hashlib.sha256(payload).hexdigest(),
                    "key_commitment": commitment.hex()},
    }
    return signed_head(identity, header) + payload, {**final, "counts": counts}


def signed_head(identity: Identity, header: dict[str, Any]) -> bytes:
    """Everything before the payload: preamble, header, and the signature block over both (version 2:
    exactly two entries, Ed25519 then ML-DSA-65)."""
    header_bytes = dumps(header)
    signed = PREAMBLE.pack(MAGIC, FORMAT_VERSION, len(header_bytes)) + header_bytes
    sigs = identity.sign(SIGN_DOMAIN, signed)
    block = bytes([2]) + b"".join(bytes([SIG_TAGS[alg]]) + struct.pack(">H", len(sigs[alg])) + sigs[alg]
                                  for alg in (ED25519, MLDSA65))
    return signed + SIG_LEN.pack(len(block)) + block


# ------------------------------------------------------------------------------------------- source
class Source:
    """Random access to a bundle's bytes, from memory or from a file (read a piece at a time)."""

    def __init__(self, source: bytes | bytearray | memoryview | str | os.PathLike[str]) -> None:
        if isinstance(source, bytes | bytearray | memoryview):
            self.data: bytes | None = source if isinstance(source, bytes) else bytes(source)  # no copy of bytes
            self.path: Path | None = None
            self.size = len(self.data)
        else:
            self.data, self.path = None, Path(source)
            self.size = self.path.stat().st_size

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data) if self.data is not None else open(self.path, "rb")  # type: ignore[arg-type]

    def read(self, handle: BinaryIO, size: int, what: Text) -> bytes:
        data = handle.read(size)
        if len(data) != size:
            raise BundleMalformed(Message("bundle.truncated", part=what))
        return data


# ------------------------------------------------------------------------------------------- reader
@dataclass
class Envelope:
    """The parsed, not yet verified, outer parts of a bundle."""

    version: int
    header: dict[str, Any]
    signed: bytes
    signatures: dict[str, bytes]
    payload_offset: int
    payload_size: int
    source: Source

    @property
    def bundle_hash(self) -> str:
        if self.version == 1:
            with self.source.open() as handle:
                return _sha256_of(handle, self.source.size)
        return hash_signed(self.signed)

    @property
    def payload(self) -> bytes:
        with self.source.open() as handle:
            handle.seek(self.payload_offset)
            return handle.read(self.payload_size)


@dataclass(frozen=True)
class Head:
    """What the signed header says, read without any key (``peek``): enough to recognise a bundle already
    consolidated, or to say what would happen to it, before anything is decrypted. Not yet verified."""

    format_version: int
    bundle_id: str
    establishment: str
    signer_key_id: str
    sequence: int
    previous_hash: str | None
    created_at: str
    recipients: tuple[str, ...]
    bundle_hash: str
    size: int


def _sha256_of(handle: BinaryIO, size: int) -> str:
    digest = hashlib.sha256()
    remaining = size
    while remaining > 0:
        chunk = handle.read(min(remaining, 1 << 20))
        if not chunk:
            break
        digest.update(chunk)
        remaining -= len(chunk)
    return digest.hexdigest()


def _need(cond: bool, message: object) -> None:
    if not cond:
        raise BundleMalformed(message)


def _header(key: str, **params: object) -> Message:
    """« en-tête : … », the detail in the reader's language."""
    return Message("bundle.in_header", detail=Message(key, **params))


def _signatures(key: str, **params: object) -> Message:
    """« bloc de signatures : … »."""
    return Message("bundle.in_signatures", detail=Message(key, **params))


def _str(obj: Mapping[str, Any], key: str, where: str, pattern: Any = None, nullable: bool = False,
         max_length: int = 1000) -> Any:
    value = obj.get(key)
    if value is None and nullable and key in obj:
        return None
    _need(isinstance(value, str) and len(value) <= max_length, _header("bmember.missing_or_invalid", member=where + key))
    if pattern is not None:
        _need(bool(pattern.fullmatch(value)), _header("bmember.malformed", member=where + key))
    return value


def _int(obj: Mapping[str, Any], key: str, where: str, low: int = 0, high: int = (1 << 63) - 1) -> int:
    value = obj.get(key)
    _need(type(value) is int and low <= value <= high, _header("bmember.missing_or_invalid", member=where + key))
    return value


HEADER_MEMBERS = {"type", "format_version", "bundle_id", "establishment", "signer_key_id", "sequence",
                  "previous_hash", "created_at", "recipients", "payload"}
RECIPIENT_MEMBERS = {"ministry", "key_id", "kem", "kdf", "aead", "enc"}
PAYLOAD_MEMBERS_V2 = {"compression", "aead", "segments", "length", "plain_length", "sha256", "key_commitment"}


def _validate_header(header: Any, version: int, limits: Limits, size: int) -> None:
    _need(isinstance(header, dict), _header("bheader.object"))
    _need(header.get("type") == BUNDLE_TYPE, _header("bheader.not_bundle"))
    _need(header.get("format_version") == version and type(header.get("format_version")) is int,
          _header("bheader.version"))
    if version >= 2:
        _need(set(header) == HEADER_MEMBERS, _header("bheader.members"))
    bundle_id = _str(header, "bundle_id", "")
    try:
        _need(str(uuid.UUID(bundle_id)) == bundle_id, _header("bheader.uuid_canonical"))
    except ValueError as exc:
        raise BundleMalformed(Message("bundle.in_header", detail=Message("bheader.uuid"))) from exc
    _str(header, "establishment", "", CODE)
    _str(header, "signer_key_id", "", HEX64)
    sequence = _int(header, "sequence", "", 1, SEQUENCE_MAX if version >= 2 else (1 << 63) - 1)
    previous = _str(header, "previous_hash", "", HEX64, nullable=True)
    if version >= 2:
        _need((previous is None) == (sequence == 1),
              _header("bheader.previous"))
        _str(header, "created_at", "", TIMESTAMP)
    else:
        _str(header, "created_at", "")
    recipients = header.get("recipients")
    _need(isinstance(recipients, list) and 1 <= len(recipients) <= limits.max_recipients,
          _header("bheader.recipients", limit=limits.max_recipients))
    seen = set()
    for i, r in enumerate(recipients):
        where = f"recipients[{i}]."
        _need(isinstance(r, dict), _header("bmember.invalid", member=f"recipients[{i}]"))
        if version >= 2:
            _need(set(r) == RECIPIENT_MEMBERS, _header("bheader.recipient_members", member=f"recipients[{i}]"))
        _str(r, "ministry", where, CODE)
        seen.add(_str(r, "key_id", where, HEX64))
        _need(r.get("kem") in KEMS, _header("bmember.unknown", member=f"{where}kem"))
        _need(r.get("kdf") == KDF_NAME and r.get("aead") == AEAD_NAME,
              _header("bmember.unknown_plural", member=f"{where}kdf/aead"))
        _str(r, "enc", where, max_length=8192)
    _need(len(seen) == len(recipients), _header("bheader.duplicate_recipient"))
    payload = header.get("payload")
    _need(isinstance(payload, dict), _header("bheader.payload_missing"))
    _need(payload.get("compression") == COMPRESSION and payload.get("aead") == AEAD_NAME,
          _header("bheader.payload_algorithms"))
    _str(payload, "sha256", "payload.", HEX64)
    if version == 1:
        plain = bundle_v1.check_payload_header(payload, _need, _int, limits)
    else:
        _need(set(payload) == PAYLOAD_MEMBERS_V2, _header("bheader.payload_members"))
        length = _int(payload, "length", "payload.", 0, limits.max_file)
        segments = _int(payload, "segments", "payload.", 2, max(2, limits.max_file // (SEG_LEN.size + 17)))
        _need(segments * (SEG_LEN.size + 17) <= length <= segments * (SEG_LEN.size + SEGMENT_MAX),
              _header("bheader.payload_length"))
        plain = _int(payload, "plain_length", "payload.", 2, segments * SEGMENT_PLAIN_MAX)
        _str(payload, "key_commitment", "payload.", HEX64)
    if plain > limits.max_plain:
        raise DecompressionBudgetExceeded(Message("bundle.plain_budget", size=plain, limit=limits.max_plain))


def parse_envelope(source: bytes | str | os.PathLike[str] | Source, limits: Limits = DEFAULT_LIMITS) -> Envelope:
    """Layout, sizes and header syntax; nothing is verified or decrypted yet."""
    src = source if isinstance(source, Source) else Source(source)
    if src.size > limits.max_file:
        raise BundleTooLarge(Message("bundle.too_large", size=src.size, limit=limits.max_file))
    with src.open() as handle:
        preamble = handle.read(PREAMBLE.size)
        if preamble[:8] != MAGIC:
            raise BundleMalformed(Message("bundle.not_a_bundle"))
        _need(len(preamble) == PREAMBLE.size, Message("bundle.truncated", part=HEADER_PART))  # a bundle, cut short
        _magic, version, header_len = PREAMBLE.unpack(preamble)
        if version not in SUPPORTED_VERSIONS:
            newer = version > max(SUPPORTED_VERSIONS)
            raise UnsupportedVersion(Message("bundle.newer" if newer else "bundle.unknown_version", version=version))
        if header_len > limits.max_header:
            raise BundleTooLarge(Message("bundle.header_too_large", size=header_len, limit=limits.max_header))
        _need(src.size >= PREAMBLE.size + header_len + SIG_LEN.size, Message("bundle.truncated", part=HEADER_PART))
        header_bytes = src.read(handle, header_len, HEADER_PART)
        header = loads_strict(header_bytes, HEADER_PART, BundleMalformed)
        _validate_header(header, version, limits, src.size)
        (sig_len,) = SIG_LEN.unpack(src.read(handle, SIG_LEN.size, SIGNATURES_PART))
        if sig_len > limits.max_signatures:
            raise BundleTooLarge(Message("bundle.signatures_too_large", size=sig_len))
        if version >= 2:
            _need(sig_len == SIG_BLOCK_V2, Message("bundle.signatures_size", size=sig_len, expected=SIG_BLOCK_V2))
        block = src.read(handle, sig_len, SIGNATURES_PART)
        signatures = _parse_signatures(block, version)
    offset = PREAMBLE.size + header_len + SIG_LEN.size + sig_len
    return Envelope(version, header, preamble + header_bytes, signatures, offset, src.size - offset, src)


def peek(source: bytes | str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Head:
    """The signed header's facts and the bundle's identity, without keys and without decrypting. Not
    verified: use it to sort and recognise files, never to trust them."""
    envelope = parse_envelope(source, limits)
    h = envelope.header
    return Head(envelope.version, h["bundle_id"], h["establishment"], h["signer_key_id"], h["sequence"],
                h["previous_hash"], h["created_at"], tuple(r["ministry"] for r in h["recipients"]),
                envelope.bundle_hash, envelope.source.size)


def _parse_signatures(block: bytes, version: int) -> dict[str, bytes]:
    _need(len(block) >= 1, Message("bsig.empty"))
    count, pos, out = block[0], 1, {}
    by_tag = {tag: alg for alg, tag in SIG_TAGS.items()}
    if version >= 2:
        _need(count == 2, _signatures("bsig.two"))
    for index in range(count):
        _need(len(block) >= pos + 3, Message("bsig.truncated"))
        tag, (length,) = block[pos], struct.unpack_from(">H", block, pos + 1)
        pos += 3
        _need(len(block) >= pos + length, Message("bsig.truncated"))
        alg = by_tag.get(tag)
        _need(alg is not None and alg not in out, _signatures("bsig.algorithm", tag=tag))
        if version >= 2:
            _need(tag == index + 1, _signatures("bsig.order"))
        _need(length == SIGNATURE_SIZES[alg], _signatures("bsig.length", length=length, alg=alg))
        out[alg] = block[pos:pos + length]
        pos += length
    _need(pos == len(block), _signatures("bsig.extra"))
    return out


def verify_envelope(envelope: Envelope, signer: PublicKeys) -> None:
    """The establishment's two signatures over the header, then the payload's length and hash (read a
    piece at a time)."""
    header = envelope.header
    if signer.key_id_hex != header["signer_key_id"] or signer.code != header["establishment"]:
        raise SignatureInvalid(Message("bundle.other_signer", declared=header["signer_key_id"][:16], code=signer.code,
                                       enrolled=signer.key_id_hex[:16], fingerprint=signer.fingerprint))
    domain = SIGN_DOMAIN if envelope.version == 2 else bundle_v1.SIGN_DOMAIN
    signer.verify(domain, envelope.signed, envelope.signatures, SignatureInvalid,
                  Message("bundle.what", code=header["establishment"], sequence=header["sequence"]))
    payload = header["payload"]
    if envelope.payload_size != payload["length"]:
        raise BundleMalformed(Message("bundle.length", size=envelope.payload_size, announced=payload["length"]))
    with envelope.source.open() as handle:
        handle.seek(envelope.payload_offset)
        digest = _sha256_of(handle, envelope.payload_size)
    if digest != payload["sha256"]:
        raise PayloadTampered(Message("bundle.tampered"))


class OpenedBundle:
    """A verified bundle addressed to us: ``header``, ``manifest`` (checked), ``bundle_hash``, ``signer``.
    The records come from ``batches()`` (streamed, checked as they come: a problem raises a ``BundleError``
    mid-way, so apply them inside a transaction) or, for small uses, ``tables`` / ``records`` (read whole)."""

    def __init__(self, envelope: Envelope, manifest: dict[str, Any], signer: PublicKeys,
                 batches: Callable[[], Iterator[tuple[str, str, list[str], list[list[Any]]]]],
                 columns: dict[str, list[str]], dropped: dict[str, list[str]]) -> None:
        self.envelope = envelope
        self.header = envelope.header
        self.manifest = manifest
        self.signer = signer
        self.columns = columns
        self.dropped = dropped
        """Per form, the columns of a version-1 bundle dropped on arrival (withheld or sent in clear)."""
        self._batches = batches
        self._consumed = False
        self._tables: dict[str, FormRecords] | None = None
        self.bundle_hash = envelope.bundle_hash

    @property
    def version(self) -> int:
        return self.envelope.version

    @property
    def file_hash(self) -> str:  # the name used before format 2; the bundle's identity either way
        return self.bundle_hash

    @property
    def establishment(self) -> str:
        return str(self.header["establishment"])

    @property
    def sequence(self) -> int:
        return int(self.header["sequence"])

    @property
    def previous_hash(self) -> str | None:
        return self.header["previous_hash"]

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Records and tombstones per form (reads the records first when they were not read yet)."""
        if "counts" not in self.manifest:
            _ = self.tables
        return self.manifest["counts"]

    def batches(self) -> Iterator[tuple[str, str, list[str], list[list[Any]]]]:
        """(form, "rows" | "tombstones", columns, rows) in the bundle's order; at the end the counts are
        checked and ``manifest["counts"]`` is set. The records are read once: a second call is an error."""
        if self._consumed:
            raise RuntimeError("les enregistrements d'un lot ne se lisent qu'une fois (tables les garde)")
        self._consumed = True
        return self._batches()

    @property
    def tables(self) -> dict[str, FormRecords]:
        if self._tables is None:
            tables = {form: FormRecords(cols, [], []) for form, cols in self.columns.items()}
            for form, part, _cols, rows in self.batches():
                (tables[form].rows if part == "rows" else tables[form].tombstones).extend(rows)
            self._tables = tables
        return self._tables

    @property
    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Every record as an object: live ones with ``status`` "complete" and ``deleted`` false, then
        tombstones with ``deleted`` true."""
        out: dict[str, list[dict[str, Any]]] = {}
        for form, table in self.tables.items():
            live = [{**dict(zip(table.columns, row, strict=True)), "status": "complete", "deleted": False}
                    for row in table.rows]
            dead = [{**dict(zip(TOMBSTONE_COLUMNS, row, strict=True)), "deleted": True} for row in table.tombstones]
            out[form] = live + dead
        return out


def open_bundle(source: bytes | str | os.PathLike[str], registry: Callable[[str], PublicKeys | None],
                recipient: Identity, limits: Limits = DEFAULT_LIMITS) -> OpenedBundle:
    """Parse within limits, verify against the registry (signatures, then the payload's length and hash),
    unwrap the bundle key, check its commitment, and read and check the manifest. The records are then read
    one segment at a time by ``batches()``. Raises a ``BundleError`` subclass otherwise."""
    envelope = parse_envelope(source, limits)
    header = envelope.header
    establishment = header["establishment"]
    signer = registry(establishment)
    if signer is None:
        raise UnknownEstablishment(Message("bundle.unknown_establishment", code=establishment))
    verify_envelope(envelope, signer)
    me = recipient.public
    stanza = next((r for r in header["recipients"] if r["key_id"] == me.key_id_hex), None)
    if stanza is None or stanza["ministry"] != me.code:
        named = ", ".join(r["ministry"] for r in header["recipients"])
        raise NotARecipient(Message("bundle.not_for_us", code=me.code, recipients=named))
    bundle_id, sequence, version = header["bundle_id"], header["sequence"], envelope.version
    kem = KEM_XWING if MLKEM768 in me.keys else KEM_X25519
    if stanza["kem"] != kem:  # a downgraded (or upgraded) stanza: the HPKE suite would refuse our key anyway
        raise DecryptionFailed(Message("bundle.kem", kem=stanza["kem"], code=me.code, expected=kem))
    enc = b64d(stanza["enc"], Message("bundle.in_header", detail="enc"), BundleMalformed)
    try:
        key = _suite(stanza["kem"]).decrypt(enc, recipient.hpke_private(),
                                            info=wrap_info(bundle_id, sequence, establishment, me.key_id, version))
    except (InvalidTag, ValueError) as exc:
        raise DecryptionFailed(Message("bundle.key_does_not_open", code=me.code)) from exc
    if len(key) != 32:
        raise DecryptionFailed(Message("bundle.key_length"))
    if version == 1:
        return _open_v1(envelope, key, signer, limits)
    payload_key, commitment = derive(key, bundle_id, sequence, establishment)
    if not hmac.compare_digest(commitment.hex(), header["payload"]["key_commitment"]):
        raise DecryptionFailed(Message("bundle.commitment"))
    reader = _SegmentReader(envelope, payload_key, limits)
    manifest = loads_strict(reader.next_document(), "manifeste", ManifestMismatch)
    columns = check_manifest(manifest, header)
    changes = (manifest["changes"]["after"], manifest["changes"]["up_to"])
    checker = RowChecker(establishment, columns, changes)
    return OpenedBundle(envelope, manifest, signer, lambda: _records_v2(reader, manifest, checker, columns, limits),
                        columns, {})


class _SegmentReader:
    """Reads, authenticates and decompresses the payload's segments one at a time, in order, hashing the
    payload again as it goes (the file may change between the check and the read)."""

    def __init__(self, envelope: Envelope, key: bytes, limits: Limits) -> None:
        payload = envelope.header["payload"]
        self.envelope, self.limits = envelope, limits
        self.aead = AESGCM(key)
        h = envelope.header
        self.aad = payload_aad(h["bundle_id"], h["sequence"], h["establishment"])
        self.count, self.plain_declared = payload["segments"], payload["plain_length"]
        self.index = self.plain = 0
        self.handle = envelope.source.open()
        self.handle.seek(envelope.payload_offset)
        self.digest = hashlib.sha256()
        self.decompressor = zstandard.ZstdDecompressor(max_window_size=1 << 23)

    @property
    def done(self) -> bool:
        return self.index >= self.count

    def next_document(self) -> bytes:
        if self.done:
            raise BundleMalformed(Message("bundle.in_content", detail=Message("bseg.beyond_last")))
        raw_len = self.handle.read(SEG_LEN.size)
        _need(len(raw_len) == SEG_LEN.size, Message("bseg.truncated"))
        (length,) = SEG_LEN.unpack(raw_len)
        _need(17 <= length <= SEGMENT_MAX, Message("bundle.in_content", detail=Message("bseg.size", size=length)))
        sealed = self.handle.read(length)
        _need(len(sealed) == length, Message("bseg.truncated"))
        self.digest.update(raw_len)
        self.digest.update(sealed)
        last = self.index == self.count - 1
        try:
            compressed = self.aead.decrypt(segment_nonce(self.index, last), sealed, self.aad)
        except InvalidTag as exc:
            raise DecryptionFailed(Message("bundle.segment", index=self.index)) from exc
        self.index += 1
        if last:
            self.handle.close()
            if self.digest.hexdigest() != self.envelope.header["payload"]["sha256"]:
                raise PayloadTampered(Message("bundle.changed_while_read"))
        return self._decompress(compressed)

    def _decompress(self, compressed: bytes) -> bytes:
        """One zstd frame declaring its content size (at most ``SEGMENT_PLAIN_MAX``), nothing after it."""
        try:
            size = zstandard.get_frame_parameters(compressed).content_size
            if size == zstandard.CONTENTSIZE_UNKNOWN or size > SEGMENT_PLAIN_MAX:
                raise DecompressionBudgetExceeded(Message("bundle.in_content", detail=Message(
                    "bseg.unknown_size", limit=SEGMENT_PLAIN_MAX)))
            if self.plain + size > min(self.plain_declared, self.limits.max_plain):
                raise DecompressionBudgetExceeded(Message("bundle.larger_than_signed"))
            document = self.decompressor.decompress(compressed, max_output_size=SEGMENT_PLAIN_MAX,
                                                    allow_extra_data=False)
        except zstandard.ZstdError as exc:
            raise BundleMalformed(Message("bundle.bad_zstd")) from exc
        _need(len(document) == size, Message("bundle.in_content", detail=Message("bseg.other_size")))
        self.plain += size
        return document

    def close(self) -> None:
        self.handle.close()


def _records_v2(reader: _SegmentReader, manifest: dict[str, Any], checker: RowChecker,
                columns: dict[str, list[str]], limits: Limits) -> Iterator[tuple[str, str, list[str], list[list[Any]]]]:
    order = [(form, part) for form in columns for part in ("rows", "tombstones")]
    position = 0
    try:
        while reader.index < reader.count - 1:
            document = reader.next_document()
            try:
                segment = orjson.loads(document)
            except orjson.JSONDecodeError as exc:
                raise bad(Message("bseg.json")) from exc
            del document
            if type(segment) is not list or len(segment) != 3 or segment[0] not in ("rows", "tombstones") \
                    or not isinstance(segment[1], str):
                raise bad(Message("bseg.shape"))
            part, form, rows = segment
            where = (form, part)
            if where not in order[position:]:
                raise bad(Message("bseg.order", form=clean_text(form, 40), part=part))
            position = order.index(where)
            checker.check(form, part, rows)
            if checker.total() > limits.max_records:
                raise DecompressionBudgetExceeded(Message("bundle.too_many_records", limit=limits.max_records))
            yield form, part, columns[form], rows
        end = loads_strict(reader.next_document(), "fin du contenu", ManifestMismatch)
        if not isinstance(end, dict) or set(end) != {"type", "counts"} or end["type"] != END_TYPE:
            raise bad(Message("bseg.final"))
        if dumps(end["counts"]) != dumps(checker.counts):  # type-exact: true and 0.0 are not counts
            raise ManifestMismatch(Message("bundle.counts"))
        if reader.plain != reader.plain_declared:
            raise ManifestMismatch(Message("bundle.plain_size", size=reader.plain, expected=reader.plain_declared))
        manifest["counts"] = checker.counts
    finally:
        reader.close()


def _open_v1(envelope: Envelope, key: bytes, signer: PublicKeys, limits: Limits) -> OpenedBundle:
    """A version-1 bundle: read whole (as released), then checked with the same row checks as version 2;
    withheld fields and fields now pseudonymised (sent in clear then) are dropped on arrival."""
    from forms.definitions import FORMS
    from forms.schema import Sharing

    header = envelope.header
    aad = payload_aad(header["bundle_id"], header["sequence"], header["establishment"], 1)
    manifest, raw = bundle_v1.read_document(header, key, envelope.payload, aad, limits)
    columns: dict[str, list[str]] = {}
    dropped: dict[str, list[str]] = {}
    data: dict[str, tuple[list[list[Any]], list[list[Any]]]] = {}
    for form_key, (cols, rows, dead) in raw.items():
        form = FORMS.get(form_key)
        if form is None:
            raise bad(Message("bundle.unknown_form", form=clean_text(form_key, 40)))
        drop = [c for c in cols[len(LIVE_SYSTEM):] if form.has_field(c)
                and form.field(c).sharing is not Sharing.SENT]
        unknown = [c for c in cols[len(LIVE_SYSTEM):] if not form.has_field(c)]
        if unknown:
            raise UnsupportedVersion(Message("bundle.unknown_field", column=clean_text(unknown[0], 40), form=form_key))
        keep = [i for i, c in enumerate(cols) if c not in drop]
        columns[form_key] = [cols[i] for i in keep]
        if drop:
            dropped[form_key] = drop
            rows = [[row[i] for i in keep] for row in rows]
        data[form_key] = (rows, dead)
    changes = manifest.get("changes") or {}
    span = (changes.get("after", 0), changes.get("up_to", (1 << 63) - 1))
    span = span if all(type(v) is int for v in span) else (0, (1 << 63) - 1)
    checker = RowChecker(header["establishment"], columns, span)

    def batches() -> Iterator[tuple[str, str, list[str], list[list[Any]]]]:
        for form_key, (rows, dead) in data.items():
            for part, group in (("rows", rows), ("tombstones", dead)):
                if group:
                    checker.check(form_key, part, group)
                    yield form_key, part, columns[form_key], group

    return OpenedBundle(envelope, manifest, signer, batches, columns, dropped)
