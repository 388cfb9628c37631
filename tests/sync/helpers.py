"""Building bundles for tests: real records in a real store, real keys."""

from __future__ import annotations

from typing import Any

from forms.store.records import DRAFT
from sync.bundle import PREAMBLE, SIG_LEN, parse_envelope, signed_head
from sync.keys import Identity
from tests.conftest import OFFERING, cohort_values, internship_values


def populate(store) -> dict[str, Any]:
    """An offering, a cohort, two internships (one then deleted), a draft offering."""
    offering, _ = store.save("offering", OFFERING)
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    kept, _ = store.save("internship", internship_values(offering.id, cohort.id))
    gone, _ = store.save("internship", internship_values(offering.id, cohort.id, student_code="R999999999"))
    store.delete("internship", [gone.id])
    draft, _ = store.save("offering", {"code": "BROUILLON", "title": "Offre en cours"}, status=DRAFT)
    return {"offering": offering.id, "cohort": cohort.id, "internship": kept.id, "deleted": gone.id,
            "draft": draft.id}


def regions(data: bytes) -> dict[str, tuple[int, int]]:
    """Byte ranges of each part of a bundle file."""
    _m, _v, header_len = PREAMBLE.unpack_from(data)
    h_end = PREAMBLE.size + header_len
    (sig_len,) = SIG_LEN.unpack_from(data, h_end)
    s_start = h_end + SIG_LEN.size
    return {
        "magic": (0, 8),
        "version": (8, 10),
        "header_length": (10, 14),
        "header": (14, h_end),
        "signature_length": (h_end, s_start),
        "signatures": (s_start, s_start + sig_len),
        "payload": (s_start + sig_len, len(data)),
    }


def resign(data: bytes, signer: Identity, change) -> bytes:
    """The same bundle with its header changed by ``change(header)`` and signed again by ``signer``."""
    envelope = parse_envelope(data)
    change(envelope.header)
    return signed_head(signer, envelope.header) + envelope.payload


# ------------------------------------------------------------------- hand-made version-2 bundles
BUNDLE_ID = "00000000-0000-4000-8000-0000000000b1"
CREATED = "2026-01-01T00:00:00Z"


def record_row(i: int, form: str = "offering", **values: Any) -> list[Any]:
    """A well-formed live row of ``form`` (system columns, then every sent field, empty unless given)."""
    from forms.definitions import FORMS

    fields = [f.key for f in FORMS[form].sent_fields]
    return [f"00000000-0000-4000-8000-{i:012d}", "ECC", 1, CREATED, CREATED, i, *(values.get(k) for k in fields)]


def columns(form: str = "offering") -> list[str]:
    from forms.definitions import FORMS
    from sync.bundle import LIVE_SYSTEM

    return [*LIVE_SYSTEM, *(f.key for f in FORMS[form].sent_fields)]


def manifest_for(ecc: Identity, ministries: list, *, sequence: int = 1, previous_hash: str | None = None,
                 forms: tuple[str, ...] = ("offering",), up_to: int = 1000, **extra: Any) -> dict[str, Any]:
    from forms.definitions import FORMS
    from sync.bundle import TOMBSTONE_COLUMNS

    return {"type": "kafaat-bundle-manifest", "format_version": 2, "bundle_id": BUNDLE_ID,
            "establishment": ecc.code, "signer_key_id": ecc.public.key_id_hex, "sequence": sequence,
            "previous_hash": previous_hash, "created_at": CREATED,
            "recipients": [{"ministry": m.code, "key_id": m.key_id_hex} for m in ministries],
            "establishment_name": ecc.name, "period": {"from": None, "to": CREATED},
            "changes": {"after": 0, "up_to": up_to}, "full": False,
            "drafts_left_out": dict.fromkeys(forms, 0),
            "tables": {f: {"columns": columns(f), "tombstone_columns": list(TOMBSTONE_COLUMNS)} for f in forms},
            "withheld": {f: [x.key for x in FORMS[f].withheld_fields] for f in forms},
            "pseudonym_key": None, "schema_version": "0004", "application_version": "test", **extra}


def craft(ecc: Identity, ministries: list, documents: list[bytes], *, sequence: int = 1,
          previous_hash: str | None = None, key: bytes = b"\x07" * 32, compress=None,
          change_header=None) -> bytes:
    """A version-2 bundle made by hand from its segments' documents, signed by ``ecc``: what an enrolled
    establishment's own key can produce through ``sync`` primitives, whatever the documents hold."""
    import hashlib

    import zstandard

    from sync.bundle import (
        SEG_LEN,
        _suite,
        derive,
        payload_aad,
        segment_nonce,
        wrap_info,
    )
    from sync.encoding import b64e
    from sync.keys import MLKEM768

    compress = compress or zstandard.ZstdCompressor(write_content_size=True).compress
    payload_key, commitment = derive(key, BUNDLE_ID, sequence, ecc.code)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead, aad = AESGCM(payload_key), payload_aad(BUNDLE_ID, sequence, ecc.code)
    out = bytearray()
    for i, document in enumerate(documents):
        sealed = aead.encrypt(segment_nonce(i, i == len(documents) - 1), compress(document), aad)
        out += SEG_LEN.pack(len(sealed)) + sealed
    stanzas = []
    for m in ministries:
        kem = "MLKEM768-X25519" if MLKEM768 in m.keys else "DHKEM-X25519-HKDF-SHA256"
        enc = _suite(kem).encrypt(key, m.hpke_public(), info=wrap_info(BUNDLE_ID, sequence, ecc.code, m.key_id))
        stanzas.append({"ministry": m.code, "key_id": m.key_id_hex, "kem": kem, "kdf": "HKDF-SHA256",
                        "aead": "AES-256-GCM", "enc": b64e(enc)})
    header = {"type": "kafaat-bundle", "format_version": 2, "bundle_id": BUNDLE_ID, "establishment": ecc.code,
              "signer_key_id": ecc.public.key_id_hex, "sequence": sequence, "previous_hash": previous_hash,
              "created_at": CREATED, "recipients": stanzas,
              "payload": {"compression": "zstd", "aead": "AES-256-GCM", "segments": len(documents),
                          "length": len(out), "plain_length": sum(map(len, documents)),
                          "sha256": hashlib.sha256(out).hexdigest(), "key_commitment": commitment.hex()}}
    if change_header is not None:
        change_header(header)
    return signed_head(ecc, header) + bytes(out)


def end(counts: dict[str, dict[str, int]]) -> bytes:
    import orjson

    return orjson.dumps({"type": "kafaat-bundle-end", "counts": counts})
