"""The base class of every page of the main window (see ``desktop.ui.pages`` for the interface)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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


class UnavailablePage(Page):
    """Said honestly: this feature is not part of this version (no fake screen)."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        text = QLabel(self.tr("Cette fonction n'est pas disponible dans cette version de Kafaat. "
                              "Elle le sera dans une prochaine version ; en attendant, la ligne de commande "
                              "« kafaat » peut offrir l'équivalent."))
        text.setObjectName("unavailable")
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
