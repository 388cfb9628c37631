"""A ministry's national store (``national.db``, SQLite by default: ``docs/ministry-cli.md``) that a failed copy
emptied or that is damaged: every ministry command refuses (exit 1) with a sentence in ``--lang`` naming the
file and the way out, never a traceback, and never takes the file for a new, empty store (which would say
« not enrolled » of every establishment and let an enrolment write a fresh registry over it)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests.contract.conftest import Pair, ok, refused, tree_digest


def raw_digest(folder: Path) -> dict[str, str]:
    """Every file byte for byte (the store cannot be read as a database here), logs left out."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and "logs" not in p.relative_to(folder).parts}


@pytest.mark.parametrize("damage", ["empty", "header"])
def test_an_emptied_or_damaged_national_store_is_refused(pair: Pair, damage: str) -> None:
    store = pair.min / "national.db"
    if damage == "empty":
        store.write_bytes(b"")
    else:
        with open(store, "r+b") as handle:
            handle.write(b"\0" * 100)
    before = raw_digest(pair.min)
    words = {"fr": ("national.db", "sauvegarde"), "en": ("national.db", "backup"), "ar": ("national.db", "نسخة")}
    for lang, argv in (("en", ("ministry", "status")),
                       ("fr", ("ministry", "consolidate", pair.bundle1)),
                       ("ar", ("ministry", "records", "offering")),
                       ("en", ("ministry", "enroll", pair.root / "request.json", "--yes")),
                       ("fr", ("backup", "--daily"))):
        run = refused(*argv, data=pair.min, lang=lang)
        for word in words[lang]:
            assert word in run.err, (argv, run.err)
        assert raw_digest(pair.min) == before, argv


def test_establishment_labels_with_bidirectional_controls_are_refused(pair: Pair, tmp_path: Path) -> None:
    """``ministry establishments import``: every line checked, all or nothing. A right-to-left override in a
    label (« École \u202eG » reads « École G » backwards after it) was taken, signed into the reference update
    and shown by every establishment; an ESC was already refused."""
    header = "code,label_fr,label_ar,label_en,city,region,supervising_ministry\n"
    good = "ENSAM,École nationale,المدرسة الوطنية,National school,Meknès,Fès-Meknès,MIC\n"
    before = tree_digest(pair.min)
    for bad in ("ENSAG,École \u202eG,,School G,Fès,Fès-Meknès,MIC\n",
                "ENSAH,École H,المدرسة \u2067ح,School H,Fès,Fès-Meknès,MIC\n",
                "ENSAI,École I,,Sch\u0085ool I,Fès,Fès-Meknès,MIC\n"):
        path = tmp_path / "etablissements.csv"
        path.write_text(header + good + bad, encoding="utf-8")
        run = refused("ministry", "establishments", "import", path, data=pair.min)
        assert "ligne 3" in run.err, run.err
        assert tree_digest(pair.min) == before, bad


def test_a_receipt_number_beyond_any_bundle_and_a_report_named_like_a_folder(pair: Pair, tmp_path: Path) -> None:
    """``ministry receipt ESTABLISHMENT SEQ OUT`` with a number no database integer holds was a traceback;
    ``ministry report OUT.xlsx`` onto a folder named the temporary file it had written beside."""
    ok("ministry", "consolidate", pair.bundle1, data=pair.min)
    before = tree_digest(pair.min)
    for number in ("0", "-1", "99999999999999999999999"):
        run = refused("ministry", "receipt", "ECC", number, tmp_path / "accuse.json", data=pair.min, lang="en")
        assert number in run.err and "ministry status" in run.err, run.err
    (tmp_path / "rapport.xlsx").mkdir()
    run = refused("ministry", "report", tmp_path / "rapport.xlsx", data=pair.min, lang="en")
    assert "rapport.xlsx:" in run.err and ".tmp" not in run.err, run.err
    assert tree_digest(pair.min) == before
    assert not list(tmp_path.glob(".*.tmp")) and list((tmp_path / "rapport.xlsx").iterdir()) == []


def test_terminal_escapes_in_a_record_never_reach_a_terminal(pair: Pair, tmp_path: Path) -> None:
    """A record's text holding ESC sequences (here: recolour, retitle the window, write the clipboard), sent in
    a bundle: ``ministry records`` printed them raw on the analyst's terminal (``docs/bundle-format.md`` § 11
    closed this for the establishment's name only), ``records list`` on the operator's. The record's own check
    refuses every control character now (C0, DEL and C1: a C1 CSI is a terminal's escape too); a text stored
    before that rule (an older Kafaat) is still never printed raw."""
    escapes = "\x1b[31m\x1b]0;pwned\x07\x1b]52;c;ZWNobyBwd25lZA==\x07\x9b2J\rFausse licence"
    offering = ok("records", "list", "offering", "--json", data=pair.est).json()[0]
    values = {k: v for k, v in offering.items() if k not in ("id", "status", "version", "updated_at", "refused_by")}
    # control characters are refused by the record's own check (one rule of check_field), and the refusal
    # shows them as « � »
    for title, point in ((f"Licence {escapes}", "U+001B"), ("Licence \x9b2J\rFausse licence", "U+009B")):
        said = refused("records", "add", "offering", "--json", json.dumps(values | {"code": "LP-ESC", "title": title}),
                       data=pair.est)
        assert f"({point})" in said.err, said.err
        for control in ("\x1b", "\x07", "\x9b"):
            assert control not in said.err, said.err
    added = ok("records", "add", "offering", "--json", json.dumps(values | {"code": "LP-ESC", "title": "Licence"}),
               data=pair.est)
    assert added.out.strip()
    ok("bundle", "export", tmp_path / "usb", data=pair.est)
    ok("ministry", "consolidate", pair.bundle1, tmp_path / "usb", data=pair.min)
    stored = "Licence \x9b2J Fausse licence"  # as an older Kafaat let it be saved, sent and consolidated
    for database in (pair.est / "kafaat.db", pair.min / "national.db"):
        with sqlite3.connect(database) as conn:
            assert conn.execute("UPDATE offering SET title = ? WHERE code = 'LP-ESC'", (stored,)).rowcount == 1
        conn.close()
    for folder, argv in ((pair.est, ("records", "list", "offering")), (pair.min, ("ministry", "records", "offering"))):
        run = ok(*argv, data=folder)
        assert "LP-ESC" in run.out, run.out
        for control in ("\x1b", "\x07", "\x9b", "\r"):
            assert control not in run.out + run.err, (argv, run.out)
    # The data are kept as written (the JSON shows them, escaped by JSON itself).
    (national,) = [r for r in ok("ministry", "records", "offering", "--json", data=pair.min).json()
                   if r["code"] == "LP-ESC"]
    assert national["title"] == stored, national["title"]


def test_a_ministry_folder_is_backed_up(pair: Pair, tmp_path: Path) -> None:
    """``kafaat backup [OUT]`` (``cli.md``) in a ministry folder said « no database to back up » (in French
    whatever ``--lang``) of a folder holding ``national.db``; only ``--daily`` copied it."""
    ok("ministry", "consolidate", pair.bundle1, data=pair.min)
    run = ok("backup", tmp_path / "national-copie.db", data=pair.min, lang="en")
    assert "national-copie.db" in run.out, run.out
    copy = sqlite3.connect(tmp_path / "national-copie.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM registry_keys").fetchone() == (1,)
    finally:
        copy.close()
    run = ok("backup", data=pair.min)
    assert len(list((pair.min / "backups").glob("national-MIC-*.db"))) == 1, run.out


def test_receipts_onto_a_full_disk_say_the_bundles_were_consolidated(pair: Pair, tmp_path: Path) -> None:
    """``ministry consolidate … --receipts OUTDIR`` with OUTDIR on a full key: the bundle was applied, then the
    command said « the disk of the folder MIN is full: nothing was saved » (the data folder, and false)."""
    from tests.e2e.test_reliability_cli import _fill_disk, mounted

    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as usb:
        _fill_disk(usb)
        run = refused("ministry", "consolidate", pair.bundle1, "--receipts", usb / "accuses", data=pair.min,
                      lang="en")
        assert "the bundles above are consolidated" in run.err and "kafaat ministry receipt" in run.err, run.err
        assert "applied" in run.out, run.out
    (status,) = [s for s in ok("ministry", "status", "--json", data=pair.min).json() if s["establishment"] == "ECC"]
    assert status["last_sequence"] == 1
    ok("ministry", "receipt", "ECC", "1", tmp_path / "accuse.json", data=pair.min)
