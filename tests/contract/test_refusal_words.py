"""What a refusal says about the input itself — bad JSON given to ``records add --json``, a signed document's
version, a bundle cut short — in the language of ``--lang`` and in the file's own terms (``shared/brief/cli.md``:
exit 1 with a clear message naming what and where; ``docs/bundle-format.md``). Written from the documents only."""

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
            where = "erreur à la ligne 1, colonne " if lang == "fr" else "خطأ في السطر 1، العمود "
            assert where in text, ("where: line and column", run.err)
    assert tree_digest(pair.est) == before


def test_a_signed_documents_version_is_named_as_the_file_writes_it(pair: Pair, tmp_path: Path) -> None:
    """« version true » in a receipt or a key file is named as JSON writes it (``true``), not as Python's
    ``'True'``: what the support engineer finds when opening the file."""
    import json

    doc = json.loads((pair.root / "ministry.pub.json").read_text(encoding="utf-8"))
    for value, said in ((True, "true"), ("1", '"1"'), (None, "null"), (10**22, "10000000000000000000")):
        bad = tmp_path / "cle.json"  # 10**22: past 64 bits, which orjson cannot write (it raised a traceback)
        bad.write_text(json.dumps({**doc, "version": value}), encoding="utf-8")
        for lang in ("fr", "en"):
            run = refused("recipients", "add", bad, "--yes", data=pair.est, lang=lang)
            assert said in run.err and "True" not in run.err and "None" not in run.err, run.err


def test_a_bundle_cut_within_its_first_bytes_is_said_cut(pair: Pair, tmp_path: Path) -> None:
    """bundle-format.md § 2: 14 bytes of preamble (magic, version, header length). A file holding the whole magic
    but cut before the header length is a bundle cut short (« copy it again »), not « not a Kafaat bundle »."""
    data = pair.bundle1.read_bytes()
    for n in (9, 10, 13):
        cut = tmp_path / f"coupe-{n}.kfb"
        cut.write_bytes(data[:n])
        for lang, said in (("fr", "tronqué"), ("en", "truncated")):
            run = refused("ministry", "verify", cut, data=pair.min, lang=lang)
            assert said in run.err, run.err
    stranger = tmp_path / "autre.kfb"
    stranger.write_bytes(b"PK\x03\x04" + data[4:13])
    assert "tronqué" not in refused("ministry", "verify", stranger, data=pair.min).err
