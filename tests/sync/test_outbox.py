"""The establishment's outbox: sequence numbers and the chain, what goes in each bundle, the crash rule,
receipts, the reminder."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest

import sync.outbox as outbox
from forms.definitions import FORMS
from forms.store.database import DATABASE_FILE, StoreError
from forms.tasks import Cancelled, TaskState
from sync.bundle import bundle_hash as file_hash
from sync.errors import ExportRefused, ReceiptRefused
from sync.ministry import verify_bundle
from sync.outbox import (
    ACKNOWLEDGED,
    RESERVED,
    WRITTEN,
    export_bundle,
    export_due,
    import_receipt,
    list_outbox,
    preview_export,
)
from sync.receipts import make_receipt
from tests.conftest import OFFERING, cohort_values
from tests.sync.conftest import PASSPHRASE
from tests.sync.helpers import populate


def test_preview_lists_counts_and_drafts_left_out(est) -> None:
    ids = populate(est.records())
    plan = preview_export(est)
    assert plan.sequence == 1 and plan.recipients == ["MIC"] and plan.keys_ready and not plan.problems()
    assert plan.counts["internship"] == {"records": 1, "tombstones": 1}
    assert plan.drafts == dict.fromkeys(FORMS, 0) | {"offering": 1}
    [(form, rid, title)] = plan.draft_samples
    assert (form, rid) == ("offering", ids["draft"]) and "BROUILLON" in title
    assert list_outbox(est) == []  # a preview reserves nothing


def test_chain_and_incremental_contents(est, mic, identities, tmp_path) -> None:
    store = est.records()
    ids = populate(store)
    first = export_bundle(est, identities["ECC"], tmp_path / "usb")
    # nothing changed: the next bundle is empty but still chained
    second = export_bundle(est, identities["ECC"], tmp_path / "usb")
    store.save("cohort", cohort_values(ids["offering"], women=14, men=16), record_id=ids["cohort"])
    store.delete("internship", [ids["internship"]])
    third = export_bundle(est, identities["ECC"], tmp_path / "usb")
    full = export_bundle(est, identities["ECC"], tmp_path / "usb", full=True)
    entries = list_outbox(est)
    assert [e.sequence for e in entries] == [1, 2, 3, 4]
    assert all(e.state == WRITTEN for e in entries)
    opened = [verify_bundle(mic, identities["MIC"], r.path.read_bytes()) for r in (first, second, third, full)]
    assert opened[0].manifest["previous_hash"] is None
    for before, after in itertools.pairwise(opened):
        assert after.manifest["previous_hash"] == before.file_hash
        assert after.manifest["period"]["from"] == before.manifest["period"]["to"]
    assert sum(len(v) for v in opened[1].records.values()) == 0
    assert [r["id"] for r in opened[2].records["cohort"]] == [ids["cohort"]]
    assert opened[2].records["cohort"][0]["women"] == 14 and opened[2].records["cohort"][0]["version"] == 2
    [tombstone] = opened[2].records["internship"]
    assert tombstone["id"] == ids["internship"] and tombstone["deleted"] is True
    assert "student_code" not in tombstone  # a tombstone carries no personal data
    assert opened[3].manifest["full"] is True
    assert opened[3].counts["offering"] == {"records": 1, "tombstones": 0}
    assert entries[2].file_hash == file_hash(third.path.read_bytes())
    # the outbox keeps its own copy, byte for byte
    assert third.outbox_path.read_bytes() == third.path.read_bytes()


def test_export_refusals_change_nothing(workspace, identities, sealed, tmp_path) -> None:
    from tests.sync.conftest import install_keys

    install_keys(workspace, identities["ECC"], sealed["ECC"])
    with pytest.raises(ExportRefused, match="aucun ministère destinataire"):
        export_bundle(workspace, identities["ECC"], tmp_path / "usb")
    with pytest.raises(ExportRefused, match="pas celles de cet établissement"):
        export_bundle(workspace, identities["ESITH"], tmp_path / "usb")
    assert list_outbox(workspace) == [] and not (tmp_path / "usb").exists()


def test_a_destination_no_file_can_be_copied_into_uses_no_number(est, identities, tmp_path) -> None:
    """The window passes its destination straight to ``export_bundle``: a loop of links, a link to a removed
    key or a file are refused there, before a number is reserved (review7 F6)."""
    populate(est.records())
    loop = tmp_path / "cle"
    loop.symlink_to(tmp_path / "cle2")
    (tmp_path / "cle2").symlink_to(loop)
    dangling = tmp_path / "retiree"
    dangling.symlink_to(tmp_path / "media" / "USB")
    a_file = tmp_path / "fichier"
    a_file.write_text("")
    for outdir, said in ((loop, "cle"), (dangling, "retiree"), (a_file, "fichier")):
        with pytest.raises(ExportRefused, match=said):
            export_bundle(est, identities["ECC"], outdir)
    assert list_outbox(est) == []
    assert export_bundle(est, identities["ECC"], tmp_path / "usb").entry.sequence == 1


def test_cancelled_export_reuses_its_reserved_number(est, identities, tmp_path) -> None:
    populate(est.records())
    state = TaskState(on_progress=lambda done, total, text: state.cancel() if done == 1 else None)
    with pytest.raises(Cancelled):
        export_bundle(est, identities["ECC"], tmp_path / "usb", state=state)
    [reserved] = list_outbox(est)
    assert reserved.state == RESERVED and not list(Path(est.outbox_dir).glob("*.kfb"))
    result = export_bundle(est, identities["ECC"], tmp_path / "usb")
    assert result.entry.sequence == 1 and result.entry.bundle_id == reserved.bundle_id


def test_crash_before_the_file_is_written(est, identities, tmp_path, monkeypatch) -> None:
    populate(est.records())

    def disk_gone(path: Path, data: bytes, **_kw) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outbox, "write_atomic", disk_gone)
    with pytest.raises(OSError):
        export_bundle(est, identities["ECC"], tmp_path / "usb")
    monkeypatch.undo()
    [reserved] = list_outbox(est)
    assert reserved.state == RESERVED
    # no file was ever written with number 1: it is built again under the same number and id
    again = export_bundle(est, identities["ECC"], tmp_path / "usb")
    assert (again.entry.sequence, again.entry.bundle_id) == (1, reserved.bundle_id)
    assert len(list_outbox(est)) == 1


CRASH_SCRIPT = """
import os, sys
from pathlib import Path
import sync.outbox as outbox
from forms.workspace import Workspace
from sync.keys import load_identity
outbox._after_file_written = lambda path: os.kill(os.getpid(), 9)   # SIGKILL between "file written" and "recorded"
ws = Workspace.open(Path(sys.argv[1]))
outbox.export_bundle(ws, load_identity(ws, os.environ["KAFAAT_PASSPHRASE"]), Path(sys.argv[2]))
"""


def test_crash_between_file_written_and_sequence_recorded(est, mic, identities, tmp_path) -> None:
    """A real process killed right after the file was written: the number is never given to another bundle."""
    populate(est.records())
    est.close()
    env = {**os.environ, "KAFAAT_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(est.root), str(tmp_path / "usb")], env=env,
                          cwd=Path(__file__).resolve().parents[2], capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()
    [reserved] = list_outbox(est)
    assert reserved.state == RESERVED
    [written] = list(Path(est.outbox_dir).glob("*.kfb"))
    first_bytes = written.read_bytes()
    assert not (tmp_path / "usb").exists()  # the copy to the USB key comes after the record
    est.records().save("offering", {**OFFERING, "code": "NOUVELLE"})
    result = export_bundle(est, identities["ECC"], tmp_path / "usb")
    assert result.recovered == [1]
    assert result.entry.sequence == 2
    entries = list_outbox(est)
    assert [(e.sequence, e.state) for e in entries] == [(1, WRITTEN), (2, WRITTEN)]
    assert written.read_bytes() == first_bytes and entries[0].file_hash == file_hash(first_bytes)
    assert entries[0].counts["internship"] == {"records": 1, "tombstones": 1}
    second = verify_bundle(mic, identities["MIC"], result.path.read_bytes())
    assert second.manifest["previous_hash"] == file_hash(first_bytes)
    assert [r["code"] for r in second.records["offering"]] == ["NOUVELLE"]
    assert (Path(est.root) / DATABASE_FILE).exists()


def test_receipt_marks_the_bundle_acknowledged(est, mic, identities, tmp_path) -> None:
    populate(est.records())
    result = export_bundle(est, identities["ECC"], tmp_path / "usb")
    opened = verify_bundle(mic, identities["MIC"], result.path.read_bytes())
    receipt = make_receipt(identities["MIC"], opened)
    entry = import_receipt(est, receipt)
    assert entry.state == ACKNOWLEDGED and entry.receipt["MIC"]["accepted"]["internship"] == 2
    assert import_receipt(est, receipt).state == ACKNOWLEDGED  # idempotent


@pytest.mark.parametrize("case", ["other ministry", "tampered", "other establishment", "wrong hash",
                                  "unknown sequence", "not json"])
def test_bad_receipts_are_refused_and_change_nothing(est, mic, identities, tmp_path, case) -> None:
    populate(est.records())
    result = export_bundle(est, identities["ECC"], tmp_path / "usb")
    opened = verify_bundle(mic, identities["MIC"], result.path.read_bytes())
    receipt = make_receipt(identities["MIC"], opened)
    if case == "other ministry":  # signed by MTNRA, which this establishment does not trust
        receipt = make_receipt(identities["MTNRA"], opened)
    elif case == "tampered":
        doc = orjson.loads(receipt)
        tampered = re.sub(r'("refused":\{[^}]*"cohort":)0', r"\g<1>9", doc["signed"])
        assert tampered != doc["signed"]
        doc["signed"] = tampered
        receipt = orjson.dumps(doc)
    elif case == "other establishment":
        opened.header["establishment"] = "ESITH"
        receipt = make_receipt(identities["MIC"], opened)
    elif case == "wrong hash":
        opened.bundle_hash = "00" * 32
        receipt = make_receipt(identities["MIC"], opened)
    elif case == "unknown sequence":
        opened.header["sequence"] = 7
        receipt = make_receipt(identities["MIC"], opened)
    else:
        receipt = b"{]"
    before = list_outbox(est)
    with pytest.raises(ReceiptRefused):
        import_receipt(est, receipt)
    assert list_outbox(est) == before


def test_export_due_after_the_reporting_period(est, identities, tmp_path) -> None:
    assert export_due(est).due and export_due(est).last_written_at is None
    export_bundle(est, identities["ECC"], tmp_path / "usb")
    now = datetime.now(UTC)
    assert not export_due(est, now).due
    assert export_due(est, now + timedelta(days=31)).due
    est.update_settings(reporting_period_days=90)
    assert not export_due(est, now + timedelta(days=31)).due
    assert export_due(est, now + timedelta(days=91)).due
    assert "un export est attendu" in export_due(est, now + timedelta(days=91)).message()


def _damage_change_seq_index(workspace) -> Path:
    """Real damage: bytes of the change-sequence index overwritten on disk. Returns the database file."""
    import sqlite3

    db = Path(workspace.root) / DATABASE_FILE
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_offering_change_seq'").fetchone()[0]
    raw = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    raw[start + page_size // 2:start + page_size - 8] = b"\xff" * (page_size // 2 - 8)
    db.write_bytes(bytes(raw))
    return db


def test_a_damaged_database_is_refused_before_anything_is_written(est, identities, tmp_path) -> None:
    from forms.workspace import Workspace

    store = est.records()
    ids = populate(store)
    store.write_checked([(store.check("offering", {**OFFERING, "code": f"OFFRE-{i}"}), "complete")
                         for i in range(300)])
    assert ids
    est.close()
    _damage_change_seq_index(est)
    damaged = Workspace.open(Path(est.root))
    # Caught when the database is opened (PRAGMA quick_check), else by the export's integrity check.
    with pytest.raises((ExportRefused, StoreError), match="endommagée"):
        export_bundle(damaged, identities["ECC"], tmp_path / "usb")
    assert not list(Path(damaged.outbox_dir).glob("*.kfb")) and not (tmp_path / "usb").exists()
    damaged.close()


def test_one_export_at_a_time(est, identities, tmp_path) -> None:
    from sync.outbox import export_lock

    populate(est.records())
    with export_lock(est), pytest.raises(ExportRefused, match="un autre export"):
        export_bundle(est, identities["ECC"], tmp_path / "usb")
    assert list_outbox(est) == []
    assert export_bundle(est, identities["ECC"], tmp_path / "usb").entry.sequence == 1


def test_restoring_an_older_backup_never_reuses_a_sequence_number(est, mic, identities, tmp_path) -> None:
    """A backup taken before bundle 1 is restored: bundle 1 stays recorded, the next export is bundle 2,
    chained to bundle 1, and it carries what was changed after the restore."""
    from forms.backup import backup, restore

    store = est.records()
    store.save("offering", OFFERING)
    snapshot = backup(est, tmp_path / "avant.db")
    first = export_bundle(est, identities["ECC"], tmp_path / "usb")
    restore(est, snapshot)
    assert [(e.sequence, e.bundle_id, e.state) for e in list_outbox(est)] == [
        (1, first.entry.bundle_id, WRITTEN)]
    est.records().save("offering", {**OFFERING, "code": "APRES-RESTAURATION"})
    second = export_bundle(est, identities["ECC"], tmp_path / "usb")
    assert second.entry.sequence == 2 and second.entry.previous_hash == first.entry.file_hash
    assert (tmp_path / "usb" / first.path.name).read_bytes() == first.outbox_path.read_bytes()
    opened = verify_bundle(mic, identities["MIC"], second.path.read_bytes())
    assert [r["code"] for r in opened.records["offering"]] == ["APRES-RESTAURATION"]


def test_a_damaged_database_can_be_replaced_by_a_backup(est, identities, tmp_path) -> None:
    """What the export's refusal asks for (« restaurez une sauvegarde ») must be possible."""
    from forms.backup import backup, integrity_problems, restore

    store = est.records()
    store.write_checked([(store.check("offering", {**OFFERING, "code": f"OFFRE-{i}"}), "complete")
                         for i in range(300)])
    snapshot = backup(est, tmp_path / "saine.db")
    est.close()
    db = _damage_change_seq_index(est)
    assert integrity_problems(db)
    safety = restore(est, snapshot)
    assert integrity_problems(db) == [] and integrity_problems(safety)  # the damaged one is kept as it was
    assert est.records().count("offering") == 300
    assert export_bundle(est, identities["ECC"], tmp_path / "usb").entry.sequence == 1


def test_a_receipt_hash_with_a_trailing_line_feed_is_malformed(identities) -> None:
    from sync.errors import DocumentInvalid
    from sync.keys import sign_document
    from sync.receipts import RECEIPT_DOMAIN, RECEIPT_TYPE, read_receipt

    mic = identities["MIC"]
    body = {"ministry": "MIC", "ministry_key_id": mic.public.key_id_hex, "establishment": "ECC",
            "bundle_id": "00000000-0000-4000-8000-000000000001", "sequence": 1, "bundle_hash": "ab" * 32,
            "accepted": {}, "refused": {}, "problems": [], "issued_at": "2026-01-01T00:00:00Z"}
    assert read_receipt(sign_document(mic, RECEIPT_TYPE, RECEIPT_DOMAIN, body), "accusé")[0] == body
    for member in ("bundle_hash", "ministry_key_id"):
        bad = sign_document(mic, RECEIPT_TYPE, RECEIPT_DOMAIN, {**body, member: body[member] + "\n"})
        with pytest.raises(DocumentInvalid, match="empreinte mal formée"):
            read_receipt(bad, "accusé")


def test_a_cancel_after_the_bundle_is_written_does_not_hide_it(est, identities, tmp_path, monkeypatch) -> None:
    """Once the bundle is in the outbox and recorded, « Annuler » can no longer undo it: the export finishes
    (copy included) instead of reporting « annulé : rien n'a été modifié » over a written bundle, which the
    next export would then follow with a gap at the ministry."""
    populate(est.records())
    state = TaskState()
    monkeypatch.setattr(outbox, "_after_file_written", lambda path: state.cancel())
    result = export_bundle(est, identities["ECC"], tmp_path / "usb", state=state)
    assert result.entry.sequence == 1 and result.entry.state == WRITTEN
    assert result.path == tmp_path / "usb" / result.outbox_path.name
    assert result.path.read_bytes() == result.outbox_path.read_bytes()
