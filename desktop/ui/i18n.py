"""The window's language: Qt translators (compiled from ``resources/translations/*.ts``), layout
direction (right to left for Arabic), the default ``QLocale`` and dates shown as dd/mm/yyyy.

Form and field labels come from the declarations (``Text.get(lang)``); window strings go through Qt's
``tr()``. Switching language installs other translators and rebuilds the main window.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from forms.i18n import DEFAULT_LANGUAGE, normalise_lang
from forms.paths import resources_dir

LANGUAGE_NAMES = {"fr": "Français", "ar": "العربية", "en": "English"}
QT_LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en_GB"}
DATE_FORMAT = "dd/MM/yyyy"

_state = {"lang": DEFAULT_LANGUAGE}
_translators: list[QTranslator] = []


def translations_dir():
    return resources_dir() / "translations"


def current_language() -> str:
    return _state["lang"]


def locale_for(lang: str) -> QLocale:
    return QLocale(QT_LOCALES.get(lang, "fr_MA"))


def install_language(lang: str) -> str:
    """Make ``lang`` the application's language: translators, layout direction, default locale."""
    lang = normalise_lang(lang)
    app = QCoreApplication.instance()
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    # French is the source language of every string; kafaat_fr holds only its plural forms (« %n erreur(s) »
    # → « 1 erreur », « 3 erreurs »), as Qt's numerus translations do for every language
    ours = QTranslator(app)
    if ours.load(f"kafaat_{lang}", str(translations_dir())):
        app.installTranslator(ours)
        _translators.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(base)
        _translators.append(base)
    QLocale.setDefault(locale_for(lang))
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar"
                               else Qt.LayoutDirection.LeftToRight)
    _state["lang"] = lang
    return lang


LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def ltr(text: str) -> str:
    """``text`` kept left to right inside right-to-left (Arabic) text: a fingerprint, a code, a date, an
    academic year. Without the isolate, the bidirectional algorithm reorders its parts after Arabic words
    (« 2026-2025 » for 2025-2026, fingerprint groups in reverse order). Unchanged in LTR languages."""
    if not text or current_language() != "ar":
        return text
    return f"{LRI}{text}{PDI}"


def isolate(text: str) -> str:
    """A value typed by people (names, titles) inside a sentence: its direction is that of its first
    letter (an Arabic name reads right to left, « 2025-2026 — 2 » left to right), and it does not
    reorder the words around it. Unchanged in LTR languages."""
    if not text or current_language() != "ar":
        return text
    return f"{FSI}{text}{PDI}"


def format_date(value: date | None) -> str:
    return ltr(value.strftime("%d/%m/%Y")) if value else ""


def format_number(value: float | int | None) -> str:
    if value is None:
        return ""
    locale = QLocale()
    if isinstance(value, int):
        return locale.toString(value)
    return locale.toString(float(value), "f", 2)


def format_timestamp(stamp: str | None) -> str:
    """``2026-11-29T06:05:00.123Z`` (UTC) → ``29/11/2026 07:05`` in local time."""
    if not stamp:
        return ""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return ltr(moment.astimezone().strftime("%d/%m/%Y %H:%M"))


__all__ = ["DATE_FORMAT", "LANGUAGE_NAMES", "current_language", "format_date", "format_number",
           "format_timestamp", "install_language", "isolate", "locale_for", "ltr"]
