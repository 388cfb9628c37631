"""Running operations off the GUI thread: progress, cooperative cancel, callbacks on the GUI thread.

Every change the window makes (save, delete, import, export) and every long read goes through
``OperationRunner.run``::

    runner.run(lambda state: importer.run(path, state), title=self.tr("Import"),
               on_success=self.show_report, changes_data=True, progress=True, parent=self)

* The callable receives a ``forms.tasks.TaskState``: it calls ``state.step(done, total, text)`` now and
  then, which reports progress and raises ``Cancelled`` when the user pressed « Annuler ».
* ``on_success(result)`` / ``on_failure(exc)`` run on the GUI thread (Qt queued signals).
* An exception is never lost: without ``on_failure`` it is shown in a readable dialog in the user's
  language, and its traceback always goes to ``logs/kafaat.log`` of the data folder.
* ``changes_data=True``: after success the runner emits ``data_changed`` once, so that lists, the
  dashboard and the status bar refresh (the idea of Anki's ``CollectionOp``; the task state is Orange3's
  ``TaskState``).
* Worker threads never touch widgets. ``wait_all()`` joins them (on close, and in tests).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from forms.tasks import Cancelled, TaskState

log = logging.getLogger("kafaat.ui")

PROGRESS_INTERVAL_S = 0.05
"""Progress is re-emitted at most this often (a tight loop must not flood the GUI thread)."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], signals: _Signals, state: TaskState) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn = fn
        self.signals = signals
        self.state = state

    def run(self) -> None:  # worker thread: no widget here
        import traceback

        try:
            result = self.fn(self.state)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


class Operation(QObject):
    """One running operation. ``finished`` is emitted once, after the success/failure callbacks."""

    finished = Signal()
    progress = Signal(int, int, str)

    def __init__(self, runner: OperationRunner, title: str) -> None:
        super().__init__(runner)
        self.title = title
        self._last_emit = 0.0
        self.state = TaskState(self._report)
        self.signals = _Signals()
        self.signals.progress.connect(self.progress)
        self.done = False
        self.error: BaseException | None = None
        self.was_cancelled = False

    def _report(self, done: int, total: int, text: str) -> None:  # worker thread
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            self._last_emit = now
            self.signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self.state.cancel()


class OperationRunner(QObject):
    """Runs operations on a private thread pool and routes their outcome back to the GUI thread."""

    data_changed = Signal()
    """Emitted once after every successful operation started with ``changes_data=True``."""

    def __init__(self, logs_dir: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.logs_dir = logs_dir
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.pool.setExpiryTimeout(1000)
        self.active: list[Operation] = []

    def run(self, fn: Callable[[TaskState], Any], *, title: str = "",
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            on_cancelled: Callable[[], None] | None = None,
            changes_data: bool = False, progress: bool = False,
            parent: QWidget | None = None) -> Operation:
        op = Operation(self, title)
        dialog: QProgressDialog | None = None
        if progress:
            dialog = QProgressDialog(title, self.tr("Annuler"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(op.cancel)

            def show_progress(done: int, total: int, text: str) -> None:
                dialog.setMaximum(total if total > 0 else 0)
                dialog.setValue(min(done, total) if total > 0 else 0)
                if text:
                    dialog.setLabelText(text)

            op.progress.connect(show_progress)

        def finish() -> None:
            op.done = True
            if dialog is not None:
                dialog.canceled.disconnect(op.cancel)
                dialog.reset()
                dialog.hide()
                dialog.deleteLater()
            if op in self.active:
                self.active.remove(op)
            op.finished.emit()
            op.deleteLater()

        @Slot(object)
        def succeeded(result: Any) -> None:
            try:
                if on_success is not None:
                    on_success(result)
            except Exception as exc:
                self.report(exc, title, parent)
            finally:
                if changes_data:
                    self.data_changed.emit()
                finish()

        @Slot(object, str)
        def failed(exc: BaseException, details: str) -> None:
            op.error = exc
            log.error("%s : échec\n%s", title or "opération", details)
            try:
                if on_failure is not None:
                    on_failure(exc)
                else:
                    self.report(exc, title, parent, details_logged=True)
            finally:
                finish()

        @Slot()
        def cancelled() -> None:
            op.was_cancelled = True
            try:
                if on_cancelled is not None:
                    on_cancelled()
            finally:
                finish()

        op.signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        op.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        op.signals.cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
        self.active.append(op)
        self.pool.start(_Job(fn, op.signals, op.state))
        return op

    def report(self, exc: BaseException, title: str = "", parent: QWidget | None = None,
               details_logged: bool = False) -> None:
        """A readable dialog for ``exc``; the traceback goes to the log file."""
        if not details_logged:
            log.error("%s : échec", title or "opération", exc_info=exc)
        show_error(parent, title or self.tr("Opération impossible"), exc, self.log_file())

    def log_file(self) -> str:
        return str(self.logs_dir / "kafaat.log") if self.logs_dir is not None else ""

    def wait_all(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every running operation, then deliver their callbacks. True when none is left."""
        ok = self.pool.waitForDone(timeout_ms)
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + 2
        while self.active and time.monotonic() < deadline:
            QCoreApplication.processEvents()
        return ok and not self.active

    def cancel_all(self) -> None:
        for op in list(self.active):
            op.cancel()


def describe(exc: BaseException) -> tuple[str, bool]:
    """A message for people and whether it is an expected refusal (True) or an unexpected failure."""
    from forms.excel.reading import FileRefused
    from forms.store.database import StoreError
    from forms.store.records import ValidationFailed
    from sync.errors import SyncError

    if isinstance(exc, ValidationFailed):
        from desktop.ui.i18n import current_language

        lang = current_language()
        return "\n".join(i.render(lang) for i in exc.issues), True
    if isinstance(exc, StoreError | SyncError | FileRefused | ValueError | OSError):
        return str(exc), True
    return f"{type(exc).__name__}: {exc}", False


def show_error(parent: QWidget | None, title: str, exc: BaseException, log_file: str = "") -> None:
    from PySide6.QtCore import QCoreApplication

    message, expected = describe(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    if expected:
        box.setText(message)
    else:
        box.setText(QCoreApplication.translate(
            "Operations", "Une erreur inattendue est survenue. Rien n'a été perdu de ce qui était déjà enregistré."))
        box.setInformativeText(message)
    if log_file:
        box.setDetailedText(QCoreApplication.translate("Operations", "Détails dans le journal : {0}").format(log_file))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
