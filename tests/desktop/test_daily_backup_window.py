"""The window takes the day's backup (issue 16, item 6): after opening the data, off the GUI thread; again at the
first change of a new day; never twice a day; a refusal told without blocking, in the window's language; off
when the folder's setting says so."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

import forms.daily_backup as daily
from desktop.app import Application
from desktop.logfile import remove_logging
from forms.daily_backup import daily_backups
from tests.conftest import OFFERING


@pytest.fixture
def opened(workspace, qtbot):
    made: list[Application] = []

    def open_window(lang: str = "fr") -> Application:
        app = Application(workspace, lang)
        app.daily_backup = True
        app.attach_now()
        made.append(app)
        qtbot.waitUntil(lambda: app.backup_watch is not None and app.backup_watch.checks > 0
                        and not app.context.runner.active, timeout=20_000)
        return app

    yield open_window
    for app in made:
        with contextlib.suppress(RuntimeError):
            app.window.close_without_asking()
        app.context.runner.wait_all(10_000)
    remove_logging(workspace.logs_dir)
    QApplication.processEvents()


def test_the_day_backup_is_taken_after_opening_and_at_the_first_change_of_a_new_day(qtbot, workspace, opened,
                                                                                    monkeypatch):
    from desktop.ui.operations import OperationRunner

    started: list[tuple[str, list[str]]] = []
    run = OperationRunner.run

    def recording(self, fn, **kwargs):
        started.append((kwargs.get("title", ""), [op.title for op in self.active]))
        return run(self, fn, **kwargs)

    monkeypatch.setattr(OperationRunner, "run", recording)
    app = opened()
    titles = [title for title, _busy in started]
    # the window's first reads go first; the backup starts when they are done (the dashboard is not slowed)
    assert titles.index("Sauvegarde du jour") > titles.index("Tableau de bord")
    assert dict(started)["Sauvegarde du jour"] == []
    monkeypatch.setattr(OperationRunner, "run", run)
    today = app.backup_watch.tried  # the day the watch asked for (the clock may pass midnight meanwhile)
    assert today is not None and abs((today - date.today()).days) <= 1
    assert list(daily_backups(workspace.backups_dir, "kafaat-ECC")) == [today]
    assert "Sauvegarde du jour écrite et vérifiée" in app.window.statusBar().currentMessage()
    runner = app.context.runner
    store = app.context.store

    tomorrow = today + timedelta(days=1)
    app.backup_watch.today = lambda: tomorrow
    runner.run(lambda state: store.save("offering", OFFERING), changes_data=True)
    qtbot.waitUntil(lambda: tomorrow in daily_backups(workspace.backups_dir, "kafaat-ECC"), timeout=20_000)
    qtbot.waitUntil(lambda: not runner.active, timeout=20_000)
    backup = daily_backups(workspace.backups_dir, "kafaat-ECC")[tomorrow]
    before = backup.stat().st_mtime_ns
    titles: list[str] = []
    original = runner.run

    def recording(fn, **kwargs):
        titles.append(kwargs.get("title", ""))
        return original(fn, **kwargs)

    runner.run = recording  # type: ignore[method-assign]
    original(lambda state: store.save("offering", dict(OFFERING, code="AUTRE")), changes_data=True)
    qtbot.waitUntil(lambda: not runner.active and bool(titles), timeout=20_000)
    assert "Sauvegarde du jour" not in titles  # once a day
    assert backup.stat().st_mtime_ns == before


def test_a_refusal_is_told_in_arabic_without_blocking(qtbot, workspace, opened, monkeypatch):
    real = daily.shutil.disk_usage
    monkeypatch.setattr(daily.shutil, "disk_usage", lambda path: real(path)._replace(free=1 << 20))
    app = opened("ar")
    qtbot.waitUntil(lambda: app.backup_watch.notice is not None, timeout=10_000)
    notice = app.backup_watch.notice
    assert notice.isVisible() and not notice.isModal()
    assert "لم تُنجز النسخة الاحتياطية" in notice.text() and "ميغابايت" in notice.text()
    assert list(daily_backups(workspace.backups_dir, "kafaat-ECC")) == []
    app.context.store.save("offering", OFFERING)  # the folder keeps working
    assert app.context.store.count("offering") == 1
    notice.close()


def test_the_setting_turns_it_off(qtbot, workspace, opened):
    workspace.update_settings(daily_backup=False)
    opened()
    assert not workspace.backups_dir.exists() or not list(workspace.backups_dir.iterdir())


def test_the_ministry_window_backs_up_the_national_store(qtbot, tmp_path, monkeypatch, capsys):
    from desktop.cli import main
    from desktop.ministry_app import MinistryApplication
    from forms.workspace import Workspace
    from sync.ministry.store import close_national_store

    monkeypatch.setenv("KAFAAT_PASSPHRASE", "une phrase de passe assez longue")
    root = tmp_path / "ministere"
    assert main(["--data-dir", str(root), "init", "--role", "ministry", "--ministry", "MIC"]) == 0
    capsys.readouterr()
    workspace = Workspace.open(root)
    app = MinistryApplication(workspace, "fr")
    app.daily_backup = True
    window = app.attach_now()
    try:
        qtbot.waitUntil(lambda: bool(daily_backups(workspace.backups_dir, "national-MIC")), timeout=20_000)
        qtbot.waitUntil(lambda: not app.context.runner.active, timeout=20_000)
        assert app.backup_watch.notice is None
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)
        close_national_store(workspace)
        remove_logging(workspace.logs_dir)


def test_no_backup_starts_once_the_window_is_closed(qtbot, workspace):
    """``kafaat`` closed right after opening: the watch's pending poll (or a change delivered late) fired after
    the window had closed and waited for its operations, and started a backup nobody waited for."""
    app = Application(workspace, "fr")
    app.daily_backup = True
    window = app.attach_now()
    try:
        window.close_without_asking()
        app.backup_watch.check()  # what the pending ``start_when_idle`` poll does once the window is gone
        assert not app.context.runner.active
        assert app.backup_watch.tried is None
    finally:
        app.context.runner.wait_all(10_000)
        remove_logging(workspace.logs_dir)
        QApplication.processEvents()
