"""``docs/ministry-cli.md`` « What consolidation does », step 2: « a first bundle that is not n° 1 waits for n° 1
unless it is a complete export (``--full``), which may start the chain »; ``held`` (``ministry status --json``)
is « numbers of held bundles, waiting for ``waiting_for`` »; a rollback is « a number lower than the last
applied one, with another hash than the bundle applied under it ».

A ministry that hears of an establishment late (a ministry added to its recipients, a first USB key lost)
starts its chain with the establishment's complete export n° k. The bundles numbered below k were written by
the same establishment before it: nothing was ever applied under their numbers, and the complete export
already holds everything they carried. They were reported as rollbacks (« security incidents », exit 1) when
they arrived afterwards, and a bundle held before the complete export stayed « held, waiting for n° k + 1 »
for ever."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import OFFERING
from tests.contract.conftest import Pair, add, kafaat, ok


def ecc(mini: Path) -> dict:
    (status,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    return status


def test_bundles_older_than_the_complete_export_that_began_the_chain(pair: Pair, tmp_path: Path) -> None:
    est, mini, usb = pair.est, pair.min, tmp_path / "usb"
    add(est, "offering", OFFERING | {"code": "LP-DATA", "title": "Licence data"})
    ok("bundle", "export", usb, data=est)
    add(est, "offering", OFFERING | {"code": "LP-CLOUD", "title": "Licence cloud"})
    ok("bundle", "export", usb, "--full", data=est)
    b2, b3 = sorted(usb.glob("*.kfb"))
    assert (b2.name, b3.name) == ("kafaat-ECC-000002.kfb", "kafaat-ECC-000003.kfb")

    # n° 2 first: held, waiting for n° 1.
    (line,) = ok("ministry", "consolidate", b2, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["waiting_for"]) == ("held", 1)
    # The complete export n° 3 starts the chain: n° 2 (older, its content in n° 3) no longer waits.
    (line,) = ok("ministry", "consolidate", b3, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["sequence"]) == ("applied", 3)
    status = ecc(mini)
    assert status["last_sequence"] == 3
    assert status["held"] == [] and status["waiting_for"] is None, status
    records = ok("ministry", "records", "offering", "--json", data=mini).json()
    assert {r["code"] for r in records} == {OFFERING["code"], "FC-IA", "LP-DATA", "LP-CLOUD"}

    # The older bundles arrive afterwards (the first USB key found again): nothing to do, no incident.
    run = kafaat("ministry", "consolidate", pair.bundle1, b2, "--json", data=mini)
    assert run.code == 0, run.err
    lines = {Path(b["file"]).name: b for b in run.json()["bundles"]}
    for name in (pair.bundle1.name, b2.name):
        assert lines[name]["state"] == "duplicate", lines[name]
        assert lines[name]["security_incident"] is False
    assert run.json()["summary"]["rollback"] == 0
    assert ok("ministry", "records", "offering", "--json", data=mini).json() == records
    assert ecc(mini) | {"days_since": None} == status | {"days_since": None}
    # Said in the language of the reader, naming the complete export.
    text = ok("ministry", "consolidate", pair.bundle1, data=mini, lang="en")
    assert "complete export no. 3" in text.out + text.err, text
    # A later bundle goes on from n° 3 as usual.
    add(est, "offering", OFFERING | {"code": "LP-AI", "title": "Licence IA"})
    ok("bundle", "export", tmp_path / "usb4", data=est)
    (b4,) = (tmp_path / "usb4").glob("*.kfb")
    (line,) = ok("ministry", "consolidate", b4, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["sequence"]) == ("applied", 4)
