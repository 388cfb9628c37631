"""The base class of the ministry's pages: a ``Page`` whose context is a ``MinistryContext``, with the
page's words in the window's language (``self.w(fr, ar, en)``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.pages.base import Page
from desktop.ui.pages.ministry import isolate, words
from forms.i18n import plural


class MinistryPage(Page):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)

    def w(self, fr: str, ar: str, en: str) -> str:
        return words(self.lang, fr, ar, en)

    def n(self, count: int, fr: str, ar: str, en: str) -> str:
        """A counted phrase in the window's language and plural form (``forms.i18n.plural``: « 1 fichier »,
        « 3 fichiers »; Arabic's six forms), the number written for the locale."""
        return plural(count, fr, ar, en, self.lang, number=self.locale().toString(int(count)))

    def reason(self, text: str | None, held: Any = None) -> str:
        """Why a bundle was refused: in the window's language when the refusal came as a ``Message`` (paths,
        codes and hashes isolated in Arabic), else the French sentence the national store kept."""
        if held is not None:
            from forms.messages import localized

            return localized(held, self.lang, bidi=True)
        return self.french(text)

    def french(self, text: str | None) -> str:
        """A sentence the national store wrote (its refusals are in French, as every refusal of Kafaat is),
        kept whole and left to right inside Arabic text (« مرفوض: l'établissement… » was cut and reordered)."""
        return isolate(text) if text and self.lang == "ar" else (text or "")

    def heading(self, fr: str, ar: str, en: str, hint: tuple[str, str, str] | None = None) -> QLabel:
        text = f"<h2>{self.w(fr, ar, en)}</h2>"
        if hint:
            text += f"<p>{self.w(*hint)}</p>"
        label = QLabel(text)
        label.setWordWrap(True)
        return label
