"""The window's log after a wrong then a right passphrase on the export page (issue 12 item 12): one line for
the refusal, no traceback, no passphrase; an unexpected failure still has its traceback. The real
``logs/kafaat.log`` of the data folder is read."""

from __future__ import annotations

import pytest

from desktop.logfile import remove_logging
from sync.keys import Identity, identity_name, seal_identity
from tests.conftest import OFFERING
from tests.sync.conftest import PASSPHRASE, install_keys, trust

WRONG = "pas la bonne phrase 4Xw"


@pytest.fixture
def ready(workspace, tmp_path):
    ecc = Identity.generate("establishment", "ECC", identity_name("establishment", "ECC"))
    mic = Identity.generate("ministry", "MIC", identity_name("ministry", "MIC"))
    install_keys(workspace, ecc, seal_identity(ecc, PASSPHRASE))
    trust(workspace, mic, tmp_path)
    workspace.records().save("offering", OFFERING)
    return workspace


def test_a_wrong_passphrase_is_one_line_in_the_log(qtbot, ready, application, tmp_path, shown_errors):
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    page.destination.setText(str(usb))
    page.passphrase.setText(WRONG)
    page.export_button.click()
    qtbot.waitUntil(lambda: "phrase de passe incorrecte" in page.message.text(), timeout=15_000)
    page.passphrase.setText(PASSPHRASE)
    page.export_button.click()
    qtbot.waitUntil(lambda: "Lot n° 1 écrit" in page.message.text(), timeout=15_000)
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)

    # An unexpected failure, for contrast: its traceback is kept.
    op = application.context.runner.run(lambda state: {}["clé absente"], title="Calcul")
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    remove_logging(ready.logs_dir)  # flushed and closed, as when the window closes

    log = (ready.logs_dir / "kafaat.log").read_text(encoding="utf-8")
    refusals = [line for line in log.splitlines() if "refusé" in line]
    assert len(refusals) == 1 and "Export du lot : refusé — WrongPassphrase : phrase de passe incorrecte" in \
        refusals[0], log
    assert log.count("Traceback") == 1 and "KeyError: 'clé absente'" in log
    assert "WrongPassphrase" not in log.split("Traceback")[1]
    assert WRONG not in log and PASSPHRASE not in log
