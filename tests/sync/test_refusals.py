"""The loop back to the establishment: a receipt naming refused records marks them (``records list``, its
JSON), until a corrected version is made and sent (issue « consolidation », item 5)."""

from __future__ import annotations

import orjson

from desktop.cli import main
from sync.bundle import open_bundle
from sync.outbox import export_bundle, import_receipt
from sync.receipts import sign_receipt
from sync.refusals import open_refusals
from tests.sync.helpers import populate


def _receipt(identities, data: bytes, refused: list[dict]) -> bytes:
    opened = open_bundle(data, {"ECC": identities["ECC"].public}.get, identities["MIC"])
    counts = opened.counts
    return sign_receipt(identities["MIC"], establishment="ECC", bundle_id=opened.header["bundle_id"],
                        sequence=opened.sequence, bundle_hash=opened.bundle_hash,
                        accepted={f: c["records"] + c["tombstones"] for f, c in counts.items()},
                        refused={f: sum(1 for r in refused if r["form"] == f) for f in counts},
                        refused_records=refused)


def test_refused_records_are_shown_until_a_corrected_version_is_sent(est, identities, tmp_path, capsys,
                                                                     monkeypatch) -> None:
    store = est.records()
    ids = populate(store)
    first = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    reason = "offering : l'offre liée est inconnue au ministère"
    import_receipt(est, _receipt(identities, first, [{"form": "internship", "id": ids["internship"],
                                                      "reasons": [reason]}]))
    refusals = open_refusals(est)
    assert list(refusals) == ["internship"] and refusals["internship"][ids["internship"]][0].sequence == 1

    monkeypatch.setenv("KAFAAT_PASSPHRASE", "inutile ici")
    assert main(["--data-dir", str(est.root), "records", "list", "internship", "--json"]) == 0
    listed = {r["id"]: r for r in orjson.loads(capsys.readouterr().out)}
    assert listed[ids["internship"]]["refused_by"] == [{"ministry": "MIC", "sequence": 1, "reasons": [reason]}]
    assert main(["--data-dir", str(est.root), "records", "list", "internship"]) == 0
    assert "✖ refusé par MIC (lot n° 1)" in capsys.readouterr().out

    # corrected at the establishment: no longer shown as refused (the next bundle carries the new version)
    record = store.get("internship", ids["internship"])
    store.save("internship", {**record.values, "host_city": "Rabat"}, record_id=record.id,
               expected_version=record.version)
    assert open_refusals(est) == {}
    second = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    import_receipt(est, _receipt(identities, second, []))
    assert open_refusals(est) == {}


def test_a_record_refused_again_by_a_later_bundle_stays_refused(est, identities, tmp_path) -> None:
    store = est.records()
    ids = populate(store)
    first = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    import_receipt(est, _receipt(identities, first, [{"form": "cohort", "id": ids["cohort"], "reasons": ["a"]}]))
    record = store.get("cohort", ids["cohort"])
    store.save("cohort", {**record.values, "scholarship": 2}, record_id=record.id, expected_version=record.version)
    second = export_bundle(est, identities["ECC"], tmp_path / "usb").path.read_bytes()
    import_receipt(est, _receipt(identities, second, [{"form": "cohort", "id": ids["cohort"], "reasons": ["b"]}]))
    [refusal] = open_refusals(est)["cohort"][ids["cohort"]]
    assert refusal.sequence == 2 and refusal.reasons == ("b",)
