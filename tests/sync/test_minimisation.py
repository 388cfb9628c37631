"""Only what the ministries need leaves the establishment (issue « data minimisation »): withheld fields
never reach a bundle, the national code only as a keyed pseudonym, older bundles lose their personal
fields on arrival. Real records, real bundles, real keys; the decrypted document is searched byte by byte."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import uuid

import orjson
import pytest
import zstandard
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from forms.definitions import FORMS
from forms.schema import Sharing
from sync.bundle import (
    SEG_LEN,
    _suite,
    derive,
    open_bundle,
    parse_envelope,
    payload_aad,
    segment_nonce,
    wrap_info,
)
from sync.encoding import b64e
from sync.errors import DocumentInvalid
from sync.outbox import export_bundle, preview_export
from sync.pseudonym import ProgrammeKey, dump_key, install_key, installed_key, new_key, pseudonym
from tests.conftest import OFFERING, cohort_values, internship_values

NAMES = ["Benali", "Salma", "Karim Alaoui", "k.alaoui@example.ma", "Pr. Nadia Tazi", "Ouazzani", "Ilyas",
         "contact@ecc.ma"]


def _document(data: bytes, ministry) -> bytes:
    """Every decrypted, decompressed byte of a version-2 bundle (as a ministry would see them)."""
    envelope = parse_envelope(data)
    header = envelope.header
    stanza = header["recipients"][0]
    key = _suite(stanza["kem"]).decrypt(base64.b64decode(stanza["enc"]), ministry.hpke_private(),
                                        info=wrap_info(header["bundle_id"], header["sequence"], header["establishment"],
                                                       ministry.public.key_id))
    payload_key, _ = derive(key, header["bundle_id"], header["sequence"], header["establishment"])
    aad = payload_aad(header["bundle_id"], header["sequence"], header["establishment"])
    payload, out, pos, i = envelope.payload, b"", 0, 0
    while pos < len(payload):
        (length,) = SEG_LEN.unpack(payload[pos:pos + 4])
        sealed = payload[pos + 4:pos + 4 + length]
        pos += 4 + length
        last = pos == len(payload)
        out += zstandard.ZstdDecompressor().decompress(AESGCM(payload_key).decrypt(segment_nonce(i, last), sealed, aad))
        i += 1
    return out


@pytest.fixture
def filled(est):
    store = est.records()
    offering, _ = store.save("offering", {**OFFERING, "contact_email": "contact@ecc.ma"})
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    codes = [f"R13{i:07d}" for i in range(40)]
    for i, code in enumerate(codes):
        store.save("internship", internship_values(offering.id, cohort.id, student_code=code,
                                                   last_name="Ouazzani" if i % 2 else "Benali",
                                                   first_name="Ilyas" if i % 3 else "Salma"))
    return est, codes


@pytest.mark.parametrize("with_key", [False, True])
def test_no_withheld_value_and_no_national_code_leaves(filled, identities, tmp_path, with_key) -> None:
    est, codes = filled
    key = new_key()
    if with_key:
        install_key(est, dump_key(key), "clé")
    data = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    document = _document(data, identities["MIC"])
    for secret in [*NAMES, *codes, codes[0].lower()]:
        assert secret.encode() not in document, secret
    opened = open_bundle(data, {"ECC": identities["ECC"].public}.get, identities["MIC"])
    internships = opened.records["internship"]
    assert len(internships) == 40
    for form in FORMS.values():
        for field in form.withheld_fields:
            assert field.key not in opened.columns[form.key]
    got = [r["student_code"] for r in internships if not r["deleted"]]
    if with_key:
        assert sorted(got) == sorted(key.pseudonym(c) for c in codes) and len(set(got)) == 40
        assert opened.manifest["pseudonym_key"] == {"version": 1, "key_id": key.key_id.hex()}
    else:
        assert set(got) == {None} and opened.manifest["pseudonym_key"] is None
    assert opened.manifest["withheld"]["internship"] == ["last_name", "first_name", "tutor_name", "tutor_email",
                                                         "supervisor"]


def test_one_student_one_pseudonym_across_establishments_and_spellings() -> None:
    key = ProgrammeKey(1, b"\x42" * 32, "2026-01-01T00:00:00Z")
    same = {pseudonym(key.key, 1, code) for code in ("R130045678", "r130045678", " R130045678 ")}
    assert len(same) == 1
    assert pseudonym(key.key, 1, "R130045679") not in same
    # someone holding only a list of codes (no programme key) cannot compute it
    assert pseudonym(b"\x00" * 32, 1, "R130045678") not in same
    assert all(p.startswith("p1-") and len(p) == 29 for p in same)


def test_two_establishments_with_the_same_programme_key_give_the_same_pseudonym(filled, identities, tmp_path,
                                                                                 workspace) -> None:
    est, codes = filled
    key = new_key()
    install_key(est, dump_key(key), "clé")
    other = type(est).create(tmp_path / "esith", "establishment", establishment="ESITH")
    install_key(other, dump_key(key), "clé")
    assert installed_key(other).pseudonym(codes[0]) == installed_key(est).pseudonym(codes[0])


def test_the_programme_key_never_goes_backwards_nor_to_a_ministry(est, mic) -> None:
    two, one = new_key(2), new_key(1)
    assert install_key(est, dump_key(two), "v2")[1] is True
    assert install_key(est, dump_key(two), "v2")[1] is False
    with pytest.raises(DocumentInvalid, match="version 2 est déjà installée"):
        install_key(est, dump_key(one), "v1")
    with pytest.raises(DocumentInvalid, match="ministère"):
        install_key(mic, dump_key(two), "v2")


def test_the_export_preview_says_what_stays(filled) -> None:
    est, _ = filled
    plan = preview_export(est)
    sharing = plan.sharing()
    assert "Nom" in sharing["internship"]["withheld"] and "Code national de l'étudiant (CNE / Massar)" in \
        sharing["internship"]["withheld"]
    install_key(est, dump_key(new_key()), "clé")
    plan = preview_export(est)
    assert plan.pseudonym_key == 1
    assert plan.sharing()["internship"]["pseudonymised"] == ["Code national de l'étudiant (CNE / Massar)"]


def test_every_personal_field_is_declared() -> None:
    internship = FORMS["internship"]
    assert internship.field("student_code").sharing is Sharing.PSEUDONYMISED
    for key in ("last_name", "first_name", "tutor_name", "tutor_email", "supervisor"):
        assert internship.field(key).sharing is Sharing.WITHHELD
    for form in FORMS.values():  # every e-mail address stays
        for field in form.fields:
            if field.type.value == "email":
                assert field.sharing is Sharing.WITHHELD, field.key


def _seal_v1(ecc, mic, records: dict) -> bytes:
    """A version-1 bundle as Kafaat 0.1 wrote it (names included), made with the version-1 specification."""
    from sync.bundle_v1 import PAYLOAD_DOMAIN, SIGN_DOMAIN, WRAP_DOMAIN

    bundle_id, sequence, key, nonce = str(uuid.uuid4()), 1, b"\x05" * 32, b"\x06" * 12
    ctx = uuid.UUID(bundle_id).bytes + struct.pack(">Q", sequence) + b"ECC"
    tables = {form: {"columns": cols, "rows": rows, "tombstone_columns": cols[:6], "tombstones": []}
              for form, (cols, rows) in records.items()}
    manifest = {"type": "kafaat-bundle-manifest", "format_version": 1, "bundle_id": bundle_id,
                "establishment": "ECC", "signer_key_id": ecc.public.key_id_hex, "sequence": sequence,
                "previous_hash": None, "created_at": "2026-01-01T00:00:00Z",
                "recipients": [{"ministry": "MIC", "key_id": mic.public.key_id_hex}],
                "counts": {f: {"records": len(r), "tombstones": 0} for f, (_c, r) in records.items()}}
    plain = json.dumps({"records": tables, "manifest": manifest}).encode()
    payload = AESGCM(key).encrypt(nonce, zstandard.ZstdCompressor().compress(plain), PAYLOAD_DOMAIN + ctx)
    enc = _suite("MLKEM768-X25519").encrypt(key, mic.public.hpke_public(),
                                            info=WRAP_DOMAIN + ctx + b"\x00" + mic.public.key_id)
    header = {"type": "kafaat-bundle", "format_version": 1, "bundle_id": bundle_id, "establishment": "ECC",
              "signer_key_id": ecc.public.key_id_hex, "sequence": sequence, "previous_hash": None,
              "created_at": "2026-01-01T00:00:00Z",
              "recipients": [{"ministry": "MIC", "key_id": mic.public.key_id_hex, "kem": "MLKEM768-X25519",
                              "kdf": "HKDF-SHA256", "aead": "AES-256-GCM", "enc": b64e(enc)}],
              "payload": {"compression": "zstd", "aead": "AES-256-GCM", "nonce": b64e(nonce), "length": len(payload),
                          "plain_length": len(plain), "sha256": hashlib.sha256(payload).hexdigest()}}
    header_bytes = orjson.dumps(header, option=orjson.OPT_SORT_KEYS)
    signed = b"\x89KAFAAT\n" + struct.pack(">HI", 1, len(header_bytes)) + header_bytes
    sigs = ecc.sign(SIGN_DOMAIN, signed)
    block = bytes([2]) + b"".join(bytes([t]) + struct.pack(">H", len(sigs[a])) + sigs[a]
                                  for t, a in ((1, "ed25519"), (2, "ml-dsa-65")))
    return signed + struct.pack(">I", len(block)) + block + payload


def test_a_version_1_bundle_with_names_is_read_without_them(identities) -> None:
    ecc, mic = identities["ECC"], identities["MIC"]
    form = FORMS["internship"]
    cols = ["id", "establishment", "version", "created_at", "updated_at", "change_seq", *form.field_keys]
    values = internship_values("6f1c2a4e-1111-4c2d-9a55-000000000001", None, monthly_stipend=3000.0)
    row = ["6f1c2a4e-3333-4c2d-9a55-000000000004", "ECC", 1, "2026-01-10T09:00:00.000000Z",
           "2026-01-10T09:00:00.000000Z", 4, *(values.get(k) for k in form.field_keys)]
    data = _seal_v1(ecc, mic, {"internship": (cols, [row])})
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    [record] = opened.records["internship"]
    assert opened.version == 1
    assert opened.dropped == {"internship": ["student_code", "last_name", "first_name", "tutor_name", "tutor_email",
                                             "supervisor"]}
    for secret in ("Benali", "Salma", "R130045678", "k.alaoui@example.ma", "Nadia"):
        assert secret not in json.dumps(record, ensure_ascii=False)
    assert record["host_name"] == "Société Marocaine de Sécurité"


def test_the_template_instructions_say_what_stays(tmp_path) -> None:
    from openpyxl import load_workbook

    from forms.excel.writing import write_template

    path = tmp_path / "modele.xlsx"
    write_template("internship", path)
    text = " ".join(str(v) for row in load_workbook(path)["Instructions"].iter_rows(values_only=True) for v in row if v)
    assert "Données personnelles" in text and "« Nom » — non transmis" in text and "pseudonymisé" in text
    assert "jamais envoyé aux ministères" in text
