"""kill -9 in the middle of a bulk write: the database stays intact and holds all or none of it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forms.workspace import ESTABLISHMENT, Workspace
from tests.conftest import OFFERING

WRITER = r"""
import sys
from pathlib import Path
from forms.store.records import COMPLETE
from forms.workspace import Workspace
from tests.conftest import cohort_values

ws = Workspace.open(Path(sys.argv[1]))
store = ws.records()
offering_id = sys.argv[2]
rows = [(store.check("cohort", cohort_values(offering_id, academic_year=f"{2000 + i % 90}-{2001 + i % 90}",
                                                  year_of_study=1 + (i // 90) % 5, final_year=False,
                                                  graduates=None, employed_6m=None, dropouts=None)), COMPLETE)
        for i in range(450)]
print("ready", flush=True)
for round_ in range(1000):
    ids = store.write_checked(rows)
    store.delete("cohort", ids)
"""


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45])
def test_kill_during_bulk_writes_leaves_a_consistent_database(tmp_path: Path, delay: float) -> None:
    data = tmp_path / "data"
    ws = Workspace.create(data, ESTABLISHMENT, establishment="ECC", operator="Amina")
    offering, _ = ws.records().save("offering", OFFERING)
    ws.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data), offering.id], stdout=subprocess.PIPE,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    conn = sqlite3.connect(data / "kafaat.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        live = conn.execute("SELECT count(*) FROM cohort WHERE deleted = 0").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM cohort").fetchone()[0]
        audits = conn.execute("SELECT count(*) FROM audit WHERE form = 'cohort'").fetchone()[0]
    finally:
        conn.close()
    # Each batch of 450 is written whole or not at all, and so is each deletion of a batch.
    assert live in (0, 450)
    assert total % 450 == 0
    assert audits == total + (total - live)  # one "import" entry per row, one "delete" per tombstone
