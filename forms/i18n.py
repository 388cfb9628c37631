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

    def __str__(self) -> str:  # an exception holding a Text reads in French (logs, ``str(exc)``)
        return self.fr


def lowered(label: str) -> str:
    """A label inside a sentence: its first letter in lower case unless it opens an acronym (« Projet de R&D
    appliquée » → « projet de R&D appliquée », « ICE du partenaire » unchanged); ``str.lower`` would give
    « projet de r&d appliquée »."""
    first = label.split(" ", 1)[0]
    if not label or any(c.isupper() for c in first[1:]):  # an acronym: « ICE du… », « R&D projects »
        return label
    return label[0].lower() + label[1:]


PLURAL_CATEGORIES = {"fr": ("one", "other"), "en": ("one", "other"),
                     "ar": ("zero", "one", "two", "few", "many", "other")}
"""The plural forms each language distinguishes (Unicode CLDR), in the order ``plural`` takes them."""


def plural_category(n: int, lang: str) -> str:
    """The CLDR plural category of the whole number ``n`` in ``lang``: French puts 0 and 1 in the singular,
    English only 1; Arabic has six forms (0, 1, 2, 3–10, 11–99, then 100, 101, 102… — by ``n`` mod 100)."""
    n = abs(int(n))
    if lang == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        rest = n % 100
        return "few" if 3 <= rest <= 10 else "many" if 11 <= rest <= 99 else "other"
    if lang == "fr":
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


def plural(n: int, fr: str, ar: str = "", en: str = "", lang: str = DEFAULT_LANGUAGE,
           number: str | None = None) -> str:
    """A counted message in ``lang``, in the plural form the number takes (never « (s) »). Each language's
    text holds its forms separated by ``|`` in ``PLURAL_CATEGORIES`` order (French and English: one|other;
    Arabic: zero|one|two|few|many|other), with ``{n}`` where the number goes (``number`` if given, e.g. one
    formatted for the locale). A text without ``|`` is invariable (Arabic « المرفوضة: {n} » sidesteps the
    number's agreement). A language left empty falls back to French::

        plural(3, "{n} fichier|{n} fichiers")  →  "3 fichiers"
    """
    lang = normalise_lang(lang)
    texts = {"fr": fr, "ar": ar, "en": en}
    if not texts[lang]:
        lang = "fr"
    text = texts[lang]
    forms = text.split("|")
    if len(forms) == 1:  # invariable (« الملفات: {n} »)
        chosen = forms[0]
    elif len(forms) == len(PLURAL_CATEGORIES[lang]):
        chosen = forms[PLURAL_CATEGORIES[lang].index(plural_category(n, lang))]
    else:
        raise ValueError(f"{lang} : {len(PLURAL_CATEGORIES[lang])} formes attendues dans « {text} »")
    return chosen.replace("{n}", number if number is not None else str(n))


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
NO_TEXT = Text("")


def comma(lang: str | None = DEFAULT_LANGUAGE) -> str:
    """The separator of a list of values: the Arabic comma « ، » in Arabic, « , » otherwise."""
    return "، " if normalise_lang(lang) == "ar" else ", "


def listing(items: list[str] | tuple[str, ...], lang: str = DEFAULT_LANGUAGE) -> str:
    """Items as a sentence reads them: « a, b et c », « a, b and c », « أ وب وج » (Arabic repeats « و »)."""
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    if normalise_lang(lang) == "ar":
        return items[0] + "".join(f" و{i}" for i in items[1:])
    last = " et " if normalise_lang(lang) == "fr" else " and "
    return ", ".join(items[:-1]) + last + items[-1]
