"""Test vectors of ``docs/bundle-format.md``: every released format version stays readable; the writer
reproduces the current vector from its fixed inputs; an independent reader written from the specification
alone (standard primitives only, no ``sync.bundle``) reads it too."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import orjson
import pytest
import zstandard
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa, mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.bundle import FORMAT_VERSION, Fixed, FormRecords, open_bundle, parse_envelope, seal_bundle
from sync.keys import ED25519, MLDSA65, Identity, parse_public_document, unseal_identity
from sync.receipts import RECEIPT_DOMAIN, read_receipt

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
BUNDLE_VECTORS = sorted(VECTORS.glob("bundle-v*.json"))


def _identities(vector: dict) -> tuple[Identity, Identity]:
    ecc = Identity("establishment", "ECC", vector["manifest"]["establishment_name"],
                   {k: bytes.fromhex(v) for k, v in vector["establishment_private"].items()}, "2026-01-01T00:00:00Z")
    mic = Identity("ministry", "MIC", "Ministère de l'Industrie et du Commerce",
                   {k: bytes.fromhex(v) for k, v in vector["ministry_private"].items()}, "2026-01-01T00:00:00Z")
    return ecc, mic


def test_there_is_a_vector_for_every_format_version() -> None:
    versions = {orjson.loads(p.read_bytes())["format_version"] for p in BUNDLE_VECTORS}
    assert versions == set(range(1, FORMAT_VERSION + 1))


@pytest.mark.parametrize("path", BUNDLE_VECTORS, ids=lambda p: p.stem)
def test_every_released_version_is_still_read(path: Path) -> None:
    vector = orjson.loads(path.read_bytes())
    data = (VECTORS / vector["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == vector["file_sha256"]
    ecc, mic = _identities(vector)
    assert ecc.public.key_id_hex == vector["establishment_key_id"] and mic.public.key_id_hex == vector["ministry_key_id"]
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    assert opened.records == vector["records"]
    assert opened.manifest == vector["manifest"]
    assert opened.bundle_hash == vector.get("bundle_hash", vector["file_sha256"])


def test_the_writer_reproduces_the_current_vector() -> None:
    vector = orjson.loads((VECTORS / f"bundle-v{FORMAT_VERSION}.json").read_bytes())
    data = (VECTORS / vector["file"]).read_bytes()
    ecc, mic = _identities(vector)
    inputs = dict(vector["seal_inputs"])
    fixed = Fixed(bytes.fromhex(vector["payload_key"]), wrapped=vector["wrapped"])
    tables = {form: FormRecords(t["columns"], t["rows"], t["tombstones"]) for form, t in vector["document_records"].items()}
    again = seal_bundle(ecc, [mic.public], records=tables, fixed=fixed, **inputs)
    old, new = parse_envelope(data), parse_envelope(again)
    assert new.signed == old.signed  # preamble and header, byte for byte
    assert new.signatures[ED25519] == old.signatures[ED25519] == bytes.fromhex(vector["ed25519_signature"])
    assert new.payload == old.payload  # zstandard is pinned: same compressed bytes, same ciphertext


def test_an_independent_reader_of_version_1() -> None:
    vector = orjson.loads((VECTORS / "bundle-v1.json").read_bytes())
    data = (VECTORS / vector["file"]).read_bytes()
    priv = {k: bytes.fromhex(v) for k, v in vector["ministry_private"].items()}
    est_priv = {k: bytes.fromhex(v) for k, v in vector["establishment_private"].items()}

    # § Layout
    assert data[:8] == b"\x89KAFAAT\n"
    version, header_len = struct.unpack(">HI", data[8:14])
    assert version == 1
    header_bytes = data[14:14 + header_len]
    header = json.loads(header_bytes)
    (sig_len,) = struct.unpack(">I", data[14 + header_len:18 + header_len])
    block = data[18 + header_len:18 + header_len + sig_len]
    payload = data[18 + header_len + sig_len:]
    sigs, pos = {}, 1
    for _ in range(block[0]):
        tag, length = block[pos], struct.unpack(">H", block[pos + 1:pos + 3])[0]
        sigs[tag] = block[pos + 3:pos + 3 + length]
        pos += 3 + length

    # § Signatures: over domain || bytes [0, 14 + header length)
    signed = b"kafaat/bundle/v1\x00" + data[:14 + header_len]
    ed_pub = ed25519.Ed25519PrivateKey.from_private_bytes(est_priv["ed25519"]).public_key()
    ed_pub.verify(sigs[1], signed)
    ml_pub = mldsa.MLDSA65PrivateKey.from_seed_bytes(est_priv["ml-dsa-65"]).public_key()
    ml_pub.verify(sigs[2], signed, b"kafaat/bundle/v1")
    # § Key id of the signer
    parts = b"kafaat/key-id/v1\x00" + b"establishment\x00ECC\x00"
    for tag, raw in ((1, ed_pub.public_bytes_raw()), (2, ml_pub.public_bytes_raw())):
        parts += bytes([tag]) + struct.pack(">H", len(raw)) + raw
    assert hashlib.sha256(parts).hexdigest() == header["signer_key_id"]
    assert len(payload) == header["payload"]["length"]
    assert hashlib.sha256(payload).hexdigest() == header["payload"]["sha256"]

    # § Key wrapping (HPKE base mode, X-Wing)
    [stanza] = header["recipients"]
    assert stanza["kem"] == "MLKEM768-X25519"
    hybrid = hpke.MLKEM768X25519PrivateKey(mlkem.MLKEM768PrivateKey.from_seed_bytes(priv["ml-kem-768"]),
                                           x25519.X25519PrivateKey.from_private_bytes(priv["x25519"]))
    bundle_id = bytes.fromhex(header["bundle_id"].replace("-", ""))
    info = (b"kafaat/bundle/v1/key\x00" + bundle_id + struct.pack(">Q", header["sequence"]) + b"ECC\x00"
            + bytes.fromhex(stanza["key_id"]))
    assert info.hex() == vector["wrap_info"]
    suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    import base64

    key = suite.decrypt(base64.b64decode(stanza["enc"]), hybrid, info=info)
    assert key.hex() == vector["payload_key"]
    # § Payload
    aad = b"kafaat/bundle/v1/payload\x00" + bundle_id + struct.pack(">Q", header["sequence"]) + b"ECC"
    compressed = AESGCM(key).decrypt(base64.b64decode(header["payload"]["nonce"]), payload, aad)
    plain = zstandard.ZstdDecompressor().decompressobj().decompress(compressed)  # no content size in the frame
    assert len(plain) == header["payload"]["plain_length"]
    inner = json.loads(plain)
    assert inner["manifest"] == vector["manifest"] and inner["records"] == vector["document_records"]
    # § Records: columns and rows back to objects
    objects = {}
    for form, table in inner["records"].items():
        live = [dict(zip(table["columns"], row, strict=True)) | {"status": "complete", "deleted": False}
                for row in table["rows"]]
        dead = [dict(zip(table["tombstone_columns"], row, strict=True)) | {"deleted": True}
                for row in table["tombstones"]]
        objects[form] = live + dead
    assert objects == vector["records"]


def test_key_file_public_key_and_receipt_vectors() -> None:
    keyfile = orjson.loads((VECTORS / "keyfile-v1.json").read_bytes())
    identity = unseal_identity(orjson.dumps(keyfile["file"]), keyfile["passphrase"])
    assert identity.code == "ECC" and set(identity.private) == {ED25519, MLDSA65}
    mic = parse_public_document((VECTORS / "ministry-MIC.pub.json").read_bytes(), "vector", "ministry")
    ecc = parse_public_document((VECTORS / "enrollment-ECC.json").read_bytes(), "vector", "establishment")
    assert ecc.key_id == identity.public.key_id
    body, signed, sigs = read_receipt((VECTORS / "receipt-v1.json").read_bytes(), "vector")
    from sync.errors import DocumentInvalid

    mic.verify(RECEIPT_DOMAIN, signed, sigs, DocumentInvalid, "vector")
    vector = orjson.loads((VECTORS / "bundle-v1.json").read_bytes())
    assert body["bundle_hash"] == vector["file_sha256"] and body["sequence"] == 7


def test_an_independent_reader_of_version_2_written_from_the_specification() -> None:
    """Standard primitives only, each step as ``docs/bundle-format.md`` states it."""
    import base64

    from cryptography.hazmat.primitives import hashes, hmac
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    vector = orjson.loads((VECTORS / "bundle-v2.json").read_bytes())
    data = (VECTORS / vector["file"]).read_bytes()
    priv = {k: bytes.fromhex(v) for k, v in vector["ministry_private"].items()}
    est_priv = {k: bytes.fromhex(v) for k, v in vector["establishment_private"].items()}
    # § 2 Layout
    assert data[:8] == b"\x89KAFAAT\n"
    version, header_len = struct.unpack(">HI", data[8:14])
    assert version == 2
    signed_part = data[:14 + header_len]
    header = json.loads(data[14:14 + header_len])
    (sig_len,) = struct.unpack(">I", data[14 + header_len:18 + header_len])
    assert sig_len == 3380
    block = data[18 + header_len:18 + header_len + sig_len]
    assert block[0] == 2 and block[1] == 1 and struct.unpack(">H", block[2:4])[0] == 64 and block[68] == 2
    ed_sig, ml_sig = block[4:68], block[71:71 + 3309]
    payload = data[18 + header_len + sig_len:]
    # § 4 Bundle hash: SHA-256 of the domain and the signed part, whatever the signature block holds
    assert hashlib.sha256(b"kafaat/bundle-hash/v2\x00" + signed_part).hexdigest() == vector["bundle_hash"]
    # § 5 Signatures
    signed = b"kafaat/bundle/v2\x00" + signed_part
    ed25519.Ed25519PrivateKey.from_private_bytes(est_priv["ed25519"]).public_key().verify(ed_sig, signed)
    mldsa.MLDSA65PrivateKey.from_seed_bytes(est_priv["ml-dsa-65"]).public_key().verify(ml_sig, signed,
                                                                                         b"kafaat/bundle/v2")
    assert len(payload) == header["payload"]["length"]
    assert hashlib.sha256(payload).hexdigest() == header["payload"]["sha256"]
    # § 6 Key wrapping, derivation, commitment
    [stanza] = header["recipients"]
    hybrid = hpke.MLKEM768X25519PrivateKey(mlkem.MLKEM768PrivateKey.from_seed_bytes(priv["ml-kem-768"]),
                                           x25519.X25519PrivateKey.from_private_bytes(priv["x25519"]))
    ctx = bytes.fromhex(header["bundle_id"].replace("-", "")) + struct.pack(">Q", header["sequence"]) + b"ECC"
    info = b"kafaat/bundle/v2/key\x00" + ctx + b"\x00" + bytes.fromhex(stanza["key_id"])
    suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    key = suite.decrypt(base64.b64decode(stanza["enc"]), hybrid, info=info)
    assert key.hex() == vector["payload_key"]

    def hkdf(label: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label + ctx).derive(key)

    assert hkdf(b"kafaat/bundle/v2/key-commitment\x00").hex() == header["payload"]["key_commitment"]
    payload_key = hkdf(b"kafaat/bundle/v2/payload-key\x00")
    aad = b"kafaat/bundle/v2/payload\x00" + ctx
    # § 6 Segments
    documents, pos, count = [], 0, header["payload"]["segments"]
    for i in range(count):
        (length,) = struct.unpack(">I", payload[pos:pos + 4])
        sealed = payload[pos + 4:pos + 4 + length]
        pos += 4 + length
        nonce = i.to_bytes(11, "big") + (b"\x01" if i == count - 1 else b"\x00")
        documents.append(zstandard.ZstdDecompressor().decompress(AESGCM(payload_key).decrypt(nonce, sealed, aad)))
    assert pos == len(payload) and sum(map(len, documents)) == header["payload"]["plain_length"]
    manifest, *segments, end = (json.loads(d) for d in documents)
    assert end == {"type": "kafaat-bundle-end", "counts": vector["manifest"]["counts"]}
    assert manifest == {k: v for k, v in vector["manifest"].items() if k != "counts"}
    rows: dict = {}
    for part, form, batch in segments:
        rows.setdefault(form, {"rows": [], "tombstones": []})[part].extend(batch)
    for form, table in vector["document_records"].items():
        assert rows.get(form, {"rows": [], "tombstones": []}) == {"rows": table["rows"], "tombstones": table["tombstones"]}
        assert manifest["tables"][form]["columns"] == table["columns"]
    # § 7 Pseudonyms
    pseudo = vector["pseudonyms"]
    for code, expected in pseudo["codes"].items():
        mac = hmac.HMAC(bytes.fromhex(pseudo["programme_key"]), hashes.SHA256())
        mac.update(b"kafaat/student-pseudonym/v1\x00" + code.strip().upper().encode())
        tag = base64.b32encode(mac.finalize()[:16]).decode().rstrip("=").lower()
        assert expected == f"p{pseudo['key_version']}-{tag}"
