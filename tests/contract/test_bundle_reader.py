"""An independent reader of a real bundle, written from ``docs/bundle-format.md`` alone (with ``cryptography``
and ``zstandard``): it decodes the bundle the ``kafaat`` command wrote, with the ministry's private key file
opened as § 4 describes, and checks every member the document names against what the commands print."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
import struct
from pathlib import Path

import pytest
import zstandard
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa, mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from tests.contract.conftest import PASSPHRASE, Pair, ok

MAGIC = b"\x89KAFAAT\n"
HEX64 = re.compile(r"^[0-9a-f]{64}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
RECORD_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
CODE = re.compile(r"^[A-Z0-9_-]{1,20}\Z")
SYSTEM = ["id", "establishment", "version", "created_at", "updated_at", "change_seq"]
FORM_ORDER = ["offering", "cohort", "internship", "rd_project", "ce_session"]
ALGORITHMS = {"ed25519": 1, "ml-dsa-65": 2, "x25519": 3, "ml-kem-768": 4}


def strict_json(data: bytes):
    def no_duplicates(pairs):
        names = [name for name, _ in pairs]
        assert len(names) == len(set(names)), f"duplicate member in {names}"
        return dict(pairs)

    assert not data.startswith(b"\xef\xbb\xbf")
    return json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)


def b64(text: str) -> bytes:
    raw = base64.b64decode(text, validate=True)
    assert base64.b64encode(raw).decode() == text, "non-canonical base64"
    return raw


def is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def hkdf(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def key_id(role: str, code: str, keys: dict[str, bytes]) -> str:
    h = hashlib.sha256(b"kafaat/key-id/v1\x00" + role.encode() + b"\x00" + code.encode() + b"\x00")
    for alg, tag in ALGORITHMS.items():
        if alg in keys:
            h.update(bytes([tag]) + struct.pack(">H", len(keys[alg])) + keys[alg])
    return h.hexdigest()


def fingerprint(kid: str) -> str:
    raw = bytes.fromhex(kid)
    return " ".join(f"{int.from_bytes(raw[5 * i:5 * i + 5], 'big') % 100_000:05d}" for i in range(6))


def signed_document(path: Path, doc_type: str, domain: bytes, keys: dict[str, bytes] | None = None) -> dict:
    """A signed document (§ 4): exact members, both signatures over domain || the signed string's bytes."""
    raw = path.read_bytes()
    assert len(raw) <= 65_536
    doc = strict_json(raw)
    assert set(doc) == {"type", "version", "signed", "signatures"} and doc["type"] == doc_type
    assert doc["version"] == 1 and set(doc["signatures"]) == {"ed25519", "ml-dsa-65"}
    signed = doc["signed"].encode("utf-8")
    content = strict_json(signed)
    if keys is None:  # self-signed: the keys it carries
        keys = {alg: b64(value) for alg, value in content["keys"].items()}
    ed = b64(doc["signatures"]["ed25519"])
    ml = b64(doc["signatures"]["ml-dsa-65"])
    assert len(ed) == 64 and len(ml) == 3309
    ed25519.Ed25519PublicKey.from_public_bytes(keys["ed25519"]).verify(ed, domain + signed)
    mldsa.MLDSA65PublicKey.from_public_bytes(keys["ml-dsa-65"]).verify(ml, domain + signed, domain.rstrip(b"\x00"))
    return content


def public_key_file(path: Path, role: str) -> tuple[dict, dict[str, bytes]]:
    content = signed_document(path, "kafaat-public-key", b"kafaat/public-key/v1\x00")
    assert set(content) == {"role", "code", "name", "created_at", "keys"}
    assert content["role"] == role and CODE.match(content["code"]) and TIMESTAMP.match(content["created_at"])
    assert 1 <= len(content["name"]) <= 200
    keys = {alg: b64(value) for alg, value in content["keys"].items()}
    sizes = {"ed25519": 32, "ml-dsa-65": 1952, "x25519": 32, "ml-kem-768": 1184}
    assert {alg: len(k) for alg, k in keys.items()} == {alg: sizes[alg] for alg in keys}
    expected = {"ed25519", "ml-dsa-65"} if role == "establishment" else {"ed25519", "ml-dsa-65", "x25519"}
    assert expected <= set(keys) <= expected | {"ml-kem-768"}
    return content, keys


def private_key_file(path: Path) -> tuple[dict, dict[str, bytes]]:
    """§ 4's private key file, opened with the passphrase: scrypt, then AES-256-GCM with the stated AAD."""
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    doc = strict_json(path.read_bytes())
    assert doc["type"] == "kafaat-private-key" and doc["version"] == 1
    kdf = doc["kdf"]
    assert kdf["name"] == "scrypt" and (kdf["log2_n"], kdf["r"], kdf["p"]) == (17, 8, 1)
    salt = b64(kdf["salt"])
    assert len(salt) == 16
    key = Scrypt(salt=salt, length=32, n=2 ** kdf["log2_n"], r=kdf["r"], p=kdf["p"]).derive(PASSPHRASE.encode())
    rest = {name: value for name, value in doc.items() if name != "ciphertext"}
    aad = b"kafaat/private-key/v1\x00" + json.dumps(rest, sort_keys=True, separators=(",", ":"),
                                                       ensure_ascii=False).encode("utf-8")
    assert doc["aead"]["name"] == "AES-256-GCM"
    plain = AESGCM(key).decrypt(b64(doc["aead"]["nonce"]), b64(doc["ciphertext"]), aad)
    return doc, {alg: b64(value) for alg, value in strict_json(plain).items()}


def read_bundle(data: bytes, ministry_code: str, ministry_kid: str, private: dict[str, bytes],
                establishment_keys: dict[str, bytes]) -> dict:
    """§§ 2–8, in the document's order. Returns everything a test compares."""
    assert data[:8] == MAGIC
    (version,) = struct.unpack(">H", data[8:10])
    assert version == 2
    (h,) = struct.unpack(">I", data[10:14])
    assert 1 <= h <= 262_144
    signed_part = data[:14 + h]
    header = strict_json(data[14:14 + h])
    assert set(header) == {"type", "format_version", "bundle_id", "establishment", "signer_key_id", "sequence",
                           "previous_hash", "created_at", "recipients", "payload"}
    assert header["type"] == "kafaat-bundle" and header["format_version"] == 2
    assert UUID.match(header["bundle_id"]) and CODE.match(header["establishment"])
    assert HEX64.match(header["signer_key_id"]) and TIMESTAMP.match(header["created_at"])
    seq = header["sequence"]
    assert is_integer(seq) and 1 <= seq <= 2_147_483_647
    assert (header["previous_hash"] is None) == (seq == 1)
    assert header["previous_hash"] is None or HEX64.match(header["previous_hash"])
    recipients = header["recipients"]
    assert 1 <= len(recipients) <= 16 and len({r["key_id"] for r in recipients}) == len(recipients)
    for r in recipients:
        assert set(r) == {"ministry", "key_id", "kem", "kdf", "aead", "enc"}
        assert r["kem"] in ("MLKEM768-X25519", "DHKEM-X25519-HKDF-SHA256")
        assert (r["kdf"], r["aead"]) == ("HKDF-SHA256", "AES-256-GCM") and len(r["enc"]) <= 8192
    payload = header["payload"]
    assert set(payload) == {"compression", "aead", "segments", "length", "plain_length", "sha256", "key_commitment"}
    n, p = payload["segments"], payload["length"]
    assert (payload["compression"], payload["aead"]) == ("zstd", "AES-256-GCM") and n >= 2
    assert n * 21 <= p <= n * (4 + 1_052_688) and 2 <= payload["plain_length"] <= n * 1_048_576

    # § 5: the signature block, fixed layout, both signatures over the signed part.
    (s,) = struct.unpack(">I", data[14 + h:18 + h])
    assert s == 3380
    block = data[18 + h:18 + h + s]
    assert block[:4] == b"\x02\x01\x00\x40" and block[68:71] == b"\x02\x0c\xed" and len(block) == 3380
    message = b"kafaat/bundle/v2\x00" + signed_part
    assert key_id("establishment", header["establishment"], establishment_keys) == header["signer_key_id"]
    ed25519.Ed25519PublicKey.from_public_bytes(establishment_keys["ed25519"]).verify(block[4:68], message)
    mldsa.MLDSA65PublicKey.from_public_bytes(establishment_keys["ml-dsa-65"]).verify(
        block[71:], message, b"kafaat/bundle/v2")

    # § 2/§ 6: the payload follows, exactly.
    body = data[18 + h + s:]
    assert len(body) == p and hashlib.sha256(body).hexdigest() == payload["sha256"]

    # § 6: the bundle key, for this ministry, and its commitment.
    (mine,) = [r for r in recipients if r["key_id"] == ministry_kid and r["ministry"] == ministry_code]
    ctx = uuid_bytes(header["bundle_id"]) + struct.pack(">Q", seq) + header["establishment"].encode()
    info = b"kafaat/bundle/v2/key\x00" + ctx + b"\x00" + bytes.fromhex(ministry_kid)
    enc = b64(mine["enc"])
    if mine["kem"] == "MLKEM768-X25519":
        assert len(enc) == 1168
        suite = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
        sk = hpke.MLKEM768X25519PrivateKey(mlkem.MLKEM768PrivateKey.from_seed_bytes(private["ml-kem-768"]),
                                           x25519.X25519PrivateKey.from_private_bytes(private["x25519"]))
    else:
        assert len(enc) == 80
        suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
        sk = x25519.X25519PrivateKey.from_private_bytes(private["x25519"])
    bundle_key = suite.decrypt(enc, sk, info=info)
    assert len(bundle_key) == 32
    assert hkdf(bundle_key, b"kafaat/bundle/v2/key-commitment\x00" + ctx).hex() == payload["key_commitment"]
    aead = AESGCM(hkdf(bundle_key, b"kafaat/bundle/v2/payload-key\x00" + ctx))
    aad = b"kafaat/bundle/v2/payload\x00" + ctx

    documents, offset, plain_total = [], 0, 0
    for i in range(n):
        (length,) = struct.unpack(">I", body[offset:offset + 4])
        assert 17 <= length <= 1_052_688
        nonce = i.to_bytes(11, "big") + (b"\x01" if i == n - 1 else b"\x00")
        frame = aead.decrypt(nonce, body[offset + 4:offset + 4 + length], aad)
        offset += 4 + length
        params = zstandard.get_frame_parameters(frame)
        assert 0 < params.content_size <= 1_048_576, "each frame declares its content size"
        plain = zstandard.ZstdDecompressor().decompress(frame)
        assert len(plain) == params.content_size
        plain_total += len(plain)
        documents.append(strict_json(plain))
    assert offset == p and plain_total == payload["plain_length"]
    bundle_hash = hashlib.sha256(b"kafaat/bundle-hash/v2\x00" + signed_part).hexdigest()
    return {"header": header, "manifest": documents[0], "batches": documents[1:-1], "end": documents[-1],
            "bundle_hash": bundle_hash, "bundle_key": bundle_key}


def uuid_bytes(text: str) -> bytes:
    return bytes.fromhex(text.replace("-", ""))


def check_document(read: dict, forms: dict) -> dict[str, dict[str, dict]]:
    """§ 6's manifest, batches and end, checked member by member; the records as objects per form."""
    header, manifest = read["header"], read["manifest"]
    assert set(manifest) == {"type", "format_version", "bundle_id", "establishment", "signer_key_id", "sequence",
                             "previous_hash", "created_at", "recipients", "establishment_name", "period",
                             "changes", "full", "drafts_left_out", "tables", "withheld", "pseudonym_key",
                             "schema_version", "application_version"}
    assert manifest["type"] == "kafaat-bundle-manifest"
    for name in ("format_version", "bundle_id", "establishment", "signer_key_id", "sequence", "previous_hash",
                 "created_at"):
        assert manifest[name] == header[name] and type(manifest[name]) is type(header[name])
    assert manifest["recipients"] == [{"ministry": r["ministry"], "key_id": r["key_id"]} for r in header["recipients"]]
    assert manifest["period"]["to"] == header["created_at"]
    changes = manifest["changes"]
    assert is_integer(changes["after"]) and changes["after"] >= 0 and changes["up_to"] >= changes["after"]
    assert isinstance(manifest["full"], bool) and 1 <= len(manifest["schema_version"]) <= 40
    tables = manifest["tables"]
    assert set(manifest["drafts_left_out"]) == set(tables) == set(manifest["withheld"])
    for form, table in tables.items():
        declared = [f["key"] for f in forms[form]["fields"]]
        withheld = [f["key"] for f in forms[form]["fields"] if f["sharing"] == "withheld"]
        assert manifest["withheld"][form] == withheld, "the withheld fields, in declaration order"
        assert table["columns"][:6] == SYSTEM and table["tombstone_columns"] == SYSTEM
        rest = table["columns"][6:]
        assert len(rest) == len(set(rest)) and set(rest) <= set(declared) and not set(rest) & set(withheld)

    records: dict[str, dict[str, dict]] = {form: {} for form in tables}
    counts = {form: {"records": 0, "tombstones": 0} for form in tables}
    order = []
    for batch in read["batches"]:
        part, form, rows = batch
        assert part in ("rows", "tombstones") and form in tables and rows
        order.append((FORM_ORDER.index(form), part == "tombstones"))
        columns = tables[form]["columns" if part == "rows" else "tombstone_columns"]
        seqs = []
        for row in rows:
            assert len(row) == len(columns)
            record = dict(zip(columns, row, strict=True))
            assert UUID.match(record["id"]) and record["id"] not in records[form]
            assert record["establishment"] == header["establishment"]
            assert is_integer(record["version"]) and record["version"] >= 1
            assert RECORD_TIMESTAMP.match(record["created_at"]) and RECORD_TIMESTAMP.match(record["updated_at"])
            assert changes["after"] < record["change_seq"] <= changes["up_to"]
            seqs.append(record["change_seq"])
            records[form][record["id"]] = record | {"deleted": part == "tombstones"}
            counts[form]["tombstones" if part == "tombstones" else "records"] += 1
        assert seqs == sorted(set(seqs)), "change order, strictly increasing"
    assert order == sorted(order), "forms in declaration order, rows before tombstones"
    assert read["end"] == {"type": "kafaat-bundle-end", "counts": counts}
    return records


def test_an_independent_reader_decodes_a_real_bundle(pair: Pair) -> None:
    forms = {f["key"]: f for f in ok("forms", "--json").json()["forms"]}
    ministry_pub, ministry_keys = public_key_file(pair.root / "ministry.pub.json", "ministry")
    assert ministry_pub["code"] == "MIC"
    mic_kid = key_id("ministry", "MIC", ministry_keys)
    request, est_keys = public_key_file(pair.root / "request.json", "establishment")
    ecc_kid = key_id("establishment", "ECC", est_keys)

    # Key ids and spoken fingerprints as the commands show them (§ 4).
    shown = ok("keys", "show", data=pair.est).out
    assert ecc_kid in shown and fingerprint(ecc_kid) in shown
    enrolled = ok("ministry", "enrolled", "--json", data=pair.min).json()
    assert [(e["code"], e["key_id"], e["fingerprint"]) for e in enrolled] == [("ECC", ecc_kid, fingerprint(ecc_kid))]
    (trusted,) = ok("recipients", "list", "--json", data=pair.est).json()
    assert (trusted["key_id"], trusted["fingerprint"]) == (mic_kid, fingerprint(mic_kid))

    # The ministry's private key file (§ 4) opens with the passphrase and holds the keys of its public file.
    doc, private = private_key_file(pair.min / "keys" / "identity.json")
    assert {alg: b64(v) for alg, v in doc["public"].items()} == ministry_keys
    assert x25519.X25519PrivateKey.from_private_bytes(private["x25519"]).public_key().public_bytes_raw() \
        == ministry_keys["x25519"]
    assert len(private["ml-kem-768"]) == 64 and len(private["ed25519"]) == 32 and len(private["ml-dsa-65"]) == 32
    _, est_private = private_key_file(pair.est / "keys" / "identity.json")
    assert ed25519.Ed25519PrivateKey.from_private_bytes(est_private["ed25519"]).public_key().public_bytes_raw() \
        == est_keys["ed25519"]

    data = pair.bundle1.read_bytes()
    read = read_bundle(data, "MIC", mic_kid, private, est_keys)
    header, manifest = read["header"], read["manifest"]
    assert header["establishment"] == "ECC" and header["sequence"] == 1 and header["signer_key_id"] == ecc_kid
    assert [(r["ministry"], r["key_id"], r["kem"]) for r in header["recipients"]] == [("MIC", mic_kid,
                                                                                       "MLKEM768-X25519")]
    assert manifest["establishment_name"] == request["name"] and manifest["full"] is False
    assert manifest["pseudonym_key"] is None and manifest["period"]["from"] is None

    # The bundle hash (§ 4) is what every command names.
    verified = ok("ministry", "verify", pair.bundle1, "--json", data=pair.min).json()
    assert verified["bundle_hash"] == read["bundle_hash"] != hashlib.sha256(data).hexdigest()
    assert verified["manifest"]["bundle_id"] == header["bundle_id"]

    # Every live complete record of the establishment travels, with its values; withheld fields never do.
    records = check_document(read, forms)
    for form in forms:
        listed = {r["id"]: r for r in ok("records", "list", form, "--json", data=pair.est).json()}
        assert set(records[form]) == set(listed), form
        for rid, sent in records[form].items():
            for column in manifest["tables"][form]["columns"][6:]:
                expected = listed[rid][column]
                if forms[form]["fields"][[f["key"] for f in forms[form]["fields"]].index(column)]["sharing"] \
                        == "pseudonymised":
                    expected = None  # no programme key installed: sent as null, never in clear (§ 7)
                assert sent[column] == expected, (form, column)
            assert sent["version"] == listed[rid]["version"] and sent["updated_at"] == listed[rid]["updated_at"]
    assert "last_name" not in manifest["tables"]["internship"]["columns"]
    assert b"Benali" not in data and b"R130045678" not in data

    # The receipt (§ 4) names the bundle by its hash and is signed by the ministry.
    consolidated = ok("ministry", "consolidate", pair.bundle1, "--receipts", pair.root / "receipts", "--json",
                      data=pair.min).json()
    (line,) = consolidated["bundles"]
    assert line["state"] == "applied" and line["bundle_hash"] == read["bundle_hash"]
    (receipt,) = (pair.root / "receipts").glob("*.json")
    assert receipt.name == "accuse-MIC-ECC-1.json"
    body = signed_document(receipt, "kafaat-receipt", b"kafaat/receipt/v1\x00", ministry_keys)
    assert {"ministry", "ministry_key_id", "establishment", "bundle_id", "sequence", "bundle_hash", "accepted",
            "refused", "problems", "issued_at"} <= set(body) <= {
        "ministry", "ministry_key_id", "establishment", "bundle_id", "sequence", "bundle_hash", "accepted",
        "refused", "problems", "issued_at", "refused_records"}
    assert (body["ministry"], body["ministry_key_id"], body["establishment"], body["bundle_id"], body["sequence"],
            body["bundle_hash"]) == ("MIC", mic_kid, "ECC", header["bundle_id"], 1, read["bundle_hash"])
    assert sum(body["accepted"].values()) == sum(len(r) for r in records.values()) and not any(
        body["refused"].values())
    ok("receipt", "import", receipt, data=pair.est)


@pytest.mark.parametrize("version", [1, 2])
def test_the_repository_vectors_are_read_by_the_command(version: int, tmp_path: Path) -> None:
    """§ 13: the vectors in the repository are files the real reader accepts (version 1 read only)."""
    vectors = Path(__file__).resolve().parents[1] / "vectors"
    spec = json.loads((vectors / f"bundle-v{version}.json").read_text(encoding="utf-8"))
    data = (vectors / f"bundle-v{version}.kfb").read_bytes()
    assert data[:8] == MAGIC and struct.unpack(">H", data[8:10]) == (version,)
    (h,) = struct.unpack(">I", data[10:14])
    if version == 2:
        expected = hashlib.sha256(b"kafaat/bundle-hash/v2\x00" + data[:14 + h]).hexdigest()
    else:
        expected = hashlib.sha256(data).hexdigest()
    assert expected in json.dumps(spec)
