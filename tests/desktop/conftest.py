"""GUI test fixtures: real widgets offscreen, modal dialogs patched, and a check that no test leaves a
running worker thread or an active timer behind (the idea of napari's conftest)."""

from __future__ import annotations

import weakref

import pytest

pytest.importorskip("PySide6.QtWidgets")

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import operations

PATIENCE_MS = 60_000
"""The least time any qtbot wait gives its condition (``waitUntil``, ``waitSignal``, ``waitExposed`` …). A wait
ends as soon as its condition holds, so this costs nothing when things go well; the timeouts written in the
tests were tuned on a quick machine, and CI may be three times slower and loaded. No test waits for a timeout."""


def _patient_and_strict_waits() -> None:
    """Every qtbot wait gets at least ``PATIENCE_MS``; ``waitUntil`` conditions must return a real bool at
    every call. pytest-qt lets 0 and 1 pass as False and True, refuses 177 and takes None as success, so a
    condition like ``ready and page.total`` passed or failed by when the count arrived (CI refused a
    submission on it). ``tests/test_wait_conditions.py`` reads the conditions; this catches the rest. A
    function (not a lambda) may return None: the assert style of pytest-qt."""
    from pytestqt.qtbot import QtBot

    def patient(method):
        def wait(self, *args, timeout: int | None = 5000, **kwargs):
            if timeout is not None and timeout > 0:  # 0 or None: no timeout at all
                timeout = max(timeout, PATIENCE_MS)
            return method(self, *args, timeout=timeout, **kwargs)
        wait.__name__ = wait.__qualname__ = method.__name__
        wait.__doc__ = method.__doc__
        return wait

    until = QtBot.waitUntil

    def wait_until(self, callback, *, timeout: int = 5000):
        __tracebackhide__ = True
        assert_style = getattr(callback, "__name__", "") != "<lambda>"

        def checked():
            result = callback()
            if not isinstance(result, bool) and not (result is None and assert_style):
                raise ValueError(f"la condition de waitUntil doit rendre True ou False, elle a rendu {result!r}")
            return result
        return until(self, checked, timeout=max(timeout, PATIENCE_MS))

    for name in ("waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback"):
        setattr(QtBot, name, patient(getattr(QtBot, name)))
    QtBot.waitUntil = wait_until  # the pep-8 aliases (``wait_until`` …) are bound per instance to these


_patient_and_strict_waits()


@pytest.fixture(scope="session", autouse=True)
def _collect_on_gui_thread(qapp):
    """As in the application: automatic collection off, collection from a GUI-thread timer.
    ``KAFAAT_GC_THRESHOLD=N`` (stress runs) collects the youngest generation after N allocations, checked
    every 10 ms (the older generations after 10 of the younger, as the interpreter does)."""
    import gc
    import os

    from desktop.ui import collector

    low = int(os.environ.get("KAFAAT_GC_THRESHOLD") or 0)
    if low:
        gc.set_threshold(low, 10, 10)
    guard = collector.install(10 if low else collector.INTERVAL_MS)
    yield guard


@pytest.fixture(autouse=True)
def _fresh_application_state(qapp):
    """What a test leaves in the process is not the next test's: ``desktop.app.run`` names the application
    (from then on QSettings persist and file dialogs remember the last folder), tests switch to Arabic or
    English (translators, layout direction, default locale). Each test starts named as pytest-qt names it, in
    French, with no folder remembered, whatever ran before it."""
    from PySide6.QtCore import QSettings

    from desktop.ui import files
    from desktop.ui.i18n import install_language

    names = qapp.organizationName(), qapp.applicationName()
    yield
    if qapp.organizationName() == "Kafaat":
        QSettings().clear()
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    files._last.clear()
    install_language("fr")


@pytest.fixture(autouse=True)
def _no_leaks(qapp, monkeypatch):
    """Fail a test that leaves an operation running, a pool thread alive or one of our timers active."""
    timers: list[weakref.ref] = []
    runners: list[weakref.ref] = []
    original_start = QTimer.start
    original_init = operations.OperationRunner.__init__

    def start(self, *args):
        timers.append(weakref.ref(self))
        return original_start(self, *args)

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        runners.append(weakref.ref(self))

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(operations.OperationRunner, "__init__", init)
    yield
    leaks = []
    for ref in runners:
        runner = ref()
        if runner is None:
            continue
        try:
            if runner.active or runner.pool.activeThreadCount():
                leaks.append(f"opérations en cours : {[op.title for op in runner.active]}")
            runner.wait_all(5000)
        except RuntimeError:  # the C++ object is gone with its window: nothing can still run
            pass
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QApplication.processEvents()
    for ref in timers:
        timer = ref()
        try:
            if timer is not None and timer.isActive() and timer.parent() is not None:
                leaks.append(f"minuterie active : {timer.objectName() or timer}")
        except RuntimeError:
            pass
    assert not leaks, leaks


class DialogRecorder:
    """Replaces modal message boxes: records what would have been asked and answers as told."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def question(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch) -> DialogRecorder:
    recorder = DialogRecorder()
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    return recorder


@pytest.fixture(scope="module")
def compiled_translations():
    """The window's translations compiled (the test command does it in scripts/bootstrap.sh; a test run from an
    editor may not have): a module that shows the window in another language asks for it; French after."""
    import subprocess
    import sys
    from pathlib import Path

    from desktop.ui.i18n import install_language, translations_dir

    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "scripts" / "build_translations.py")],
                   check=True)
    assert all((translations_dir() / f"kafaat_{lang}.qm").exists() for lang in ("fr", "ar", "en"))
    yield
    install_language("fr")


@pytest.fixture
def opened(workspace, qtbot):
    """``opened(lang)``: the real application in ``lang`` on ``workspace``, its window 1280×720, shown and
    active; closed after the test."""
    from desktop.app import Application

    apps = []

    def start(lang: str):
        app = Application(workspace, lang)
        window = app.attach_now()
        window.resize(1280, 720)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
        apps.append((app, window))
        return app

    yield start
    for app, window in apps:
        with contextlib.suppress(RuntimeError):
            window.close_without_asking()
        app.context.runner.wait_all(10_000)
    QApplication.processEvents()


@pytest.fixture
def application(workspace, qtbot):
    """The real application on a real data folder, window shown offscreen and attached to its data."""
    from desktop.app import Application

    app = Application(workspace, "fr")
    window = app.attach_now()
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
    yield app
    for win in (app.window, window):
        with contextlib.suppress(RuntimeError):
            win.close_without_asking()
    app.context.runner.wait_all(10_000)
    QApplication.processEvents()
    from desktop.logfile import remove_logging

    remove_logging(workspace.logs_dir)  # the log file's handler does not outlive its test


@pytest.fixture
def shown_errors(monkeypatch) -> list[str]:
    """Error dialogs opened by the runner (``QMessageBox.open``) are recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text() + " " + self.informativeText()))
    return shown
