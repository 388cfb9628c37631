"""``shared/brief/cli.md``: ``kafaat backup [OUT]`` / ``kafaat restore FILE`` — « consistent copy of the
database; restore after a check », for both roles (``docs/ministry-cli.md``: « an emptied or damaged store is
refused by every command, which names this folder [backups/] as the way out »).

In a ministry folder, ``kafaat restore`` refused the ministry's own backup of ``national.db`` as « a SQLite
database of another application … choose a Kafaat data folder »: the documented way out did not exist, and
the message was wrong. Now it restores the national store after the same checks as an establishment's
restore (a national store, of this ministry, sound, not from a newer Kafaat), keeps the replaced one, and
says to consolidate again what arrived since (already-applied bundles are recognised)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.conftest import OFFERING
from tests.contract.conftest import Pair, add, kafaat, make_pair, ok, refused, tree_digest


def test_a_ministry_restores_its_national_store(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    ok("ministry", "consolidate", pair.bundle1, data=mini)
    backup = tmp_path / "national-copie.db"
    ok("backup", backup, data=mini)
    add(est, "offering", OFFERING | {"code": "LP-APRES", "title": "Après la sauvegarde"})
    ok("bundle", "export", tmp_path / "usb", data=est)
    (b2,) = (tmp_path / "usb").glob("*.kfb")
    ok("ministry", "consolidate", b2, data=mini)

    # What is not this ministry's national store is refused, and changes nothing.
    other = tmp_path / "autre"
    ok("init", "--role", "ministry", "--ministry", "MTNRA", data=other)
    ok("backup", tmp_path / "mtnra.db", data=other)
    before = tree_digest(mini)
    for source, words in ((tmp_path / "mtnra.db", ("MTNRA", "MIC")),
                          (est / "kafaat.db", ("establishment",)),
                          (pair.root / "request.json", ("request.json",))):
        run = refused("restore", source, data=mini, lang="en")
        assert source.name in run.err and "another application" not in run.err, run.err
        for word in words:
            assert word in run.err, (source, run.err)
        assert tree_digest(mini) == before
    # ... and a national store in an establishment's folder is named as such.
    run = refused("restore", backup, data=est, lang="en")
    assert "national store" in run.err and "another application" not in run.err, run.err

    # The store emptied by accident: every command says so; restore brings back the backup's state.
    (mini / "national.db").write_bytes(b"")
    assert "backups" in refused("ministry", "status", data=mini).err
    run = ok("restore", backup, data=mini, lang="en")
    assert "national-copie.db" in run.out and "consolidate again" in run.out.lower(), run.out
    kept = [p for p in (mini / "backups").iterdir() if p.suffix == ".db"]
    assert kept, "the replaced store is kept"
    (ecc,) = [s for s in ok("ministry", "status", "--json", data=mini).json() if s["establishment"] == "ECC"]
    assert ecc["last_sequence"] == 1
    with closing(sqlite3.connect(mini / "national.db")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Consolidating again what arrived since: n° 1 is recognised, n° 2 applied.
    lines = ok("ministry", "consolidate", pair.bundle1, b2, "--json", data=mini).json()["bundles"]
    assert [(b["sequence"], b["state"]) for b in lines] == [(1, "duplicate"), (2, "applied")]
    assert "LP-APRES" in {r["code"] for r in ok("ministry", "records", "offering", "--json", data=mini).json()}


def test_restore_on_a_postgresql_store_says_to_use_the_servers_tools(tmp_path: Path) -> None:
    """A ministry folder whose store is on a PostgreSQL server has no file to restore (``backup`` says « a
    PostgreSQL server has its own backups »)."""
    import pytest

    from tests.sync.ministry.conftest import fresh_postgres_database, postgres_url

    if postgres_url() is None:
        pytest.skip("no PostgreSQL server")
    url, drop = fresh_postgres_database()
    try:
        root = tmp_path / "paire"
        root.mkdir()
        _, sqlite_ministry = make_pair(root)
        ok("backup", tmp_path / "copie.db", data=sqlite_ministry)
        national = tmp_path / "pg"
        ok("init", "--role", "ministry", "--ministry", "MIC", "--db", url, data=national)
        run = kafaat("restore", tmp_path / "copie.db", data=national, lang="en")
        assert run.code == 1 and "PostgreSQL" in run.err, run.err
    finally:
        drop()
