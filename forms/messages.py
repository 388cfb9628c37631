"""Messages in the user's language, rendered where they are shown.

A refusal or an outcome is made where it arises (``forms/``, ``sync/``, the command line) as a ``Message``: a
key of ``CATALOGUE`` and its parameters. The command line renders it in the language of ``--lang``, the window
in its own; ``str(message)`` is the French text (logs, older callers). An exception raised with a ``Message``
(or a ``Text``) as its argument reads in French too, and ``localized(exc, lang)`` gives it in ``lang``.

Each entry of ``CATALOGUE`` (``forms/message_texts.py``) holds the French, Arabic and English texts, with the same ``{name}`` parameters (a test checks it).
A counted entry holds its plural forms separated by ``|`` (``forms.i18n.plural``: French and English one|other,
Arabic zero|one|two|few|many|other) and takes the number as ``n``. A parameter may itself be a ``Message`` or a
``Text`` (rendered in the same language), a list (joined with the language's comma) or anything else (``str``).

Arabic: a path, a code or a fingerprint inside Arabic text keeps its own direction in the window when the
message is rendered with ``bidi=True`` (each parameter is isolated, U+2068…U+2069). The command line does not
insert them: a console that cannot show them would print escapes, and scripts read paths from stderr.
"""

from __future__ import annotations

import errno
import string

from forms.i18n import DEFAULT_LANGUAGE, Text, comma, normalise_lang, plural
from forms.message_texts import CATALOGUE

FSI, PDI = "\u2068", "\u2069"


class Message:
    """One message of ``CATALOGUE`` with its parameters, rendered in any of the three languages."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"message inconnu : {key}")
        self.key = key
        self.params = params

    def get(self, lang: str | None = DEFAULT_LANGUAGE, *, bidi: bool = False) -> str:
        lang = normalise_lang(lang)
        fr, ar, en = CATALOGUE[self.key]
        template = {"fr": fr, "ar": ar, "en": en}[lang]
        if "|" in fr:
            template = plural(int(self.params["n"]), fr, ar, en, lang=lang, number="{n}")  # type: ignore[call-overload]
        values = {name: _render(value, lang, bidi and lang == "ar") for name, value in self.params.items()}
        return template.format(**values)

    @property
    def fr(self) -> str:
        return self.get("fr")

    def text(self) -> Text:
        return Text(self.get("fr"), self.get("ar"), self.get("en"))

    def __str__(self) -> str:
        return self.fr

    def __contains__(self, part: str) -> bool:  # ``"…" in message``, as on the French string it replaced
        return part in self.fr

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):  # as the French string it replaced (``"…" in plan.notes``)
            return self.fr == other
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.fr)


def _render(value: object, lang: str, bidi: bool) -> str:
    if isinstance(value, Message):
        return value.get(lang, bidi=bidi)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, list | tuple):
        return comma(lang).join(_render(v, lang, bidi) for v in value)
    text = str(value)
    return f"{FSI}{text}{PDI}" if bidi and text else text


Localizable = Message | Text | str


def localized(value: object, lang: str | None = DEFAULT_LANGUAGE, *, bidi: bool = False) -> str:
    """``value`` in ``lang``: a ``Message``, a ``Text``, an exception raised with one of them (its first such
    argument, or its ``text`` attribute), else ``str(value)`` (French)."""
    if isinstance(value, Message):
        return value.get(lang, bidi=bidi)
    if isinstance(value, Text):
        return value.get(normalise_lang(lang))
    if isinstance(value, BaseException):
        held = message_of(value)
        if held is not None:
            return localized(held, lang, bidi=bidi)
    return str(value)


def message_of(exc: BaseException) -> Message | Text | None:
    """The ``Message`` (or ``Text``) an exception was raised with, if any."""
    held = getattr(exc, "text", None)
    if isinstance(held, Message | Text):
        return held
    for arg in exc.args:
        if isinstance(arg, Message | Text):
            return arg
    return None


OS_ERRORS = ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "EEXIST", "ENAMETOOLONG", "EBUSY",
             "EDQUOT", "EIO", "ELOOP")
"""The system errors said in the user's language (``oserror.NAME`` in the catalogue); the others keep the
system's own text."""
_OS_ERROR_KEYS = {getattr(errno, name): f"oserror.{name}" for name in OS_ERRORS if hasattr(errno, name)}


def os_reason(exc: BaseException) -> Message | Text | str | BaseException:
    """Why an operation on a file failed, to put in a sentence as its ``reason``: for an ``OSError`` whose
    ``errno`` is a common one (``OS_ERRORS``), the catalogue's words in the user's language, where the
    system's ``strerror`` (« Is a directory », « No space left on device ») stayed English inside French and
    Arabic sentences; for another ``OSError``, its ``strerror`` (else its text); for any other exception, the
    exception itself (a ``Message`` it holds renders in the user's language)."""
    if isinstance(exc, OSError):
        key = getattr(exc, "reason_key", None) or _OS_ERROR_KEYS.get(exc.errno)  # type: ignore[arg-type]
        if key is not None:
            return Message(key)
        return exc.strerror or str(exc)
    return message_of(exc) or exc


def parameters(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


__all__ = ["CATALOGUE", "Localizable", "Message", "localized", "message_of", "os_reason", "parameters"]
