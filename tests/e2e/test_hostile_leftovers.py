"""Hostile input that earlier passes left over, through the real program in fresh processes: control
characters in a record's text, system error texts inside French and Arabic sentences, a read-only ministry or
establishment folder, and held bundles without a bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from forms.workspace import Workspace
from tests.conftest import OFFERING

PASSPHRASE = "une phrase de passe assez longue"


def kafaat(data: Path, *args: str | Path, lang: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    langs = ("--lang", lang) if lang else ()
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *langs, *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300)


def no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr


# ------------------------------------------------------------------------------------ control characters

@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "title: « Master\ufffd spécialisé\ufffd[2J » contient un caractère de contrôle invisible (U+0001) : "
           "supprimez-le"),
    ("ar", "« Master\ufffd spécialisé\ufffd[2J » يحتوي على حرف تحكم غير مرئي (U+0001): احذفه"),
    ("en", "title: 'Master\ufffd spécialisé\ufffd[2J' holds an invisible control character (U+0001): remove it")])
def test_records_add_refuses_control_characters(tmp_path: Path, lang: str, said: str) -> None:
    """``records add`` saved « Master\\x01 … \\x1b[2J » as a complete record (the import alone refused it), and
    the bundle carried it to the ministry: now the record's own check refuses it, each field named, in the
    user's language, and nothing is saved (not even as a draft)."""
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    values = {**OFFERING, "title": "Master\x01 spécialisé\x1b[2J", "contact_email": "scol\x07@centrale.ma",
              "campus_city": "Casa\x00blanca"}
    (tmp_path / "offre.json").write_text(json.dumps(values), encoding="utf-8")
    for status in ((), ("--draft",)):
        done = kafaat(data, "records", "add", "offering", "--json", f"@{tmp_path / 'offre.json'}", *status, lang=lang)
        no_traceback(done)
        assert done.returncode == 1, done.stdout
        assert said in done.stderr, done.stderr
        lines = done.stderr.splitlines()
        assert any(line.startswith("contact_email:") and "(U+0007)" in line for line in lines), lines
        assert any(line.startswith("campus_city:") and "(U+0000)" in line for line in lines), lines
        assert "\x1b" not in done.stderr and "\x01" not in done.stderr
    listed = kafaat(data, "records", "list", "offering", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    # tab and line feed are white space: collapsed, the record saved
    (tmp_path / "offre.json").write_text(json.dumps({**OFFERING, "title": "Master\tspécialisé\nen cybersécurité"}),
                                         encoding="utf-8")
    done = kafaat(data, "records", "add", "offering", "--json", f"@{tmp_path / 'offre.json'}")
    assert done.returncode == 0, done.stderr
    assert json.loads(kafaat(data, "records", "list", "offering", "--json").stdout)[0]["title"] == (
        "Master spécialisé en cybersécurité")


# ---------------------------------------------------------------------- system errors in the user's language

SYSTEM_TEXTS = ("Is a directory", "Not a directory", "No space left on device", "Permission denied",
                "No such file or directory", "File exists")


def system_text_free(done: subprocess.CompletedProcess) -> None:
    """The sentence says why in its own language: none of the system's English texts inside it."""
    no_traceback(done)
    assert not [t for t in SYSTEM_TEXTS if t in done.stderr], done.stderr


def without_permission_override() -> tuple[str, ...]:
    """Run a command as root but bound by file permissions (root ignores them otherwise): ``setpriv`` dropping
    the capabilities that override them. Skipped where that is not possible."""
    import shutil

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("il faut être root et avoir « setpriv » pour retirer le droit de passer outre les permissions")
    drop = "-dac_override,-dac_read_search"
    done = subprocess.run(["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", "true"], capture_output=True)
    if done.returncode:
        pytest.skip(f"setpriv refusé ici : {done.stderr.decode(errors='replace').strip()}")
    return ("setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}")


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An establishment's folder with its keys (``kafaat init``), for the commands that sign."""
    data = tmp_path_factory.mktemp("keyed") / "D"
    done = kafaat(data, "init", "--role", "establishment", "--establishment", "ECC", "--operator", "Amina")
    assert done.returncode == 0, done.stderr
    return data


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "fichier illisible (c'est un dossier, pas un fichier)"),
    ("ar", "تعذّرت قراءة الملف (هذا مجلد وليس ملفا)"),
    ("en", "the file cannot be read (it is a folder, not a file)")])
def test_a_folder_given_as_a_file_is_said_in_the_users_language(tmp_path: Path, lang: str, said: str) -> None:
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    (tmp_path / "offre.json").mkdir()
    done = kafaat(data, "records", "add", "offering", "--json", f"@{tmp_path / 'offre.json'}", lang=lang)
    system_text_free(done)
    assert done.returncode == 1 and said in done.stderr, done.stderr


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "écriture impossible (une partie du chemin n'est pas un dossier)"),
    ("ar", "تعذّرت الكتابة (جزء من المسار ليس مجلدا)"),
    ("en", "cannot be written (part of the path is not a folder)")])
def test_a_file_in_the_way_of_a_folder_is_not_a_folder(keyed: Path, tmp_path: Path, lang: str, said: str) -> None:
    """« /tmp/fichier/demande.json » where « fichier » is a file: mkdir's EEXIST (« File exists ») used to be
    said; it is « not a folder », in the user's language."""
    data = keyed
    (tmp_path / "fichier").write_text("x")
    done = kafaat(data, "keys", "enrollment-request", tmp_path / "fichier" / "demande.json", lang=lang)
    system_text_free(done)
    assert done.returncode == 1 and said in done.stderr, done.stderr


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "écriture impossible (plus de place sur le disque)"),
    ("ar", "تعذّرت الكتابة (لم تبق مساحة على القرص)"),
    ("en", "cannot be written (no space left on the disk)")])
def test_a_full_disk_is_said_in_the_users_language(keyed: Path, tmp_path: Path, lang: str, said: str) -> None:
    from tests.e2e.test_reliability_cli import _fill_disk, mounted

    data = keyed
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "size=64k", "tmpfs") as key:
        _fill_disk(key)
        done = kafaat(data, "keys", "enrollment-request", key / "demande.json", lang=lang)
        system_text_free(done)
        assert done.returncode == 1 and said in done.stderr, done.stderr
        assert not (key / "demande.json").exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "fichier illisible (permission refusée)"),
    ("ar", "تعذّرت قراءة الملف (الإذن مرفوض)"),
    ("en", "the file cannot be read (permission denied)")])
def test_a_file_without_permission_is_said_in_the_users_language(tmp_path: Path, lang: str, said: str) -> None:
    bound = without_permission_override()
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    secret = tmp_path / "offre.json"
    secret.write_text(json.dumps(OFFERING))
    os.chmod(secret, 0o600)
    os.chown(secret, 65534, 65534)  # nobody's: the owner's permissions are not root's
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([*bound, sys.executable, "-m", "desktop", "--data-dir", str(data), "--lang", lang,
                           "records", "add", "offering", "--json", f"@{secret}"],
                          capture_output=True, text=True, env=env, timeout=300)
    system_text_free(done)
    assert done.returncode == 1 and said in done.stderr, done.stderr


# ------------------------------------------------------------------------------- a read-only ministry folder

@pytest.fixture(scope="module")
def consolidated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A ministry folder holding one establishment's consolidated bundle, and that establishment's folder,
    made by the real commands."""
    base = tmp_path_factory.mktemp("national")
    school, ministry = base / "ECC", base / "MIC"
    offering = base / "offre.json"
    offering.write_text(json.dumps(OFFERING), encoding="utf-8")
    steps = [
        (school, "init", "--role", "establishment", "--establishment", "ECC", "--operator", "Amina"),
        (school, "records", "add", "offering", "--json", f"@{offering}"),
        (ministry, "init", "--role", "ministry", "--ministry", "MIC"),
        (ministry, "ministry", "public-key", base / "MIC.pub.json"),
        (school, "recipients", "add", base / "MIC.pub.json", "--yes"),
        (school, "keys", "enrollment-request", base / "demande-ECC.json"),
        (ministry, "ministry", "enroll", base / "demande-ECC.json", "--yes"),
        (school, "bundle", "export", base / "usb"),
        (ministry, "ministry", "consolidate", base / "usb"),
    ]
    for folder, *args in steps:
        done = kafaat(folder, *args)
        assert done.returncode == 0, (args, done.stderr)
    return {"school": school, "ministry": ministry, "usb": base / "usb", "request": base / "demande-ECC.json"}


def _read_only_commands(folder: Path, inbox: Path, run: Any) -> None:
    """The ministry's commands that only read work in ``folder``; those that write refuse, naming it, in the
    user's language, and change nothing."""
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    store = (folder / "national.db").read_bytes()
    status = run(folder, "ministry", "status", "--json")
    no_traceback(status)
    assert status.returncode == 0, status.stderr
    ecc = next(item for item in json.loads(status.stdout) if item["establishment"] == "ECC")
    assert ecc["enrolled"] and ecc["last_sequence"] == 1, ecc
    for args in (("ministry", "enrolled", "--json"), ("ministry", "records", "offering", "--json"), ("keys", "show")):
        done = run(folder, *args)
        no_traceback(done)
        assert done.returncode == 0, (args, done.stderr)
    records = json.loads(run(folder, "ministry", "records", "offering", "--json").stdout)
    assert [r["code"] for r in records] == ["MS-CYBER"]
    for lang, said in (("fr", f"le dossier de données {folder} ne peut pas être écrit (lecture seule"),
                       ("en", f"the data folder {folder} cannot be written (read-only"),
                       ("ar", f"لا يمكن الكتابة في مجلد البيانات {folder}")):
        for args in (("ministry", "consolidate", inbox), ("ministry", "revoke", "ECC", "--yes")):
            done = run(folder, "--lang", lang, *args)
            no_traceback(done)
            assert done.returncode == 1 and said in done.stderr, (args, done.stderr)
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    assert (folder / "national.db").read_bytes() == store


def test_a_ministry_folder_on_a_read_only_share(consolidated: dict[str, Path], tmp_path: Path) -> None:
    """A copy of the ministry's folder on a read-only medium: « ministry status » said « unable to open
    database file » (SQLite cannot open a WAL database read-only without ``immutable``)."""
    from tests.e2e.test_reliability_cli import mounted

    with mounted(tmp_path / "partage", "--bind", "-o", "ro", str(consolidated["ministry"])) as share:
        def run(folder: Path, *args: Any) -> subprocess.CompletedProcess:
            lang = args[1] if args[:1] == ("--lang",) else None
            return kafaat(folder, *(args[2:] if lang else args), lang=lang)
        _read_only_commands(share, consolidated["usb"], run)


def test_a_ministry_folder_without_write_permission(consolidated: dict[str, Path], tmp_path: Path) -> None:
    """The same folder where the user may not write (chmod -w; run bound by permissions, as a user is)."""
    import shutil

    bound = without_permission_override()
    folder = tmp_path / "MIC"
    shutil.copytree(consolidated["ministry"], folder)
    for path in (folder, folder / "national.db"):
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}

    def run(data: Path, *args: Any) -> subprocess.CompletedProcess:
        lang = ("--lang", str(args[1])) if args[:1] == ("--lang",) else ()
        rest = args[2:] if lang else args
        return subprocess.run([*bound, sys.executable, "-m", "desktop", "--data-dir", str(data), *lang,
                               *map(str, rest)], capture_output=True, text=True, env=env, timeout=300)
    try:
        _read_only_commands(folder, consolidated["usb"], run)
    finally:
        os.chmod(folder, 0o755)


def test_an_establishment_folder_on_a_read_only_share(consolidated: dict[str, Path], tmp_path: Path) -> None:
    """The establishment's commands that only read work on a read-only copy; one that writes says why."""
    from tests.e2e.test_reliability_cli import mounted

    with mounted(tmp_path / "partage", "--bind", "-o", "ro", str(consolidated["school"])) as share:
        for args in (("records", "list", "offering", "--json"), ("forms",), ("keys", "show"), ("bundle", "outbox"),
                     ("bundle", "preview"), ("recipients", "list"), ("export-xlsx", "offering", tmp_path / "x.xlsx")):
            done = kafaat(share, *args)
            no_traceback(done)
            assert done.returncode == 0, (args, done.stderr)
        done = kafaat(share, "records", "delete", "offering",
                      json.loads(kafaat(share, "records", "list", "offering", "--json").stdout)[0]["id"])
        assert done.returncode == 1 and f"le dossier de données {share} ne peut pas être écrit" in done.stderr
