"""More files from outside given to ``kafaat import``, found by playing the hostile tester from the documents:
each refused (exit 1) with a sentence in ``--lang`` saying what to do, the database unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.contract.conftest import PASSPHRASE, Pair, kafaat, ok, refused, tree_digest
from tests.contract.test_hostile_imports import (
    CONTENT_TYPES,
    RELS,
    SHEET_HEAD,
    SHEET_TAIL,
    SST_HEAD,
    WORKBOOK,
    WORKBOOK_RELS,
    zip_parts,
)

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

TRANSITIONAL = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships")
STRICT = (b"http://purl.oclc.org/ooxml/spreadsheetml/main", b"http://purl.oclc.org/ooxml/officeDocument/relationships")


def strict(part: bytes) -> bytes:
    for old, new in zip(TRANSITIONAL, STRICT, strict=True):
        part = part.replace(old, new)
    return part


def test_a_strict_open_xml_workbook_is_named_as_such(pair: Pair, tmp_path: Path) -> None:
    """Excel's « Strict Open XML Spreadsheet » (Save as…): its parts in other namespaces. It was refused as
    having « no visible sheet (hidden sheets are ignored: show the data sheet) », which sent the user looking
    for hidden sheets that do not exist."""
    cells = "".join(f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
                    for col, name in zip("AB", ("offering", "academic_year"), strict=True))
    sheet = SHEET_HEAD + f'<row r="1">{cells}</row>'.encode() + SHEET_TAIL
    path = zip_parts(tmp_path / "strict.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": strict(RELS), "xl/workbook.xml": strict(WORKBOOK),
        "xl/_rels/workbook.xml.rels": strict(WORKBOOK_RELS), "xl/worksheets/sheet1.xml": strict(sheet),
        "xl/sharedStrings.xml": strict(SST_HEAD + b"</sst>")})
    before = tree_digest(pair.est)
    for lang, words in (("en", ("Strict Open XML", "Excel Workbook")), ("fr", ("Open XML Strict", "Classeur Excel")),
                        ("ar", ("Strict Open XML", "إكسل"))):
        run = refused("import", "cohort", path, data=pair.est, lang=lang)
        assert "strict.xlsx" in run.err, run.err
        for word in words:
            assert word in run.err, (lang, run.err)
        assert "hidden" not in run.err and "masquées" not in run.err, run.err
    assert tree_digest(pair.est) == before


def bounded(*args: str | Path, data: Path) -> subprocess.CompletedProcess:
    """The real command with its memory held under 2 GB and a minute at most: a pipe given as a file blocked
    it forever, and a device (which says it is empty) was read until memory ran out."""
    def limits() -> None:
        import resource  # POSIX only, as the test

        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), "--lang", "en", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=60, preexec_fn=limits)


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX pipes and devices")
def test_a_pipe_or_a_device_given_as_a_file(pair: Pair, tmp_path: Path) -> None:
    fifo = tmp_path / "lot.kfb"
    os.mkfifo(fifo)
    before = {"est": tree_digest(pair.est), "min": tree_digest(pair.min, journals=True)}
    for source in (fifo, Path("/dev/zero")):
        for folder, argv in (("est", ("import", "offering", source)),
                             ("est", ("receipt", "import", source)),
                             ("est", ("records", "add", "offering", "--json", f"@{source}")),
                             ("min", ("ministry", "consolidate", source)),
                             ("min", ("ministry", "verify", source)),
                             ("min", ("ministry", "establishments", "import", source))):
            done = bounded(*argv, data=getattr(pair, folder))
            assert done.returncode == 1, (argv, done.stderr)
            assert "Traceback" not in done.stderr and source.name in done.stderr, (argv, done.stderr)
            assert "device or a pipe" in done.stderr, (argv, done.stderr)
    assert before == {"est": tree_digest(pair.est), "min": tree_digest(pair.min, journals=True)}


def test_a_bundle_export_into_a_file_uses_no_number(pair: Pair, tmp_path: Path) -> None:
    """``bundle export OUTDIR`` naming an existing file: the bundle was built, numbered and kept in the outbox,
    then « copying it failed (File exists) »; now refused before anything, and the next export is n° 2."""
    (tmp_path / "cle").write_text("pas un dossier", encoding="utf-8")
    before = tree_digest(pair.est)
    run = refused("bundle", "export", tmp_path / "cle", data=pair.est, lang="en")
    assert "is a file, not a folder" in run.err, run.err
    assert tree_digest(pair.est) == before
    run = kafaat("bundle", "export", tmp_path / "usb", data=pair.est, lang="en")
    assert run.code == 0 and (tmp_path / "usb" / "kafaat-ECC-000002.kfb").is_file(), run.err


def test_a_data_folder_path_the_system_refuses(tmp_path: Path) -> None:
    """``--data-dir`` longer than the system allows (« File name too long »): a traceback before the command
    even started (looking for the folder's log); now the command's own sentence, exit 1."""
    folder = Path(tmp_path, *(f"dossier-très-long-{i:02d}-" + "x" * 60 for i in range(60)))
    for argv in (("init", "--role", "establishment", "--establishment", "ECC"), ("records", "list", "offering")):
        run = refused(*argv, data=folder, lang="en")
        assert "too long" in run.err, run.err


def test_a_restore_says_to_send_a_complete_bundle(pair: Pair, tmp_path: Path) -> None:
    """An old backup restored after bundles went out: the ministry keeps the records made since, until a
    complete export (``docs/ministry-cli.md``, « consolidate » § 6); nothing said so to the user."""
    ok("backup", tmp_path / "ancienne.db", data=pair.est)
    for lang in ("fr", "en", "ar"):
        run = ok("restore", tmp_path / "ancienne.db", data=pair.est, lang=lang)
        assert "kafaat bundle export --full" in run.out, run.out
