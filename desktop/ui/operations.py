"""Running operations off the GUI thread: progress, cooperative cancel, callbacks on the GUI thread.

Every change the window makes (save, delete, import, export) and every long read goes through
``OperationRunner.run``::

    runner.run(lambda state: importer.run(path, state), title=self.tr("Import"),
               on_success=self.show_report, changes_data=True, progress=True, parent=self)

* The callable receives a ``forms.tasks.TaskState``: it calls ``state.step(done, total, text)`` now and
  then, which reports progress and raises ``Cancelled`` when the user pressed « Annuler ».
* ``on_success(result)`` / ``on_failure(exc)`` run on the GUI thread (Qt queued signals).
* An exception is never lost: without ``on_failure`` it is shown in a readable dialog in the user's
  language; an unexpected one has its traceback written to ``logs/kafaat.log`` of the data folder, an expected
  refusal (wrong passphrase, refused file…) one line there (``desktop.logfile.log_outcome``).
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

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.logfile import log_outcome
from forms.messages import Localizable, localized
from forms.tasks import Cancelled, TaskState

log = logging.getLogger("kafaat.ui")

PROGRESS_INTERVAL_S = 0.05
"""Progress is re-emitted at most this often (a tight loop must not flood the GUI thread)."""


class _Signals(QObject):
    """The worker's way back to the GUI thread. Owned by its ``Operation`` (a Qt child): it is deleted
    on the GUI thread with it, never by a worker dropping the last Python reference."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Progress:
    """The ``TaskState`` callback: re-emits progress at most every ``PROGRESS_INTERVAL_S``. It refers to
    the signals only, not to the operation (``Operation`` → ``TaskState`` → back would be a cycle)."""

    def __init__(self, signals: _Signals) -> None:
        from desktop.ui.i18n import current_language

        self.signals = signals
        self.last_emit = 0.0
        self.lang = current_language()
        """The window's language, read on the GUI thread: what is being done is shown in it."""

    def __call__(self, done: int, total: int, text: Localizable) -> None:  # worker thread
        now = time.monotonic()
        if now - self.last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            self.last_emit = now
            self.signals.progress.emit(done, total, localized(text, self.lang, bidi=True))


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], signals: _Signals, state: TaskState) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn: Callable[[TaskState], Any] | None = fn
        self.signals = signals
        self.state = state

    def run(self) -> None:  # worker thread: no widget here
        import traceback

        # The operation keeps its own reference to ``fn`` until it finishes on the GUI thread: whatever
        # the callable captured is released there, never here.
        fn, self.fn = self.fn, None
        signals, state = self.signals, self.state
        self.signals = self.state = None  # type: ignore[assignment]
        try:
            assert fn is not None
            result = fn(state)
        except Cancelled:
            signals.cancelled.emit()
        except BaseException as exc:
            details = traceback.format_exc()
            exc.__traceback__ = None  # frames of this thread must not travel with the exception
            signals.failed.emit(exc, details)
        else:
            signals.succeeded.emit(result)
            del result


class Operation(QObject):
    """One running operation. ``finished`` is emitted once, after the success/failure callbacks.

    Ownership: the runner is its Qt parent and lists it in ``active`` while it runs; when it finishes,
    its callbacks, progress dialog and work are released and it is deleted (``deleteLater``). Nothing
    it holds refers back to it, so reference counting frees it on the GUI thread."""

    finished = Signal()
    progress = Signal(int, int, str)

    def __init__(self, runner: OperationRunner, title: str, fn: Callable[[TaskState], Any], *,
                 on_success: Callable[[Any], None] | None, on_failure: Callable[[BaseException], None] | None,
                 on_cancelled: Callable[[], None] | None, changes_data: bool,
                 parent_widget: QWidget | None) -> None:
        super().__init__(runner)
        self.title = title
        self.signals = _Signals(self)
        self.state = TaskState(_Progress(self.signals))
        self.signals.progress.connect(self.progress)
        self.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.fn: Callable[[TaskState], Any] | None = fn
        self.on_success, self.on_failure, self.on_cancelled = on_success, on_failure, on_cancelled
        self.changes_data = changes_data
        self.parent_widget = parent_widget
        self.dialog: QProgressDialog | None = None
        self.done = False
        self.error: BaseException | None = None
        self.was_cancelled = False

    def cancel(self) -> None:
        self.state.cancel()

    def show_dialog(self) -> None:
        dialog = QProgressDialog(self.title, QCoreApplication.translate("OperationRunner", "Annuler"), 0, 0,
                                 self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.state.cancel)
        self.progress.connect(_DialogUpdater(dialog))
        self.dialog = dialog

    def _runner(self) -> OperationRunner:
        runner = self.parent()
        assert isinstance(runner, OperationRunner)
        return runner

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        runner = self._runner()
        try:
            if self.on_success is not None:
                self.on_success(result)
        except Exception as exc:
            runner.report(exc, self.title, self.parent_widget)
        finally:
            if self.changes_data:
                runner.data_changed.emit()
            self._finish()

    @Slot(object, str)
    def _failed(self, exc: BaseException, details: str) -> None:
        self.error = exc
        log_outcome(self.title, exc, details, log)  # a refusal on one line; a bug with its traceback
        try:
            if self.on_failure is not None:
                self.on_failure(exc)
            else:
                self._runner().report(exc, self.title, self.parent_widget, details_logged=True)
        finally:
            self._finish()

    @Slot()
    def _cancelled(self) -> None:
        self.was_cancelled = True
        try:
            if self.on_cancelled is not None:
                self.on_cancelled()
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            self.progress.disconnect()
            dialog.canceled.disconnect()
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
        runner = self._runner()
        if self in runner.active:
            runner.active.remove(self)
        self.finished.emit()
        # release everything the callbacks captured (pages, editors, results) and the work itself
        self.fn = self.on_success = self.on_failure = self.on_cancelled = None
        self.parent_widget = None
        self.deleteLater()


class _DialogUpdater:
    def __init__(self, dialog: QProgressDialog) -> None:
        self.dialog = dialog

    def __call__(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(total if total > 0 else 0)
        self.dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.dialog.setLabelText(text)


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
        op = Operation(self, title, fn, on_success=on_success, on_failure=on_failure, on_cancelled=on_cancelled,
                       changes_data=changes_data, parent_widget=parent)
        if progress:
            op.show_dialog()
        self.active.append(op)
        self.pool.start(_Job(fn, op.signals, op.state))
        return op

    def report(self, exc: BaseException, title: str = "", parent: QWidget | None = None,
               details_logged: bool = False) -> None:
        """A readable dialog for ``exc``; the traceback goes to the log file."""
        if not details_logged:
            log_outcome(title, exc, None, log)
        show_error(parent, title or self.tr("Opération impossible"), exc, self.log_file())

    def log_file(self) -> str:
        return str(self.logs_dir / "kafaat.log") if self.logs_dir is not None else ""

    def wait_all(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every running operation, then deliver their callbacks. True when none is left."""
        ok = self.pool.waitForDone(timeout_ms)
        deadline = time.monotonic() + 2
        while self.active and time.monotonic() < deadline:
            QCoreApplication.processEvents()
        return ok and not self.active

    def cancel_all(self) -> None:
        for op in list(self.active):
            op.cancel()


def describe(exc: BaseException) -> tuple[str, bool]:
    """A message for people and whether it is an expected refusal (True) or an unexpected failure."""
    from desktop.ui.i18n import current_language
    from forms.excel.reading import FileRefused
    from forms.messages import localized
    from forms.store.database import StoreError
    from forms.store.records import ValidationFailed
    from sync.errors import SyncError

    lang = current_language()
    if isinstance(exc, ValidationFailed):
        return "\n".join(i.render(lang) for i in exc.issues), True
    if isinstance(exc, StoreError | SyncError | FileRefused | ValueError | OSError):
        # in the window's language; in Arabic, paths and codes inside keep their direction (isolated)
        return localized(exc, lang, bidi=True), True
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
