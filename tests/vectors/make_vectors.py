"""Generate the test vectors of ``docs/bundle-format.md`` (fixed keys, fixed payload key and nonce).

    .venv/bin/python -m tests.vectors.make_vectors VERSION

writes ``bundle-vVERSION.kfb`` and ``bundle-vVERSION.json`` (inputs and expected outputs) plus the key
file, public key and receipt vectors. Vectors of released versions are never regenerated: every later
reader must still read them (``tests/sync/test_vectors.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

from sync.bundle import (
    FORMAT_VERSION,
    TOMBSTONE_COLUMNS,
    Fixed,
    open_bundle,
    parse_envelope,
    payload_aad,
    seal_bundle,
    wrap_info,
)
from sync.encoding import b64e
from sync.keys import ED25519, MLDSA65, MLKEM768, X25519, Identity, public_document, seal_identity
from sync.receipts import make_receipt

HERE = Path(__file__).resolve().parent
PASSPHRASE = "vecteur de test 2026"


def fixed_identities() -> tuple[Identity, Identity]:
    ecc = Identity("establishment", "ECC", "École Centrale Casablanca",
                   {ED25519: bytes(range(32)), MLDSA65: bytes(range(32, 64))}, "2026-01-01T00:00:00Z")
    mic = Identity("ministry", "MIC", "Ministère de l'Industrie et du Commerce",
                   {ED25519: bytes(range(64, 96)), MLDSA65: bytes(range(96, 128)), X25519: bytes(range(128, 160)),
                    MLKEM768: bytes(range(160, 224))}, "2026-01-01T00:00:00Z")
    return ecc, mic


RECORDS = {
    "offering": [{
        "id": "6f1c2a4e-1111-4c2d-9a55-000000000001", "establishment": "ECC", "status": "complete",
        "deleted": False, "version": 1, "created_at": "2026-01-10T09:00:00.000000Z",
        "updated_at": "2026-01-10T09:00:00.000000Z", "change_seq": 1, "code": "MS-CYBER",
        "title": "Master spécialisé en cybersécurité — مسلك", "domains": ["CYBER", "CLOUD"], "capacity": 30,
        "industry_partnered": True, "accreditation_date": "2024-06-15",
    }],
    "cohort": [],
    "internship": [{
        "id": "6f1c2a4e-3333-4c2d-9a55-000000000003", "establishment": "ECC", "deleted": True, "version": 3,
        "created_at": "2026-01-11T09:00:00.000000Z", "updated_at": "2026-01-12T09:00:00.000000Z", "change_seq": 3,
    }],
}


def main(version: str) -> None:
    if int(version) != FORMAT_VERSION:
        raise SystemExit(f"this build writes format {FORMAT_VERSION}, not {version}")
    ecc, mic = fixed_identities()
    params = {"bundle_id": "0b5e6d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "sequence": 7,
              "previous_hash": "5d41402abc4b2a76b9719d911017c592" * 2, "created_at": "2026-02-01T08:30:00Z"}
    manifest = {"establishment_name": ecc.name, "period": {"from": "2026-01-01T08:30:00Z", "to": params["created_at"]},
                "changes": {"after": 0, "up_to": 3}, "full": False,
                "counts": {"offering": {"records": 1, "tombstones": 0}, "cohort": {"records": 0, "tombstones": 0},
                           "internship": {"records": 0, "tombstones": 1}},
                "drafts_left_out": {"offering": 2, "cohort": 0, "internship": 0},
                "fields": {k: sorted({key for r in v for key in r}) for k, v in RECORDS.items()},
                "schema_version": "0002", "application_version": "0.1.0"}
    fixed = Fixed(payload_key=bytes(range(200, 232)), nonce=bytes(range(12)))
    data = seal_bundle(ecc, [mic.public], manifest=manifest, records=RECORDS, fixed=fixed, **params)
    envelope = parse_envelope(data)
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    name = f"bundle-v{version}"
    (HERE / f"{name}.kfb").write_bytes(data)
    vector = {
        "format_version": int(version),
        "file": f"{name}.kfb",
        "file_sha256": opened.file_hash,
        "establishment_private": {alg: value.hex() for alg, value in ecc.private.items()},
        "establishment_public": {alg: value.hex() for alg, value in ecc.public.keys.items() if alg == ED25519},
        "establishment_key_id": ecc.public.key_id_hex,
        "ministry_private": {alg: value.hex() for alg, value in mic.private.items()},
        "ministry_key_id": mic.public.key_id_hex,
        "payload_key": fixed.payload_key.hex(),
        "nonce": fixed.nonce.hex(),
        "wrapped": {mic.public.key_id_hex: envelope.header["recipients"][0]["enc"]},
        "wrap_info": wrap_info(params["bundle_id"], params["sequence"], "ECC", mic.public.key_id).hex(),
        "payload_aad": payload_aad(params["bundle_id"], params["sequence"], "ECC").hex(),
        "header": envelope.header,
        "signed_length": len(envelope.signed),
        "ed25519_signature": envelope.signatures[ED25519].hex(),
        "manifest": opened.manifest,
        "records": RECORDS,
        "document_records": {form: {"columns": t.columns, "rows": t.rows, "tombstone_columns": list(TOMBSTONE_COLUMNS),
                                    "tombstones": t.tombstones} for form, t in opened.tables.items()},
        "seal_inputs": {**params, "manifest": manifest},
    }
    (HERE / f"{name}.json").write_bytes(orjson.dumps(vector, option=orjson.OPT_INDENT_2) + b"\n")
    keyfile = seal_identity(ecc, PASSPHRASE)
    (HERE / "keyfile-v1.json").write_bytes(orjson.dumps(
        {"passphrase": PASSPHRASE, "file": orjson.loads(keyfile),
         "private": {alg: b64e(v) for alg, v in ecc.private.items()}}, option=orjson.OPT_INDENT_2) + b"\n")
    (HERE / "ministry-MIC.pub.json").write_bytes(public_document(mic))
    (HERE / "enrollment-ECC.json").write_bytes(public_document(ecc))
    (HERE / "receipt-v1.json").write_bytes(make_receipt(mic, opened, issued_at="2026-02-02T10:00:00Z"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(FORMAT_VERSION))
