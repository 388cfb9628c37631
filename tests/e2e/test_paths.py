"""Windows-shaped paths and consoles, on this machine: a data folder under ``…/Users/Prénom Nom/…`` with
Arabic letters and spaces, output to a cp1252 or cp850 stream, the export lock held by another process,
and the commands that protect a private key file on Windows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forms import windows_acl
from forms.atomic import write_atomic
from tests.conftest import OFFERING
from tests.forms.excel_files import OFFERING_ROW, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "une phrase de passe assez longue"
MIC_PUBLIC_KEY = ROOT / "tests" / "vectors" / "ministry-MIC.pub.json"


def kafaat(*args: str, encoding: str = "cp1252", **env: str) -> subprocess.CompletedProcess:
    """A fresh process writing to a stream in ``encoding`` (Windows' code page when output is redirected)."""
    full_env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"PYTHONIOENCODING": encoding} | env
    result = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, env=full_env,
                            timeout=180, cwd=ROOT)
    assert b"Traceback" not in result.stderr, result.stderr.decode(encoding, "replace")
    return result


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """Where Windows would put things for a user named « Prénom Nom », with an Arabic folder inside."""
    folder = tmp_path / "Users" / "Prénom Nom" / "Documents" / "بيانات كفاءات 2026"
    folder.mkdir(parents=True)
    return folder


def test_cli_scenario_in_a_folder_with_spaces_accents_and_arabic(profile: Path) -> None:
    data = profile / "Données de l'établissement"
    usb = profile.parent / "Clé USB" / "envoi à la tutelle"
    assert kafaat("--data-dir", str(data), "init", "--role", "establishment", "--establishment", "ECC",
                  "--operator", "Aïcha Benjelloun", KAFAAT_PASSPHRASE=PASSPHRASE).returncode == 0
    home = {"KAFAAT_HOME": str(data)}  # the same folder through the environment, as a shortcut would set it
    assert kafaat("records", "add", "offering", "--json", json.dumps(OFFERING), **home).returncode == 0
    template = profile / "modèle des offres.xlsx"
    assert kafaat("template", "offering", str(template), **home).returncode == 0 and template.stat().st_size
    sheet = write_xlsx(profile / "offres reçues (été).xlsx", "offering", [OFFERING_ROW])
    imported = kafaat("--data-dir", str(data), "import", "offering", str(sheet), "--errors",
                      str(profile / "rapport d'erreurs.xlsx"))
    assert imported.returncode == 0, imported.stderr.decode("cp1252", "replace")
    listed = kafaat("records", "list", "offering", "--json", **home)
    assert sorted(r["code"] for r in json.loads(listed.stdout)) == ["LP-DATA", "MS-CYBER"]
    assert kafaat("--data-dir", str(data), "recipients", "add", str(MIC_PUBLIC_KEY), "--yes").returncode == 0
    exported = kafaat("--data-dir", str(data), "bundle", "export", str(usb), KAFAAT_PASSPHRASE=PASSPHRASE)
    assert exported.returncode == 0, exported.stderr.decode("cp1252", "replace")
    assert len(list(usb.glob("*.kfb"))) == 1
    assert (data / "keys" / "identity.json").exists() and not list(data.rglob("*.tmp"))


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_arabic_and_french_output_on_a_windows_code_page(profile: Path, encoding: str) -> None:
    """Arabic cannot be shown in cp1252 or cp850: it comes out escaped, the command does not fail."""
    data = profile / "Kafaat"
    assert kafaat("--data-dir", str(data), "init", "--role", "establishment", "--establishment", "ECC",
                  KAFAAT_PASSPHRASE=PASSPHRASE, encoding=encoding).returncode == 0
    listing = kafaat("--data-dir", str(data), "--lang", "ar", "forms", encoding=encoding)
    assert listing.returncode == 0
    text = listing.stdout.decode(encoding)
    assert "offering" in text and "\\u0639\\u0631\\u0636" in text  # « عرض… » (Arabic), escaped
    refused = kafaat("--data-dir", str(data), "--lang", "fr", "records", "add", "offering", "--json", "{}",
                     encoding=encoding)
    assert refused.returncode == 1
    assert "rien n'a été enregistré" in refused.stderr.decode(encoding)  # French accents exist in both


def test_export_refused_while_another_process_holds_the_lock(profile: Path) -> None:
    data = profile / "Kafaat"
    assert kafaat("--data-dir", str(data), "init", "--role", "establishment", "--establishment", "ECC",
                  KAFAAT_PASSPHRASE=PASSPHRASE).returncode == 0
    assert kafaat("--data-dir", str(data), "recipients", "add", str(MIC_PUBLIC_KEY), "--yes").returncode == 0
    assert kafaat("--data-dir", str(data), "records", "add", "offering", "--json", json.dumps(OFFERING)
                  ).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from filelock import FileLock\n"
         f"lock = FileLock({str(data / 'outbox' / '.export.lock')!r}); lock.acquire()\n"
         "print('held', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        busy = kafaat("--data-dir", str(data), "bundle", "export", str(profile / "usb"),
                      KAFAAT_PASSPHRASE=PASSPHRASE)
        assert busy.returncode == 1 and "un autre export" in busy.stderr.decode("cp1252")
        assert not (profile / "usb").exists()
    finally:
        holder.communicate("\n", timeout=30)
    done = kafaat("--data-dir", str(data), "bundle", "export", str(profile / "usb"), KAFAAT_PASSPHRASE=PASSPHRASE)
    assert done.returncode == 0 and len(list((profile / "usb").glob("*.kfb"))) == 1


class FakeWindows:
    """Stands for ``subprocess.run`` on Windows: answers ``whoami``, records ``icacls``."""

    def __init__(self, fail_icacls: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail_icacls = fail_icacls

    def __call__(self, command: list[str], **kwargs) -> subprocess.CompletedProcess:
        self.calls.append(command)
        if command[0] == "whoami":  # the shape of `whoami /user /fo csv /nh`, user name in the OEM code page
            out = '"poste-12\\prénom nom","S-1-5-21-1004336348-1177238915-682003330-1001"\r\n'.encode("cp850")
            return subprocess.CompletedProcess(command, 0, out, b"")
        if self.fail_icacls:
            raise subprocess.CalledProcessError(1332, command)
        return subprocess.CompletedProcess(command, 0, b"", b"")


def test_private_files_get_an_owner_only_access_list_on_windows(profile: Path, monkeypatch) -> None:
    """What can be checked here: the commands. The resulting access list is checked on Windows by
    installer/check_build.py in the Windows workflow."""
    fake = FakeWindows()
    monkeypatch.setattr(windows_acl, "ON_WINDOWS", True)
    monkeypatch.setattr(windows_acl.subprocess, "run", fake)
    write_atomic(profile / "keys" / "identity.json", b"{}", private=True)
    whoami, icacls = fake.calls
    assert whoami == ["whoami", "/user", "/fo", "csv", "/nh"]
    assert icacls[0] == "icacls" and icacls[2:] == [
        "/inheritance:r", "/grant:r", "*S-1-5-21-1004336348-1177238915-682003330-1001:(F)", "/q"]
    # the temporary file next to the key, before any byte is written; then renamed over the key file
    assert Path(icacls[1]).parent == profile / "keys" and Path(icacls[1]).name.startswith(".identity.json.")
    assert (profile / "keys" / "identity.json").read_bytes() == b"{}"
    fake.calls.clear()
    write_atomic(profile / "settings.json", b"{}")  # not private: no access list
    assert fake.calls == []


def test_a_folder_without_access_lists_still_gets_the_key(profile: Path, monkeypatch, caplog) -> None:
    """A FAT32 USB stick has no access lists: icacls fails, the sealed key is written, the log says so."""
    monkeypatch.setattr(windows_acl, "ON_WINDOWS", True)
    monkeypatch.setattr(windows_acl.subprocess, "run", FakeWindows(fail_icacls=True))
    write_atomic(profile / "identity.json", b"{}", private=True)
    assert (profile / "identity.json").read_bytes() == b"{}"
    assert "droits d'accès Windows non restreints" in caplog.text


def test_no_access_list_commands_off_windows(profile: Path, monkeypatch) -> None:
    fake = FakeWindows()
    monkeypatch.setattr(windows_acl.subprocess, "run", fake)
    if windows_acl.ON_WINDOWS:
        pytest.skip("on Windows the commands run for real")
    write_atomic(profile / "identity.json", b"{}", private=True)
    assert fake.calls == [] and (profile / "identity.json").stat().st_mode & 0o777 == 0o600
