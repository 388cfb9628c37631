"""A short kill -9 run of the real program (the long one: ``python -m tests.sync.kill9 --rounds 400``)."""

from __future__ import annotations

from pathlib import Path

from tests.sync.kill9 import run


def test_kill_9_during_imports_saves_and_exports_loses_nothing(tmp_path: Path) -> None:
    tally = run(rounds=6, seed=11, base=tmp_path, log=print)
    assert tally.rounds == 6 and tally.killed >= 1
