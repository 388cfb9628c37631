"""``kafaat`` with no sub-command: the window on the data folder, one window per folder, first run."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from desktop.app import SingleInstance
from desktop.cli import main
from desktop.ui.setup_wizard import SetupWizard
from desktop.ui.window import MainWindow
from forms.definitions import FORMS


def test_single_instance_lock(tmp_path):
    first = SingleInstance(tmp_path)
    assert first.acquire()
    assert not SingleInstance(tmp_path).acquire()
    first.release()
    again = SingleInstance(tmp_path)
    assert again.acquire()
    again.release()


def test_kafaat_without_subcommand_opens_the_window(qtbot, workspace, monkeypatch):
    seen: dict[str, object] = {}

    def exec_(*_args):
        def attached():
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            return (bool(windows) and windows[0].context is not None and windows[0].pages.get("dashboard") is not None
                    and windows[0].counts_label.text() != "")
        qtbot.waitUntil(attached, timeout=10_000)
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["pages"] = [window.nav.item(i).text() for i in range(window.nav.count())]
        seen["status"] = window.counts_label.toolTip()  # the whole line (the label may shorten its labels)
        seen["title"] = window.windowTitle()
        window.close_without_asking()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    workspace.close()
    assert main(["--data-dir", str(workspace.root)]) == 0
    assert seen["pages"] == ["Tableau de bord", *(form.plural.fr for form in FORMS.values()), "Import",
                             "Export vers le ministère", "Paramètres"]
    assert seen["pages"][1:6] == ["Offres de formation", "Cohortes", "Stages", "Projets de R&D",
                                  "Sessions de formation continue"]
    assert "Offres de formation : 0" in seen["status"]
    assert "École Centrale Casablanca" in seen["title"]


def test_a_second_window_on_the_same_folder_is_refused(workspace, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda *a: pytest.fail("no second window may open"))
    holder = SingleInstance(workspace.root)
    assert holder.acquire()
    try:
        assert main(["--data-dir", str(workspace.root)]) == 1
    finally:
        holder.release()
    assert warnings and "déjà ouvert" in warnings[0]


def test_first_run_assistant_creates_the_folder_and_the_keys(qtbot, tmp_path, monkeypatch):
    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: refusals.append(text))
    root = tmp_path / "nouveau"
    wizard = SetupWizard(root, "fr")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == 0 and refusals  # no establishment chosen: refused, stays on the page
    wizard.establishment.setCurrentText("ensias")  # a name the programme's list does not hold
    wizard.next()
    assert wizard.currentId() == 0
    assert "« ensias » n'est pas dans la liste" in refusals[-1] and "ministère de tutelle" in refusals[-1]
    assert wizard.establishment.lineEdit().selectedText() == "ensias"  # typed over at once
    wizard.establishment.setCurrentIndex(wizard.establishment.findData("ENSAM-R"))
    if wizard.establishment.currentIndex() < 0:
        wizard.establishment.setCurrentIndex(1)
    wizard.operator.setText("Amina El Idrissi")
    wizard.next()
    assert wizard.currentId() == 1
    wizard.next()
    assert wizard.currentId() == 2
    wizard.passphrase.setText("une phrase de passe assez longue")
    wizard.confirm.setText("une autre phrase")
    wizard.next()
    assert "diffèrent" in refusals[-1]
    wizard.confirm.setText("une phrase de passe assez longue")
    with qtbot.waitSignal(wizard.finished, timeout=60_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    workspace = wizard.workspace
    assert workspace.root == root
    assert workspace.operator == "Amina El Idrissi"
    import sync.keys

    assert sync.keys.has_keys(workspace)
    workspace.close()


def test_the_lock_of_a_crashed_window_is_taken_over(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    code = ("import sys, time; from pathlib import Path; from PySide6.QtCore import QCoreApplication; "
            "app = QCoreApplication([]); from desktop.app import SingleInstance; "
            "lock = SingleInstance(Path(sys.argv[1])); print(lock.acquire(), flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "True"
        assert not SingleInstance(tmp_path).acquire()  # held by a live process
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        time.sleep(0.1)
        again = SingleInstance(tmp_path)
        assert again.acquire()  # the dead process's lock is stale
        again.release()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_an_unreadable_database_is_reported_not_crashed(qtbot, workspace, monkeypatch):
    workspace.close()
    for leftover in workspace.root.glob("kafaat.db*"):
        leftover.unlink()
    workspace.db_path.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))

    def exec_(*_args):
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    assert main(["--data-dir", str(workspace.root)]) == 0
    assert "kafaat.db" in shown[0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_window_self_check_in_a_fresh_process(workspace, tmp_path, lang):
    """What a packaged build runs: ``KAFAAT_UI_SMOKE`` opens every page and editor, then quits."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    workspace.update_settings(language=lang)
    workspace.close()
    report = tmp_path / "report.json"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py")], check=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KAFAAT_UI_SMOKE=str(report))
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(workspace.root)], env=env,
                          cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["errors"] == []
    assert seen["pages"]["offering"] == "RecordsPage" and seen["charts"] == 0  # no data yet: no chart
    from forms.definitions import FORMS

    assert seen["editors"] == {key: len(form.fields) for key, form in FORMS.items()}
    assert seen["language"] == lang
    assert seen["translations_loaded"] is (True if lang == "ar" else None)


def test_settings_that_are_not_an_object_read_as_empty(tmp_path) -> None:
    from desktop.app import read_settings

    (tmp_path / "settings.json").write_text("[1, 2]", encoding="utf-8")
    assert read_settings(tmp_path) == {}
