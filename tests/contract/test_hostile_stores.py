"""A ministry's national store (``national.db``, SQLite by default: ``docs/ministry-cli.md``) that a failed copy
emptied or that is damaged: every ministry command refuses (exit 1) with a sentence in ``--lang`` naming the
file and the way out, never a traceback, and never takes the file for a new, empty store (which would say
« not enrolled » of every establishment and let an enrolment write a fresh registry over it)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.contract.conftest import Pair, refused


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
