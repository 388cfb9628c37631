"""``kafaat --lang ar|en --help``: every option's and sub-command's help has its Arabic and English text
(``desktop/cli/help_texts.py``); a help text added without them fails here."""

from __future__ import annotations

import re

from desktop.cli import build_parser
from desktop.cli.common import set_language
from desktop.cli.help_texts import HELP, help_texts, parsers

ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_every_help_text_has_its_translations() -> None:
    set_language("fr")
    texts = set(help_texts(build_parser()))
    assert len(texts) > 60, len(texts)  # the walk reaches every sub-command
    missing = sorted(t for t in texts if t not in HELP)
    assert not missing, missing
    for french in texts:
        ar, en = HELP[french]
        assert en and (ARABIC.search(ar) or french == en), french


def test_the_parser_speaks_the_language() -> None:
    try:
        set_language("ar")
        parser = build_parser()
        shown = help_texts(parser)
        assert all(ARABIC.search(t) or "|" in t for t in shown), [t for t in shown if not ARABIC.search(t)]
        assert "الاستعمال:" in parser.format_help()
        set_language("en")
        english = build_parser()
        assert "JSON output" in help_texts(english) and len(parsers(english)) > 30
    finally:
        set_language("fr")


def test_every_placeholder_has_its_english_name() -> None:
    """The usage lines' placeholders (« FICHIER », « FORMULAIRE »…) read in English under --lang en|ar: a
    placeholder added without its English name fails here."""
    from desktop.cli.help_texts import METAVARS

    try:
        set_language("fr")
        french = {a.metavar for p in parsers(build_parser()) for a in p._actions if isinstance(a.metavar, str)}
        assert {"FICHIER", "FORMULAIRE", "DOSSIER", "COMMANDE"} <= french
        assert not sorted(french - set(METAVARS)), sorted(french - set(METAVARS))
        for lang in ("en", "ar"):
            set_language(lang)
            shown = {a.metavar for p in parsers(build_parser()) for a in p._actions if isinstance(a.metavar, str)}
            assert shown <= set(METAVARS.values()), sorted(shown - set(METAVARS.values()))
    finally:
        set_language("fr")
