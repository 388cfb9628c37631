"""``shared/brief/cli.md``: « Passphrases: read from KAFAAT_PASSPHRASE when set, else asked for on the terminal
(never echoed) »; the commands that ask for a confirmation (``recipients add``, ``ministry enroll``) ask it on
a terminal — a « no » changes nothing. The real command on a pseudo-terminal, as a person types."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.contract.conftest import make_pair, ok, tree_digest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")
SECRET = "une-phrase-tapee-au-clavier-42"


def typed(args: list[str | Path], answers: list[str], lang: str = "fr") -> tuple[int, str]:
    """Run ``kafaat`` on a pseudo-terminal; answer each prompt (a line ending with « : », « ? » or « ] »)."""
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("KAFAAT_PASSPHRASE", "KAFAAT_HOME")}
    argv = [sys.executable, "-m", "desktop", "--lang", lang, *map(str, args)]
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvpe(argv[0], argv, env)
    out, pending, deadline = b"", list(answers), time.monotonic() + 120
    answered = 0  # where the output stood at the last answer: only a prompt printed since is answered
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        # The line end echoed after an answer leaves the previous prompt at the end of the output: answering
        # it again typed the next answer before the program asked, and getpass's TCSAFLUSH threw it away (the
        # program then waited for ever, seen under load).
        if pending and out[answered:].rstrip().endswith((b":", b"?", b"]")):
            os.write(fd, pending.pop(0).encode() + b"\r")
            answered = len(out)
    if time.monotonic() >= deadline:  # still waiting for input past the deadline: stopped, the test fails
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def test_passphrases_and_confirmations_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "um5"
    code, out = typed(["--data-dir", folder, "init", "--role", "establishment", "--establishment", "UM5"],
                      [SECRET, SECRET])
    assert code == 0, out
    assert SECRET not in out, "never echoed"
    assert (folder / "keys" / "identity.json").is_file()
    # The passphrase typed protects the keys: a wrong one is refused, nothing changed; the right one works.
    before = tree_digest(folder)
    code, out = typed(["--data-dir", folder, "keys", "rotate", tmp_path / "rotation.json"], ["pas-la-bonne"])
    assert code == 1 and "pas-la-bonne" not in out and not (tmp_path / "rotation.json").exists(), out
    assert tree_digest(folder) == before
    code, out = typed(["--data-dir", folder, "keys", "rotate", tmp_path / "rotation.json"], [SECRET], lang="en")
    assert code == 0 and SECRET not in out and (tmp_path / "rotation.json").is_file(), out

    # A confirmation: « no » trusts nothing; « yes » in the language of the messages trusts the key.
    _, mini = make_pair(tmp_path / "paire")
    key = tmp_path / "paire" / "ministry.pub.json"
    fingerprint = ok("keys", "show", data=mini).out.split(":")[2].split("\n")[0].strip()
    before = tree_digest(folder)
    code, out = typed(["--data-dir", folder, "recipients", "add", key], ["n"])
    assert code == 1 and fingerprint in out, out
    assert tree_digest(folder) == before
    code, out = typed(["--data-dir", folder, "recipients", "add", key], ["y"], lang="en")
    assert code == 0, out
    assert [r["code"] for r in ok("recipients", "list", "--json", data=folder).json()] == ["MIC"]
