"""Destinations that cannot be written (a read-only medium, a full disk, a folder where a file was named) and
commands used in the wrong kind of data folder, through the real ``kafaat`` command (``shared/brief/cli.md``:
exit 1 with a clear message on stderr naming what and where, never a traceback; a refusal changes nothing).
Written from the documents only, like the rest of ``tests/contract``."""

from __future__ import annotations

from pathlib import Path

from tests.contract.conftest import Pair, kafaat, ok, refused, tree_digest
from tests.e2e.test_reliability_cli import mounted


def test_a_national_extract_into_a_folder_or_a_read_only_medium(pair: Pair, tmp_path: Path) -> None:
    mini = pair.min
    ok("ministry", "consolidate", pair.bundle1, data=mini)
    folder = tmp_path / "un-dossier.xlsx"
    folder.mkdir()
    before = tree_digest(mini)
    for lang in ("fr", "en", "ar"):
        run = refused("ministry", "export-xlsx", "offering", folder, data=mini, lang=lang)
        assert "Exception" not in run.err and folder.name in run.err, run.err
    assert list(folder.iterdir()) == []
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs") as usb:
        run = refused("ministry", "export-xlsx", "offering", usb / "extrait.xlsx", data=mini)
        assert "Exception" not in run.err and "extrait.xlsx" in run.err, run.err
        assert list(usb.iterdir()) == []
    assert tree_digest(mini) == before
    # the same extract into a folder that can be written is made, whole
    assert kafaat("ministry", "export-xlsx", "offering", tmp_path / "extrait.xlsx", data=mini).code == 0
    assert (tmp_path / "extrait.xlsx").read_bytes()[:2] == b"PK"


def test_a_template_onto_a_full_disk(pair: Pair, tmp_path: Path) -> None:
    from tests.e2e.test_reliability_cli import _fill_disk

    before = tree_digest(pair.est)
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "size=256k", "tmpfs") as usb:
        _fill_disk(usb)
        for lang in ("fr", "en", "ar"):
            run = refused("template", "offering", usb / "modele.xlsx", data=pair.est, lang=lang)
            assert "Exception" not in run.err and "modele.xlsx" in run.err, run.err
            assert str(pair.est) not in run.err, "the full disk is the destination's, not the data folder's"
        assert sorted(p.name for p in usb.iterdir()) == ["remplissage.bin"], "no half-written template left"
    assert tree_digest(pair.est) == before


def test_a_reference_update_is_applied_by_establishments_only(pair: Pair, tmp_path: Path) -> None:
    """cli.md: ``kafaat reference import FILE`` is an establishment's command; a ministry keeps its list with
    ``ministry establishments import``. In a ministry's folder it is refused as every establishment command
    is, with or without ``--ministry-key``, and the ministry's list stays as it was."""
    mini, update = pair.min, tmp_path / "mise-a-jour.json"
    ok("ministry", "reference-update", update, data=mini)
    before = tree_digest(mini)
    for extra in ((), ("--ministry-key", pair.root / "ministry.pub.json", "--yes")):
        for lang, said in (("fr", "dossier d'un établissement"), ("en", "establishment's data folder")):
            run = refused("reference", "import", update, *extra, data=mini, lang=lang)
            assert said in run.err, run.err
    assert tree_digest(mini) == before
    assert not (mini / "reference").exists()
    # where it belongs, it applies
    assert "1" in ok("reference", "import", update, data=pair.est).out


def test_a_reference_update_that_could_not_be_written_uses_no_number(pair: Pair, tmp_path: Path) -> None:
    mini = pair.min
    before = tree_digest(mini)
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs") as usb:
        run = refused("ministry", "reference-update", usb / "mise-a-jour.json", data=mini)
        assert "mise-a-jour.json" in run.err, run.err
    assert tree_digest(mini) == before, "« rien n'a été modifié », the message says"
    written = ok("ministry", "reference-update", tmp_path / "mise-a-jour.json", data=mini, lang="en").out
    assert "no. 1 " in written, written
