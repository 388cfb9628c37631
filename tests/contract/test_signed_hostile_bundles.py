"""Hostile bundles that are *validly signed and encrypted*: written by an independent writer from
``docs/bundle-format.md`` (§§ 2, 5, 6) with the establishment's own keys, so that only the document inside is
wrong — what a compromised or buggy establishment PC could send. Steps 7–11 of § 8 must refuse each one whole
(the real ``kafaat`` in a fresh process), name it, and change nothing (``docs/ministry-cli.md``: « A refused
bundle … changes no record, chain position or held bundle »). A record that breaks a form's rule is refused on
its own, named in the receipt; and a receipt for a bundle the establishment never wrote is refused there
(§ 14)."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import struct
from pathlib import Path

import zstandard
from cryptography.hazmat.primitives.asymmetric import ed25519, mldsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tests.contract.conftest import Pair, kafaat, ok, refused, tree_digest
from tests.contract.test_bundle_reader import (
    MAGIC,
    hkdf,
    key_id,
    private_key_file,
    public_key_file,
    read_bundle,
    uuid_bytes,
)


def frame_of(document) -> bytes:
    plain = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zstandard.ZstdCompressor(write_content_size=True).compress(plain)


def seal(read: dict, documents: list, private: dict[str, bytes], header: dict | None = None, *,
         frames: list[bytes] | None = None, bundle_key: bytes | None = None,
         reorder=None) -> bytes:
    """§§ 2, 5, 6: the documents (or ready-made zstd ``frames``) as segments under the bundle's key (another
    ``bundle_key`` keeps the header's commitment: a lie § 6 catches), the header re-signed. ``reorder`` may
    move the sealed segments about (what § 6's nonces catch)."""
    header = copy.deepcopy(header or read["header"])
    ctx = uuid_bytes(header["bundle_id"]) + struct.pack(">Q", header["sequence"]) + header["establishment"].encode()
    aead = AESGCM(hkdf(bundle_key or read["bundle_key"], b"kafaat/bundle/v2/payload-key\x00" + ctx))
    aad = b"kafaat/bundle/v2/payload\x00" + ctx
    frames = frames if frames is not None else [frame_of(document) for document in documents]
    sealed, plain_total = [], 0
    for i, frame in enumerate(frames):
        plain_total += len(zstandard.ZstdDecompressor().decompressobj().decompress(frame))
        nonce = i.to_bytes(11, "big") + (b"\x01" if i == len(frames) - 1 else b"\x00")
        sealed.append(aead.encrypt(nonce, frame, aad))
    if reorder is not None:
        sealed = reorder(sealed)
    body = b"".join(struct.pack(">I", len(segment)) + segment for segment in sealed)
    header["payload"] |= {"segments": len(sealed), "length": len(body), "plain_length": plain_total,
                          "sha256": hashlib.sha256(body).hexdigest()}
    head = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    signed = MAGIC + struct.pack(">H", 2) + struct.pack(">I", len(head)) + head
    message = b"kafaat/bundle/v2\x00" + signed
    ed = ed25519.Ed25519PrivateKey.from_private_bytes(private["ed25519"]).sign(message)
    ml = mldsa.MLDSA65PrivateKey.from_seed_bytes(private["ml-dsa-65"]).sign(message, b"kafaat/bundle/v2")
    block = b"\x02\x01\x00\x40" + ed + b"\x02\x0c\xed" + ml
    return signed + struct.pack(">I", len(block)) + block + body


def opened(pair: Pair) -> tuple[dict, dict[str, bytes]]:
    _, ministry_keys = public_key_file(pair.root / "ministry.pub.json", "ministry")
    _, ministry_private = private_key_file(pair.min / "keys" / "identity.json")
    _, est_keys = public_key_file(pair.root / "request.json", "establishment")
    _, est_private = private_key_file(pair.est / "keys" / "identity.json")
    read = read_bundle(pair.bundle1.read_bytes(), "MIC", key_id("ministry", "MIC", ministry_keys), ministry_private,
                       est_keys)
    return read, est_private


def documents_of(read: dict) -> list:
    return copy.deepcopy([read["manifest"], *read["batches"], read["end"]])


def batch(documents: list, form: str, part: str = "rows") -> list:
    (found,) = [d for d in documents[1:-1] if d[0] == part and d[1] == form]
    return found[2]


def column(documents: list, form: str, name: str) -> int:
    return documents[0]["tables"][form]["columns"].index(name)


def hostile_documents(read: dict) -> dict[str, tuple[list, dict | None]]:
    made: dict[str, tuple[list, dict | None]] = {}

    docs = documents_of(read)  # the same id twice in a form (counts agree)
    batch(docs, "offering").append(list(batch(docs, "offering")[0]))
    docs[-1]["counts"]["offering"]["records"] += 1
    made["id-en-double.kfb"] = (docs, None)

    docs = documents_of(read)  # a record of another establishment
    batch(docs, "offering")[0][column(docs, "offering", "establishment")] = "ESITH"
    made["autre-etablissement.kfb"] = (docs, None)

    docs = documents_of(read)  # the end's counts do not match the rows
    docs[-1]["counts"]["cohort"]["records"] += 1
    made["comptes-faux.kfb"] = (docs, None)

    docs = documents_of(read)  # terminal escapes in the name the manifest claims
    docs[0]["establishment_name"] = "École\x1b[2J\x1b]0;pwned\x07"
    made["nom-echappements.kfb"] = (docs, None)

    docs = documents_of(read)  # a form this reader does not know
    system = docs[0]["tables"]["offering"]["tombstone_columns"]
    docs[0]["tables"]["zz_formulaire"] = {"columns": list(system), "tombstone_columns": list(system)}
    docs[0]["drafts_left_out"]["zz_formulaire"] = 0
    docs[0]["withheld"]["zz_formulaire"] = []
    docs[-1]["counts"]["zz_formulaire"] = {"records": 0, "tombstones": 0}
    made["formulaire-inconnu.kfb"] = (docs, None)

    docs = documents_of(read)  # a column this reader does not know
    docs[0]["tables"]["offering"]["columns"].append("zz_colonne")
    for row in batch(docs, "offering"):
        row.append("x")
    made["colonne-inconnue.kfb"] = (docs, None)

    docs = documents_of(read)  # a withheld field sent all the same (§ 7)
    docs[0]["tables"]["internship"]["columns"].append("last_name")
    for row in batch(docs, "internship"):
        row.append("Benali")
    made["champ-retenu-envoye.kfb"] = (docs, None)

    docs = documents_of(read)  # records out of change order
    rows = batch(docs, "offering")
    rows.reverse()
    made["ordre-des-changements.kfb"] = (docs, None)

    docs = documents_of(read)  # « true » is not an integer
    batch(docs, "cohort")[0][column(docs, "cohort", "version")] = True
    made["version-booleenne.kfb"] = (docs, None)

    docs = documents_of(read)  # a record id that is not a UUID (could be a path)
    batch(docs, "offering")[0][column(docs, "offering", "id")] = "../../etc/passwd"
    made["id-chemin.kfb"] = (docs, None)

    header = copy.deepcopy(read["header"])  # signed, but addressed (by code) to another ministry
    header["recipients"][0]["ministry"] = "MTNRA"
    made["adresse-a-mtnra.kfb"] = (documents_of(read), header)
    return made


def test_signed_bundles_whose_document_lies_are_refused_whole(pair: Pair, tmp_path: Path) -> None:
    read, est_private = opened(pair)
    mini = pair.min
    # The writer is right: the same documents, sealed again, are a valid bundle (compression levels are not
    # normative: its hash may or may not be the original's).
    again = tmp_path / "rescelle.kfb"
    again.write_bytes(seal(read, documents_of(read), est_private))
    verified = ok("ministry", "verify", again, "--json", data=mini).json()
    assert verified["sequence"] == 1 and verified["manifest"]["bundle_id"] == read["header"]["bundle_id"]

    hostile = tmp_path / "hostile"
    hostile.mkdir()
    made = hostile_documents(read)
    for name, (docs, header) in made.items():
        (hostile / name).write_bytes(seal(read, docs, est_private, header))
    before = tree_digest(mini, journals=True)
    run = kafaat("ministry", "consolidate", hostile, "--json", data=mini)
    assert run.code == 1, run.err
    lines = {Path(b["file"]).name: b for b in run.json()["bundles"]}
    assert set(lines) == set(made)
    for name, line in lines.items():
        assert line["state"] == "refused" and line["reason"], (name, line)
        assert line["security_incident"] is False, (name, line)
    for name in ("formulaire-inconnu.kfb", "colonne-inconnue.kfb"):  # § 6: made by a newer Kafaat
        assert "jour" in lines[name]["reason"], lines[name]  # « mettez l'application à jour »
    assert "MTNRA" in lines["adresse-a-mtnra.kfb"]["reason"] or "MIC" in lines["adresse-a-mtnra.kfb"]["reason"]
    assert tree_digest(mini, journals=True) == before, "a refused bundle changes nothing"
    text = refused("ministry", "consolidate", hostile, data=mini, lang="en")
    for name in made:
        assert name in text.err, (name, text.err)
    assert "\x1b" not in text.out + text.err and "\x07" not in text.out + text.err
    assert "update" in text.err
    assert tree_digest(mini, journals=True) == before
    # The genuine bundle is applied afterwards as if nothing had happened.
    (line,) = ok("ministry", "consolidate", pair.bundle1, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["sequence"]) == ("applied", 1)


def test_a_record_that_breaks_a_rule_is_refused_alone_and_named(pair: Pair, tmp_path: Path) -> None:
    read, est_private = opened(pair)
    est, mini = pair.est, pair.min
    docs = documents_of(read)
    (cohort,) = batch(docs, "cohort")
    cohort[column(docs, "cohort", "women")] += 1  # women + men ≠ enrolled (product.md's rule)
    bad = tmp_path / "usb" / "kafaat-ECC-000001.kfb"
    bad.parent.mkdir()
    bad.write_bytes(seal(read, docs, est_private))
    cohort_id = cohort[column(docs, "cohort", "id")]
    assert cohort_id == pair.ids["cohort"]

    run = kafaat("ministry", "consolidate", bad, "--receipts", tmp_path / "accuses", "--json", data=mini, lang="en")
    assert run.code == 1, "exit 1 when a record of an applied bundle was refused"
    (line,) = run.json()["bundles"]
    assert line["state"] == "applied", line
    # The cohort is refused; the internship that links to it too (« links to that establishment's live
    # records … accepted from the same bundle »); the rest is applied.
    assert {form: n for form, n in line["refused"].items() if n} == {"cohort": 1, "internship": 1}, line
    assert run.json()["summary"]["records_refused"] == 2
    refused_ids = {(r["form"], r["id"]) for r in line["refused_records"]}
    assert refused_ids == {("cohort", cohort_id), ("internship", pair.ids["internship"])}
    assert all(r["reasons"] for r in line["refused_records"])
    national = {form: {r["id"] for r in ok("ministry", "records", form, "--json", data=mini).json()}
                for form in ("offering", "cohort", "internship", "rd_project")}
    assert national["cohort"] == set() and national["internship"] == set()
    assert pair.ids["offering"] in national["offering"] and pair.ids["rd_project"] in national["rd_project"]
    (status,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    assert status["refused_records"] == 2 and status["last_sequence"] == 1
    # The receipt names it, in French (bundle-format.md § 4, ministry-cli.md « Receipts »).
    receipt = tmp_path / "accuses" / "accuse-MIC-ECC-1.json"
    body = json.loads(json.loads(receipt.read_text(encoding="utf-8"))["signed"])
    assert body["refused"].get("cohort") == 1 and body["bundle_hash"] == line["bundle_hash"]
    assert {(r["form"], r["id"]) for r in body["refused_records"]} == refused_ids
    # Reasons stay French whatever --lang (bundle-format.md § 8), as « label : message » (ministry-cli.md).
    forms = {f["key"]: f for f in ok("forms", "--json").json()["forms"]}
    (women,) = [f["label"]["fr"] for f in forms["cohort"]["fields"] if f["key"] == "women"]
    for reasons in ([r["reasons"] for r in line["refused_records"] if r["form"] == "cohort"],
                    [r["reasons"] for r in body["refused_records"] if r["form"] == "cohort"]):
        assert any(reason.startswith(f"{women} : ") for reason in reasons[0]), reasons
    assert body["problems"] == [], "the bundle as a whole had no problem: each record's reasons are its own"
    # That receipt names a bundle this establishment never wrote (another hash than its n° 1): refused (§ 14).
    before = tree_digest(est)
    run = refused("receipt", "import", receipt, data=est)
    assert receipt.name in run.err
    assert tree_digest(est) == before


def test_a_receipt_for_many_refused_records_stays_readable(pair: Pair, tmp_path: Path) -> None:
    """§ 9: a receipt is at most 65 536 bytes — a reader refuses a larger one. A bundle of 800 cohorts that the
    ministry refuses (a rule the establishment's older version did not check, a crafted file…) made a 139 KB
    receipt that no establishment could read. The receipt stays within the limit; its ``refused`` counts stay
    exact; what it cannot detail, it says."""
    import uuid

    read, est_private = opened(pair)
    docs = documents_of(read)
    rows = batch(docs, "cohort")
    (cohort,) = rows
    change_seq, ident, women = (column(docs, "cohort", name) for name in ("change_seq", "id", "women"))
    start = docs[0]["changes"]["up_to"]
    rows.clear()
    for i in range(800):
        row = list(cohort)
        row[ident], row[change_seq], row[women] = str(uuid.uuid4()), start + 1 + i, cohort[women] + 1
        rows.append(row)
    docs[0]["changes"]["up_to"] = start + 800
    docs[-1]["counts"]["cohort"]["records"] = 800
    bad = tmp_path / "usb" / "kafaat-ECC-000001.kfb"
    bad.parent.mkdir()
    bad.write_bytes(seal(read, docs, est_private))

    run = kafaat("ministry", "consolidate", bad, "--receipts", tmp_path / "accuses", "--json", data=pair.min)
    (line,) = run.json()["bundles"]
    assert run.code == 1 and line["state"] == "applied" and line["refused"]["cohort"] == 800, line
    _, ministry_keys = public_key_file(pair.root / "ministry.pub.json", "ministry")
    receipt = tmp_path / "accuses" / "accuse-MIC-ECC-1.json"
    written_again = tmp_path / "encore.json"
    ok("ministry", "receipt", "ECC", "1", written_again, data=pair.min)
    for path in (receipt, written_again):
        assert path.stat().st_size <= 65_536, path.stat().st_size
        from tests.contract.test_bundle_reader import signed_document

        body = signed_document(path, "kafaat-receipt", b"kafaat/receipt/v1\x00", ministry_keys)
        assert body["refused"]["cohort"] == 800 and body["refused"]["internship"] == 1
        detailed = len(body["refused_records"])
        assert 0 < detailed < 801
        assert any(str(801 - detailed) in problem for problem in body["problems"]), body["problems"]
    # The establishment reads it (and refuses it only because it never wrote that bundle: not for its size).
    run = refused("receipt", "import", receipt, data=pair.est, lang="en")
    assert "65536" not in run.err and "limit" not in run.err, run.err


def test_keys_segments_and_frames_that_lie_under_a_valid_signature(pair: Pair, tmp_path: Path) -> None:
    """§ 6: the key commitment (one ciphertext must not read differently under two keys), no downgraded
    stanza, STREAM nonces (a segment moved or the last one removed), one frame per segment that declares its
    size, at most 1 MiB, nothing after it — each under a valid signature and payload hash."""
    import os as _os

    from cryptography.hazmat.primitives import hpke
    from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

    read, est_private = opened(pair)
    mini = pair.min
    _, ministry_keys = public_key_file(pair.root / "ministry.pub.json", "ministry")
    header = read["header"]
    ctx = uuid_bytes(header["bundle_id"]) + struct.pack(">Q", header["sequence"]) + header["establishment"].encode()
    info = b"kafaat/bundle/v2/key\x00" + ctx + b"\x00" + bytes.fromhex(header["recipients"][0]["key_id"])
    xwing = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    xwing_key = hpke.MLKEM768X25519PublicKey(mlkem.MLKEM768PublicKey.from_public_bytes(ministry_keys["ml-kem-768"]),
                                             x25519.X25519PublicKey.from_public_bytes(ministry_keys["x25519"]))

    def wrapped(key: bytes, *, commit: bool, suite=xwing, public=xwing_key, kem="MLKEM768-X25519") -> dict:
        new = copy.deepcopy(header)
        new["recipients"][0] |= {"enc": base64.b64encode(suite.encrypt(key, public, info=info)).decode(), "kem": kem}
        if commit:
            new["payload"]["key_commitment"] = hkdf(key, b"kafaat/bundle/v2/key-commitment\x00" + ctx).hex()
        return new

    other_key = _os.urandom(32)
    docs = documents_of(read)
    frames = [frame_of(d) for d in docs]
    # Positive control: another key, wrapped and committed as § 6 says, is a valid bundle.
    control = tmp_path / "autre-cle-engagee.kfb"
    control.write_bytes(seal(read, docs, est_private, wrapped(other_key, commit=True), bundle_key=other_key))
    assert ok("ministry", "verify", control, "--json", data=mini).json()["sequence"] == 1

    x25519_only = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    big = json.dumps(docs[1], ensure_ascii=False).encode() + b" " * (1_048_577)
    made = {
        "cle-non-engagee.kfb": seal(read, docs, est_private, wrapped(other_key, commit=False), bundle_key=other_key),
        "stanza-x25519.kfb": seal(read, docs, est_private,
                                  wrapped(read["bundle_key"], commit=False, suite=x25519_only,
                                          public=x25519.X25519PublicKey.from_public_bytes(ministry_keys["x25519"]),
                                          kem="DHKEM-X25519-HKDF-SHA256")),
        "segments-echanges.kfb": seal(read, docs, est_private,
                                      reorder=lambda s: [s[0], s[2], s[1], *s[3:]]),
        "dernier-segment-retire.kfb": seal(read, docs, est_private, reorder=lambda s: s[:-1]),
        "segment-repete.kfb": seal(read, docs, est_private, reorder=lambda s: [s[0], s[1], *s[1:]]),
        "donnees-apres-la-trame.kfb": seal(read, docs, est_private,
                                           frames=[frames[0], frames[1] + b"\x00\x00\x00\x00", *frames[2:]]),
        "deux-trames.kfb": seal(read, docs, est_private, frames=[frames[0], frames[1] + frames[1], *frames[2:]]),
        "trame-sans-taille.kfb": seal(read, docs, est_private, frames=[
            frames[0], zstandard.ZstdCompressor(write_content_size=False).compressobj().compress(
                json.dumps(docs[1]).encode()) + zstandard.ZstdCompressor(write_content_size=False).compressobj()
            .flush(), *frames[2:]]),
        "segment-de-plus-d-un-mio.kfb": seal(read, docs, est_private, frames=[
            frames[0], zstandard.ZstdCompressor(write_content_size=True).compress(big), *frames[2:]]),
    }
    inbox = tmp_path / "arrivee"
    inbox.mkdir()
    for name, content in made.items():
        (inbox / name).write_bytes(content)
    before = tree_digest(mini, journals=True)
    run = kafaat("ministry", "consolidate", inbox, "--json", data=mini, lang="en")
    assert run.code == 1, run.err
    lines = {Path(b["file"]).name: b for b in run.json()["bundles"]}
    assert set(lines) == set(made)
    for name, line in lines.items():
        assert line["state"] == "refused" and line["reason"], (name, line)
    assert tree_digest(mini, journals=True) == before
    (line,) = ok("ministry", "consolidate", pair.bundle1, "--json", data=mini).json()["bundles"]
    assert line["state"] == "applied"
