"""Promises of the documents that no other contract test checked, each against the real command in fresh
processes: the two entry points and the global options (``shared/brief/cli.md``, ``README.md``); the JSON
shapes of the ministry's commands, member by member (``docs/ministry-cli.md``); the pseudonyms of § 7 computed
independently from the programme key file (``docs/bundle-format.md``); bundle headers broken in each way § 3,
§ 8 and § 9 name; the whole loop on a PostgreSQL national store from the command line alone."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OFFERING
from tests.contract.conftest import FORMS, PASSPHRASE, Pair, add, kafaat, make_pair, ok, refused, tree_digest
from tests.contract.test_bundle_reader import (
    fingerprint,
    key_id,
    private_key_file,
    public_key_file,
    read_bundle,
)

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------------------ entry points, global options
def test_the_two_entry_points_the_version_and_the_data_folder(tmp_path: Path) -> None:
    """cli.md: « The installed command is kafaat; python -m desktop is the same program »; ``--data-dir``
    defaults to ``KAFAAT_HOME``; messages in French by default. README: ``kafaat --version`` prints the one
    version of ``forms/version.py``."""
    installed = Path(sys.executable).parent / ("kafaat.exe" if os.name == "nt" else "kafaat")
    assert installed.is_file(), "the installed command"
    env = {k: v for k, v in os.environ.items() if k not in ("KAFAAT_HOME", "KAFAAT_PASSPHRASE")}

    def run(*argv: str | Path, home: Path | None = None) -> subprocess.CompletedProcess:
        extra = {"KAFAAT_PASSPHRASE": PASSPHRASE} | ({"KAFAAT_HOME": str(home)} if home else {})
        return subprocess.run([*map(str, argv)], capture_output=True, text=True, env=env | extra, timeout=300)

    version = {}
    exec((ROOT / "forms" / "version.py").read_text(encoding="utf-8"), version)
    for argv in ([installed], [sys.executable, "-m", "desktop"]):
        done = run(*argv, "--version")
        assert done.returncode == 0 and version["__version__"] in done.stdout, done
    assert run(installed, "forms", "--json").stdout == run(sys.executable, "-m", "desktop", "forms", "--json").stdout

    home, other = tmp_path / "maison", tmp_path / "autre"
    done = run(installed, "init", "--role", "establishment", "--establishment", "ECC", home=home)
    assert done.returncode == 0, done.stderr
    assert (home / "keys" / "identity.json").is_file() and not other.exists()
    assert run(installed, "records", "add", "offering", "--json", json.dumps(OFFERING), home=home).returncode == 0
    listed = run(installed, "records", "list", "offering", "--json", home=home)
    assert [r["code"] for r in json.loads(listed.stdout)] == [OFFERING["code"]]
    # --data-dir wins over KAFAAT_HOME; the refusal is French by default, English with --lang en.
    done = run(installed, "--data-dir", other, "records", "list", "offering", home=home)
    assert done.returncode == 1 and str(other) in done.stderr and "kafaat init" in done.stderr
    assert "n'est pas" in done.stderr or "pas un dossier" in done.stderr, done.stderr
    done = run(installed, "--data-dir", other, "--lang", "en", "records", "list", "offering", home=home)
    assert done.returncode == 1 and "is not a Kafaat data folder" in done.stderr
    assert not other.exists(), "a refused command creates nothing"
    # A wrong usage is 2, on stderr, stdout empty.
    done = run(installed, "records", "list", home=home)
    assert done.returncode == 2 and done.stdout == "" and done.stderr


# ------------------------------------------------------------------------------------ the ministry's JSON
STATUS_MEMBERS = {"establishment", "name", "region", "enrolled", "key_state", "chain", "last_sequence",
                  "last_created_at", "last_received_at", "records", "held", "waiting_for", "refused_records", "late",
                  "days_since", "reporting_period_days"}
BUNDLE_MEMBERS = {"file", "state", "establishment", "sequence", "bundle_hash", "reason", "security_incident",
                  "records", "accepted", "refused", "refused_records", "problems", "waiting_for", "receipt",
                  "applied_later"}
SUMMARY_MEMBERS = {"applied", "duplicate", "held", "already_held", "refused", "fork", "rollback", "records_accepted",
                   "records_refused"}
VERIFY_MEMBERS = {"bundle_hash", "file_hash", "format_version", "establishment", "establishment_name", "sequence",
                  "signer_fingerprint", "manifest", "records", "invalid", "dropped_fields"}
MANIFEST_MEMBERS = {"type", "format_version", "bundle_id", "establishment", "signer_key_id", "sequence",
                    "previous_hash", "created_at", "recipients", "establishment_name", "period", "changes", "full",
                    "drafts_left_out", "tables", "withheld", "pseudonym_key", "schema_version", "application_version"}


def test_the_json_shapes_of_the_ministry(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    forms = {f["key"]: f for f in ok("forms", "--json").json()["forms"]}
    request, _ = public_key_file(pair.root / "request.json", "establishment")

    # verify --json: nothing is stored; the bundle hash is not the file's SHA-256 (format 2).
    before = tree_digest(mini)
    verified = ok("ministry", "verify", pair.bundle1, "--json", data=mini).json()
    assert tree_digest(mini) == before
    assert set(verified) == VERIFY_MEMBERS
    assert verified["file_hash"] == verified["bundle_hash"] != hashlib.sha256(pair.bundle1.read_bytes()).hexdigest()
    assert (verified["format_version"], verified["establishment"], verified["sequence"]) == (2, "ECC", 1)
    assert verified["establishment_name"] == request["name"]
    assert set(verified["manifest"]) - {"counts"} == MANIFEST_MEMBERS
    assert set(verified["records"]) == set(FORMS) and verified["dropped_fields"] in ({}, [])
    assert not any(verified["invalid"].values())

    # consolidate --json (one object per bundle, a summary).
    report = ok("ministry", "consolidate", pair.bundle1, "--receipts", tmp_path / "accuses", "--json",
                data=mini).json()
    assert set(report) == {"bundles", "summary"} and set(report["summary"]) == SUMMARY_MEMBERS
    (line,) = report["bundles"]
    assert set(line) >= BUNDLE_MEMBERS, BUNDLE_MEMBERS - set(line)
    assert (line["state"], line["establishment"], line["sequence"], line["reason"], line["security_incident"],
            line["waiting_for"], line["applied_later"]) == ("applied", "ECC", 1, None, False, None, False)
    assert line["bundle_hash"] == verified["bundle_hash"]
    assert line["records"] == sum(verified["records"].values()) == 6
    assert Path(line["receipt"]).name == "accuse-MIC-ECC-1.json" and Path(line["receipt"]).is_file()
    assert report["summary"]["applied"] == 1 and report["summary"]["records_accepted"] == line["records"]

    # status --json: one object per establishment of the reference list, late ones first, then by code.
    status = ok("ministry", "status", "--json", data=mini).json()
    assert isinstance(status, list) and len(status) > 1
    for item in status:
        assert set(item) == STATUS_MEMBERS, set(item) ^ STATUS_MEMBERS
        assert set(item["records"]) == set(FORMS)
    assert [(not s["late"], s["establishment"]) for s in status] == sorted((not s["late"], s["establishment"])
                                                                           for s in status)
    (ecc,) = [s for s in status if s["establishment"] == "ECC"]
    assert (ecc["enrolled"], ecc["key_state"], ecc["last_sequence"], ecc["held"], ecc["late"]) == (
        True, "active", 1, [], False)
    assert ecc["reporting_period_days"] == 30 and ecc["records"]["offering"] == 2
    never = [s for s in status if not s["enrolled"]]
    assert never and all(s["late"] and s["last_sequence"] == 0 and s["days_since"] is None for s in never)

    # records --json: as records list, plus the national members; withheld fields absent; deleted ones only
    # with --deleted.
    for form in FORMS:
        withheld = {f["key"] for f in forms[form]["fields"] if f.get("sharing") == "withheld"}
        national = ok("ministry", "records", form, "--json", data=mini).json()
        local = {r["id"]: r for r in ok("records", "list", form, "--json", data=est).json()}
        assert {r["id"] for r in national} == set(local), form
        for row in national:
            assert {"id", "status", "version", "updated_at", "establishment", "establishment_name", "created_at",
                    "change_seq", "deleted", "bundle_sequence"} <= set(row), form
            assert (row["status"], row["establishment"], row["deleted"], row["bundle_sequence"]) == (
                "complete", "ECC", False, 1)
            assert not withheld & set(row), (form, withheld & set(row))
            assert row["version"] == local[row["id"]]["version"]
    ok("records", "delete", "ce_session", pair.ids["ce_session"], data=est)
    ok("bundle", "export", tmp_path / "usb", data=est)
    (b2,) = (tmp_path / "usb").glob("*.kfb")
    ok("ministry", "consolidate", b2, data=mini)
    assert ok("ministry", "records", "ce_session", "--json", data=mini).json() == []
    (gone,) = ok("ministry", "records", "ce_session", "--json", "--deleted", data=mini).json()
    assert (gone["id"], gone["deleted"], gone["bundle_sequence"]) == (pair.ids["ce_session"], True, 2)
    assert {"code", "establishment"} <= set(ok("ministry", "records", "offering", "--json", "--establishment", "ECC",
                                              data=mini).json()[0])

    # enrolled --json.
    (key,) = ok("ministry", "enrolled", "--json", data=mini).json()
    assert {"code", "name", "role", "key_id", "fingerprint", "algorithms", "state", "chain", "enrolled_at",
            "ended_at"} <= set(key)
    assert (key["code"], key["role"], key["state"], key["ended_at"]) == ("ECC", "establishment", "active", None)


# ------------------------------------------------------------------------------------------------ § 7
def test_pseudonyms_are_computed_as_section_7_says(tmp_path: Path) -> None:
    est, mini = make_pair(tmp_path)
    keeper = tmp_path / "depositaire"
    ok("programme-key", "create", tmp_path / "cle-1.json", data=keeper)
    raw = (tmp_path / "cle-1.json").read_bytes()
    assert len(raw) <= 4096
    doc = json.loads(raw)
    assert set(doc) == {"type", "version", "key_version", "created_at", "key"}
    assert (doc["type"], doc["version"], doc["key_version"]) == ("kafaat-programme-key", 1, 1)
    key = base64.b64decode(doc["key"], validate=True)
    assert len(key) == 32
    kid = hashlib.sha256(b"kafaat/programme-key-id/v1\x00" + struct.pack(">H", 1) + key).hexdigest()
    assert fingerprint(kid) in ok("programme-key", "import", tmp_path / "cle-1.json", "--yes", data=est).out
    assert fingerprint(kid) in ok("programme-key", "show", data=est).out
    # A ministry's folder refuses it (and is unchanged).
    before = tree_digest(mini)
    refused("programme-key", "import", tmp_path / "cle-1.json", "--yes", data=mini)
    assert tree_digest(mini) == before

    from tests.conftest import cohort_values, internship_values

    offering = add(est, "offering", OFFERING)
    cohort = add(est, "cohort", cohort_values(offering))
    add(est, "internship", internship_values(offering, cohort, student_code="  r130045678 "))

    def pseudonym(version: int, secret: bytes, code: str) -> str:
        mac = hmac.new(secret, b"kafaat/student-pseudonym/v1\x00" + code.strip().upper().encode(), "sha256")
        return f"p{version}-" + base64.b32encode(mac.digest()[:16]).decode().rstrip("=").lower()

    _, ministry_keys = public_key_file(tmp_path / "ministry.pub.json", "ministry")
    _, ministry_private = private_key_file(mini / "keys" / "identity.json")
    _, est_keys = public_key_file(tmp_path / "request.json", "establishment")

    def sent(bundle: Path) -> tuple[dict, list[str]]:
        read = read_bundle(bundle.read_bytes(), "MIC", key_id("ministry", "MIC", ministry_keys), ministry_private,
                           est_keys)
        columns = read["manifest"]["tables"]["internship"]["columns"]
        codes = [row[columns.index("student_code")] for part, form, rows in read["batches"]
                 if (part, form) == ("rows", "internship") for row in rows]
        return read["manifest"], codes

    ok("bundle", "export", tmp_path / "usb1", data=est)
    (b1,) = (tmp_path / "usb1").glob("*.kfb")
    manifest, codes = sent(b1)
    assert manifest["pseudonym_key"] == {"version": 1, "key_id": kid}
    assert codes == [pseudonym(1, key, "R130045678")], "trimmed, upper-cased, keyed (§ 7)"
    assert b"130045678" not in b1.read_bytes()
    ok("ministry", "consolidate", b1, data=mini)
    assert [r["student_code"] for r in ok("ministry", "records", "internship", "--json", data=mini).json()] == codes

    # A newer key replaces it; an older one never does; a complete export sends everything again under it.
    ok("programme-key", "create", tmp_path / "cle-2.json", "--key-version", "2", data=keeper)
    key2 = base64.b64decode(json.loads((tmp_path / "cle-2.json").read_text())["key"])
    ok("programme-key", "import", tmp_path / "cle-2.json", "--yes", data=est)
    before = tree_digest(est)
    refused("programme-key", "import", tmp_path / "cle-1.json", "--yes", data=est)
    assert tree_digest(est) == before
    ok("bundle", "export", tmp_path / "usb2", "--full", data=est)
    (b2,) = (tmp_path / "usb2").glob("*.kfb")
    manifest, codes = sent(b2)
    assert manifest["pseudonym_key"]["version"] == 2 and codes == [pseudonym(2, key2, "R130045678")]
    ok("ministry", "consolidate", b2, data=mini)
    assert [r["student_code"] for r in ok("ministry", "records", "internship", "--json", data=mini).json()] == codes


# ------------------------------------------------------------------------------------ broken headers
def broken_headers(data: bytes) -> dict[str, bytes]:
    (h,) = struct.unpack(">I", data[10:14])
    header = json.loads(data[14:14 + h])
    raw = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()

    def with_header(new: bytes) -> bytes:
        return data[:10] + struct.pack(">I", len(new)) + new + data[14 + h:]

    def changed(**members) -> bytes:
        return with_header(json.dumps(header | members, separators=(",", ":"), sort_keys=True).encode())

    payload = dict(header["payload"])
    return {
        "version-3.kfb": data[:8] + struct.pack(">H", 3) + data[10:],
        "version-0.kfb": data[:8] + struct.pack(">H", 0) + data[10:],
        "mode-texte.kfb": data.replace(b"\n", b"\r\n", 1),  # a text-mode transfer of the magic's line feed
        "en-tete-trop-long.kfb": data[:10] + struct.pack(">I", 262_145) + b" " * 262_145 + data[14 + h:],
        "en-tete-vide.kfb": data[:10] + struct.pack(">I", 0) + data[14 + h:],
        "membre-en-plus.kfb": changed(extra=1),
        "membre-en-double.kfb": with_header(raw[:-1] + b',"type":"kafaat-bundle"}'),
        "bom.kfb": with_header(b"\xef\xbb\xbf" + raw),
        "sequence-booleenne.kfb": changed(sequence=True),
        "sequence-trop-grande.kfb": changed(sequence=2_147_483_648),
        "precedent-nul-au-n2.kfb": changed(sequence=2),
        "precedent-au-n1.kfb": changed(previous_hash="0" * 64),
        "code-avec-saut.kfb": changed(establishment="ECC\n"),
        "date-a-fraction.kfb": changed(created_at=header["created_at"][:-1] + ".5Z"),
        "dix-sept-destinataires.kfb": changed(recipients=header["recipients"] * 17),
        "budget.kfb": changed(payload=payload | {"segments": 600, "length": 600 * 21,
                                                 "plain_length": 600 * 1_048_576}),
        "bloc-de-signatures.kfb": data[:14 + h] + struct.pack(">I", 3381) + data[18 + h:],
        "signature-en-plus.kfb": data[:14 + h] + struct.pack(">I", 3380) + b"\x03" + data[19 + h:],
    }


def test_headers_broken_each_way_the_format_names(pair: Pair, tmp_path: Path) -> None:
    mini = pair.min
    inbox = tmp_path / "arrivee"
    inbox.mkdir()
    made = broken_headers(pair.bundle1.read_bytes())
    for name, content in made.items():
        (inbox / name).write_bytes(content)
    huge = inbox / "trop-gros.kfb"  # § 9: 1 GiB at most, refused before it is read (a sparse file here)
    with huge.open("wb") as f:
        f.truncate(1024**3 + 1)
    before = tree_digest(mini, journals=True)
    run = kafaat("ministry", "consolidate", inbox, "--json", data=mini, lang="en")
    assert run.code == 1
    lines = {Path(b["file"]).name: b for b in run.json()["bundles"]}
    assert set(lines) == set(made) | {huge.name}
    for name, line in lines.items():
        assert line["state"] == "refused" and line["reason"] and not line["security_incident"], (name, line)
    assert tree_digest(mini, journals=True) == before
    text = refused("ministry", "consolidate", inbox, data=mini, lang="en").err
    said = {name: next(line for line in text.splitlines() if name in line) for name in lines}
    assert "update" in said["version-3.kfb"], said["version-3.kfb"]  # § 10: « created by a newer Kafaat »
    assert "1073741824" in said[huge.name].replace(" ", "").replace(",", ""), said[huge.name]
    assert "262144" in said["en-tete-trop-long.kfb"].replace(" ", "").replace(",", "")
    assert tree_digest(mini, journals=True) == before
    # The genuine file is applied afterwards.
    (line,) = ok("ministry", "consolidate", pair.bundle1, "--json", data=mini).json()["bundles"]
    assert line["state"] == "applied"


# ------------------------------------------------------------------------------------------ PostgreSQL
def test_the_whole_loop_on_postgresql_from_the_command_line(tmp_path: Path) -> None:
    """ministry-cli.md: ``init --role ministry --db URL``; the password is never written; the same commands on
    the shared server: enroll, verify, consolidate (gap held, filled), receipts, status, records, export-xlsx,
    report; the receipt goes back to the establishment."""
    from tests.sync.ministry.conftest import fresh_postgres_database, postgres_url

    if postgres_url() is None:
        pytest.skip("no PostgreSQL server")
    url, drop = fresh_postgres_database()
    try:
        est, sqlite_ministry = make_pair(tmp_path)
        national = tmp_path / "mesrsi"
        ok("init", "--role", "ministry", "--ministry", "MESRSI", "--db", url, data=national)
        assert not (national / "national.db").exists(), "the store is on the server"
        ok("ministry", "public-key", tmp_path / "mesrsi.pub.json", data=national)
        ok("recipients", "add", tmp_path / "mesrsi.pub.json", "--yes", data=est)
        ok("ministry", "enroll", tmp_path / "request.json", "--yes", data=national)
        from tests.contract.conftest import fill

        ids = fill(est)
        ok("bundle", "export", tmp_path / "usb", data=est)
        add(est, "offering", OFFERING | {"code": "LP-PG", "title": "Licence PostgreSQL"})
        ok("bundle", "export", tmp_path / "usb", data=est)
        b1, b2 = sorted((tmp_path / "usb").glob("*.kfb"))
        assert ok("ministry", "verify", b2, "--json", data=national).json()["sequence"] == 2
        (held,) = ok("ministry", "consolidate", b2, "--json", data=national).json()["bundles"]
        assert (held["state"], held["waiting_for"]) == ("held", 1)
        report = ok("ministry", "consolidate", b1, "--receipts", tmp_path / "accuses", "--json",
                    data=national).json()
        assert [(b["sequence"], b["state"], b["applied_later"]) for b in report["bundles"]] == [
            (1, "applied", False), (2, "applied", True)]
        (again,) = ok("ministry", "consolidate", b1, "--json", data=national).json()["bundles"]
        assert again["state"] == "duplicate"
        (ecc,) = [s for s in ok("ministry", "status", "--json", data=national).json() if s["establishment"] == "ECC"]
        assert (ecc["last_sequence"], ecc["held"], ecc["records"]["offering"]) == (2, [], 3)
        offerings = ok("ministry", "records", "offering", "--json", data=national).json()
        assert {r["id"] for r in offerings} >= {ids["offering"], ids["ce_offering"]} and len(offerings) == 3
        ok("ministry", "export-xlsx", "offering", tmp_path / "national.xlsx", "--establishment", "ECC", data=national)
        assert (tmp_path / "national.xlsx").read_bytes()[:2] == b"PK"
        ok("ministry", "report", tmp_path / "comite.xlsx", "--year", "2025-2026", data=national)
        assert (tmp_path / "comite.xlsx").read_bytes()[:2] == b"PK"
        receipts = sorted(p.name for p in (tmp_path / "accuses").iterdir())
        assert receipts == ["accuse-MESRSI-ECC-1.json", "accuse-MESRSI-ECC-2.json"]
        ok("ministry", "receipt", "ECC", "2", tmp_path / "encore.json", data=national)
        for name in receipts:
            ok("receipt", "import", tmp_path / "accuses" / name, data=est)
        # The same bundles, consolidated by the SQLite ministry too (both were recipients), agree.
        ok("ministry", "consolidate", b1, b2, data=sqlite_ministry)
        assert sorted(r["id"] for r in ok("ministry", "records", "offering", "--json", data=sqlite_ministry).json()) \
            == sorted(r["id"] for r in offerings)
    finally:
        drop()
