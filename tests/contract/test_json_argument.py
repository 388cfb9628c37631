"""``kafaat records add FORM --json TEXT_OR_@FILE`` given text that is no JSON: exit 1 with a message in the
language of ``--lang`` that says where (``shared/brief/cli.md``). Written from the documents only."""

from __future__ import annotations

from pathlib import Path

from tests.contract.conftest import Pair, refused, tree_digest


def test_text_that_is_no_json_is_said_in_the_language(pair: Pair, tmp_path: Path) -> None:
    deep = tmp_path / "profond.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    before = tree_digest(pair.est)
    # the parser's own English words (« depth limit exceeded », « unexpected character », « line 1 column 14 »)
    english = ("depth", "unexpected", "expected", "line ", "column", "not valid", "infinity")
    for argv in ('{"capacity": NaN}', '{"capacity": 1e400}', "{pas du json", f"@{deep}"):
        for lang, said in (("fr", "JSON invalide"), ("ar", "JSON غير صالح")):
            run = refused("records", "add", "offering", "--json", argv, data=pair.est, lang=lang)
            text = run.err.replace(str(tmp_path), "")
            assert said in text and not any(word in text for word in english), (argv, lang, run.err)
            assert ("1" in text) if lang == "fr" else True, "where: line and column"
    assert tree_digest(pair.est) == before
