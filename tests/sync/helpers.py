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
