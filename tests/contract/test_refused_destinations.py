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


def test_a_consolidation_that_refuses_says_so_on_stderr(pair: Pair, tmp_path: Path) -> None:
    """cli.md: exit 1 is « the input was refused … with a clear message on stderr naming what and where »;
    ``--json`` puts the machine-readable report on stdout, and the refusal is still said on stderr."""
    from tests.contract.test_signed_hostile_bundles import batch, column, documents_of, opened, seal

    mini = pair.min
    damaged = tmp_path / "abime" / "kafaat-ECC-000001.kfb"
    damaged.parent.mkdir()
    data = bytearray(pair.bundle1.read_bytes())
    data[-1] ^= 1
    damaged.write_bytes(bytes(data))
    for lang in ("fr", "en", "ar"):
        run = kafaat("ministry", "consolidate", damaged.parent, "--json", data=mini, lang=lang)
        assert run.code == 1 and run.json()["bundles"][0]["state"] == "refused", run
        assert damaged.name in run.err, run.err
    # A bundle applied with a record refused: exit 1, and the record named on stderr, as text and with --json.
    read, est_private = opened(pair)
    docs = documents_of(read)
    (cohort,) = batch(docs, "cohort")
    cohort[column(docs, "cohort", "women")] += 1  # women + men ≠ enrolled
    bad = tmp_path / "usb" / "kafaat-ECC-000001.kfb"
    bad.parent.mkdir()
    bad.write_bytes(seal(read, docs, est_private))
    for json_option in ((), ("--json",)):
        copy = tmp_path / f"min{len(json_option)}"
        copy.mkdir()
        import shutil

        shutil.copytree(mini, copy / "min")
        run = kafaat("ministry", "consolidate", bad, *json_option, data=copy / "min", lang="en")
        assert run.code == 1, "exit 1 when a record of an applied bundle was refused"
        assert pair.ids["cohort"] in run.err, (json_option, run.err)
        if json_option:
            assert run.json()["bundles"][0]["state"] == "applied"


def test_a_full_destination_is_named_not_the_data_folder(pair: Pair, tmp_path: Path) -> None:
    """« A clear message on stderr naming what and where »: when the USB key is full, the message names the
    file that could not be written there, not the data folder (whose disk has room)."""
    from tests.e2e.test_reliability_cli import _fill_disk

    est, mini = pair.est, pair.min
    ok("ministry", "consolidate", pair.bundle1, data=mini)
    before = tree_digest(est, mini)
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "size=256k", "tmpfs") as usb:
        _fill_disk(usb)
        for folder, argv in ((mini, ("ministry", "receipt", "ECC", "1", usb / "accuse.json")),
                             (mini, ("ministry", "reference-update", usb / "liste.json")),
                             (mini, ("ministry", "report", usb / "comite.xlsx")),
                             (est, ("keys", "rotate", usb / "rotation.json"))):
            for lang in ("fr", "en"):
                run = refused(*argv, data=folder, lang=lang)
                assert argv[-1].name in run.err and str(folder) not in run.err, (argv, run.err)
        assert sorted(p.name for p in usb.iterdir()) == ["remplissage.bin"]
    assert tree_digest(est, mini) == before


def test_a_restore_given_a_folder_says_it_is_a_folder(pair: Pair, tmp_path: Path) -> None:
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    before = tree_digest(pair.est, pair.min)
    for data in (pair.est, pair.min):
        for lang, said in (("fr", "dossier"), ("en", "folder"), ("ar", "مجلد")):
            run = refused("restore", folder, data=data, lang=lang)
            assert said in run.err and folder.name in run.err, run.err
            assert "introuvable" not in run.err and "not found" not in run.err, run.err
    assert tree_digest(pair.est, pair.min) == before


def test_a_pipe_given_as_a_file_is_said_in_the_language(pair: Pair, tmp_path: Path) -> None:
    """The reason inside the sentence is in the sentence's language too (it stayed English: « fichier illisible
    (not a regular file: a device or a pipe) »)."""
    import os

    fifo = tmp_path / "cle.json"
    os.mkfifo(fifo)
    before = tree_digest(pair.est, pair.min)
    for folder, argv in ((pair.est, ("recipients", "add", fifo, "--yes")), (pair.est, ("receipt", "import", fifo)),
                         (pair.min, ("ministry", "enroll", fifo, "--yes")), (pair.min, ("ministry", "verify", fifo))):
        for lang, said, foreign in (("fr", "périphérique ou un tube", "pipe"), ("ar", "أنبوب", "pipe"),
                                    ("en", "device or a pipe", "tube")):
            run = refused(*argv, data=folder, lang=lang)
            text = run.err.replace(str(fifo), "")
            assert said in text and foreign not in text and fifo.name in run.err, (argv, lang, run.err)
    assert tree_digest(pair.est, pair.min) == before


def test_a_destination_that_is_a_loop_of_links_uses_no_number(pair: Pair, tmp_path: Path) -> None:
    """A USB key's folder that is a symbolic link to itself (or a loop of two): refused before a number is
    used, in the language of the command, never a traceback."""
    loop = tmp_path / "cle"
    loop.symlink_to(tmp_path / "cle2")
    (tmp_path / "cle2").symlink_to(loop)
    before = tree_digest(pair.est)
    for lang, foreign in (("fr", "Too many"), ("en", "introuvable"), ("ar", "Too many")):
        run = refused("bundle", "export", loop, data=pair.est, lang=lang)
        assert "cle" in run.err and foreign not in run.err, run.err
        run = refused("receipt", "import", loop, data=pair.est, lang=lang)
        assert "cle" in run.err and "Too many" not in run.err, run.err
        run = refused("import", "offering", loop, "--errors", tmp_path / "erreurs.xlsx", data=pair.est, lang=lang)
        assert "cle" in run.err, run.err
        run = refused("backup", loop / "copie.db", data=pair.est, lang=lang)  # resolve() raised RuntimeError
        assert "cle" in run.err and "Traceback" not in run.err and "RuntimeError" not in run.err, run.err
    dangling = tmp_path / "cle-retiree"
    dangling.symlink_to(tmp_path / "media" / "USB")  # a link to a key that was removed
    run = refused("bundle", "export", dangling, data=pair.est)
    assert dangling.name in run.err, run.err
    assert tree_digest(pair.est) == before, "no bundle number used"


def test_a_ministry_folder_on_a_full_disk_says_the_disk_is_full(pair: Pair, tmp_path: Path) -> None:
    """As an establishment's folder does (« le disque du dossier … est plein »), not SQLite's English « disk
    I/O error » inside a French sentence."""
    import shutil

    from tests.e2e.test_reliability_cli import _fill_disk

    with mounted(tmp_path / "disque", "-t", "tmpfs", "-o", "size=4m", "tmpfs") as disk:
        shutil.copytree(pair.min, disk / "min")
        _fill_disk(disk)
        for argv in (("ministry", "consolidate", pair.bundle1), ("ministry", "enroll", pair.root / "request.json",
                                                                  "--yes")):
            for lang, said in (("fr", "plein"), ("en", "full"), ("ar", "ممتلئ")):
                run = refused(*argv, data=disk / "min", lang=lang)
                assert said in run.err and "I/O" not in run.err, (argv, run.err)


def test_a_restore_from_a_file_that_is_no_database_is_said_in_the_language(pair: Pair, tmp_path: Path) -> None:
    """SQLite's own words (« file is not a database ») stayed English inside French and Arabic sentences."""
    other = tmp_path / "notes.db"
    other.write_text("ce n'est pas une base de données, mais une note\n" * 200, encoding="utf-8")
    before = tree_digest(pair.est, pair.min)
    for data in (pair.est, pair.min):
        for lang in ("fr", "ar"):
            run = refused("restore", other, data=data, lang=lang)
            assert other.name in run.err and "database" not in run.err, run.err
    assert tree_digest(pair.est, pair.min) == before
