"""The registry's life as ``docs/ministry-cli.md`` tells it, through the real command: a key rotation keeps the
chain; a revoked key's bundles are refused; a lost PC re-enrolled with ``--replace`` starts a new chain with a
complete export; a receipt written again is the same statement; the establishments list travels signed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import OFFERING
from tests.contract.conftest import Pair, add, kafaat, ok, refused, tree_digest


def ecc(mini: Path) -> dict:
    (status,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    return status


def test_rotation_revocation_and_a_lost_pc(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    ok("ministry", "consolidate", pair.bundle1, "--receipts", tmp_path / "receipts", data=mini)
    # The receipt written again names the same bundle, under the standard name in a folder.
    (tmp_path / "again").mkdir()
    ok("ministry", "receipt", "ECC", "1", tmp_path / "again", data=mini)
    first = json.loads(json.loads((tmp_path / "receipts" / "accuse-MIC-ECC-1.json").read_text())["signed"])
    again = json.loads(json.loads((tmp_path / "again" / "accuse-MIC-ECC-1.json").read_text())["signed"])
    assert {k: v for k, v in first.items() if k != "issued_at"} == {k: v for k, v in again.items() if k != "issued_at"}

    # Rotation: the request goes to the ministry, which applies it with « ministry enroll »; the chain goes on.
    ok("keys", "rotate", tmp_path / "rotation.json", data=est)
    ok("ministry", "enroll", tmp_path / "rotation.json", "--yes", data=mini)
    states = {e["state"] for e in ok("ministry", "enrolled", "--json", data=mini).json()}
    assert states == {"active", "rotated"}
    add(est, "offering", OFFERING | {"code": "LP-ROT", "title": "Après rotation"})
    ok("bundle", "export", tmp_path / "usb2", data=est)
    (b2,) = (tmp_path / "usb2").glob("*.kfb")
    (line,) = ok("ministry", "consolidate", b2, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["sequence"]) == ("applied", 2)

    # Revocation: what the revoked key signs afterwards is refused, and changes nothing.
    ok("ministry", "revoke", "ECC", "--yes", data=mini)
    add(est, "offering", OFFERING | {"code": "LP-REV", "title": "Après révocation"})
    ok("bundle", "export", tmp_path / "usb3", data=est)
    (b3,) = (tmp_path / "usb3").glob("*.kfb")
    before = tree_digest(mini, journals=True)
    run = kafaat("ministry", "consolidate", b3, "--json", data=mini)
    assert run.code == 1 and run.json()["bundles"][0]["state"] == "refused"
    assert tree_digest(mini, journals=True) == before
    assert ecc(mini)["enrolled"] is False and ecc(mini)["last_sequence"] == 2

    # A lost PC: a new folder, re-enrolled with --replace; its complete export starts the new chain at n° 1.
    new = tmp_path / "nouveau-pc"
    ok("init", "--role", "establishment", "--establishment", "ECC", data=new)
    ok("recipients", "add", pair.root / "ministry.pub.json", "--yes", data=new)
    ok("keys", "enrollment-request", tmp_path / "nouveau.json", data=new)
    ok("ministry", "enroll", tmp_path / "nouveau.json", "--replace", "--yes", data=mini)
    add(new, "offering", OFFERING | {"code": "LP-NEW", "title": "Nouveau poste"})
    ok("bundle", "export", tmp_path / "usb4", "--full", data=new)
    (b4,) = (tmp_path / "usb4").glob("*.kfb")
    (line,) = ok("ministry", "consolidate", b4, "--json", data=mini).json()["bundles"]
    assert (line["state"], line["sequence"]) == ("applied", 1)
    status = ecc(mini)
    assert status["enrolled"] is True and status["last_sequence"] == 1 and status["chain"] == 2
    # A complete export is the establishment's whole state: what it does not name is deleted nationally.
    codes = {r["code"] for r in ok("ministry", "records", "offering", "--json", data=mini).json()}
    assert codes == {"LP-NEW"}
    # The old key's bundles are refused from now on.
    run = kafaat("ministry", "consolidate", b3, "--json", data=mini)
    assert run.code == 1 and run.json()["bundles"][0]["state"] in ("refused", "rollback", "fork")


def test_the_establishments_list_travels_signed(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    (tmp_path / "liste.csv").write_text(
        "code;label_fr;label_ar;label_en;city;region;supervising_ministry\n"
        "ENSAK;École Nationale des Sciences Appliquées de Khouribga;المدرسة الوطنية للعلوم التطبيقية بخريبكة;"
        "National School of Applied Sciences of Khouribga;Khouribga;05;MESRSI\n", encoding="utf-8")
    ok("ministry", "establishments", "import", tmp_path / "liste.csv", data=mini)
    assert "ENSAK" in {s["establishment"] for s in ok("ministry", "status", "--json", data=mini).json()}
    ok("ministry", "reference-update", tmp_path / "maj.json", data=mini)
    ok("reference", "import", tmp_path / "maj.json", data=est)
    # A new school applies it before « kafaat init » and can then be initialised under its code.
    school = tmp_path / "ensak"
    ok("reference", "import", tmp_path / "maj.json", "--ministry-key", pair.root / "ministry.pub.json", "--yes",
       data=school)
    ok("init", "--role", "establishment", "--establishment", "ENSAK", data=school)
    # A tampered update, or a line of the list that breaks a rule: refused, nothing changed.
    doc = json.loads((tmp_path / "maj.json").read_text(encoding="utf-8"))
    doc["signed"] = doc["signed"].replace("Khouribga", "Kouribga")
    (tmp_path / "maj-alteree.json").write_text(json.dumps(doc), encoding="utf-8")
    before = tree_digest(est, mini)
    assert "maj-alteree.json" in refused("reference", "import", tmp_path / "maj-alteree.json", data=est).err
    (tmp_path / "mauvaise.csv").write_text("code;label_fr\nbad code;X\n", encoding="utf-8")
    assert "mauvaise.csv" in refused("ministry", "establishments", "import", tmp_path / "mauvaise.csv",
                                     data=mini).err
    assert tree_digest(est, mini) == before
