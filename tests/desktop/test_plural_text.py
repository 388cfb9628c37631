"""Counted messages read as people write them: « 1 fichier », « 3 fichiers », Arabic's six forms, never
« fichier(s) ». ``forms.i18n.plural`` serves the ministry's pages (their words beside the code) and the
command line; the establishment's window uses Qt's numerus forms (``tests/desktop/test_window_text.py``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from forms.i18n import listing, lowered, plural, plural_category

ROOT = Path(__file__).resolve().parents[2]
PARENTHESISED = re.compile(r"\w\(s\)")
"""« fichier(s) », « problème(s) »: a plural left to the reader."""
COUNT = re.compile(r"\{[^}]*\}|%[nds]")


def test_plural_categories_follow_cldr():
    assert [plural_category(n, "fr") for n in (0, 1, 2, 10)] == ["one", "one", "other", "other"]
    assert [plural_category(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_category(n, "ar") for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111)] == \
        ["zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"]


def test_plural_picks_the_form_and_writes_the_number():
    files = ("{n} fichier|{n} fichiers", "لا ملفات|ملف واحد|ملفان|{n} ملفات|{n} ملفًا|{n} ملف",
             "{n} file|{n} files")
    assert [plural(n, *files) for n in (0, 1, 2)] == ["0 fichier", "1 fichier", "2 fichiers"]
    assert [plural(n, *files, lang="en") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
    assert [plural(n, *files, lang="ar") for n in (0, 1, 2, 7, 25, 300)] == \
        ["لا ملفات", "ملف واحد", "ملفان", "7 ملفات", "25 ملفًا", "300 ملف"]
    assert plural(1234, *files, number="1 234") == "1 234 fichiers"
    assert plural(5, "{n} en attente", "في الانتظار: {n}", lang="ar") == "في الانتظار: 5"  # invariable
    assert plural(5, "{n} fichier|{n} fichiers", lang="en") == "5 fichiers"  # no English: French
    with pytest.raises(ValueError):
        plural(5, "{n} fichier|{n} fichiers", "{n} ملف|{n} ملفات", lang="ar")  # Arabic wants six forms


def test_listing_joins_as_each_language_does():
    assert listing(["a", "b", "c"], "fr") == "a, b et c"
    assert listing(["a", "b"], "en") == "a and b"
    assert listing(["عروض التكوين", "الأفواج", "التداريب"], "ar") == "عروض التكوين والأفواج والتداريب"
    assert listing(["seul"], "fr") == "seul"
    assert lowered("R&D projects") == "R&D projects" and lowered("Projets de R&D") == "projets de R&D"


def counted_strings_with_parentheses(path: Path) -> list[str]:
    """String literals of ``path`` that count something and leave its plural in parentheses. Exempt: the
    source text of a Qt numerus message (``tr("%n erreur(s)", "", n)``: its forms are in the .ts files,
    checked by ``test_no_plural_is_left_written_with_s_in_parentheses``), docstrings, and labels without a
    count (« Domaine(s) »: one or several, which a field may hold)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name in ("tr", "translate") and len(node.args) >= 3 and node.args:
                exempt.update(id(n) for n in ast.walk(node.args[0]))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            exempt.add(id(node.value))  # a docstring
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in node.values)
            exempt.update(id(p) for p in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if PARENTHESISED.search(text) and COUNT.search(text):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:90]}")
    return found


def test_no_counted_message_leaves_its_plural_in_parentheses():
    found = []
    for package in ("desktop", "forms", "sync"):
        for path in sorted((ROOT / package).rglob("*.py")):
            found += counted_strings_with_parentheses(path)
    assert not found, "\n".join(found)


def test_the_scan_sees_what_it_is_meant_to_see(tmp_path):
    """The scan finds an f-string, a format string and a ministry ``self.w``; it passes Qt numerus sources."""
    sample = ROOT / "tests" / "desktop" / "_plural_sample.py"
    sample.write_text('n = 3\na = f"{n} fichier(s)"\nb = "{0} lot(s)".format(n)\n'
                      'c = self.w("{0} établissement(s)", "", "")\nd = self.tr("%n erreur(s)", "", n)\n'
                      'e = "Domaine(s)"\n', encoding="utf-8")
    try:
        found = counted_strings_with_parentheses(sample)
    finally:
        sample.unlink()
    assert sorted(line.split(":")[1] for line in found) == ["2", "3", "4"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "1 lot : 1 appliqué, 0 doublon, 0 en attente, 0 refusé, 0 incident de sécurité ; 12 enregistrements "
           "acceptés, 1 refusé."),
    ("en", "1 bundle: 1 applied, 0 duplicates, 0 held, 0 refused, 0 security incidents; 12 records accepted, "
           "1 refused."),
    ("ar", "حزمة واحدة: المطبقة: 1، المكررة: 0، في الانتظار: 0، المرفوضة: 0، الحوادث الأمنية: 0؛ "
           "التسجيلات المقبولة: 12، المرفوضة: 1."),
])
def test_the_ministry_inbox_counts_in_words(lang, expected):
    from PySide6.QtCore import QLocale

    from desktop.ui.pages.ministry.base import MinistryPage
    from desktop.ui.pages.ministry.inbox_page import InboxPage

    class Page:  # the page's wording alone, without a window
        n, w, consolidation_line = MinistryPage.n, MinistryPage.w, InboxPage.consolidation_line

        def __init__(self, lang: str) -> None:
            self.lang = lang

        def locale(self) -> QLocale:
            return QLocale(QLocale.Language.English)

    summary = {"applied": 1, "duplicate": 0, "held": 0, "already_held": 0, "refused": 0, "fork": 0,
               "rollback": 0, "records_accepted": 12, "records_refused": 1}
    assert Page(lang).consolidation_line(1, summary) == expected
