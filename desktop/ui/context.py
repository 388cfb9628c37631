"""What every page receives: the data folder, the record store, the operation runner, the language."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.ui.operations import OperationRunner
from forms.store.records import RecordStore
from forms.workspace import Workspace


@dataclass
class AppContext:
    workspace: Workspace
    store: RecordStore
    runner: OperationRunner
    lang: str = "fr"
    open_record: Callable[[str, str | None], Any] = field(default=lambda form, record_id: None)
    """``open_record(form_key, record_id)`` opens the editor (``None``: a new record); set by the window."""
    neighbour: Callable[[str, str, int], str | None] = field(default=lambda form, record_id, step: None)
    """``neighbour(form_key, record_id, step)``: the id of the record ``step`` rows away (-1 previous, +1 next)
    in the list as it is shown (its filter and order), or ``None``; set by the window."""
    navigate: Callable[[str], Any] = field(default=lambda key: None)
    """``navigate(page_key)`` shows another page; set by the window."""
    set_language: Callable[[str], Any] = field(default=lambda lang: None)
    """Switch the window's language (rebuilds the window); set by the application."""


def weak_callback(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` (bound to a window or page) called through a weak reference: the context outlives the
    windows it serves (a language switch builds a new one), and a strong reference back from it would
    make a cycle window → context → window that only the garbage collector could free."""
    ref = weakref.WeakMethod(method)  # type: ignore[arg-type]

    def call(*args: Any) -> Any:
        target = ref()
        return target(*args) if target is not None else None

    return call
