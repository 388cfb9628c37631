"""Tri-lingual labels (French first, Arabic, English) used by form declarations and messages."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("fr", "ar", "en")
DEFAULT_LANGUAGE = "fr"


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of user-facing text in the three languages of the programme."""

    fr: str
    ar: str = ""
    en: str = ""

    def get(self, lang: str = DEFAULT_LANGUAGE) -> str:
        value = getattr(self, lang, "") if lang in LANGUAGES else ""
        return value or self.fr

    def format(self, **kwargs: object) -> Text:
        return Text(
            self.fr.format(**kwargs),
            self.ar.format(**kwargs) if self.ar else "",
            self.en.format(**kwargs) if self.en else "",
        )

    def as_dict(self) -> dict[str, str]:
        return {"fr": self.fr, "ar": self.ar or self.fr, "en": self.en or self.fr}


def lowered(label: str) -> str:
    """A label inside a sentence: its first letter in lower case unless it opens an acronym (« Projet de R&D
    appliquée » → « projet de R&D appliquée », « ICE du partenaire » unchanged); ``str.lower`` would give
    « projet de r&d appliquée »."""
    if not label or (len(label) > 1 and label[1].isupper()):
        return label
    return label[0].lower() + label[1:]


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
NO_TEXT = Text("")
