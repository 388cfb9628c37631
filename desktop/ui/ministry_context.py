"""What every ministry page receives: the ministry's data folder (its national store is reached through
``sync.ministry.store.national_store(workspace)``), the operation runner and the language. The ministry
has no record store of its own: its pages only call ``sync.ministry`` functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.ui.operations import OperationRunner
from forms.workspace import Workspace


@dataclass
class MinistryContext:
    workspace: Workspace
    runner: OperationRunner
    lang: str = "fr"
    navigate: Callable[[str], Any] = field(default=lambda key: None)
    """``navigate(page_key)`` shows another page; set by the window."""
    set_language: Callable[[str], Any] = field(default=lambda lang: None)
    """Switch the window's language (rebuilds the window); set by the application."""
    open_record: Callable[[str, str | None], Any] = field(default=lambda form, record_id: None)
    """Unused: the national lists are read-only (kept so the window can treat both contexts alike)."""
    selected_establishment: str | None = None
    """The establishment a page asked another to show (« Établissements » after the inbox)."""
