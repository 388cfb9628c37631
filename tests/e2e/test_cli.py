"""The ``kafaat`` command line end to end, on real data folders in temporary directories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from forms.definitions import FORMS
from tests.conftest import CE_OFFERING, OFFERING, cohort_values, internship_values, sample_values


def kafaat(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The real program in a fresh process, as support staff would run it."""
    full_env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | (env or {})
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=120)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch, capsys) -> Path:
    monkeypatch.setenv("KAFAAT_PASSPHRASE", "correct horse battery staple")
    data = tmp_path / "D"
    code = main(["--data-dir", str(data), "init", "--role", "establishment", "--establishment", "ECC",
                 "--operator", "Amina"])
    assert code == 0
    capsys.readouterr()
    return data


def add(capsys, folder: Path, form: str, values: dict, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(folder), "records", "add", form, "--json", json.dumps(values), *extra)


def test_done_when_scenario_in_fresh_processes(tmp_path: Path) -> None:
    data = str(tmp_path / "D")
    env = {"KAFAAT_PASSPHRASE": "une phrase de passe assez longue"}
    assert kafaat("--data-dir", data, "init", "--role", "establishment", "--establishment", "ECC", env=env
                  ).returncode == 0
    added = kafaat("--data-dir", data, "records", "add", "offering", "--json", json.dumps(OFFERING))
    assert added.returncode == 0, added.stderr
    offering_id = added.stdout.strip()
    wrong = kafaat("--data-dir", data, "records", "add", "cohort", "--json",
                   json.dumps(cohort_values(offering_id, men=20)))
    assert wrong.returncode == 1
    assert "women" in wrong.stderr and "men" in wrong.stderr and "enrolled" in wrong.stderr
    assert "femmes (13) + hommes (20)" in wrong.stderr and "rien n'a été enregistré" in wrong.stderr
    listed = kafaat("--data-dir", data, "records", "list", "cohort", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    good = kafaat("--data-dir", data, "records", "add", "cohort", "--json", json.dumps(cohort_values(offering_id)))
    assert good.returncode == 0, good.stderr
    listed = json.loads(kafaat("--data-dir", data, "records", "list", "cohort", "--json").stdout)
    assert [r["id"] for r in listed] == [good.stdout.strip()]
    assert listed[0]["women"] == 13 and listed[0]["offering"] == offering_id and listed[0]["status"] == "complete"


def test_kafaat_home_is_the_default_data_folder(tmp_path: Path) -> None:
    env = {"KAFAAT_HOME": str(tmp_path / "H"), "KAFAAT_PASSPHRASE": "une phrase de passe assez longue"}
    assert kafaat("init", "--role", "establishment", "--establishment", "ISCAE", env=env).returncode == 0
    assert (tmp_path / "H" / "kafaat.db").exists()
    assert kafaat("records", "list", "offering", "--json", env=env).stdout.strip() == "[]"


def test_subcommands_never_import_qt(folder: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"rc = main(['--data-dir', {str(folder)!r}, 'records', 'list', 'cohort', '--json'])\n"
        f"rc |= main(['forms', '--json'])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt importé'\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_forms_json_shape(capsys) -> None:
    code, out, _ = run(capsys, "forms", "--json")
    assert code == 0
    forms = {f["key"]: f for f in json.loads(out)["forms"]}
    assert list(forms) == ["offering", "cohort", "internship", "rd_project", "ce_session"]
    assert all(set(form["label"]) == {"fr", "ar", "en"} for form in forms.values())
    session = {f["key"]: f for f in forms["ce_session"]["fields"]}
    assert session["offering"]["link_conditions"] == [
        {"field": "training_type", "codes": ["CONTINUING"], "severity": "error",
         "message": session["offering"]["link_conditions"][0]["message"]}]
    project = {f["key"]: f for f in forms["rd_project"]["fields"]}
    assert project["lead_name"]["sharing"] == "withheld" and project["partners"]["sharing"] == "sent"
    assert {c["code"] for c in project["funding_sources"]["choices"]} == {"PARTNER", "PUBLIC_PROGRAMME",
                                                                          "OWN_FUNDS", "INTERNATIONAL"}
    fields = {f["key"]: f for f in forms["internship"]["fields"]}
    assert fields["offering"]["link"] == "offering" and fields["offering"]["type"] == "link"
    assert fields["host_ice"]["pattern"] == r"\d{15}"
    assert {c["code"] for c in fields["internship_type"]["choices"]} >= {"PFE", "INITIATION"}
    assert fields["final_mark"]["min"] == 0 and fields["final_mark"]["max"] == 20
    assert fields["start_date"]["min"] == "2000-01-01"
    assert fields["student_code"]["required"] is True and fields["host_ice"]["required"] is False
    assert "choices" not in fields["last_name"] and "link" not in fields["last_name"]


def test_forms_text_listing_in_arabic(capsys) -> None:
    code, out, _ = run(capsys, "--lang", "ar", "forms")
    assert code == 0 and "عرض التكوين" in out


def test_add_update_list_and_delete(capsys, folder: Path) -> None:
    code, out, err = add(capsys, folder, "offering", OFFERING)
    assert code == 0, err
    offering_id = out.strip()
    code, out, err = add(capsys, folder, "cohort", cohort_values(offering_id, year_of_study=3))
    assert code == 0, err
    assert "avertissement" in err and "year_of_study" in err
    cohort_id = out.strip()
    # Update: the listed object, changed, is accepted back (system members are ignored, version checked).
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "cohort", "--json")
    listed = json.loads(out)[0]
    listed.update(year_of_study=2, scholarship=12)
    code, out, err = add(capsys, folder, "cohort", listed)
    assert code == 0, err
    assert out.strip() == cohort_id
    # An id typed in capitals is the same record.
    code, out, err = add(capsys, folder, "cohort", {**listed, "id": listed["id"].upper(), "version": 2})
    assert code == 0 and out.strip() == cohort_id, err
    listed["version"] = 2
    # A stale version is refused.
    code, _, err = add(capsys, folder, "cohort", listed)
    assert code == 1 and "modifié" in err
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "cohort", "--json")
    assert json.loads(out)[0]["version"] == 3 and json.loads(out)[0]["scholarship"] == 12
    # Deleting an offering still used is refused; deleting the cohort first works.
    code, _, err = run(capsys, "--data-dir", str(folder), "records", "delete", "offering", offering_id)
    assert code == 1 and "encore utilisé" in err
    code, _, _ = run(capsys, "records", "delete", "cohort", cohort_id, "--data-dir", str(folder))
    assert code == 0
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "cohort", "--json")
    assert json.loads(out) == []
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "cohort", "--json", "--deleted")
    assert json.loads(out)[0]["deleted"] is True


@pytest.mark.parametrize("form_key", list(FORMS))
def test_every_form_through_the_command_line(capsys, folder: Path, tmp_path: Path, form_key: str) -> None:
    """records add / list --json / add back / template / export-xlsx / import --dry-run, for each declared form."""
    ids: dict[str, str] = {}
    for key, values in (("offering", OFFERING), ("ce_offering", {**CE_OFFERING})):
        code, out, err = add(capsys, folder, "offering", values)
        assert code == 0, err
        ids[key] = out.strip()
    code, out, err = add(capsys, folder, "cohort", cohort_values(ids["offering"]))
    ids["cohort"] = out.strip()
    values = sample_values(form_key)
    for f in FORMS[form_key].links:  # a session's offering must be a continuing one (its link condition)
        values[f.key] = ids["ce_offering"] if any(c.codes for c in f.link_conditions) else ids[f.link or ""]
    if form_key == "offering":
        values["code"] = "MS-AUTRE"
    if form_key == "cohort":
        values["academic_year"] = "2024-2025"
    code, out, err = add(capsys, folder, form_key, values)
    assert code == 0, err
    rid = out.strip()
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", form_key, "--json")
    listed = next(r for r in json.loads(out) if r["id"] == rid)
    assert set(FORMS[form_key].field_keys) <= set(listed)
    code, out, err = add(capsys, folder, form_key, listed)  # the listed object is accepted back, unchanged
    assert (code, out.strip()) == (0, rid), err
    template, export = tmp_path / "modele.xlsx", tmp_path / "export.xlsx"
    assert run(capsys, "--data-dir", str(folder), "template", form_key, str(template))[0] == 0
    assert run(capsys, "--data-dir", str(folder), "export-xlsx", form_key, str(export))[0] == 0
    code, out, err = run(capsys, "--data-dir", str(folder), "import", form_key, str(export), "--dry-run")
    assert code == 0, err
    if form_key == "ce_session":  # the declared link condition refuses an initial-training offering
        code, _, err = add(capsys, folder, form_key, {**values, "offering": ids["offering"], "code": "X-2"})
        assert code == 1 and "offering" in err and "formation continue" in err


def test_drafts_and_status_filter(capsys, folder: Path) -> None:
    _, out, _ = add(capsys, folder, "offering", OFFERING)
    offering_id = out.strip()
    code, _, err = add(capsys, folder, "internship", internship_values(offering_id, host_name=None), "--draft")
    assert code == 0 and "host_name" in err
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "internship", "--json", "--status",
                    "draft")
    drafts = json.loads(out)
    assert len(drafts) == 1 and drafts[0]["host_name"] is None
    _, out, _ = run(capsys, "--data-dir", str(folder), "records", "list", "internship", "--json", "--status",
                    "complete")
    assert json.loads(out) == []


def test_add_reads_a_file_and_lists_every_problem(capsys, folder: Path, tmp_path: Path) -> None:
    payload = tmp_path / "offre.json"
    payload.write_text(json.dumps({**OFFERING, "capacity": -1, "contact_email": "non", "level": "BAC+12"}),
                       encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(folder), "records", "add", "offering", "--json", f"@{payload}")
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert "3 problèmes" in lines[0]
    assert sorted(line.split(":")[0] for line in lines[1:]) == ["capacity", "contact_email", "level"]


@pytest.mark.parametrize("args,message", [
    (["records", "add", "cohort", "--json", "{pas du json"], "JSON invalide"),
    (["records", "add", "cohort", "--json", "[1, 2]"], "objet JSON"),
    (["records", "add", "cohort", "--json", "@/nonexistent/x.json"], "illisible"),
    (["records", "delete", "cohort", "00000000-0000-4000-8000-000000000000"], "aucun"),
    (["records", "add", "cohort", "--json", '{"id": ["x"]}'], "identifiant"),
    (["records", "add", "cohort", "--json", '{"id": {"a": 1}}'], "identifiant"),
])
def test_refusals_exit_1_with_a_french_message(capsys, folder: Path, args: list[str], message: str) -> None:
    code, _, err = run(capsys, "--data-dir", str(folder), *args)
    assert code == 1 and message in err


def test_usage_errors_exit_2(capsys, folder: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(folder), "records", "list", "students"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "erreur d'utilisation" in err and "choix invalide" in err and "utilisation :" in err


def test_help_is_in_french(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["records", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "afficher cette aide" in out and "show this help" not in out and "usage:" not in out


def test_uninitialised_folder_and_double_init(capsys, tmp_path: Path, folder: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "vide"), "records", "list", "cohort")
    assert code == 1 and "kafaat init" in err
    code, _, err = run(capsys, "--data-dir", str(folder), "init", "--role", "establishment", "--establishment",
                       "ECC")
    assert code == 1 and "déjà initialisé" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "x"), "init", "--role", "establishment",
                       "--establishment", "NOPE")
    assert code == 1 and "inconnu" in err and not (tmp_path / "x" / "settings.json").exists()


def test_an_unwritable_destination_is_a_refusal_not_a_traceback(capsys, folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    code, _, err = run(capsys, "--data-dir", str(folder), "backup", str(blocker / "copie.db"))
    assert code == 1 and "accès au fichier impossible" in err and str(blocker) in err


@pytest.mark.parametrize("settings", ["[]", '"texte"', "42", "null"])
def test_settings_that_are_not_an_object_are_refused(capsys, folder: Path, settings: str) -> None:
    (folder / "settings.json").write_text(settings, encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(folder), "records", "list", "cohort")
    assert code == 1 and "settings.json" in err and "objet JSON" in err


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_a_reader_that_stops_early_gets_no_error(tmp_path: Path, extra: list[str]) -> None:
    """``kafaat forms | head -2``: the reader closes the pipe before the end. The command stops quietly, exit 0,
    nothing on stderr (it printed « : accès au fichier impossible (Broken pipe) »). Here the reader is gone
    before anything is written, so that every write meets the closed pipe."""
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_HOME": str(tmp_path / "H")}
    child = subprocess.Popen([sys.executable, "-m", "desktop", "forms", *extra], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, cwd=Path(__file__).resolve().parents[2])
    child.stdout.close()
    _, err = child.communicate(timeout=600)
    assert err.decode() == "" and child.returncode == 0, (child.returncode, err.decode())
