"""Bundles, receipts, key files and enrolment requests that are damaged, tampered with, replayed, out of order
or forked, given to the real command: each is refused (exit 1) with a message naming the file and the
reason, and nothing changes in the data folder (compared byte for byte), as ``quality.md`` and
``docs/ministry-cli.md`` promise."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

from tests.conftest import OFFERING
from tests.contract.conftest import Pair, add, kafaat, ok, refused, tree_digest


def header_of(data: bytes) -> tuple[int, dict]:
    (h,) = struct.unpack(">I", data[10:14])
    return h, json.loads(data[14:14 + h])


def with_header(data: bytes, header: dict) -> bytes:
    h, _ = header_of(data)
    new = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    return data[:10] + struct.pack(">I", len(new)) + new + data[14 + h:]


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def national(pair: Pair, form: str = "offering") -> list[dict]:
    return ok("ministry", "records", form, "--json", data=pair.min).json()


def test_damaged_bundles_out_of_order_replayed_and_forked(pair: Pair, tmp_path: Path) -> None:
    est, mini, usb = pair.est, pair.min, tmp_path / "usb"
    b1 = pair.bundle1
    # The next two bundles, and a fork of n° 2 made from a copy of the folder (a restored old PC).
    shutil.copytree(est, tmp_path / "fork")
    add(est, "offering", OFFERING | {"code": "LP-DATA", "title": "Licence data"})
    ok("bundle", "export", usb, data=est)
    add(est, "offering", OFFERING | {"code": "LP-CLOUD", "title": "Licence cloud"})
    ok("bundle", "export", usb, data=est)
    b2, b3 = sorted(usb.glob("*.kfb"))
    assert (b2.name, b3.name) == ("kafaat-ECC-000002.kfb", "kafaat-ECC-000003.kfb")
    add(tmp_path / "fork", "offering", OFFERING | {"code": "LP-FORK", "title": "Licence fourche"})
    ok("bundle", "export", tmp_path / "forked", data=tmp_path / "fork")
    (fork,) = (tmp_path / "forked").glob("*.kfb")

    data = b1.read_bytes()
    h, header = header_of(data)
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    readdressed = json.loads(json.dumps(header))
    readdressed["recipients"][0]["ministry"] = "MTNRA"
    made = {
        "tronque.kfb": data[:-100],
        "allonge.kfb": data + b"\x00" * 16,
        "octet-charge-utile.kfb": flip(data, len(data) - 5),
        "octet-en-tete.kfb": flip(data, 14 + h // 2),
        "octet-signature.kfb": flip(data, 14 + h + 4 + 30),
        "readresse.kfb": with_header(data, readdressed),
        "pas-un-lot.kfb": b"PK\x03\x04" + b"\x00" * 200,
        "vide.kfb": b"",
    }
    for name, content in made.items():
        (hostile / name).write_bytes(content)

    before = tree_digest(mini, journals=True)
    run = kafaat("ministry", "consolidate", hostile, "--json", data=mini)
    assert run.code == 1, run.err
    report = run.json()
    states = {Path(line["file"]).name: line for line in report["bundles"]}
    assert set(states) == set(made)
    for name, line in states.items():
        assert line["state"] == "refused" and line["reason"], (name, line)
    assert report["summary"]["refused"] == len(made) and report["summary"]["applied"] == 0
    assert tree_digest(mini, journals=True) == before, "a refused bundle changes nothing"
    # In text: every refused file is named, with its reason.
    text = refused("ministry", "consolidate", hostile, data=mini)
    for name in made:
        assert name in text.err, (name, text.err)
    one = refused("ministry", "verify", hostile / "octet-charge-utile.kfb", data=mini)
    assert "octet-charge-utile.kfb" in one.err + one.out
    assert tree_digest(mini, journals=True) == before

    # A gap is held; the missing bundle fills it, in any order on the command line.
    held = ok("ministry", "consolidate", b3, "--json", data=mini).json()["bundles"]
    assert [(b["state"], b["waiting_for"]) for b in held] == [("held", 1)] or \
        [(b["state"], b["waiting_for"]) for b in held] == [("held", 2)]
    assert national(pair) == []
    (status,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    assert status["held"] == [3] and status["last_sequence"] == 0
    filled = ok("ministry", "consolidate", b2, b1, "--receipts", tmp_path / "receipts", "--json",
                data=mini).json()
    order = [(b["sequence"], b["state"], b["applied_later"]) for b in filled["bundles"]]
    assert [(s, st) for s, st, _ in order] == [(1, "applied"), (2, "applied"), (3, "applied")], order
    assert order[-1][2] is True
    codes = sorted(r["code"] for r in national(pair))
    assert codes == sorted([OFFERING["code"], "FC-IA", "LP-DATA", "LP-CLOUD"]) or len(codes) == 4
    (status,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    assert status["last_sequence"] == 3 and status["held"] == [] and status["waiting_for"] is None

    # A replay is a no-op; a fork is refused as an incident naming both hashes; nothing else changes.
    records_before = national(pair)
    run = kafaat("ministry", "consolidate", b1, fork, "--json", data=mini)
    assert run.code == 1
    lines = {Path(b["file"]).name: b for b in run.json()["bundles"]}
    assert lines[b1.name]["state"] == "duplicate"
    forked = lines[fork.name]
    # n° 2 again, with another hash, once n° 3 is applied: a rollback (a lower number than the last applied).
    assert forked["state"] == "rollback" and forked["security_incident"] is True
    b2_hash = filled["bundles"][1]["bundle_hash"]
    assert b2_hash in forked["reason"] and forked["bundle_hash"] in forked["reason"]
    assert national(pair) == records_before

    # The establishment takes the receipts; a tampered one is refused and changes nothing.
    receipts = sorted((tmp_path / "receipts").glob("*.json"))
    assert [r.name for r in receipts] == [f"accuse-MIC-ECC-{n}.json" for n in (1, 2, 3)]
    doc = json.loads(receipts[0].read_text(encoding="utf-8"))
    body = json.loads(doc["signed"])
    body["accepted"] = {form: count + 1 for form, count in body["accepted"].items()}
    doc["signed"] = json.dumps(body, separators=(",", ":"), sort_keys=True)
    (tmp_path / "tampered.json").write_text(json.dumps(doc), encoding="utf-8")
    before_est = tree_digest(est)
    run = refused("receipt", "import", tmp_path / "tampered.json", data=est)
    assert "tampered.json" in run.err
    assert tree_digest(est) == before_est
    # A receipt for a bundle another folder wrote (the fork's n° 2 was never sent from here): refused too.
    ok("receipt", "import", receipts[0], data=est)


def test_a_bundle_for_another_ministry_is_not_read(pair: Pair, tmp_path: Path) -> None:
    other = tmp_path / "mtnra"
    ok("init", "--role", "ministry", "--ministry", "MTNRA", data=other)
    ok("ministry", "enroll", pair.root / "request.json", "--yes", data=other)
    before = tree_digest(other, journals=True)
    run = kafaat("ministry", "consolidate", pair.bundle1, "--json", data=other)
    assert run.code == 1
    (line,) = run.json()["bundles"]
    assert line["state"] == "refused" and "MTNRA" in line["reason"]
    assert tree_digest(other, journals=True) == before


def test_tampered_key_file_and_wrong_passphrase_write_nothing(pair: Pair, tmp_path: Path) -> None:
    est = pair.est
    add(est, "offering", OFFERING | {"code": "LP-KEYS", "title": "Licence clés"})
    key_file = est / "keys" / "identity.json"
    original = key_file.read_bytes()
    doc = json.loads(original)
    weak = json.loads(original)
    weak["kdf"]["log2_n"] = 14  # cheaper to guess: refused (§ 4)
    flipped = dict(doc, ciphertext=doc["ciphertext"][:-8] + ("A" if doc["ciphertext"][-8] != "A" else "B")
                   + doc["ciphertext"][-7:])
    renamed = dict(doc, name="Une autre école")  # the associated data covers every member
    for variant in (weak, flipped, renamed):
        key_file.write_text(json.dumps(variant, ensure_ascii=False), encoding="utf-8")
        before = tree_digest(est)
        run = refused("bundle", "export", tmp_path / "usb", data=est)
        assert "identity.json" in run.err or "clé" in run.err, run.err
        assert tree_digest(est) == before
        assert not (tmp_path / "usb").exists() or not list((tmp_path / "usb").iterdir())
    key_file.write_bytes(original)
    before = tree_digest(est)
    run = refused("bundle", "export", tmp_path / "usb", data=est, env={"KAFAAT_PASSPHRASE": "pas la bonne"})
    assert "phrase de passe" in run.err
    assert tree_digest(est) == before
    # No number was used by the refusals: the next bundle is n° 2.
    assert "n° 2" in ok("bundle", "export", tmp_path / "usb", data=est).out
    assert [p.name for p in (tmp_path / "usb").iterdir()] == ["kafaat-ECC-000002.kfb"]


def test_enrolment_requests_that_speak_for_another_establishment(pair: Pair, tmp_path: Path) -> None:
    mini = pair.min
    doc = json.loads((pair.root / "request.json").read_text(encoding="utf-8"))
    body = json.loads(doc["signed"])
    body["code"] = "ESITH"  # ECC's keys claiming to be ESITH: the self-signature breaks
    doc["signed"] = json.dumps(body, separators=(",", ":"), sort_keys=True)
    (tmp_path / "esith.json").write_text(json.dumps(doc), encoding="utf-8")
    before = tree_digest(mini, journals=True)
    run = refused("ministry", "enroll", tmp_path / "esith.json", "--yes", data=mini)
    assert "esith.json" in run.err
    # Another PC that calls itself ECC: a new key for an enrolled establishment needs --replace.
    ok("init", "--role", "establishment", "--establishment", "ECC", data=tmp_path / "other")
    ok("keys", "enrollment-request", tmp_path / "other.json", data=tmp_path / "other")
    run = refused("ministry", "enroll", tmp_path / "other.json", "--yes", data=mini)
    assert "--replace" in run.err
    # A ministry's own key file is not an establishment's request.
    refused("ministry", "enroll", pair.root / "ministry.pub.json", "--yes", data=mini)
    assert tree_digest(mini, journals=True) == before
    enrolled = ok("ministry", "enrolled", "--json", data=mini).json()
    assert [(e["code"], e["state"]) for e in enrolled] == [("ECC", "active")]
