"""The real window on the real X11 platform plugin (``xcb``), under a virtual X server (Xvfb).

Every other GUI test runs on ``offscreen``, which needs none of the system libraries of the ``xcb``
plugin: a machine without them (« Could not load the Qt platform plugin "xcb" ») would pass them all.
Skipped, with the reason printed, only where Xvfb is absent outside CI; in CI its absence is a failure."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start_xvfb(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    """Xvfb on a free display number (it writes the number it took to ``-displayfd``)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb n'a pas démarré")
    return server, f":{number}"


@pytest.fixture
def display(tmp_path):
    if shutil.which("Xvfb") is None:
        reason = ("Xvfb absent : la fenêtre n'a pas été essayée sur la plateforme xcb "
                  "(apt-get install xvfb pour lancer ce test)")
        if os.environ.get("CI"):
            pytest.fail(reason)
        print(reason)
        pytest.skip(reason)
    server, name = start_xvfb(tmp_path)
    yield name
    server.terminate()
    server.wait(10)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_window_opens_on_the_xcb_platform(workspace, tmp_path, display, lang):
    workspace.update_settings(language=lang)
    workspace.close()
    report = tmp_path / "report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display, KAFAAT_UI_SMOKE=str(report), QT_DEBUG_PLUGINS="0")
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(workspace.root)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["errors"] == []
    assert seen["platform"] == "xcb"
    assert seen["exposed"] is True
    assert seen["language"] == lang
    x, y, width, height = seen["window"]  # on the whole 1280×720 screen (the status bar was below its edge)
    assert x >= 0 and y >= 0 and x + width <= seen["screen"][2] and y + height <= seen["screen"][3], seen
