"""The catalogue of messages (``forms/messages.py``): every message in the three languages, with the same
parameters and the plural forms each language needs; every key the code names exists."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from forms.i18n import PLURAL_CATEGORIES, Text
from forms.messages import CATALOGUE, Message, localized, message_of, parameters

ROOT = Path(__file__).resolve().parents[2]
ARABIC = re.compile(r"[\u0600-\u06FF]")
FRENCH_WORDS = re.compile(r"\b(le|la|les|des|du|est|rien|été|n'a|pas|fichier|dossier|lot|enregistrement|"
                          r"établissement|ministère|refusé|écrit|clé|empreinte|ligne)\b", re.I)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_its_three_languages(key: str) -> None:
    fr, ar, en = CATALOGUE[key]
    assert fr.strip() and ar.strip() and en.strip(), key
    if "|" in fr:  # counted: the forms each language distinguishes
        for lang, text in (("fr", fr), ("ar", ar), ("en", en)):
            # Arabic may sidestep agreement with one invariable form (« المرفوضة: {n} »)
            invariable = lang == "ar" and "|" not in text and "{n}" in text
            assert invariable or len(text.split("|")) == len(PLURAL_CATEGORIES[lang]), (key, lang)
    names = [parameters(text.replace("|", " ")) - {"n"} for text in (fr, ar, en)]
    assert names[0] == names[1] == names[2], (key, names)
    # an Arabic text is in Arabic; the English one has no French words left in it
    words = re.sub(r"\{\w+\}", "", ar)
    assert ARABIC.search(ar) or not re.search(r"[A-Za-z]{3}", words), (key, ar)
    assert not ARABIC.search(en) and not FRENCH_WORDS.search(en.replace("RAPPORT", "")), (key, en)


def test_a_missing_translation_fails() -> None:
    """The check above does fail on a message left French-only."""
    fr, ar, en = "{file} : fichier illisible", "", "{file}: unreadable"
    assert not (fr.strip() and ar.strip() and en.strip())


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named: set[str] = set()
    for folder in ("forms", "sync", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            named |= set(re.findall(r"Message\(\s*\"([a-z_.0-9]+)\"", path.read_text(encoding="utf-8")))
    assert named, "no Message(...) found: the scan is broken"
    assert named <= set(CATALOGUE), sorted(named - set(CATALOGUE))


def test_rendering_in_each_language_with_arabic_plurals() -> None:
    problems = {n: Message("count.problems", n=n).get("ar") for n in (0, 1, 2, 3, 11, 100)}
    assert problems == {0: "لا مشاكل", 1: "مشكلة واحدة", 2: "مشكلتان", 3: "3 مشاكل", 11: "11 مشكلة",
                        100: "100 مشكلة"}
    refused = Message("import.refused", file="f.xlsx", problems=Message("count.problems", n=2))
    assert refused.get("fr") == "f.xlsx : import refusé, 2 problèmes : rien n'a été enregistré"
    assert refused.get("en") == "f.xlsx: import refused, 2 problems: nothing was saved"
    assert refused.get("ar") == "f.xlsx: رُفض الاستيراد، مشكلتان: لم يُحفظ أي شيء"
    assert str(refused) == refused.get("fr")
    # lists take the language's comma; a Text parameter is taken in the same language
    known = Message("establishment.unknown", code="X", known=["A", "B"])
    assert known.get("ar").endswith("(الرموز المعروفة: A، B)") and known.get("en").endswith("(known codes: A, B)")
    assert Message("record.refused", form=Text("Cohorte", "الفوج", "Cohort"),
                   problems=Message("count.problems", n=1)).get("en").startswith("Cohort: record refused, 1 problem")


def test_arabic_in_the_window_isolates_paths_and_codes() -> None:
    message = Message("file.not_found", file="C:/dossier/offres.xlsx")
    assert message.get("ar", bidi=True).startswith("\u2068C:/dossier/offres.xlsx\u2069:")
    assert "\u2068" not in message.get("ar") and "\u2068" not in message.get("en", bidi=True)


def test_an_exception_raised_with_a_message_reads_in_french_and_renders_in_any_language() -> None:
    exc = ValueError(Message("passphrase.wrong"))
    assert str(exc).startswith("phrase de passe incorrecte")
    assert message_of(exc) == Message("passphrase.wrong")
    assert localized(exc, "en").startswith("wrong passphrase") and localized(exc, "ar").startswith("عبارة المرور")
    assert localized(OSError("plain"), "ar") == "plain"
    with pytest.raises(KeyError):
        Message("no.such.message")


def test_common_system_errors_are_said_in_the_users_language() -> None:
    """``os_reason``: the common errno values in the catalogue's words (the system's English text stayed inside
    French and Arabic sentences); any other keeps the system's text; an exception that is no OSError as is."""
    import errno

    from forms.messages import OS_ERRORS, Message, os_reason

    for name in OS_ERRORS:
        if not hasattr(errno, name):
            continue
        number = getattr(errno, name)
        said = os_reason(OSError(number, os.strerror(number), "x"))
        assert isinstance(said, Message) and said.key == f"oserror.{name}", name
        texts = [said.get(lang) for lang in ("fr", "ar", "en")]
        assert all(texts) and len(set(texts)) == 3 and os.strerror(number) not in texts, name
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_reason(OSError("sans numéro")) == "sans numéro"
    other = ValueError(Message("folder.settings_not_object"))
    assert os_reason(other) == Message("folder.settings_not_object")
    assert Message("file.unreadable", file="f", reason=os_reason(IsADirectoryError(errno.EISDIR, "Is a directory"))
                   ).get("ar") == "f: تعذّرت قراءة الملف (هذا مجلد وليس ملفا)"
