"""Bundles are never lost nor numbered twice, whatever happens to the database or the PC (issue 11, findings 1
and 3): an outbox file is never overwritten, and an export carries every bundle that never left the outbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sync.outbox as outbox
from desktop.cli import main
from tests.conftest import cohort_values
from tests.sync.conftest import PASSPHRASE
from tests.sync.helpers import populate


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- findings 1 and 3: bundles and the outbox
def _export(capsys, folder: Path, usb: Path) -> tuple[int, str, str]:
    return run(capsys, "--data-dir", str(folder), "bundle", "export", str(usb))


def test_an_emptied_database_never_reuses_a_bundle_number(est, capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KAFAAT_PASSPHRASE", PASSPHRASE)
    populate(est.records())
    est.close()
    usb = tmp_path / "usb"
    assert _export(capsys, est.root, usb)[0] == 0
    first = (est.outbox_dir / "kafaat-ECC-000001.kfb").read_bytes()
    est.db_path.write_bytes(b"")  # ": > kafaat.db"
    code, out, err = _export(capsys, est.root, usb)
    assert code == 1 and "Lot n° 1" not in out
    assert "vide" in err and "kafaat restore" in err, err
    assert (est.outbox_dir / "kafaat-ECC-000001.kfb").read_bytes() == first


def test_an_outbox_file_is_never_overwritten(est, identities, tmp_path: Path) -> None:
    populate(est.records())
    usb = tmp_path / "usb"
    outbox.export_bundle(est, identities["ECC"], usb)
    est.outbox_dir.joinpath("kafaat-ECC-000002.kfb").write_bytes(b"un fichier qui n'est pas un de nos lots")
    with pytest.raises(outbox.ExportRefused, match="ne connaît pas"):
        outbox.export_bundle(est, identities["ECC"], usb)
    assert est.outbox_dir.joinpath("kafaat-ECC-000002.kfb").read_bytes() == b"un fichier qui n'est pas un de nos lots"
    assert not (usb / "kafaat-ECC-000002.kfb").exists()


def test_restoring_over_a_damaged_database_keeps_the_chain_going(est, identities, tmp_path: Path) -> None:
    """The damaged database's outbox rows cannot be read: the bundles found in outbox/ are adopted (ours,
    whole, chained), so the next export takes the next number instead of refusing for ever."""
    from forms.backup import backup, restore
    from sync.bundle import bundle_hash, parse_envelope

    store = est.records()
    ids = populate(store)
    snapshot = backup(est)  # taken before any export
    usb = tmp_path / "usb"
    outbox.export_bundle(est, identities["ECC"], usb)
    store.save("cohort", cohort_values(ids["offering"], academic_year="2026-2027"))
    second = outbox.export_bundle(est, identities["ECC"], usb)
    est.close()
    data = bytearray(est.db_path.read_bytes())
    data[:100] = b"\0" * 100
    est.db_path.write_bytes(bytes(data))
    restore(est, snapshot)
    third = outbox.export_bundle(est, identities["ECC"], usb)
    assert third.entry.sequence == 3 and third.recovered == [1, 2]
    assert parse_envelope(third.path.read_bytes()).header["previous_hash"] == second.entry.file_hash
    assert bundle_hash((usb / "kafaat-ECC-000002.kfb").read_bytes()) == second.entry.file_hash


def test_bundles_that_never_left_the_outbox_are_copied_by_the_next_export(est, identities, tmp_path: Path,
                                                                         capsys, monkeypatch) -> None:
    store = est.records()
    ids = populate(store)
    usb = tmp_path / "usb"
    outbox.export_bundle(est, identities["ECC"], usb)

    class Crash(Exception):
        pass

    def crash(_path: Path) -> None:
        raise Crash

    store.save("cohort", cohort_values(ids["offering"], academic_year="2026-2027"))
    monkeypatch.setattr(outbox, "_after_file_written", crash)  # file written, then the PC dies
    with pytest.raises(Crash):
        outbox.export_bundle(est, identities["ECC"], usb)
    monkeypatch.setattr(outbox, "_after_file_written", None)
    assert not (usb / "kafaat-ECC-000002.kfb").exists()
    store.save("cohort", cohort_values(ids["offering"], academic_year="2027-2028"))
    # Bundle 2 is adopted (« retrouvé ») by the next export, which carries it too.
    monkeypatch.setenv("KAFAAT_PASSPHRASE", PASSPHRASE)
    est.close()
    code, out, err = _export(capsys, est.root, usb)
    assert code == 0, err
    assert "Lot n° 2 retrouvé" in out and "Lot n° 3 écrit" in out and "Lot n° 2 copié aussi" in out
    for n in (1, 2, 3):
        assert (usb / f"kafaat-ECC-{n:06d}.kfb").read_bytes() == (est.outbox_dir / f"kafaat-ECC-{n:06d}.kfb").read_bytes()
    assert outbox.undelivered(outbox.list_outbox(est)) == []


def test_the_outbox_lists_what_never_left_the_pc(est, identities, tmp_path: Path, capsys, monkeypatch) -> None:
    populate(est.records())
    outbox.export_bundle(est, identities["ECC"], None)  # written into the outbox only
    est.close()
    code, out, err = run(capsys, "--data-dir", str(est.root), "bundle", "outbox")
    assert code == 0, err
    assert "jamais sorti du poste" in out and "Jamais copiés hors de la boîte d'envoi : n° 1" in out
    code, out, _ = run(capsys, "--data-dir", str(est.root), "bundle", "outbox", "--json")
    assert json.loads(out)["bundles"][0]["delivered_at"] is None
