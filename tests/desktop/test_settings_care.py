"""Paramètres takes care of the data as the command line does (same functions): a backup now, a restore that
asks first, keeps the current database aside and refuses while something else writes, and the change of the
keys' passphrase."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import OFFERING

PASSPHRASE = "phrase de passe assez longue"


def settle(qtbot, application) -> None:
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=20_000)
    QApplication.processEvents()


def settings(application):
    return application.window.navigate("settings")


def test_backup_now_writes_a_checked_copy_in_backups(qtbot, application, store):
    store.save("offering", OFFERING)
    page = settings(application)
    qtbot.mouseClick(page.backup_button, qtbot_left())
    settle(qtbot, application)
    written = sorted(application.context.workspace.backups_dir.glob("kafaat-ECC-*.db"))
    assert len(written) == 1
    conn = sqlite3.connect(written[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM offering WHERE deleted = 0").fetchone()[0] == 1
    finally:
        conn.close()
    assert str(written[0]) in page.message.text()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_restore_asks_keeps_the_current_base_and_reopens_on_the_restored_data(qtbot, application, store, dialogs,
                                                                               tmp_path):
    store.save("offering", OFFERING)
    page = settings(application)
    backup = tmp_path / "sauvegarde.db"
    page.backup_to(backup)
    settle(qtbot, application)
    assert backup.exists()
    store.save("offering", {**OFFERING, "code": "MS-APRES"})  # typed after the backup

    # « Non »: nothing changes
    dialogs.answer = QMessageBox.StandardButton.No
    page.restore_from(backup)
    settle(qtbot, application)
    assert dialogs.asked and "sauvegarde.db" in dialogs.asked[-1] and "conservée" in dialogs.asked[-1]
    assert application.context.store.count("offering") == 2
    assert "annulée" in page.message.text()

    # « Oui »: the current base is kept in backups/, the window reopens on the restored data
    dialogs.answer = QMessageBox.StandardButton.Yes
    old_window = application.window
    page.restore_from(backup)
    settle(qtbot, application)
    assert application.window is not old_window
    assert application.context.store.count("offering") == 1
    kept = list(application.context.workspace.backups_dir.glob("kafaat-avant-restauration-*.db"))
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0])
    try:
        assert conn.execute("SELECT count(*) FROM offering WHERE deleted = 0").fetchone()[0] == 2
    finally:
        conn.close()
    new_page = application.window.pages["settings"]
    assert "restaurée" in new_page.message.text() and "avant-restauration" in new_page.message.text()
    offerings = application.window.navigate("offering")
    qtbot.waitUntil(lambda: offerings.total == 1, timeout=10_000)


def test_restore_is_refused_while_another_writer_works(qtbot, application, store, dialogs, tmp_path):
    store.save("offering", OFFERING)
    page = settings(application)
    backup = tmp_path / "sauvegarde.db"
    page.backup_to(backup)
    settle(qtbot, application)
    store.save("offering", {**OFFERING, "code": "MS-APRES"})
    dialogs.answer = QMessageBox.StandardButton.Yes
    writer = sqlite3.connect(application.context.workspace.db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process importing, as far as SQLite can tell
        page.restore_from(backup)
        settle(qtbot, application)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "en cours d'écriture" in page.message.text() and "rien n'a été restauré" in page.message.text()
    assert application.context.store.count("offering") == 2


def test_restore_is_refused_while_this_window_has_a_record_open(qtbot, application, store, dialogs, tmp_path):
    record, _ = store.save("offering", OFFERING)
    page = settings(application)
    backup = tmp_path / "sauvegarde.db"
    page.backup_to(backup)
    settle(qtbot, application)
    application.window.open_record("offering", record.id)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert page.restore_from(backup) is None
    assert not dialogs.asked  # refused before asking
    assert "fiches sont ouvertes" in page.message.text()
    application.window.close_editors()


@pytest.fixture
def keyed(workspace):
    from sync.keys import create_keys

    create_keys(workspace, PASSPHRASE)
    return workspace


def test_passphrase_change(qtbot, keyed, application):
    from sync.errors import WrongPassphrase
    from sync.keys import key_path, load_identity

    page = settings(application)
    assert page.passphrase_button.isEnabled()
    before = key_path(keyed).read_bytes()
    page.change_passphrase_to("pas la bonne phrase", "nouvelle phrase longue")
    settle(qtbot, application)
    assert "incorrecte" in page.message.text() or "phrase de passe" in page.message.text()
    assert key_path(keyed).read_bytes() == before

    page.change_passphrase_to(PASSPHRASE, "nouvelle phrase longue")
    settle(qtbot, application)
    assert page.message.text() == "Phrase de passe changée."
    load_identity(keyed, "nouvelle phrase longue")
    with pytest.raises(WrongPassphrase):
        load_identity(keyed, PASSPHRASE)


def test_passphrase_dialog_checks_the_new_one(qtbot, keyed, application):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.pages.settings_page import PassphraseDialog

    dialog = PassphraseDialog(settings(application))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("court")
    assert not ok.isEnabled() and "8" in dialog.problem.text()
    dialog.new.setText("nouvelle phrase longue")
    dialog.again.setText("nouvelle phrase longuE")
    assert not ok.isEnabled() and "différentes" in dialog.problem.text()
    dialog.again.setText("nouvelle phrase longue")
    assert ok.isEnabled() and dialog.values() == (PASSPHRASE, "nouvelle phrase longue")


def test_the_daily_backup_can_be_switched_off_and_on(qtbot, application):
    from desktop.daily_backups import enabled

    page = settings(application)
    workspace = application.context.workspace
    assert page.daily_backup is not None and page.daily_backup.isChecked() and enabled(workspace)
    page.daily_backup.setChecked(False)
    page.apply()
    assert not enabled(workspace)
    page.daily_backup.setChecked(True)
    page.apply()
    assert enabled(workspace)
