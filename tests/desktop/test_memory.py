"""Finished operations and closed windows are freed by reference counting alone (no cycle left for the
garbage collector to find on whatever thread it happens to run), and collection happens on the GUI thread."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.operations import OperationRunner
from forms.definitions import FORMS


def _flush() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def test_finished_operations_are_freed_without_the_collector(qtbot, tmp_path):
    runner = OperationRunner(tmp_path)
    parent = QWidget()
    refs: list[weakref.ref] = []
    outcomes: list[object] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()

        def work(state):
            state.step(1, 2, "moitié")
            return [1, 2, 3]

        def boom(state):
            raise ValueError("refusé")

        for fn, progress in ((work, True), (work, False), (boom, False)):
            op = runner.run(fn, title="calcul", progress=progress, parent=parent,
                            on_success=outcomes.append, on_failure=outcomes.append)
            refs += [weakref.ref(op), weakref.ref(op.signals), weakref.ref(op.state)]
            qtbot.waitUntil(lambda op=op: op.done, timeout=5000)
            del op
        assert runner.wait_all(60_000)
        _flush()
        alive = [r() for r in refs if r() is not None]
        assert not alive, alive
        assert len(outcomes) == 3
    finally:
        if enabled:
            gc.enable()
    parent.deleteLater()
    _flush()


def test_collection_happens_on_the_gui_thread(qtbot):
    import threading

    from desktop.ui import collector

    guard = collector.installed()
    assert guard is not None and not gc.isenabled()
    seen: list[int] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            seen.append(threading.get_ident())

    Cycle()
    for _ in range(guard.thresholds[0] + 10):  # enough allocations to pass the first threshold
        Cycle.__new__(Cycle).__dict__["me"] = None
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == threading.get_ident()


def test_an_import_on_a_worker_thread_leaves_automatic_collection_off(application, qtbot, tmp_path):
    from tests.conftest import OFFERING, cohort_values
    from tests.forms.excel_files import internship_row, write_xlsx

    assert not gc.isenabled()
    store = application.context.store
    offering, _ = store.save("offering", OFFERING)
    store.save("cohort", cohort_values(offering.id))
    page = application.window.navigate("import")
    page.set_form("internship")
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(student_code="S100000")])
    page.open_file(str(path))
    qtbot.waitUntil(lambda: page.operation is not None and page.operation.done, timeout=20_000)
    page.check()
    qtbot.waitUntil(lambda: page.operation.done, timeout=20_000)
    page.run_import()
    qtbot.waitUntil(lambda: page.operation.done, timeout=20_000)
    assert len(store.list("internship")) == 1
    assert not gc.isenabled()


def test_a_closed_window_is_freed(workspace, qtbot):
    from desktop.app import Application

    app = Application(workspace, "fr")
    window = app.attach_now()
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
    for page in (*FORMS, "import", "export", "settings", "dashboard"):
        assert window.navigate(page) is not None, page
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
    ref = weakref.ref(window)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)
        window.deleteLater()
        del window
        app.window = None
        _flush()
        assert ref() is None, gc.get_referrers(ref())
    finally:
        if enabled:
            gc.enable()


def test_opening_the_data_folder_survives_a_collection(qtbot, workspace):
    """The runner that opens the folder was held only by a cycle through its own operation: a collection
    while the database was being opened deleted both, and the window never got its data."""
    from desktop.app import Application

    root = workspace.root
    workspace.close()
    app = Application(root=root, establishment="ECC")
    window = app.show()
    app._attach(window, "dashboard")  # what the first paint does, now: the opening is under way
    gc.collect()
    qtbot.waitUntil(lambda: window.context is not None, timeout=15_000)
    window.close_without_asking()
    app.context.runner.wait_all(10_000)
    app.workspace.close()
