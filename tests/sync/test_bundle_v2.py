"""Format 2 against the attacks that format 1 let through (issue « Bundle format 2 »): each test is one
finding, made with the establishment's own key through ``sync`` primitives (``tests.sync.helpers.craft``),
as an enrolled establishment — or anyone relaying its file — could."""

from __future__ import annotations

import struct
import tracemalloc

import orjson
import pytest
import zstandard

from sync.bundle import (
    SIG_LEN,
    FormRecords,
    hash_signed,
    open_bundle,
    parse_envelope,
    peek,
    seal_bundle,
    signed_head,
)
from sync.errors import (
    BundleMalformed,
    DecompressionBudgetExceeded,
    DecryptionFailed,
    ManifestMismatch,
    PayloadTampered,
    UnsupportedVersion,
)
from tests.sync.helpers import CREATED, columns, craft, end, manifest_for, record_row


@pytest.fixture
def people(identities):
    return identities["ECC"], identities["MIC"], identities["MTNRA"]


def _bundle(ecc, ministries, rows=(), dead=(), form="offering", **manifest_extra):
    counts = {form: {"records": len(rows), "tombstones": len(dead)}}
    docs = [orjson.dumps(manifest_for(ecc, ministries, forms=(form,), **manifest_extra))]
    if rows:
        docs.append(orjson.dumps(["rows", form, list(rows)]))
    if dead:
        docs.append(orjson.dumps(["tombstones", form, list(dead)]))
    return craft(ecc, ministries, [*docs, end(counts)])


def _read(data, ecc, ministry):
    opened = open_bundle(data, {"ECC": ecc.public}.get, ministry)
    _ = opened.tables
    return opened


# ------------------------------------------------------------------------ 1. one hash per bundle
def test_the_bundle_hash_does_not_depend_on_unsigned_bytes(people) -> None:
    ecc, mic, _ = people
    data = _bundle(ecc, [mic.public], [record_row(1, code="A")])
    envelope = parse_envelope(data)
    # signing the same header again (ML-DSA is randomised) gives other bytes but the same bundle
    again = signed_head(ecc, envelope.header) + envelope.payload
    assert again != data and peek(again).bundle_hash == peek(data).bundle_hash == hash_signed(envelope.signed)
    # the signature entries swapped (format 1 accepted it, with another file hash): refused
    start = len(envelope.signed) + SIG_LEN.size
    block = data[start:start + 3380]
    ed, ml = block[1:1 + 67], block[68:]
    swapped = data[:start] + block[:1] + ml + ed + data[start + 3380:]
    with pytest.raises(BundleMalformed, match="Ed25519 puis ML-DSA-65"):
        _read(swapped, ecc, mic)
    # a longer signature block (padding, a third entry) is refused before anything else
    padded = data[:len(envelope.signed)] + SIG_LEN.pack(3381) + block + b"\x00" + envelope.payload
    with pytest.raises(BundleMalformed, match="3381"):
        _read(padded, ecc, mic)


# --------------------------------------------------------------------------- 2. key commitment
def test_a_key_wrapped_differently_for_each_ministry_is_refused(people) -> None:
    """One signed ciphertext that would open under two keys: the second ministry's key does not match the
    commitment the establishment signed, so it refuses before decrypting anything."""
    ecc, mic, mtnra = people
    data = _bundle(ecc, [mic.public, mtnra.public], [record_row(1, code="A")])
    other = craft(ecc, [mic.public, mtnra.public], [b"{}", b"{}"], key=b"\x08" * 32)
    envelope, other_envelope = parse_envelope(data), parse_envelope(other)

    def mix(header):
        header["recipients"][1]["enc"] = other_envelope.header["recipients"][1]["enc"]

    header = envelope.header
    mix(header)
    mixed = signed_head(ecc, header) + envelope.payload
    _read(mixed, ecc, mic)  # the first ministry's key is the committed one
    with pytest.raises(DecryptionFailed, match="engagement"):
        _read(mixed, ecc, mtnra)


# ------------------------------------------------------------------------------ 3. bounded memory
def test_a_segment_larger_than_its_bound_is_refused_before_it_is_parsed(people) -> None:
    ecc, mic, _ = people
    huge = b"[" + b"{}," * (600 * 1024) + b"{}]"  # 1.8 MB of JSON: format 1 read 96 MiB of it into 1.5 GiB
    data = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])), huge, end({})])
    tracemalloc.start()
    try:
        with pytest.raises(DecompressionBudgetExceeded, match="1048576"):
            _read(data, ecc, mic)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, peak


def test_a_segment_of_objects_within_its_bound_is_refused_with_our_error(people) -> None:
    ecc, mic, _ = people
    objects = orjson.dumps(["rows", "offering", [{}] * 300_000])
    data = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])), objects, end({})])
    with pytest.raises(ManifestMismatch, match="forme déclarée"):
        _read(data, ecc, mic)


def test_reading_a_large_bundle_needs_memory_for_one_segment(people) -> None:
    """50 000 records (≈ 20 MB of document): streamed, the reader's peak stays near one segment's worth."""
    ecc, mic, _ = people
    rows = [record_row(i, "internship", gender="F", host_name="Entreprise " + "x" * 200, outcome="ONGOING")
            for i in range(1, 50_001)]
    data = seal_bundle(ecc, [mic.public], bundle_id="00000000-0000-4000-8000-0000000000c1", sequence=1,
                       previous_hash=None, created_at=CREATED, manifest={"changes": {"after": 0, "up_to": 60_000}},
                       records={"internship": FormRecords(columns("internship"), iter([rows[:25_000], rows[25_000:]]))})
    del rows
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    tracemalloc.start()
    try:
        seen = sum(len(batch) for _f, _p, _c, batch in opened.batches())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == 50_000 and opened.counts["internship"]["records"] == 50_000
    assert peak < 48 << 20, peak  # the whole document as objects would take several hundred MB


def test_a_truncated_or_reordered_payload_is_refused(people) -> None:
    ecc, mic, _ = people
    docs = [orjson.dumps(manifest_for(ecc, [mic.public])), orjson.dumps(["rows", "offering", [record_row(1)]]),
            orjson.dumps(["rows", "offering", [record_row(2)]]), end({"offering": {"records": 2, "tombstones": 0}})]
    data = craft(ecc, [mic.public], docs)
    assert _read(data, ecc, mic).counts == {"offering": {"records": 2, "tombstones": 0}}
    envelope = parse_envelope(data)
    payload = envelope.payload
    segments, pos = [], 0
    while pos < len(payload):
        (length,) = struct.unpack(">I", payload[pos:pos + 4])
        segments.append(payload[pos:pos + 4 + length])
        pos += 4 + length
    head = data[:envelope.payload_offset]
    with pytest.raises(BundleMalformed, match="tronqué"):  # a relay drops the last segment
        _read(head + b"".join(segments[:-1]), ecc, mic)
    with pytest.raises(PayloadTampered):  # or swaps two segments
        _read(head + segments[0] + segments[2] + segments[1] + segments[3], ecc, mic)
    # the establishment itself leaves the end out (and signs that): the last segment is not the end
    with pytest.raises(ManifestMismatch, match="final"):
        _read(craft(ecc, [mic.public], docs[:3]), ecc, mic)


# -------------------------------------------------------------------------- 4. a strict document
def _manifest_bytes(ecc, ministry_public, **extra) -> bytes:
    return orjson.dumps(manifest_for(ecc, [ministry_public], **extra))


STRICT_CASES = {
    "two manifest members": lambda ecc, mic, m: [m[:-1] + b',"full":true}', end({"offering": {"records": 0,
                                                                                                "tombstones": 0}})],
    "unknown manifest member": lambda ecc, mic, m: [m[:-1] + b',"extra":1}', end({"offering": {"records": 0,
                                                                                             "tombstones": 0}})],
    "duplicated id": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", [record_row(1), record_row(1)]]),
                                          end({"offering": {"records": 2, "tombstones": 0}})],
    "live and deleted": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", [record_row(1)]]),
                                             orjson.dumps(["tombstones", "offering", [record_row(1)[:6]]]),
                                             end({"offering": {"records": 1, "tombstones": 1}})],
    "id not a uuid": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", [["../../etc/passwd",
                                                                                 *record_row(1)[1:]]]]),
                                          end({"offering": {"records": 1, "tombstones": 0}})],
    "count written true": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", [record_row(1)]]),
                                               end({"offering": {"records": True, "tombstones": 0}})],
    "count written 0.0": lambda ecc, mic, m: [m, end({"offering": {"records": 0.0, "tombstones": 0}})],
    "a value of the wrong type": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", [record_row(1, capacity="30")]]),
                                                      end({"offering": {"records": 1, "tombstones": 0}})],
    "a change outside the declared range": lambda ecc, mic, m: [
        m, orjson.dumps(["rows", "offering", [record_row(5000)]]), end({"offering": {"records": 1, "tombstones": 0}})],
    "records out of change order": lambda ecc, mic, m: [
        m, orjson.dumps(["rows", "offering", [record_row(2), record_row(1)]]),
        end({"offering": {"records": 2, "tombstones": 0}})],
    "a part out of order": lambda ecc, mic, m: [
        m, orjson.dumps(["tombstones", "offering", [record_row(2)[:6]]]),
        orjson.dumps(["rows", "offering", [record_row(1)]]), end({"offering": {"records": 1, "tombstones": 1}})],
    "an empty batch": lambda ecc, mic, m: [m, orjson.dumps(["rows", "offering", []]),
                                           end({"offering": {"records": 0, "tombstones": 0}})],
}


@pytest.mark.parametrize("case", list(STRICT_CASES))
def test_the_document_is_parsed_strictly(people, case) -> None:
    ecc, mic, _ = people
    data = craft(ecc, [mic.public], STRICT_CASES[case](ecc, mic.public, _manifest_bytes(ecc, mic.public)))
    with pytest.raises(ManifestMismatch):
        _read(data, ecc, mic)


def test_unknown_forms_and_columns_say_a_newer_kafaat_made_the_bundle(people) -> None:
    ecc, mic, _ = people
    manifest = manifest_for(ecc, [mic.public])
    manifest["tables"]["evil"] = manifest["tables"]["offering"]
    manifest["drafts_left_out"]["evil"] = manifest["withheld"]["evil"] = 0
    with pytest.raises(UnsupportedVersion, match="evil"):
        _read(craft(ecc, [mic.public], [orjson.dumps(manifest), end({})]), ecc, mic)
    manifest = manifest_for(ecc, [mic.public])
    manifest["tables"]["offering"]["columns"].append("nouveau_champ")
    with pytest.raises(UnsupportedVersion, match="nouveau_champ"):
        _read(craft(ecc, [mic.public], [orjson.dumps(manifest), end({})]), ecc, mic)


def test_a_withheld_field_in_a_bundle_is_refused(people) -> None:
    ecc, mic, _ = people
    manifest = manifest_for(ecc, [mic.public], forms=("internship",))
    manifest["tables"]["internship"]["columns"].append("last_name")
    with pytest.raises(ManifestMismatch, match="last_name"):
        _read(craft(ecc, [mic.public], [orjson.dumps(manifest), end({"internship": {"records": 0,
                                                                                     "tombstones": 0}})]), ecc, mic)


def test_two_zstd_frames_in_one_segment_are_refused(people) -> None:
    ecc, mic, _ = people
    one = zstandard.ZstdCompressor(write_content_size=True).compress
    docs = [_manifest_bytes(ecc, mic.public), end({"offering": {"records": 0, "tombstones": 0}})]
    data = craft(ecc, [mic.public], docs, compress=lambda d: one(d) + one(b"[]"))
    with pytest.raises(BundleMalformed, match="trame"):
        _read(data, ecc, mic)


@pytest.mark.parametrize("sequence, previous", [(5, None), (1, "ab" * 32)])
def test_the_chain_members_agree_with_the_sequence(people, sequence, previous) -> None:
    ecc, mic, _ = people
    data = craft(ecc, [mic.public], [_manifest_bytes(ecc, mic.public, sequence=sequence, previous_hash=previous),
                                     end({"offering": {"records": 0, "tombstones": 0}})],
                 sequence=sequence, previous_hash=previous)
    with pytest.raises(BundleMalformed, match="previous_hash"):
        _read(data, ecc, mic)


# ----------------------------------------------------------------- 5. what is shown is checked
def test_control_characters_in_the_manifest_are_refused(people) -> None:
    ecc, mic, _ = people
    for name in ("\x1b]0;pwned\x07École", "Autre\u202eécole", "\x1b[31mrouge"):
        data = craft(ecc, [mic.public], [_manifest_bytes(ecc, mic.public, establishment_name=name),
                                         end({"offering": {"records": 0, "tombstones": 0}})])
        with pytest.raises(ManifestMismatch, match="establishment_name"):
            _read(data, ecc, mic)


def test_a_created_at_with_escapes_is_a_malformed_header(people) -> None:
    ecc, mic, _ = people

    def escape(header):
        header["created_at"] = "2026-01-01T00:00:00Z\x1b[2J"

    data = craft(ecc, [mic.public], [b"{}", b"{}"], change_header=escape)
    with pytest.raises(BundleMalformed, match="created_at"):
        _read(data, ecc, mic)


def test_a_signature_block_with_bytes_after_the_entries_is_refused(people) -> None:
    ecc, mic, _ = people
    data = _bundle(ecc, [mic.public])
    _m, _v, header_len = struct.unpack(">8sHI", data[:14])
    at = 14 + header_len
    with pytest.raises(BundleMalformed):
        _read(data[:at] + SIG_LEN.pack(3380 + 1) + data[at + 4:at + 4 + 3380] + b"\x00" + data[at + 4 + 3380:],
              ecc, mic)
