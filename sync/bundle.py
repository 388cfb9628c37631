"""The bundle file: writer (``seal_bundle``) and reader (``open_bundle``). Layout, algorithms and limits
are specified in ``docs/bundle-format.md``; this module is the reference implementation.

::

    magic "\\x89KAFAAT\\n" (8) | format version u16 | header length u32 | header (UTF-8 JSON)
    | signature block length u32 | signature block | payload (AES-256-GCM of the zstd-compressed JSON)

The signatures (Ed25519 and ML-DSA-65, both required) cover the magic, version, header length and header;
the header holds the SHA-256 and length of the payload, the recipients and their wrapped keys. A ministry
therefore checks who sent the bundle, to whom, and that not one byte changed, before it decrypts anything.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

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

MAGIC = b"\x89KAFAAT\n"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
PREAMBLE = struct.Struct(">8sHI")
SIG_LEN = struct.Struct(">I")
BUNDLE_TYPE = "kafaat-bundle"
MANIFEST_TYPE = "kafaat-bundle-manifest"
SIGN_DOMAIN = b"kafaat/bundle/v1\x00"
WRAP_DOMAIN = b"kafaat/bundle/v1/key\x00"
PAYLOAD_DOMAIN = b"kafaat/bundle/v1/payload\x00"
SIG_TAGS = {ED25519: 1, MLDSA65: 2}
KEM_X25519 = "DHKEM-X25519-HKDF-SHA256"
KEM_XWING = "MLKEM768-X25519"
KEMS = {KEM_X25519: hpke.KEM.X25519, KEM_XWING: hpke.KEM.MLKEM768_X25519}
KDF_NAME, AEAD_NAME, COMPRESSION = "HKDF-SHA256", "AES-256-GCM", "zstd"
ZSTD_LEVEL = 3
ZSTD_MAX_WINDOW = 1 << 27
HEX64 = re.compile(r"^[0-9a-f]{64}$")
CODE = re.compile(r"^[A-Z0-9_-]{1,20}$")
FILE_SUFFIX = ".kfb"


@dataclass(frozen=True)
class Limits:
    """What a reader accepts before it parses or decompresses anything."""

    max_file: int = 1 << 30
    max_header: int = 256 * 1024
    max_signatures: int = 16 * 1024
    max_plain: int = 1 << 30
    max_recipients: int = 16


DEFAULT_LIMITS = Limits()


@dataclass
class Fixed:
    """Test-vector hook: values normally random. Never used by the application."""

    payload_key: bytes
    nonce: bytes
    wrapped: dict[str, str] = field(default_factory=dict)
    """key id (hex) → ``enc`` member to use instead of a fresh HPKE encryption."""


LIVE_SYSTEM = ("id", "establishment", "version", "created_at", "updated_at", "change_seq")
TOMBSTONE_COLUMNS = ("id", "establishment", "version", "created_at", "updated_at", "change_seq")


@dataclass
class FormRecords:
    """One form's records in a bundle, as columns and rows (arrays): live complete records in ``rows``
    (columns ``LIVE_SYSTEM`` then the form's fields), deletions in ``tombstones``. ``rows`` and
    ``tombstones`` are each a list of rows, or (when writing) an iterator of batches, each a list of rows."""

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


@dataclass
class OpenedBundle:
    header: dict[str, Any]
    manifest: dict[str, Any]
    tables: dict[str, FormRecords]
    file_hash: str
    signer: PublicKeys

    @property
    def establishment(self) -> str:
        return str(self.header["establishment"])

    @property
    def sequence(self) -> int:
        return int(self.header["sequence"])

    @property
    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Every record as an object: live ones with ``status`` "complete" and ``deleted`` false, then
        tombstones with ``deleted`` true (convenient; consolidation may read ``tables`` directly)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for form, table in self.tables.items():
            live = [{**dict(zip(table.columns, row, strict=True)), "status": "complete", "deleted": False}
                    for row in table.rows]
            dead = [{**dict(zip(TOMBSTONE_COLUMNS, row, strict=True)), "deleted": True} for row in table.tombstones]
            out[form] = live + dead
        return out


# ---------------------------------------------------------------------------------------- bindings
def wrap_info(bundle_id: str, sequence: int, establishment: str, recipient_key_id: bytes) -> bytes:
    return (WRAP_DOMAIN + uuid.UUID(bundle_id).bytes + u64(sequence) + establishment.encode("utf-8") + b"\x00"
            + recipient_key_id)


def payload_aad(bundle_id: str, sequence: int, establishment: str) -> bytes:
    return PAYLOAD_DOMAIN + uuid.UUID(bundle_id).bytes + u64(sequence) + establishment.encode("utf-8")


def _suite(kem: str) -> hpke.Suite:
    return hpke.Suite(KEMS[kem], hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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


def _array(value: Any) -> Iterator[tuple[bytes, int]]:
    """A JSON array streamed from a list of rows or batches of rows; yields (bytes, rows in them)."""
    yield b"[", 0
    first = True
    for batch in _batches(value):
        if len(batch) == 0:
            continue
        chunk = orjson.dumps(batch)[1:-1]
        yield (chunk if first else b"," + chunk), len(batch)
        first = False
    yield b"]", 0


def _document(records: Mapping[str, FormRecords | list[dict[str, Any]]], counts: dict[str, dict[str, int]],
              manifest: Callable[[], dict[str, Any]]) -> Iterator[bytes]:
    """The payload document, streamed: ``{"records": {form: {"columns", "rows", "tombstone_columns",
    "tombstones"}, ...}, "manifest": {...}}``. The manifest comes last so that it counts what was written."""
    yield b'{"records":{'
    for index, (form, value) in enumerate(records.items()):
        table = value if isinstance(value, FormRecords) else FormRecords.from_dicts(value)
        yield (b"," if index else b"") + orjson.dumps(form) + b':{"columns":' + orjson.dumps(table.columns) + b',"rows":'
        live = dead = 0
        for chunk, n in _array(table.rows):
            live += n
            yield chunk
        yield b',"tombstone_columns":' + orjson.dumps(list(TOMBSTONE_COLUMNS)) + b',"tombstones":'
        for chunk, n in _array(table.tombstones):
            dead += n
            yield chunk
        yield b"}"
        counts.setdefault(form, {"records": live, "tombstones": dead})
    yield b'},"manifest":' + dumps(manifest()) + b"}"


def seal_bundle_stream(identity: Identity, recipients: list[PublicKeys], *, bundle_id: str, sequence: int,
                       previous_hash: str | None, created_at: str, manifest: dict[str, Any],
                       records: Mapping[str, FormRecords | list[dict[str, Any]]], fixed: Fixed | None = None
                       ) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a bundle and its manifest. ``records``: per form, a ``FormRecords`` (rows may come in
    batches, compressed as they come so that 100 000 records are never all in memory) or record objects. The manifest
    gets the members it shares with the header, and ``counts`` (unless given: tests may lie on purpose)."""
    if not recipients:
        raise ValueError("aucun destinataire")
    establishment = identity.code
    signer = identity.public
    recipient_list = [{"ministry": r.code, "key_id": r.key_id_hex} for r in recipients]
    counts: dict[str, dict[str, int]] = dict(manifest.get("counts") or {})
    final: dict[str, Any] = {}

    def complete() -> dict[str, Any]:
        final.update({**manifest, "counts": counts, "type": MANIFEST_TYPE, "format_version": FORMAT_VERSION,
                      "bundle_id": bundle_id, "establishment": establishment, "signer_key_id": signer.key_id_hex,
                      "sequence": sequence, "previous_hash": previous_hash, "created_at": created_at,
                      "recipients": recipient_list})
        return final

    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compressobj()
    parts: list[bytes] = []
    plain_length = 0
    for piece in _document(records, counts, complete):
        plain_length += len(piece)
        parts.append(compressor.compress(piece))
    parts.append(compressor.flush())
    compressed = b"".join(parts)
    del parts
    key = fixed.payload_key if fixed else AESGCM.generate_key(256)
    nonce = fixed.nonce if fixed else os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, compressed, payload_aad(bundle_id, sequence, establishment))
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
        "payload": {"compression": COMPRESSION, "aead": AEAD_NAME, "nonce": b64e(nonce),
                    "length": len(ciphertext), "plain_length": plain_length,
                    "sha256": hashlib.sha256(ciphertext).hexdigest()},
    }
    return signed_head(identity, header) + ciphertext, final


def signed_head(identity: Identity, header: dict[str, Any]) -> bytes:
    """Everything before the payload: preamble, header, and the signature block over both."""
    header_bytes = dumps(header)
    signed = PREAMBLE.pack(MAGIC, FORMAT_VERSION, len(header_bytes)) + header_bytes
    sigs = identity.sign(SIGN_DOMAIN, signed)
    block = bytes([len(sigs)]) + b"".join(
        bytes([SIG_TAGS[alg]]) + struct.pack(">H", len(sig)) + sig for alg, sig in sigs.items())
    return signed + SIG_LEN.pack(len(block)) + block


# ------------------------------------------------------------------------------------------- reader
@dataclass
class Envelope:
    """The parsed, not yet verified, outer parts of a bundle."""

    version: int
    header: dict[str, Any]
    signed: bytes
    signatures: dict[str, bytes]
    payload: bytes


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise BundleMalformed(message)


def _str(obj: Mapping[str, Any], key: str, where: str, pattern: re.Pattern[str] | None = None,
         nullable: bool = False, max_length: int = 1000) -> Any:
    value = obj.get(key)
    if value is None and nullable and key in obj:
        return None
    _need(isinstance(value, str) and len(value) <= max_length, f"en-tête : « {where}{key} » manquant ou invalide")
    if pattern is not None:
        _need(bool(pattern.fullmatch(value)), f"en-tête : « {where}{key} » mal formé")
    return value


def _int(obj: Mapping[str, Any], key: str, where: str, low: int = 0, high: int = (1 << 63) - 1) -> int:
    value = obj.get(key)
    _need(isinstance(value, int) and not isinstance(value, bool) and low <= value <= high,
          f"en-tête : « {where}{key} » manquant ou invalide")
    return value


def _validate_header(header: Any, version: int, limits: Limits) -> None:
    _need(isinstance(header, dict), "en-tête : objet JSON attendu")
    _need(header.get("type") == BUNDLE_TYPE, "en-tête : ce n'est pas un lot Kafaat")
    _need(header.get("format_version") == version, "en-tête : version différente de celle du préambule")
    bundle_id = _str(header, "bundle_id", "")
    try:
        _need(str(uuid.UUID(bundle_id)) == bundle_id, "en-tête : « bundle_id » n'est pas un UUID canonique")
    except ValueError as exc:
        raise BundleMalformed("en-tête : « bundle_id » n'est pas un UUID") from exc
    _str(header, "establishment", "", CODE)
    _str(header, "signer_key_id", "", HEX64)
    _int(header, "sequence", "", 1)
    _str(header, "previous_hash", "", HEX64, nullable=True)
    _str(header, "created_at", "")
    recipients = header.get("recipients")
    _need(isinstance(recipients, list) and 1 <= len(recipients) <= limits.max_recipients,
          f"en-tête : 1 à {limits.max_recipients} destinataires attendus")
    seen = set()
    for i, r in enumerate(recipients):
        where = f"recipients[{i}]."
        _need(isinstance(r, dict), f"en-tête : « recipients[{i}] » invalide")
        _str(r, "ministry", where, CODE)
        seen.add(_str(r, "key_id", where, HEX64))
        _need(r.get("kem") in KEMS, f"en-tête : « {where}kem » inconnu")
        _need(r.get("kdf") == KDF_NAME and r.get("aead") == AEAD_NAME, f"en-tête : « {where}kdf/aead » inconnus")
        _str(r, "enc", where, max_length=8192)
    _need(len(seen) == len(recipients), "en-tête : destinataire en double")
    payload = header.get("payload")
    _need(isinstance(payload, dict), "en-tête : « payload » manquant")
    _need(payload.get("compression") == COMPRESSION and payload.get("aead") == AEAD_NAME,
          "en-tête : compression ou chiffrement du contenu inconnus")
    b64d(payload.get("nonce"), "en-tête : payload.nonce", BundleMalformed, length=12)
    _int(payload, "length", "payload.", 16, limits.max_file)
    plain = _int(payload, "plain_length", "payload.", 0)
    _str(payload, "sha256", "payload.", HEX64)
    if plain > limits.max_plain:
        raise DecompressionBudgetExceeded(
            f"contenu déclaré de {plain} octets une fois décompressé : au-delà du budget de {limits.max_plain} octets")


def parse_envelope(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Envelope:
    """Layout, sizes and header syntax; nothing is verified or decrypted yet."""
    if len(data) > limits.max_file:
        raise BundleTooLarge(f"fichier de {len(data)} octets : au-delà de la limite de {limits.max_file} octets")
    if len(data) < PREAMBLE.size or data[:8] != MAGIC:
        raise BundleMalformed("ce fichier n'est pas un lot Kafaat (signature de format absente)")
    _magic, version, header_len = PREAMBLE.unpack_from(data)
    if version not in SUPPORTED_VERSIONS:
        newer = version > max(SUPPORTED_VERSIONS)
        raise UnsupportedVersion(
            f"lot au format {version} : " + ("créé par une version plus récente de Kafaat ; mettez l'application "
                                              "à jour" if newer else "version inconnue"))
    if header_len > limits.max_header:
        raise BundleTooLarge(f"en-tête de {header_len} octets : au-delà de la limite de {limits.max_header} octets")
    end = PREAMBLE.size + header_len
    _need(len(data) >= end + SIG_LEN.size, "fichier tronqué (en-tête incomplet)")
    header = loads_strict(data[PREAMBLE.size:end], "en-tête", BundleMalformed)
    _validate_header(header, version, limits)
    (sig_len,) = SIG_LEN.unpack_from(data, end)
    if sig_len > limits.max_signatures:
        raise BundleTooLarge(f"bloc de signatures de {sig_len} octets : au-delà de la limite")
    start = end + SIG_LEN.size
    _need(len(data) >= start + sig_len, "fichier tronqué (signatures incomplètes)")
    block = data[start:start + sig_len]
    signatures = _parse_signatures(block)
    return Envelope(version, header, data[:end], signatures, data[start + sig_len:])


def _parse_signatures(block: bytes) -> dict[str, bytes]:
    _need(len(block) >= 1, "bloc de signatures vide")
    count, pos, out = block[0], 1, {}
    by_tag = {tag: alg for alg, tag in SIG_TAGS.items()}
    for _ in range(count):
        _need(len(block) >= pos + 3, "bloc de signatures tronqué")
        tag, (length,) = block[pos], struct.unpack_from(">H", block, pos + 1)
        pos += 3
        _need(len(block) >= pos + length, "bloc de signatures tronqué")
        alg = by_tag.get(tag)
        _need(alg is not None and alg not in out, f"bloc de signatures : algorithme {tag} inconnu ou répété")
        _need(length == SIGNATURE_SIZES[alg], f"bloc de signatures : longueur {length} invalide pour {alg}")
        out[alg] = block[pos:pos + length]
        pos += length
    _need(pos == len(block), "bloc de signatures : octets en trop")
    return out


def verify_envelope(envelope: Envelope, signer: PublicKeys) -> None:
    """The establishment's two signatures over the header, then the payload's length and hash."""
    header = envelope.header
    if signer.key_id_hex != header["signer_key_id"] or signer.code != header["establishment"]:
        raise SignatureInvalid(
            f"lot déclaré signé par la clé {header['signer_key_id'][:16]}… ; la clé enregistrée pour "
            f"{signer.code} est {signer.key_id_hex[:16]}… ({signer.fingerprint})")
    signer.verify(SIGN_DOMAIN, envelope.signed, envelope.signatures, SignatureInvalid,
                  f"lot {header['establishment']} n° {header['sequence']}")
    payload = header["payload"]
    if len(envelope.payload) != payload["length"]:
        raise BundleMalformed(f"fichier tronqué ou prolongé : contenu de {len(envelope.payload)} octets, "
                              f"{payload['length']} annoncés")
    if hashlib.sha256(envelope.payload).hexdigest() != payload["sha256"]:
        raise PayloadTampered("le contenu chiffré a été modifié après la signature")


def _decompress(data: bytes, expected: int, limits: Limits) -> bytes:
    budget = min(expected, limits.max_plain)
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
                raise DecompressionBudgetExceeded(
                    f"le contenu décompressé dépasse les {budget} octets annoncés : refusé")
    except zstandard.ZstdError as exc:
        raise BundleMalformed(f"contenu compressé invalide ({exc})") from exc
    if len(out) != expected:
        raise ManifestMismatch(f"contenu décompressé de {len(out)} octets au lieu des {expected} annoncés")
    return bytes(out)


def open_bundle(data: bytes, registry: Callable[[str], PublicKeys | None], recipient: Identity,
                limits: Limits = DEFAULT_LIMITS) -> OpenedBundle:
    """Parse within limits, verify against the registry, unwrap, decrypt, decompress within budget, and
    check the inner manifest against the outer header. Raises a ``BundleError`` subclass otherwise."""
    envelope = parse_envelope(data, limits)
    header = envelope.header
    establishment = header["establishment"]
    signer = registry(establishment)
    if signer is None:
        raise UnknownEstablishment(f"l'établissement {establishment} n'est pas enregistré : "
                                   "enregistrez d'abord sa demande (« kafaat ministry enroll »)")
    verify_envelope(envelope, signer)
    me = recipient.public
    stanza = next((r for r in header["recipients"] if r["key_id"] == me.key_id_hex), None)
    if stanza is None or stanza["ministry"] != me.code:
        named = ", ".join(r["ministry"] for r in header["recipients"])
        raise NotARecipient(f"ce lot n'est pas adressé à {me.code} (destinataires : {named})")
    bundle_id, sequence = header["bundle_id"], header["sequence"]
    kem = KEM_XWING if MLKEM768 in me.keys else KEM_X25519
    if stanza["kem"] != kem:  # the HPKE suite would refuse our key with a TypeError
        raise DecryptionFailed(f"la clé du lot est enveloppée avec {stanza['kem']}, la clé de {me.code} attend {kem}")
    enc = b64d(stanza["enc"], "en-tête : enc", BundleMalformed)
    try:
        key = _suite(stanza["kem"]).decrypt(enc, recipient.hpke_private(),
                                            info=wrap_info(bundle_id, sequence, establishment, me.key_id))
    except (InvalidTag, ValueError) as exc:
        raise DecryptionFailed(f"la clé du lot ne s'ouvre pas avec la clé de {me.code}") from exc
    if len(key) != 32:
        raise DecryptionFailed("clé du lot de longueur invalide")
    payload = header["payload"]
    nonce = b64d(payload["nonce"], "nonce", BundleMalformed, length=12)
    try:
        compressed = AESGCM(key).decrypt(nonce, envelope.payload, payload_aad(bundle_id, sequence, establishment))
    except InvalidTag as exc:
        raise DecryptionFailed("le contenu ne se déchiffre pas (clé ou données altérées)") from exc
    plain = _decompress(compressed, payload["plain_length"], limits)
    try:
        inner = orjson.loads(plain)
    except orjson.JSONDecodeError as exc:
        raise BundleMalformed("contenu déchiffré : JSON invalide") from exc
    manifest, tables = _check_inner(inner, header)
    return OpenedBundle(header, manifest, tables, file_hash(data), signer)


def _check_inner(inner: Any, header: dict[str, Any]) -> tuple[dict[str, Any], dict[str, FormRecords]]:
    if not isinstance(inner, dict) or not isinstance(inner.get("manifest"), dict) \
            or not isinstance(inner.get("records"), dict):
        raise ManifestMismatch("contenu déchiffré : « manifest » et « records » attendus")
    manifest, records = inner["manifest"], inner["records"]
    if manifest.get("type") != MANIFEST_TYPE:
        raise ManifestMismatch("contenu déchiffré : manifeste absent")
    for key in ("format_version", "bundle_id", "establishment", "signer_key_id", "sequence", "previous_hash",
                "created_at"):
        if manifest.get(key) != header[key]:
            raise ManifestMismatch(f"le manifeste chiffré contredit l'en-tête signé ({key})")
    named = [{"ministry": r["ministry"], "key_id": r["key_id"]} for r in header["recipients"]]
    if manifest.get("recipients") != named:
        raise ManifestMismatch("le manifeste chiffré contredit l'en-tête signé (destinataires)")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or set(counts) != set(records):
        raise ManifestMismatch("le manifeste ne compte pas les mêmes formulaires que le contenu")
    establishment = header["establishment"]
    tables: dict[str, FormRecords] = {}
    for form, table in records.items():
        if not isinstance(table, dict) or not isinstance(counts[form], dict):
            raise ManifestMismatch(f"contenu : « {form} » invalide")
        columns, rows = table.get("columns"), table.get("rows")
        dead_columns, dead = table.get("tombstone_columns"), table.get("tombstones")
        if not isinstance(columns, list) or columns[:len(LIVE_SYSTEM)] != list(LIVE_SYSTEM) \
                or not all(isinstance(c, str) for c in columns) or len(set(columns)) != len(columns) \
                or dead_columns != list(TOMBSTONE_COLUMNS) or not isinstance(rows, list) or not isinstance(dead, list):
            raise ManifestMismatch(f"contenu : colonnes de « {form} » invalides")
        for width, group in ((len(columns), rows), (len(TOMBSTONE_COLUMNS), dead)):
            for row in group:
                if not isinstance(row, list) or len(row) != width or not isinstance(row[0], str) \
                        or row[1] != establishment:
                    raise ManifestMismatch(f"contenu : un enregistrement de « {form} » est invalide ou d'un autre "
                                           "établissement")
        if counts[form].get("records") != len(rows) or counts[form].get("tombstones") != len(dead):
            raise ManifestMismatch(f"le manifeste annonce d'autres nombres que le contenu pour « {form} »")
        tables[form] = FormRecords(columns, rows, dead)
    return manifest, tables
