"""``shared/brief/cli.md``: every command and option it lists exists; misuse is exit 2, a refused input exit 1
with a clear message on stderr (in ``--lang``), never a traceback; a refusal changes nothing."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.contract.conftest import Pair, kafaat, ok, refused, tree_digest

COMMANDS = {
    (): ["init", "forms", "records", "template", "import", "export-xlsx", "keys", "recipients", "bundle", "receipt",
         "ministry", "reference", "backup", "restore", "selftest"],
    ("records",): ["list", "add", "delete"],
    ("keys",): ["show", "enrollment-request", "rotate"],
    ("recipients",): ["add", "list"],
    ("bundle",): ["export"],
    ("receipt",): ["import"],
    ("reference",): ["import"],
    ("ministry",): ["public-key", "enroll", "verify", "consolidate", "receipt", "status", "records", "export-xlsx",
                    "revoke", "enrolled", "establishments", "reference-update", "report"],
    ("ministry", "establishments"): ["import"],
}
OPTIONS = {  # the options no other test here uses (each process costs a start-up)
    ("init",): ["--role", "--establishment", "--operator", "--ministry", "--db"],
    ("bundle", "export"): ["--full"],
    ("ministry", "enroll"): ["--replace", "--yes"],
    ("ministry", "records"): ["--establishment", "--json", "--deleted"],
}


def test_every_documented_command_and_option_exists() -> None:
    wanted = list(COMMANDS) + list(OPTIONS)
    with ThreadPoolExecutor(4) as pool:
        helps = dict(zip(wanted, pool.map(lambda path: kafaat(*path, "--help"), wanted), strict=True))
    for path, help_run in helps.items():
        assert help_run.code == 0, path
        for name in COMMANDS.get(path, []) + OPTIONS.get(path, []):
            assert re.search(rf"(^|[\s{{,]){re.escape(name)}([\s,}}=]|$)", help_run.out, re.M), (path, name)
    assert "--data-dir" in helps[()].out and "--lang" in helps[()].out


def test_misuse_is_exit_2_and_an_uninitialised_folder_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "vide"
    usage = [("records", "list"), ("records", "list", "inconnu"), ("template", "inconnu", tmp_path / "x.xlsx"),
             ("ministry", "records", "inconnu"), ("ministry", "export-xlsx", "inconnu", tmp_path / "x.xlsx"),
             ("records", "list", "offering", "--status", "peut-etre"), ("init", "--role", "inconnu"),
             ("ministry", "receipt", "ECC", "un", tmp_path)]
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda args: kafaat(*args, data=empty), usage))
    for args, run in zip(usage, runs, strict=True):
        assert run.code == 2, (args, run.err)
        assert "utilisation" in run.err, (args, run.err)
    for args in (("records", "list", "offering"), ("bundle", "export", tmp_path / "usb"), ("ministry", "status")):
        run = refused(*args, data=empty)
        assert "kafaat init" in run.err, (args, run.err)
    assert not empty.exists() or not any(empty.iterdir()), "nothing is created by a refused command"
    assert "is not a Kafaat data folder" in refused("records", "list", "offering", data=empty, lang="en").err
    assert "ليس مجلد بيانات" in refused("records", "list", "offering", data=empty, lang="ar").err


def test_refusals_on_a_real_pair(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    before = tree_digest(est, mini)
    # The wrong folder for the command.
    for args, folder in ((("ministry", "status"), est), (("ministry", "consolidate", pair.bundle1), est),
                         (("records", "list", "offering"), mini), (("bundle", "export", tmp_path / "usb"), mini),
                         (("import", "offering", tmp_path / "x.csv"), mini)):
        run = refused(*args, data=folder)
        assert str(folder) in run.err, (args, run.err)
    # Initialised twice; unknown codes.
    assert "déjà initialisé" in refused("init", "--role", "establishment", "--establishment", "ECC", data=est).err
    assert "INCONNU" in refused("init", "--role", "establishment", "--establishment", "INCONNU",
                                data=tmp_path / "n").err
    # A confirmation without a terminal and without --yes: refused, nothing trusted or enrolled.
    assert "--yes" in refused("recipients", "add", pair.root / "ministry.pub.json", data=est).err
    assert "--yes" in refused("ministry", "enroll", pair.root / "request.json", data=mini).err
    # Records: every problem, one per line, as « field: message »; unknown ids; bad JSON.
    run = refused("records", "add", "cohort", "--json", json.dumps({"academic_year": "2025", "women": -1}), data=est)
    lines = run.err.strip().splitlines()
    assert any(line.startswith("academic_year: ") for line in lines) and any(line.startswith("women: ")
                                                                            for line in lines)
    assert any(line.startswith("offering: ") for line in lines)
    run = refused("records", "add", "cohort", "--json", json.dumps({"academic_year": "2025"}), data=est, lang="en")
    assert "refused" in run.err.splitlines()[0] and "nothing was saved" in run.err
    refused("records", "add", "cohort", "--json", "{pas du json", data=est)
    refused("records", "delete", "offering", "00000000-0000-4000-8000-000000000000", data=est)
    # Files that are not what they should be.
    assert "file not found" in refused("import", "offering", tmp_path / "absent.xlsx", data=est, lang="en").err
    refused("receipt", "import", pair.root / "request.json", data=est)
    refused("recipients", "add", pair.root / "request.json", "--yes", data=est)
    refused("restore", pair.root / "request.json", data=est)
    refused("reference", "import", pair.root / "request.json", data=est)
    refused("ministry", "receipt", "ECC", "9", tmp_path / "r.json", data=mini)
    refused("ministry", "report", tmp_path / "r.xlsx", "--year", "2025", data=mini)
    refused("ministry", "consolidate", tmp_path / "absent", data=mini)
    assert tree_digest(est, mini) == before


def test_json_outputs_and_backup(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    forms = ok("forms", "--json").json()["forms"]
    assert [f["key"] for f in forms] == ["offering", "cohort", "internship", "rd_project", "ce_session"]
    for form in forms:
        assert set(form["label"]) == {"fr", "ar", "en"}
        for field in form["fields"]:
            assert {"key", "type", "required", "label"} <= set(field) and set(field["label"]) == {"fr", "ar", "en"}
            assert isinstance(field["required"], bool)
            assert ("choices" in field) == (field["type"] in ("choice", "multi_choice")), field["key"]
            assert ("link" in field) == (field["type"] == "link"), field["key"]
            if field["type"] == "identifier":
                re.compile(field["pattern"])
            for choice in field.get("choices", []):
                assert set(choice["label"]) == {"fr", "ar", "en"}
    drafts = ok("records", "list", "offering", "--json", "--status", "draft", data=est).json()
    complete = ok("records", "list", "offering", "--json", "--status", "complete", data=est).json()
    assert drafts == [] and {r["id"] for r in complete} == {pair.ids["offering"], pair.ids["ce_offering"]}
    for row in complete:
        assert re.fullmatch(r"[0-9a-f-]{36}", row["id"]) and row["status"] == "complete"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["accreditation_date"] or "2000-01-01")
    # A record updated by id through « records add »; then deleted (tombstone) and gone from the list.
    changed = dict(complete[0], capacity=31)
    for name in ("status", "version", "updated_at", "refused_by"):
        changed.pop(name, None)
    assert ok("records", "add", "offering", "--json", json.dumps(changed), data=est).out.strip() == changed["id"]
    again = {r["id"]: r for r in ok("records", "list", "offering", "--json", data=est).json()}
    assert again[changed["id"]]["capacity"] == 31 and again[changed["id"]]["version"] == 2
    ok("records", "delete", "ce_session", pair.ids["ce_session"], data=est)
    assert ok("records", "list", "ce_session", "--json", data=est).json() == []
    # Excel export and template are real workbooks.
    ok("export-xlsx", "offering", tmp_path / "offres.xlsx", data=est)
    ok("template", "cohort", tmp_path / "modele.xlsx", data=est)
    assert (tmp_path / "offres.xlsx").read_bytes()[:2] == b"PK" and (tmp_path / "modele.xlsx").read_bytes()[:2] == b"PK"
    # A consistent backup, restored.
    ok("backup", tmp_path / "copie.db", data=est)
    ok("records", "delete", "offering", pair.ids["ce_offering"], data=est)
    ok("restore", tmp_path / "copie.db", data=est)
    assert pair.ids["ce_offering"] in {r["id"] for r in ok("records", "list", "offering", "--json", data=est).json()}
    # The ministry's listings.
    assert ok("ministry", "status", "--json", data=mini).json()[0]["establishment"]
    assert ok("ministry", "records", "offering", "--json", data=mini).json() == []
    assert [e["code"] for e in ok("ministry", "enrolled", "--json", data=mini).json()] == ["ECC"]
