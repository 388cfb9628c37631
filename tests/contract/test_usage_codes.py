"""Exit code 2 is wrong usage (``shared/brief/cli.md``): the documented synopsis of a command not followed,
even where the parser alone cannot see it. Written from the documents only."""

from __future__ import annotations

from pathlib import Path

from tests.contract.conftest import kafaat


def test_init_without_the_code_its_role_needs_is_wrong_usage(tmp_path: Path) -> None:
    """``kafaat init --role establishment --establishment CODE`` / ``--role ministry --ministry CODE``."""
    for role, option in (("establishment", "--establishment"), ("ministry", "--ministry")):
        for lang in ("fr", "en", "ar"):
            folder = tmp_path / f"{role}-{lang}"
            run = kafaat("init", "--role", role, data=folder, lang=lang)
            assert run.code == 2, (role, run)
            assert option in run.err, run.err
            assert not folder.exists(), "nothing is created"
