"""The bundle reader against real bundles: round trip, a tamper matrix, hostile inputs (hypothesis)."""

from __future__ import annotations

import struct

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.definitions import FORMS
from sync.bundle import (
    FormRecords,
    Limits,
    open_bundle,
    parse_envelope,
    seal_bundle,
)
from sync.errors import (
    BundleError,
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
from sync.keys import Identity
from sync.ministry import enrolled, list_enrolled, verify_bundle
from sync.ministry.registry import list_keys
from sync.outbox import export_bundle
from tests.sync.helpers import (
    CREATED,
    columns,
    craft,
    end,
    manifest_for,
    populate,
    record_row,
    regions,
    resign,
)


@pytest.fixture
def exported(est, identities, tmp_path):
    ids = populate(est.records())
    result = export_bundle(est, identities["ECC"], tmp_path / "usb")
    return result.path.read_bytes(), ids


def _registry(mic):
    return lambda code: enrolled(mic, code)


def _snapshot(mic) -> list[dict]:
    return [k.describe() for k in list_keys(mic)]


def test_round_trip(est, mic, identities, exported) -> None:
    data, ids = exported
    opened = verify_bundle(mic, identities["MIC"], data)
    store = est.records()
    assert opened.establishment == "ECC" and opened.sequence == 1
    assert opened.counts == {key: {"records": 0, "tombstones": 0} for key in FORMS} | {
        "offering": {"records": 1, "tombstones": 0}, "cohort": {"records": 1, "tombstones": 0},
        "internship": {"records": 1, "tombstones": 1}}
    assert opened.manifest["drafts_left_out"] == dict.fromkeys(FORMS, 0) | {"offering": 1}
    assert opened.manifest["previous_hash"] is None
    assert [r["ministry"] for r in opened.manifest["recipients"]] == ["MIC"]
    for form in FORMS:
        expected = {r.id: r for r in store.changes_since(form, 0)}
        got = {r["id"]: r for r in opened.records[form]}
        assert set(got) == set(expected)
        for rid, record in expected.items():
            if record.deleted:
                assert got[rid]["deleted"] is True
                continue
            shaped = record.to_json()
            sent = {f.key for f in FORMS[form].sent_fields} | {"id", "status", "version", "updated_at"}
            for field in FORMS[form].withheld_fields:
                assert field.key not in got[rid]  # never leaves the establishment
            for field in FORMS[form].pseudonymised_fields:
                assert got[rid][field.key] is None  # no programme key installed: not sent at all
                sent.discard(field.key)
            assert {k: got[rid][k] for k in shaped if k in sent} == {k: v for k, v in shaped.items() if k in sent}
            assert got[rid]["establishment"] == "ECC" and got[rid]["created_at"] == record.created_at
    all_ids = {r["id"] for rows in opened.records.values() for r in rows}
    assert ids["draft"] not in all_ids


def test_every_declared_form_travels_in_a_bundle(est, mic, identities, tmp_path) -> None:
    """One complete record of each form (the two of issue 14 included) arrives with every sent value, and
    nothing of a withheld field (the R&D project lead's name and e-mail)."""
    from tests.conftest import fill_every_form

    store = est.records()
    ids = fill_every_form(store)
    data = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    opened = verify_bundle(mic, identities["MIC"], data)
    assert set(opened.manifest["tables"]) == set(FORMS)
    assert opened.manifest["withheld"]["rd_project"] == ["lead_name", "lead_email"]
    for form in FORMS:
        got = {r["id"]: r for r in opened.records[form]}
        assert ids[form] in got, form
        shaped = store.get(form, ids[form]).to_json()
        row = got[ids[form]]
        for f in FORMS[form].fields:
            if f.sharing.value == "withheld":
                assert f.key not in row
            elif f.sharing.value == "sent":
                assert row[f.key] == shaped[f.key], (form, f.key)


def test_a_bundle_for_another_ministry_is_not_readable(est, mic, identities, tmp_path) -> None:
    from tests.sync.conftest import trust

    (est.keys_dir / "recipients" / "MIC.json").unlink()
    trust(est, identities["MTNRA"], tmp_path)
    populate(est.records())
    data = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    with pytest.raises(NotARecipient, match="n'est pas adressé à MIC"):
        verify_bundle(mic, identities["MIC"], data)


def _flip(data: bytes, offset: int) -> bytes:
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:]


ALLOWED = {
    "magic": (BundleMalformed,),
    "version": (UnsupportedVersion,),
    "header_length": (BundleMalformed, BundleTooLarge),
    "header": (BundleMalformed, SignatureInvalid, UnknownEstablishment, DecompressionBudgetExceeded,
               UnsupportedVersion),
    "signature_length": (BundleMalformed, BundleTooLarge),
    "signatures": (SignatureInvalid, BundleMalformed),
    "payload": (PayloadTampered,),
}


@pytest.mark.parametrize("region", list(ALLOWED))
def test_a_changed_byte_in_every_region_is_refused(mic, identities, exported, region) -> None:
    data, _ = exported
    start, end = regions(data)[region]
    before = _snapshot(mic)
    offsets = sorted({start, end - 1, (start + end) // 2, *range(start, end, max(1, (end - start) // 40))})
    for offset in offsets:
        with pytest.raises(ALLOWED[region]):
            verify_bundle(mic, identities["MIC"], _flip(data, offset))
    assert _snapshot(mic) == before


def test_precise_refusals(mic, identities, exported) -> None:
    data, _ = exported
    reg = regions(data)
    me = identities["MIC"]

    def refused(bad: bytes, error: type[BundleError], match: str | None = None) -> None:
        with pytest.raises(error, match=match):
            verify_bundle(mic, me, bad)

    # a digit of the bundle id in the signed header (still a well-formed header)
    h0 = reg["header"][0]
    pos = data.index(b'"bundle_id":"', h0) + len(b'"bundle_id":"')
    digit = b"1" if data[pos:pos + 1] != b"1" else b"2"
    refused(data[:pos] + digit + data[pos + 1:], SignatureInvalid, "signature invalide")
    # the sequence number: n° 2 without a previous hash is not a well-formed header
    pos = data.index(b'"sequence":1', h0) + len(b'"sequence":')
    refused(data[:pos] + b"2" + data[pos + 1:], BundleMalformed, "previous_hash")
    refused(data[:-1], BundleMalformed, "tronqué")                              # truncation of the payload
    refused(data[:reg["signatures"][0] + 10], BundleMalformed, "tronqué")       # truncation in the signatures
    refused(data[:100], BundleMalformed)                                         # truncation in the header
    refused(data + b"\x00", BundleMalformed, "prolongé")                         # extension
    refused(b"PK\x03\x04" + data[4:], BundleMalformed, "pas un lot Kafaat")      # not our file
    refused(data[:8] + struct.pack(">H", 9) + data[10:], UnsupportedVersion, "plus récente")


def test_recipients_swapped_or_another_key(mic, identities, exported) -> None:
    data, _ = exported
    me = identities["MIC"]

    def to_mtnra(header):
        header["recipients"][0]["ministry"] = "MTNRA"
        header["recipients"][0]["key_id"] = identities["MTNRA"].public.key_id_hex

    # re-addressed without the establishment's key: the signature no longer matches
    swapped = resign(data, identities["ESITH"], to_mtnra)
    with pytest.raises(SignatureInvalid):
        verify_bundle(mic, me, swapped)
    # the same header, signed by another enrolled establishment
    with pytest.raises(SignatureInvalid, match="signature invalide"):
        verify_bundle(mic, me, resign(data, identities["ESITH"], lambda h: None))

    def esith_key(header):
        header["signer_key_id"] = identities["ESITH"].public.key_id_hex

    with pytest.raises(SignatureInvalid, match="clé enregistrée pour ECC"):
        verify_bundle(mic, me, resign(data, identities["ESITH"], esith_key))

    # ESITH claims ECC's bundle as its own: valid ESITH signature, but the wrapped key and the payload are
    # bound to ECC
    def claim(header):
        header["establishment"] = "ESITH"
        header["signer_key_id"] = identities["ESITH"].public.key_id_hex

    with pytest.raises(DecryptionFailed):
        verify_bundle(mic, me, resign(data, identities["ESITH"], claim))
    # an unknown establishment
    mtnra_registry = lambda code: None  # noqa: E731
    with pytest.raises(UnknownEstablishment, match="n'est pas enregistré"):
        open_bundle(data, mtnra_registry, me)


def test_the_inner_manifest_must_match_the_header(identities) -> None:
    ecc, mic = identities["ECC"], identities["MIC"]
    registry = {"ECC": ecc.public}.get
    row = record_row(1, code="A1")
    good = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])),
                                     orjson.dumps(["rows", "offering", [row]]),
                                     end({"offering": {"records": 1, "tombstones": 0}})])
    opened = open_bundle(good, registry, mic)
    assert opened.tables["offering"].rows == [row] and opened.counts == {"offering": {"records": 1, "tombstones": 0}}
    lying = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])),
                                      orjson.dumps(["rows", "offering", [row]]),
                                      end({"offering": {"records": 5, "tombstones": 0}})])
    with pytest.raises(ManifestMismatch, match="autres nombres"):
        _ = open_bundle(lying, registry, mic).tables
    foreign = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])),
                                        orjson.dumps(["rows", "offering", [[row[0], "ESITH", *row[2:]]]]),
                                        end({"offering": {"records": 1, "tombstones": 0}})])
    with pytest.raises(ManifestMismatch, match="establishment"):
        _ = open_bundle(foreign, registry, mic).tables
    other = craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public], sequence=2)),
                                      end({"offering": {"records": 0, "tombstones": 0}})])
    with pytest.raises(ManifestMismatch, match="contredit"):
        open_bundle(other, registry, mic)


def test_decompression_budget(identities) -> None:
    ecc, mic = identities["ECC"], identities["MIC"]
    rows = [record_row(i, code=f"C{i}", title="x" * 1000) for i in range(1, 201)]
    data = seal_bundle(ecc, [mic.public], bundle_id="00000000-0000-4000-8000-000000000002", sequence=1,
                       previous_hash=None, created_at="2026-01-01T00:00:00Z", manifest={"changes": {"after": 0, "up_to": 500}},
                       records={"offering": FormRecords(columns("offering"), rows)})
    with pytest.raises(DecompressionBudgetExceeded, match="budget"):
        open_bundle(data, {"ECC": ecc.public}.get, mic, Limits(max_plain=100_000))
    with pytest.raises(BundleTooLarge):
        open_bundle(data, {"ECC": ecc.public}.get, mic, Limits(max_file=1000))
    with pytest.raises(DecompressionBudgetExceeded, match="enregistrements"):
        _ = open_bundle(data, {"ECC": ecc.public}.get, mic, Limits(max_records=100)).tables
    assert len(open_bundle(data, {"ECC": ecc.public}.get, mic).records["offering"]) == 200


def test_a_lying_plain_length_is_caught_while_decompressing(identities) -> None:
    ecc, mic = identities["ECC"], identities["MIC"]
    data = seal_bundle(ecc, [mic.public], bundle_id="00000000-0000-4000-8000-000000000003", sequence=1,
                       previous_hash=None, created_at="2026-01-01T00:00:00Z",
                       manifest={"counts": {"offering": {"records": 0, "tombstones": 0}}}, records={"offering": []})

    def shrink(header):
        header["payload"]["plain_length"] = 10

    with pytest.raises(DecompressionBudgetExceeded):
        open_bundle(resign(data, ecc, shrink), {"ECC": ecc.public}.get, mic)


# --------------------------------------------------------------------------------------- hypothesis
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_only_raise_our_errors(identities, blob) -> None:
    with pytest.raises(BundleError):
        open_bundle(blob, {"ECC": identities["ECC"].public}.get, identities["MIC"])


@pytest.fixture(scope="module")
def small_bundle(identities) -> bytes:
    return seal_bundle(identities["ECC"], [identities["MIC"].public],
                       bundle_id="00000000-0000-4000-8000-000000000004", sequence=1, previous_hash=None,
                       created_at="2026-01-01T00:00:00Z",
                       manifest={"counts": {"offering": {"records": 1, "tombstones": 0}}},
                       records={"offering": [{"id": "a", "establishment": "ECC", "code": "X"}]})


@SETTINGS
@given(data=st.data())
def test_any_mutation_of_a_valid_bundle_is_refused_with_our_errors(identities, small_bundle, data) -> None:
    bundle = bytearray(small_bundle)
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "overwrite"]))
    pos = data.draw(st.integers(0, len(bundle) - 1))
    if kind == "flip":
        bundle[pos] ^= data.draw(st.integers(1, 255))
    elif kind == "truncate":
        del bundle[pos:]
    elif kind == "insert":
        bundle[pos:pos] = data.draw(st.binary(min_size=1, max_size=64))
    else:
        chunk = data.draw(st.binary(min_size=1, max_size=64))
        if bytes(bundle[pos:pos + len(chunk)]) == chunk:
            return
        bundle[pos:pos + len(chunk)] = chunk
    with pytest.raises(BundleError):
        open_bundle(bytes(bundle), {"ECC": identities["ECC"].public}.get, identities["MIC"])


@SETTINGS
@given(header=st.dictionaries(st.sampled_from(["type", "format_version", "bundle_id", "establishment",
                                                "signer_key_id", "sequence", "previous_hash", "recipients",
                                                "payload", "created_at"]),
                              st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20),
                                           lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c,
                                                                                               max_size=3),
                                           max_leaves=8)))
def test_hostile_headers_only_raise_our_errors(identities, header) -> None:
    body = orjson.dumps({"type": "kafaat-bundle", "format_version": 1, **header})
    blob = b"\x89KAFAAT\n" + struct.pack(">HI", 1, len(body)) + body + struct.pack(">I", 0)
    with pytest.raises(BundleError):
        open_bundle(blob, {"ECC": identities["ECC"].public}.get, identities["MIC"])


def test_parse_envelope_reads_the_header_without_keys(exported) -> None:
    data, _ = exported
    envelope = parse_envelope(data)
    assert envelope.header["establishment"] == "ECC"
    assert envelope.header["payload"]["length"] == len(envelope.payload)


def test_enrolled_list(mic) -> None:
    assert [p.code for p in list_enrolled(mic)] == ["ECC", "ESITH"]


def test_one_bundle_for_several_ministries_including_a_classic_x25519_key(identities) -> None:
    """Encrypted once: each named ministry opens it with its own key; a ministry whose file has no
    ML-KEM key gets a DHKEM(X25519) stanza."""
    from sync.keys import X25519 as X

    ecc, mic = identities["ECC"], identities["MIC"]
    classic = Identity("ministry", "MTNRA", "MTNRA", {k: v for k, v in identities["MTNRA"].private.items()
                                                      if k in ("ed25519", "ml-dsa-65", X)})
    data = seal_bundle(ecc, [mic.public, classic.public], bundle_id="00000000-0000-4000-8000-000000000005",
                       sequence=1, previous_hash=None, created_at="2026-01-01T00:00:00Z",
                       manifest={"changes": {"after": 0, "up_to": 9}},
                       records={"offering": FormRecords(columns("offering"), [record_row(1, code="X")])})
    kems = [r["kem"] for r in parse_envelope(data).header["recipients"]]
    assert kems == ["MLKEM768-X25519", "DHKEM-X25519-HKDF-SHA256"]
    for who in (mic, classic):
        opened = open_bundle(data, {"ECC": ecc.public}.get, who)
        assert opened.records["offering"][0]["code"] == "X"
    with pytest.raises(NotARecipient):
        open_bundle(data, {"ECC": ecc.public}.get, identities["MTNRA"])  # same code, another key


CELL_TYPES = {"text": st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
              "integer": st.none() | st.integers(-(2**53), 2**53),
              "boolean": st.none() | st.booleans()}


@SETTINGS
@given(rows=st.lists(st.tuples(CELL_TYPES["text"], CELL_TYPES["integer"], CELL_TYPES["boolean"]), max_size=40),
       dead=st.integers(0, 5), sequence=st.integers(1, 2**31 - 1))
def test_any_records_round_trip(identities, rows, dead, sequence) -> None:
    from sync.bundle import TOMBSTONE_COLUMNS

    ecc, mic = identities["ECC"], identities["MIC"]
    live = [record_row(i + 1, "cohort", academic_year=a, enrolled=n, final_year=b) for i, (a, n, b) in enumerate(rows)]
    tombstones = [[f"00000000-0000-4000-9000-{i:012d}", "ECC", 2, CREATED, CREATED, 100 + i] for i in range(dead)]
    table = FormRecords(columns("cohort"), iter([live[:7], live[7:]]), tombstones)  # batches, then a list
    data = seal_bundle(ecc, [mic.public], bundle_id="00000000-0000-4000-8000-000000000006", sequence=sequence,
                       previous_hash=None if sequence == 1 else "ab" * 32, created_at=CREATED,
                       manifest={"changes": {"after": 0, "up_to": 200}}, records={"cohort": table})
    opened = open_bundle(data, {"ECC": ecc.public}.get, mic)
    assert opened.tables["cohort"].rows == live and opened.tables["cohort"].tombstones == tombstones
    assert opened.counts == {"cohort": {"records": len(rows), "tombstones": dead}}
    assert list(TOMBSTONE_COLUMNS) == opened.tables["cohort"].columns[:6]


@pytest.mark.parametrize("member", ["previous_hash", "establishment"])
def test_a_trailing_line_feed_does_not_pass_for_a_well_formed_member(identities, member) -> None:
    """``$`` also matches before a final "\\n": the header's patterns must cover the whole value, as an
    independent reader of the specification does (``^[0-9a-f]{64}$`` is 64 characters, no more)."""
    ecc, mic = identities["ECC"], identities["MIC"]
    previous = "ab" * 32 + ("\n" if member == "previous_hash" else "")
    signer = ecc if member == "previous_hash" else Identity(ecc.role, "ECC\n", ecc.name, ecc.private)
    data = seal_bundle(signer, [mic.public], bundle_id="00000000-0000-4000-8000-000000000005", sequence=2,
                       previous_hash=previous, created_at="2026-01-01T00:00:00Z",
                       manifest={"counts": {"offering": {"records": 0, "tombstones": 0}}}, records={"offering": []})
    with pytest.raises(BundleMalformed, match=member):
        open_bundle(data, {"ECC": ecc.public, "ECC\n": signer.public}.get, mic)


@pytest.mark.parametrize("post_quantum", [True, False])
def test_a_recipient_entry_with_the_other_kem_is_a_decryption_failure(identities, post_quantum) -> None:
    """The establishment signed a stanza whose KEM does not fit the ministry's key: refused with our error
    (the HPKE suite raised TypeError, a crash of « ministry verify »)."""
    from sync.bundle import KEM_X25519, KEM_XWING
    from sync.keys import MLKEM768

    ecc = identities["ECC"]
    ministry = identities["MIC"]
    if not post_quantum:
        ministry = Identity(ministry.role, ministry.code, ministry.name,
                            {k: v for k, v in ministry.private.items() if k != MLKEM768})
    data = seal_bundle(ecc, [ministry.public], bundle_id="00000000-0000-4000-8000-000000000006", sequence=1,
                       previous_hash=None, created_at="2026-01-01T00:00:00Z",
                       manifest={"counts": {"offering": {"records": 0, "tombstones": 0}}}, records={"offering": []})
    other = KEM_X25519 if post_quantum else KEM_XWING

    def swap(header):
        header["recipients"][0]["kem"] = other

    with pytest.raises(DecryptionFailed, match=other):
        open_bundle(resign(data, ecc, swap), {"ECC": ecc.public}.get, ministry)
