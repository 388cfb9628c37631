"""Bundle export of N internship records, from the database to the signed, encrypted file, against its
references, in one script.

    .venv/bin/python benchmarks/bundle_export.py [--rows 100000] [--runs 3]

* ours: ``sync.outbox.export_bundle(..., full=True)`` — integrity check, plan (counts, drafts), reservation
  of the sequence number, read of every record, manifest, orjson, zstd, AES-256-GCM, HPKE wrap for two
  ministries (X-Wing), Ed25519 + ML-DSA-65 signatures, atomic write into the outbox, record, atomic copy to
  the destination folder. The keys are unlocked once beforehand (scrypt: a fixed cost, reported apart).
* floor: stdlib sqlite3 ``SELECT`` of the same rows + one dict per row + orjson + zstd level 3 (no
  encryption, no signature, no file);
* gpg: ``gpg --sign --encrypt`` (ed25519/cv25519 throwaway keys in a temporary GNUPGHOME) of a CSV of the
  same records already on disk (``gpg_s``: writing the CSV is not counted), and the whole of what a user
  would do instead (``gpg_with_csv_export_s``: stdlib sqlite3 SELECT → csv file → gpg).

Medians over ``--runs``; ratios ours ÷ reference; peak RSS of ours and of the floor, each measured in a
child process (``resource.getrusage``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(folder: Path, rows: int) -> None:
    """A real establishment folder: keys, two trusted ministries, an offering, a cohort, N internships."""
    from forms.store.tables import meta, record_table
    from forms.workspace import ESTABLISHMENT, MINISTRY, Workspace
    from sync.keys import create_keys, load_public, public_path
    from sync.recipients import add_recipient, read_recipient_file
    from tests.conftest import OFFERING, cohort_values

    ws = Workspace.create(folder / "ecc", ESTABLISHMENT, establishment="ECC", operator="bench")
    create_keys(ws, "phrase de passe du banc")
    for code in ("MIC", "MESRSI"):
        mws = Workspace.create(folder / code, MINISTRY, ministry=code)
        create_keys(mws, "phrase de passe du banc")
        add_recipient(ws, *read_recipient_file(public_path(mws)))
        assert load_public(mws).can_receive
    store = ws.records()
    offering, _ = store.save("offering", OFFERING)
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    table = record_table("internship")
    start0 = date(2025, 1, 6)
    batch = []
    seq0 = store.last_change_seq()
    stamp = "2026-01-01T00:00:00.000000Z"
    for i in range(rows):
        start = start0 + timedelta(days=i % 300)
        batch.append({
            "id": f"00000000-0000-4000-8000-{i:012d}", "establishment": "ECC", "status": "complete", "version": 1,
            "deleted": False, "created_at": stamp, "created_by": "bench", "updated_at": stamp, "updated_by": "bench",
            "change_seq": seq0 + 1 + i, "error_count": 0, "warning_count": 0,
            "student_code": f"R{130000000 + i}", "last_name": f"Nom{i % 997}", "first_name": f"Prénom{i % 389}",
            "gender": "F" if i % 2 else "M", "offering": offering.id, "cohort": cohort.id,
            "internship_type": "PFE", "domain": "CYBER", "host_name": f"Entreprise {i % 1500} SARL",
            "host_ice": f"{1525312000000 + i:015d}", "host_sector": "Services numériques", "host_city": "Casablanca",
            "host_region": "06", "host_country": None, "start_date": start, "end_date": start + timedelta(days=150),
            "weekly_hours": 35 + i % 6, "monthly_stipend": 2000 + (i % 7) * 250, "tutor_name": f"Tuteur {i % 211}",
            "tutor_email": f"tuteur{i % 211}@example.ma", "supervisor": f"Pr. Encadrant {i % 53}",
            "outcome": "ONGOING", "final_mark": None, "hired": "UNKNOWN",
        })
    with store.writer.begin() as conn:
        conn.execute(table.insert(), batch)
        conn.execute(meta.update().where(meta.c.key == "change_seq").values(value=str(seq0 + rows)))
    ws.close()


def run_ours(folder: Path, out: Path, runs: int) -> dict:
    from forms.workspace import Workspace
    from sync.keys import load_identity
    from sync.outbox import export_bundle

    ws = Workspace.open(folder / "ecc")
    t = time.perf_counter()
    identity = load_identity(ws, "phrase de passe du banc")
    unlock = time.perf_counter() - t
    with ws.engine.connect() as conn:  # part of ours; measured apart to explain the figure
        t = time.perf_counter()
        conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        integrity = time.perf_counter() - t
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        result = export_bundle(ws, identity, out, full=True)
        times.append(time.perf_counter() - t)
        size = result.path.stat().st_size
    ws.close()
    export_peak = peak_rss_mb()
    # for information: the ministry's side, verify + unwrap + decrypt + decompress + parse + check
    from sync.ministry import verify_bundle

    mic = Workspace.open(folder / "MIC")
    mic_identity = load_identity(mic, "phrase de passe du banc")
    ecc_request = (folder / "ecc" / "keys" / "identity.pub.json").read_bytes()
    from sync.ministry import enroll

    enroll(mic, ecc_request)
    data = result.path.read_bytes()
    t = time.perf_counter()
    opened = verify_bundle(mic, mic_identity, data)
    assert opened.counts["internship"]["records"] > 0  # every record read and checked
    read = time.perf_counter() - t
    return {"times": times, "unlock_s": unlock, "integrity_s": integrity, "bytes": size, "read_s": read,
            "peak_rss_mb": export_peak, "peak_rss_mb_with_read": peak_rss_mb()}


def run_floor(folder: Path, runs: int) -> dict:
    import orjson
    import zstandard

    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        conn = sqlite3.connect(folder / "ecc" / "kafaat.db")
        cur = conn.execute("SELECT * FROM internship WHERE status = 'complete' OR deleted = 1 ORDER BY change_seq")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, row, strict=True)) for row in cur]
        blob = zstandard.ZstdCompressor(level=3).compress(orjson.dumps(rows))
        conn.close()
        times.append(time.perf_counter() - t)
        size = len(blob)
    return {"times": times, "bytes": size, "peak_rss_mb": peak_rss_mb()}


def run_gpg(folder: Path, runs: int) -> dict:
    gpg = shutil.which("gpg")
    if gpg is None:
        return {"skipped": "gpg absent (apt-get install gnupg)"}
    home = Path(tempfile.mkdtemp(prefix="gnupg-", dir=folder))
    os.chmod(home, 0o700)
    env = {**os.environ, "GNUPGHOME": str(home)}
    base = [gpg, "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", ""]
    subprocess.run([*base, "--quick-gen-key", "Banc Kafaat <banc@example.ma>", "future-default", "default", "never"],
                   env=env, check=True, capture_output=True)
    csv_path = folder / "internships.csv"
    times, with_csv = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        conn = sqlite3.connect(folder / "ecc" / "kafaat.db")
        cur = conn.execute("SELECT * FROM internship WHERE status = 'complete' OR deleted = 1 ORDER BY change_seq")
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([d[0] for d in cur.description])
            writer.writerows(cur)
        conn.close()
        t = time.perf_counter()
        subprocess.run([*base, "-u", "banc@example.ma", "-r", "banc@example.ma", "--sign", "--encrypt",
                        "-o", str(folder / "out.gpg"), str(csv_path)], env=env, check=True, capture_output=True)
        end = time.perf_counter()
        times.append(end - t)
        with_csv.append(end - t0)
    version = subprocess.run([gpg, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"times": times, "with_csv": with_csv, "bytes": (folder / "out.gpg").stat().st_size, "csv_bytes": csv_path.stat().st_size,
            "version": version}


def peak_rss_mb() -> float:
    """This process's own peak (VmHWM: reset at exec, unlike ``ru_maxrss`` which a child inherits)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, folder: Path, runs: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", kind, "--folder", str(folder), "--runs", str(runs)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("ours", "floor"))
    parser.add_argument("--folder")
    args = parser.parse_args()
    if args.child:
        folder = Path(args.folder)
        result = run_ours(folder, folder / "usb", args.runs) if args.child == "ours" else run_floor(folder, args.runs)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="kafaat-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        build(folder, args.rows)
        setup = time.perf_counter() - t
        # interleaved, one run per child process (own peak RSS), so that load from elsewhere hits both
        floor: dict = {"times": [], "peak_rss_mb": 0.0}
        ours: dict = {"times": [], "peak_rss_mb": 0.0, "integrity_s": []}
        for _ in range(args.runs):
            for name, acc in (("floor", floor), ("ours", ours)):
                one = child(name, folder, 1)
                acc["times"] += one["times"]
                acc["peak_rss_mb"] = max(acc["peak_rss_mb"], one["peak_rss_mb"])
                acc["bytes"] = one["bytes"]
                if name == "ours":
                    acc["unlock_s"] = one["unlock_s"]
                    acc.setdefault("read_s", []).append(one["read_s"])
                    acc["peak_rss_mb_read"] = max(acc.get("peak_rss_mb_read", 0.0), one["peak_rss_mb_with_read"])
                    acc["integrity_s"].append(one["integrity_s"])
        gpg = run_gpg(folder, args.runs)
    med = {k: statistics.median(v["times"]) for k, v in (("ours", ours), ("floor", floor), ("gpg", gpg))
           if "times" in v}
    import cryptography
    import zstandard

    report = {
        "rows": args.rows, "runs": args.runs, "setup_s": round(setup, 2),
        "ours_s": round(med["ours"], 3), "floor_s": round(med["floor"], 3),
        "gpg_s": round(med["gpg"], 3) if "gpg" in med else None,
        "ratio_vs_floor": round(med["ours"] / med["floor"], 2),
        "median_of_paired_ratios_vs_floor": round(statistics.median(
            o / f for o, f in zip(ours["times"], floor["times"], strict=True)), 2),
        "ratio_vs_gpg": round(med["ours"] / med["gpg"], 2) if "gpg" in med else None,
        "gpg_with_csv_export_s": round(statistics.median(gpg["with_csv"]), 3) if "with_csv" in gpg else None,
        "ratio_vs_csv_export_plus_gpg": round(med["ours"] / statistics.median(gpg["with_csv"]), 2)
        if "with_csv" in gpg else None,
        "unlock_scrypt_s": round(ours["unlock_s"], 3),
        "integrity_check_s_within_ours": round(statistics.median(ours["integrity_s"]), 3),
        "ministry_verify_and_read_s": round(statistics.median(ours["read_s"]), 3),
        "bundle_bytes": ours["bytes"], "floor_compressed_bytes": floor["bytes"], "gpg_bytes": gpg.get("bytes"),
        "csv_bytes": gpg.get("csv_bytes"),
        "peak_rss_mb_ours": round(ours["peak_rss_mb"], 1), "peak_rss_mb_floor": round(floor["peak_rss_mb"], 1),
        "peak_rss_mb_ours_then_ministry_read": round(ours["peak_rss_mb_read"], 1),
        "versions": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                     "cryptography": cryptography.__version__, "zstandard": zstandard.__version__,
                     "gpg": gpg.get("version")},
        "targets": "ours ≤ 1.5 × floor; ours < gpg",
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
