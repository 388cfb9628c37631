"""Generate the test vectors of ``docs/bundle-format.md`` (fixed keys, fixed payload key and nonce).

    .venv/bin/python -m tests.vectors.make_vectors VERSION

writes ``bundle-vVERSION.kfb`` and ``bundle-vVERSION.json`` (inputs and expected outputs, the programme
key's pseudonyms) and ``receipt-vVERSION.json``. The key file, public key and enrollment vectors were
written with version 1 and are kept as they are. Vectors of released versions are never regenerated: every later
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
    FormRecords,
    derive,
    file_hash,
    open_bundle,
    parse_envelope,
    payload_aad,
    seal_bundle,
    wrap_info,
)
from sync.keys import ED25519, MLDSA65, MLKEM768, X25519, Identity
from sync.pseudonym import ProgrammeKey
from sync.receipts import make_receipt

HERE = Path(__file__).resolve().parent


def fixed_identities() -> tuple[Identity, Identity]:
    ecc = Identity("establishment", "ECC", "École Centrale Casablanca",
                   {ED25519: bytes(range(32)), MLDSA65: bytes(range(32, 64))}, "2026-01-01T00:00:00Z")
    mic = Identity("ministry", "MIC", "Ministère de l'Industrie et du Commerce",
                   {ED25519: bytes(range(64, 96)), MLDSA65: bytes(range(96, 128)), X25519: bytes(range(128, 160)),
                    MLKEM768: bytes(range(160, 224))}, "2026-01-01T00:00:00Z")
    return ecc, mic


PROGRAMME_KEY = bytes(range(240, 256)) * 2
PSEUDONYM_CODES = ["R130234567", "r130234567 ", "D987654321", "ZZ-00042"]
CREATED = "2026-01-10T09:00:00.000000Z"


def _rows() -> dict[str, FormRecords]:
    from forms.definitions import FORMS

    def row(form: str, rid: str, seq: int, **values: object) -> list[object]:
        return [rid, "ECC", 1, CREATED, CREATED, seq, *(values.get(f.key) for f in FORMS[form].sent_fields)]

    def cols(form: str) -> list[str]:
        return [*TOMBSTONE_COLUMNS, *(f.key for f in FORMS[form].sent_fields)]

    key = ProgrammeKey(1, PROGRAMME_KEY, "2026-01-01T00:00:00Z")
    offering = row("offering", "6f1c2a4e-1111-4c2d-9a55-000000000001", 1, code="MS-CYBER",
                   title="Master spécialisé en cybersécurité — مسلك", domains=["CYBER", "CLOUD"],
                   training_type="INITIAL", level="MS", duration=18, duration_unit="MONTHS", capacity=30,
                   first_academic_year="2025-2026", delivery_mode="HYBRID", languages=["FR", "EN"],
                   campus_city="Casablanca", region="06", industry_partnered=True, partner_name="Entreprise X",
                   accreditation_status="ACCREDITED", accreditation_date="2024-06-15")
    internship = row("internship", "6f1c2a4e-3333-4c2d-9a55-000000000004", 4,
                     student_code=key.pseudonym("R130234567"), gender="F",
                     offering="6f1c2a4e-1111-4c2d-9a55-000000000001", internship_type="PFE", domain="CYBER",
                     host_name="Société Générale Maroc", host_city="Casablanca", host_region="06",
                     start_date="2026-02-01", end_date="2026-07-31", monthly_stipend=3000.0, outcome="ONGOING")
    dead = ["6f1c2a4e-3333-4c2d-9a55-000000000003", "ECC", 3, "2026-01-11T09:00:00.000000Z",
            "2026-01-12T09:00:00.000000Z", 3]
    return {"offering": FormRecords(cols("offering"), [offering]), "cohort": FormRecords(cols("cohort")),
            "internship": FormRecords(cols("internship"), [internship], [dead])}


def main(version: str) -> None:
    if int(version) != FORMAT_VERSION:
        raise SystemExit(f"this build writes format {FORMAT_VERSION}, not {version}")
    ecc, mic = fixed_identities()
    key = ProgrammeKey(1, PROGRAMME_KEY, "2026-01-01T00:00:00Z")
    params = {"bundle_id": "0b5e6d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "sequence": 8,
              "previous_hash": "5d41402abc4b2a76b9719d911017c592" * 2, "created_at": "2026-03-01T08:30:00Z"}
    manifest = {"establishment_name": ecc.name, "period": {"from": "2026-02-01T08:30:00Z", "to": params["created_at"]},
                "changes": {"after": 0, "up_to": 4}, "full": False,
                "drafts_left_out": {"offering": 2, "cohort": 0, "internship": 0},
                "pseudonym_key": {"version": 1, "key_id": key.key_id.hex()},
                "schema_version": "0004", "application_version": "0.2.0"}
    fixed = Fixed(payload_key=bytes(range(200, 232)))
    data = seal_bundle(ecc, [mic.public], manifest=manifest, records=_rows(), fixed=fixed, **params)
    envelope = parse_envelope(data)
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    records = opened.records
    payload_key, commitment = derive(fixed.payload_key, params["bundle_id"], params["sequence"], "ECC")
    name = f"bundle-v{version}"
    (HERE / f"{name}.kfb").write_bytes(data)
    vector = {
        "format_version": int(version),
        "file": f"{name}.kfb",
        "file_sha256": file_hash(data),
        "bundle_hash": opened.bundle_hash,
        "establishment_private": {alg: value.hex() for alg, value in ecc.private.items()},
        "establishment_public": {alg: value.hex() for alg, value in ecc.public.keys.items() if alg == ED25519},
        "establishment_key_id": ecc.public.key_id_hex,
        "ministry_private": {alg: value.hex() for alg, value in mic.private.items()},
        "ministry_key_id": mic.public.key_id_hex,
        "payload_key": fixed.payload_key.hex(),
        "derived_payload_key": payload_key.hex(),
        "key_commitment": commitment.hex(),
        "wrapped": {mic.public.key_id_hex: envelope.header["recipients"][0]["enc"]},
        "wrap_info": wrap_info(params["bundle_id"], params["sequence"], "ECC", mic.public.key_id).hex(),
        "payload_aad": payload_aad(params["bundle_id"], params["sequence"], "ECC").hex(),
        "header": envelope.header,
        "signed_length": len(envelope.signed),
        "ed25519_signature": envelope.signatures[ED25519].hex(),
        "manifest": opened.manifest,
        "records": records,
        "document_records": {form: {"columns": t.columns, "rows": t.rows, "tombstones": t.tombstones}
                             for form, t in opened.tables.items()},
        "seal_inputs": {**params, "manifest": manifest},
        "pseudonyms": {"programme_key": PROGRAMME_KEY.hex(), "key_version": 1, "key_id": key.key_id.hex(),
                       "codes": {code: key.pseudonym(code) for code in PSEUDONYM_CODES}},
    }
    (HERE / f"{name}.json").write_bytes(orjson.dumps(vector, option=orjson.OPT_INDENT_2) + b"\n")
    (HERE / f"receipt-v{version}.json").write_bytes(make_receipt(mic, opened, issued_at="2026-03-02T10:00:00Z"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(FORMAT_VERSION))
