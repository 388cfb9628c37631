"""The log file (issue 12 item 12, issue 16 item 6): a wrong passphrase is one line without a traceback, no
passphrase is ever written, the command line's arguments are not copied, and the file is rotated by size even
when another process holds it. The real ``logs/kafaat.log`` of the data folder is read after real commands
(in this process, and in a separate ``kafaat`` process for the console)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import logfile
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
RIGHT = "la bonne phrase de passe du test"
WRONG = "une phrase de passe fausse 7Zq"
NEW = "la nouvelle phrase de passe 9Kx"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def logs(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((folder / "logs").glob("kafaat.log*")))


@pytest.fixture
def est(tmp_path: Path, monkeypatch, capsys) -> Path:
    monkeypatch.setenv("KAFAAT_PASSPHRASE", RIGHT)
    est, mic = tmp_path / "ecc", tmp_path / "mic"
    assert run(capsys, "--data-dir", str(est), "init", "--role", "establishment", "--establishment", "ECC")[0] == 0
    assert run(capsys, "--data-dir", str(mic), "init", "--role", "ministry", "--ministry", "MIC")[0] == 0
    pub = tmp_path / "mic.pub.json"
    assert run(capsys, "--data-dir", str(mic), "ministry", "public-key", str(pub))[0] == 0
    assert run(capsys, "--data-dir", str(est), "recipients", "add", str(pub), "--yes")[0] == 0
    return est


def test_wrong_and_right_passphrases_through_the_command_line(est: Path, tmp_path: Path, monkeypatch,
                                                              capsys) -> None:
    d = ("--data-dir", str(est))
    monkeypatch.setenv("KAFAAT_PASSPHRASE", WRONG)
    code, _out, err = run(capsys, *d, "bundle", "export", str(tmp_path / "usb"))
    assert code == 1 and "phrase de passe incorrecte" in err
    monkeypatch.setenv("KAFAAT_NEW_PASSPHRASE", NEW)
    assert run(capsys, *d, "keys", "passphrase")[0] == 1
    monkeypatch.setenv("KAFAAT_PASSPHRASE", RIGHT)
    assert run(capsys, *d, "bundle", "export", str(tmp_path / "usb"))[0] == 0
    assert run(capsys, *d, "keys", "passphrase")[0] == 0
    monkeypatch.setenv("KAFAAT_PASSPHRASE", NEW)
    code, _out, err = run(capsys, *d, "records", "add", "offering", "--json", '{"code": "SECRET-CODE-42"}')
    assert code == 1

    text = logs(est)
    assert "kafaat bundle export : refusé — Refused : phrase de passe incorrecte" in text, text
    assert "kafaat keys passphrase : refusé" in text and "kafaat bundle export : terminé (code 0)" in text
    assert "kafaat keys passphrase : terminé (code 0)" in text
    assert "Traceback" not in text and 'File "' not in text
    for secret in (RIGHT, WRONG, NEW, "SECRET-CODE-42"):
        assert secret not in text, secret
    assert len([line for line in text.splitlines() if "refusé" in line]) == 3


def test_a_real_command_writes_its_refusal_once_on_the_console(est: Path, tmp_path: Path) -> None:
    env = dict(os.environ, KAFAAT_PASSPHRASE=WRONG, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(est), "bundle", "export",
                           str(tmp_path / "usb")], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("phrase de passe incorrecte") == 1, done.stderr
    assert "kafaat.cli" not in done.stderr and "Traceback" not in done.stderr
    text = logs(est)
    assert "refusé — Refused : phrase de passe incorrecte" in text and WRONG not in text


def test_the_log_is_rotated_by_size(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 20_000)
    folder = tmp_path / "logs"
    assert logfile.setup_logging(folder) == folder / "kafaat.log"
    log = logging.getLogger("kafaat.test")
    try:
        for i in range(2000):
            log.info("ligne %05d %s", i, "x" * 40)
    finally:
        logfile.remove_logging(folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["kafaat.log", "kafaat.log.1", "kafaat.log.2", "kafaat.log.3"]
    assert all(p.stat().st_size <= 20_000 for p in folder.iterdir())
    assert "ligne 01999" in (folder / "kafaat.log").read_text(encoding="utf-8")


def test_a_rollover_that_cannot_rename_keeps_writing(tmp_path: Path, monkeypatch, capsys) -> None:
    """Another process holds the file (Windows refuses the rename): here the oldest « kafaat.log.3 » is a
    folder, which the rollover cannot remove. The lines still reach the log, and nothing is printed on the
    console."""
    monkeypatch.setattr(logfile, "MAX_BYTES", 2_000)
    folder = tmp_path / "logs"
    (folder / "kafaat.log.3").mkdir(parents=True)
    (folder / "kafaat.log.2").mkdir()
    logfile.setup_logging(folder)
    log = logging.getLogger("kafaat.test")
    try:
        for i in range(200):
            log.info("ligne %03d %s", i, "y" * 40)
    finally:
        logfile.remove_logging(folder)
    _out, err = capsys.readouterr()
    assert "Logging error" not in err and "Traceback" not in err
    text = (folder / "kafaat.log").read_text(encoding="utf-8")
    assert "ligne 000" in text and "ligne 199" in text
