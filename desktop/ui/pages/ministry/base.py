"""The base class of the ministry's pages: a ``Page`` whose context is a ``MinistryContext``, with the
page's words in the window's language (``self.w(fr, ar, en)``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.pages.base import Page
from desktop.ui.pages.ministry import words


class MinistryPage(Page):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)

    def w(self, fr: str, ar: str, en: str) -> str:
        return words(self.lang, fr, ar, en)

    def heading(self, fr: str, ar: str, en: str, hint: tuple[str, str, str] | None = None) -> QLabel:
        text = f"<h2>{self.w(fr, ar, en)}</h2>"
        if hint:
            text += f"<p>{self.w(*hint)}</p>"
        label = QLabel(text)
        label.setWordWrap(True)
        return label
