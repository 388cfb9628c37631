"""What every page receives: the data folder, the record store, the operation runner, the language."""

from __future__ import annotations

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
    navigate: Callable[[str], Any] = field(default=lambda key: None)
    """``navigate(page_key)`` shows another page; set by the window."""
    set_language: Callable[[str], Any] = field(default=lambda lang: None)
    """Switch the window's language (rebuilds the window); set by the application."""
