"""kill -9 at random moments during imports, saves and bundle exports of the real ``kafaat`` program, then
the checks of issue 11: the database passes ``PRAGMA integrity_check`` after every kill, an import is all or
nothing, no bundle number is used for two different files, the chain holds, and after one normal export
every bundle ever written is in the destination folder.

``tests/sync/test_kill9.py`` runs a short round (part of ``./scripts/test.sh``); the long one::

    .venv/bin/python -m tests.sync.kill9 --rounds 400 [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from forms.workspace import ESTABLISHMENT, Workspace
from sync.bundle import bundle_hash
from tests.conftest import OFFERING

ROOT = Path(__file__).resolve().parents[2]
ROWS = 150


@dataclass
class Tally:
    rounds: int = 0
    killed: int = 0
    finished: int = 0
    imports_whole: int = 0
    imports_none: int = 0
    bundles: int = 0
    actions: dict[str, int] = field(default_factory=dict)


def _offerings_csv(path: Path, prefix: str, n: int = ROWS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=";")
        keys = list(OFFERING)
        out.writerow(keys)
        for i in range(n):
            row = []
            for key in keys:
                value = OFFERING[key]
                if key == "code":
                    value = f"{prefix}-{i:04d}"
                elif isinstance(value, list):
                    value = ", ".join(value)
                elif isinstance(value, bool):
                    value = "oui" if value else "non"
                elif key == "accreditation_date":
                    value = "15/06/2024"
                row.append(value)
            out.writerow(row)
    return path


def _kafaat(data: Path, *args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data), *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(data: Path, usb: Path, prefixes: list[str], tally: Tally, seen: dict[str, str]) -> None:
    """Everything issue 11 asks of a data folder after a kill."""
    conn = sqlite3.connect(data / "kafaat.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], "integrity_check"
        for prefix in prefixes:
            n = conn.execute("SELECT count(*) FROM offering WHERE code LIKE ?", (f"{prefix}-%",)).fetchone()[0]
            assert n in (0, ROWS), f"import {prefix} : {n} lignes sur {ROWS}"
        rows = conn.execute("SELECT sequence, state, file_name, file_hash, previous_hash FROM bundles "
                            "ORDER BY sequence").fetchall()
    finally:
        conn.close()
    previous = None
    for sequence, state, name, digest, prev in rows:
        if state == "reserved":
            continue
        assert prev == previous, f"chaîne rompue au lot n° {sequence}"
        assert bundle_hash((data / "outbox" / name).read_bytes()) == digest, f"lot n° {sequence} : fichier ≠ base"
        previous = digest
    # One number, one file, for ever: in the outbox and in the destination alike.
    for folder in (data / "outbox", usb):
        for path in folder.glob("*.kfb"):
            digest = _hash(path)
            assert seen.setdefault(path.name, digest) == digest, f"{path.name} : deux lots sous un numéro"


def run(rounds: int, seed: int, base: Path, log=print) -> Tally:
    rng = random.Random(seed)
    from sync.keys import Identity, identity_name, seal_identity
    from tests.sync.conftest import PASSPHRASE, install_keys, trust

    data, usb = base / "D", base / "usb"
    ws = Workspace.create(data, ESTABLISHMENT, establishment="ECC", operator="Torture")
    ecc = Identity.generate(ESTABLISHMENT, "ECC", identity_name(ESTABLISHMENT, "ECC"))
    mic = Identity.generate("ministry", "MIC", identity_name("ministry", "MIC"))
    install_keys(ws, ecc, seal_identity(ecc, PASSPHRASE))
    trust(ws, mic, base)
    ws.close()
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    tally, prefixes, seen = Tally(), [], {}

    def start(action: str, round_: int) -> subprocess.Popen:
        if action == "import":
            prefix = f"R{round_:04d}"
            prefixes.append(prefix)
            return _kafaat(data, "import", "offering", str(_offerings_csv(base / f"{prefix}.csv", prefix)), env=env)
        if action == "export":
            return _kafaat(data, "bundle", "export", str(usb), env=env)
        values = {**OFFERING, "code": f"S{round_:04d}"}
        return _kafaat(data, "records", "add", "offering", "--json", json.dumps(values), env=env)

    # How long each command takes here, whole (machines differ): the kills land anywhere in that span.
    took = {}
    for i, action in enumerate(("import", "export", "save")):
        began = time.perf_counter()
        proc = start(action, 9000 + i)
        assert proc.wait(timeout=300) == 0, proc.stderr.read().decode() if proc.stderr else ""
        took[action] = time.perf_counter() - began
    check(data, usb, prefixes, tally, seen)
    for round_ in range(rounds):
        action = ("import", "export", "save", "export")[round_ % 4]
        tally.actions[action] = tally.actions.get(action, 0) + 1
        proc = start(action, round_)
        time.sleep(rng.uniform(0.3, 1.1) * took[action])
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            tally.killed += 1
        else:
            tally.finished += 1
            assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else proc.returncode
        proc.wait(timeout=60)
        check(data, usb, prefixes, tally, seen)
        tally.rounds += 1
    # One export that runs to its end carries every bundle that never reached the destination.
    final = _kafaat(data, "bundle", "export", str(usb), env=env)
    assert final.wait(timeout=120) == 0, final.stderr.read().decode() if final.stderr else ""
    check(data, usb, prefixes, tally, seen)
    conn = sqlite3.connect(data / "kafaat.db")
    written = conn.execute("SELECT file_name, file_hash FROM bundles WHERE state != 'reserved'").fetchall()
    imported = [p for p in prefixes
                if conn.execute("SELECT count(*) FROM offering WHERE code LIKE ?", (f"{p}-%",)).fetchone()[0]]
    conn.close()
    for name, digest in written:
        assert (usb / name).exists() and (usb / name).read_bytes() == (data / "outbox" / name).read_bytes(), \
            f"{name} n'a jamais atteint la destination"
        assert bundle_hash((usb / name).read_bytes()) == digest
    tally.bundles = len(written)
    tally.imports_whole, tally.imports_none = len(imported), len(prefixes) - len(imported)
    log("durées mesurées : " + ", ".join(f"{k} {v:.1f} s" for k, v in took.items()))
    log(f"{tally.rounds} tours ({tally.killed} kill -9, {tally.finished} terminés ; {tally.actions}) : "
        f"intégrité toujours ok, imports entiers {tally.imports_whole} / absents {tally.imports_none}, "
        f"{tally.bundles} lots écrits, tous dans la destination, aucun numéro réutilisé")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="dossier de travail à garder (par défaut : temporaire)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args.rounds, args.seed, args.keep)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(args.rounds, args.seed, Path(tmp))


if __name__ == "__main__":
    main()
