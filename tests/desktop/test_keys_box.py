"""Keys, enrolment request, recipients and receipts from the window, with real keys and files: the
whole loop an administrator does without a terminal (dialogs patched, everything else real)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from sync.keys import has_keys, load_identity, public_document
from sync.ministry import enroll, verify_bundle
from sync.outbox import list_outbox
from sync.receipts import make_receipt
from sync.recipients import list_recipients
from tests.conftest import OFFERING
from tests.sync.conftest import identities, install_keys, sealed  # noqa: F401 (session fixtures)

PASSPHRASE = "une phrase de passe assez longue"


def test_keys_recipients_export_and_receipt_from_the_window(qtbot, workspace, application, tmp_path, monkeypatch,
                                                             identities, sealed) -> None:  # noqa: F811
    workspace.records().save("offering", OFFERING)
    page = application.window.navigate("export")
    box = page.keys
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    assert not has_keys(workspace)
    assert box.create_button.isVisible() and not box.request_button.isEnabled()
    assert "n'existent pas encore" in box.status.text()
    assert not page.export_button.isEnabled()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append("!" + text))

    # Two different passphrases: nothing is created.
    answers = iter([(PASSPHRASE, True), ("autre chose", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    box.create_button.click()
    assert shown[-1].startswith("!") and "diffèrent" in shown[-1] and not has_keys(workspace)

    answers = iter([(PASSPHRASE, True), (PASSPHRASE, True)])
    box.create_button.click()
    qtbot.waitUntil(lambda: has_keys(workspace) and not application.context.runner.active, timeout=30_000)
    fingerprint = load_identity(workspace, PASSPHRASE).public.fingerprint
    assert fingerprint in shown[-1] and fingerprint in box.status.text()
    assert box.request_button.isEnabled() and not box.create_button.isVisible()

    # The enrolment request goes to a file the ministry enrols.
    request = tmp_path / "demande.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(request), ""))
    box.request_button.click()
    assert fingerprint in shown[-1]
    ministry = _ministry(tmp_path, identities, sealed)
    enroll(ministry, request.read_bytes())

    # The ministry's public key: refused when the user does not confirm the fingerprint, trusted after.
    mic = identities["MIC"]
    key_file = tmp_path / "mic.json"
    key_file.write_bytes(public_document(mic))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    box.recipient_button.click()
    assert list_recipients(workspace) == []
    asked: list[str] = []

    def confirm(_parent, _title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    box.recipient_button.click()
    assert mic.public.fingerprint in asked[-1]
    assert [r.code for r in list_recipients(workspace)] == ["MIC"]
    assert "MIC" in box.status.text()
    qtbot.waitUntil(lambda: page.export_button.isEnabled() and not application.context.runner.active,
                    timeout=10_000)

    # Export, then the ministry's signed receipt marks the bundle acknowledged.
    usb = tmp_path / "usb"
    usb.mkdir()
    page.destination.setText(str(usb))
    page.passphrase.setText(PASSPHRASE)
    page.export_button.click()
    qtbot.waitUntil(lambda: "Lot n° 1 écrit" in page.message.text(), timeout=30_000)
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)
    # The status bar follows: the export date is shown without any other change to the data. (Its whole text is
    # the tooltip: the line itself shortens its labels when the window is narrow.)
    window = application.window
    qtbot.waitUntil(lambda: "Dernier export : jamais" not in window.export_label.toolTip(), timeout=10_000)
    assert "Dernier accusé de réception : aucun" in window.export_label.toolTip()
    bundle = next(usb.iterdir()).read_bytes()
    opened = verify_bundle(ministry, mic, bundle)
    receipt = tmp_path / "accuse.json"
    receipt.write_bytes(make_receipt(mic, opened))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(receipt), ""))
    box.receipt_button.click()
    assert "n° 1" in shown[-1] and list_outbox(workspace)[0].state == "acknowledged"
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)
    qtbot.waitUntil(lambda: "accusé de réception reçu" in page.outbox.item(0, 1).text(), timeout=10_000)
    qtbot.waitUntil(lambda: "Dernier accusé de réception : aucun" not in window.export_label.toolTip()
                    and "Dernier accusé de réception" in window.export_label.toolTip(), timeout=10_000)

    # A file that is not a receipt is refused with a message, and changes nothing.
    junk = tmp_path / "junk.json"
    junk.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(junk), ""))
    box.receipt_button.click()
    assert shown[-1].startswith("!")
    assert list_outbox(workspace)[0].state == "acknowledged"


def _ministry(tmp_path, identities, sealed):  # noqa: F811
    from forms.workspace import MINISTRY, Workspace

    ws = Workspace.create(tmp_path / "mic", MINISTRY, ministry="MIC")
    install_keys(ws, identities["MIC"], sealed["MIC"])
    return ws
