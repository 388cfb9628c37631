"""The base class of every page of the main window (see ``desktop.ui.pages`` for the interface)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext


class Page(QWidget):
    """A page of the main window. Subclasses build their widgets in ``__init__``."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    @property
    def lang(self) -> str:
        return self.context.lang

    def activated(self) -> None:
        """The user navigated to this page."""

    def refresh(self) -> None:
        """The data changed (an operation with ``changes_data`` succeeded)."""

    def can_leave(self) -> bool:
        """False to keep the window open (e.g. unsaved work that the user chose to keep)."""
        return True

