"""Cooperative progress and cancellation for long operations (imports, exports, consolidation).

Core operations take an optional ``TaskState``; they call ``state.step(done, total, text)`` now and then
and it raises ``Cancelled`` when the user asked to stop. The window's worker re-emits progress as Qt
signals; the command line passes nothing (or a state that prints). No Qt here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from forms.messages import Localizable, Message


class Cancelled(Exception):
    """The user cancelled: the operation rolled back and changed nothing."""

    def __init__(self) -> None:
        super().__init__(Message("task.cancelled"))


class TaskState:
    def __init__(self, on_progress: Callable[[int, int, Localizable], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self.done = 0
        self.total = 0
        self.text: Localizable = ""
        """What is being done: a ``Message`` (shown in the reader's language by the window or the command
        line), or a plain string."""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def step(self, done: int, total: int = 0, text: Localizable = "", *, cancellable: bool = True) -> None:
        """Report progress (``total`` 0 when unknown); raises ``Cancelled`` if cancellation was asked, unless
        ``cancellable`` is false (past the point of no return: the work is done and must be reported)."""
        self.done, self.total = done, total or self.total
        if text:
            self.text = text
        if self._on_progress is not None:
            self._on_progress(self.done, self.total, self.text)
        if cancellable:
            self.check()


def step(state: TaskState | None, done: int, total: int = 0, text: Localizable = "", *,
         cancellable: bool = True) -> None:
    """``state.step(...)`` when a state was given."""
    if state is not None:
        state.step(done, total, text, cancellable=cancellable)
