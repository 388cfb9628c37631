"""Real processes against the national store: a consolidation killed (SIGKILL) in the middle of a bundle's
transaction, and two consolidations at once on one PostgreSQL store over overlapping inboxes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.ministry.consolidation import consolidate
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import bundles_received, consolidation_audit
from tests.sync.conftest import PASSPHRASE
from tests.sync.ministry.conftest import national_rows

ROOT = Path(__file__).resolve().parents[3]

KILLED_RUN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import sync.ministry.consolidation as c
    import sync.ministry.applying as a
    from forms.workspace import Workspace
    from sync.keys import load_identity

    original = a.write_records
    def write_then_stop(conn, store, form, *args):
        original(conn, store, form, *args)
        if form == "cohort":  # offerings and cohorts written, inside the bundle's transaction
            Path(sys.argv[2]).write_text("ready")
            time.sleep(600)
    a.write_records = write_then_stop
    ws = Workspace.open(Path(sys.argv[1]))
    c.consolidate(ws, load_identity(ws, sys.argv[4]), [Path(sys.argv[3])])
""")


def _wait_for(path: Path, process: subprocess.Popen, patience_s: float = 600) -> None:
    """Until the child writes ``path`` (it died: its error; stuck for ``patience_s``: a failure, not a CI run that
    hangs until its time limit)."""
    deadline = time.monotonic() + patience_s
    while not path.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, f"{path.name} : le processus n'a rien écrit en {patience_s:.0f} s"
        time.sleep(0.05)


def test_kill_9_in_the_middle_of_a_bundle_leaves_a_consistent_store(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ecc.populate(internships=3)
    bundle = ecc.export()
    close_national_store(ministry)
    marker = tmp_path / "ready"
    process = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(ministry.root), str(marker), str(bundle),
                                PASSPHRASE], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(marker, process)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    # Nothing of the bundle is there: not its offerings, not its chain position.
    for form in ("offering", "cohort", "internship"):
        assert national_rows(ministry, form, "ECC") == {}
    with national_store(ministry).read() as conn:
        assert conn.execute(select(bundles_received)).all() == []
    # The same command again finishes the job.
    report = consolidate(ministry, identities["MIC"], [bundle])
    assert [o.state for o in report.outcomes] == ["applied"]
    assert len(national_rows(ministry, "internship", "ECC")) == 3


CONCURRENT_RUN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import orjson
    from forms.workspace import Workspace
    from sync.keys import load_identity
    from sync.ministry.consolidation import consolidate

    ws = Workspace.open(Path(sys.argv[1]))
    identity = load_identity(ws, sys.argv[3])
    Path(sys.argv[2] + ".ready").write_text("1")
    while not Path(sys.argv[2] + ".go").exists():
        time.sleep(0.01)
    report = consolidate(ws, identity, [Path(p) for p in sys.argv[4:]])
    Path(sys.argv[2]).write_bytes(orjson.dumps(report.to_json()))
""")


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_two_analysts_at_once_never_apply_a_bundle_twice(ministry, schools, identities, tmp_path) -> None:
    months = {}
    for code, school in schools.items():
        ids = school.populate(internships=3)
        files = [school.export()]
        for month in range(3):
            school.edit("internship", ids["internships"][month], host_city=f"Ville {month}")
            files.append(school.export())
        months[code] = files
    everything = [f for files in months.values() for f in files]
    # Analyst A: everything, in order; analyst B: everything, newest first (so B starts with gaps).
    inboxes = [everything, list(reversed(everything))]
    close_national_store(ministry)
    processes = []
    for i, inbox in enumerate(inboxes):
        out = tmp_path / f"report-{i}.json"
        processes.append((out, subprocess.Popen([sys.executable, "-c", CONCURRENT_RUN, str(ministry.root), str(out),
                                                 PASSPHRASE, *map(str, inbox)], cwd=ROOT, stderr=subprocess.PIPE,
                                                text=True)))
    for out, process in processes:
        _wait_for(Path(str(out) + ".ready"), process)
    Path(str(tmp_path / "report-0.json") + ".go").write_text("1")
    Path(str(tmp_path / "report-1.json") + ".go").write_text("1")
    for _out, process in processes:
        assert process.wait(timeout=600) == 0, process.stderr.read()

    with national_store(ministry).read() as conn:
        states = {(r.establishment, r.sequence): r.state for r in conn.execute(select(bundles_received))}
        applied = Counter((r.establishment, r.sequence) for r in conn.execute(
            select(consolidation_audit).where(consolidation_audit.c.action == "applied")))
    expected = {(code, n): "applied" for code in schools for n in range(1, 5)}
    assert states == expected
    assert set(applied.values()) == {1} and set(applied) == set(expected)
    for code in schools:
        rows = national_rows(ministry, "internship", code)
        assert sorted(r["host_city"] for r in rows.values()) == ["Ville 0", "Ville 1", "Ville 2"]
        assert {r["bundle_sequence"] for r in rows.values()} == {2, 3, 4}
