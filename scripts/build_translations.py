#!/usr/bin/env python3
"""Compile the window's translations: ``resources/translations/kafaat_*.ts`` → ``.qm`` (git-ignored).

Called by ``scripts/bootstrap.sh`` (so by the run, test and CI commands) and by the packaging build.
``--update`` first refreshes the ``.ts`` sources from the code with ``pyside6-lupdate`` (new strings are
added as unfinished, strings gone from the code are dropped: git keeps them); translators then fill them with Qt Linguist
(``pyside6-linguist``) or any editor.

French is the source language: ``kafaat_fr.ts`` holds only the plural forms of the strings that have a
count (``tr("%n erreur(s)", "", n)`` → « 1 erreur », « 3 erreurs »), refreshed with ``-pluralonly``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ("desktop/app.py", "desktop/ui")
LANGUAGES = ("ar", "en")
PLURAL_ONLY = ("fr",)


def tool(name: str) -> str:
    """``pyside6-lrelease``/``pyside6-lupdate`` next to this Python (the venv), else on the PATH."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} introuvable : installez PySide6 dans l'environnement (scripts/bootstrap.sh)")
    return found


def python_sources() -> list[str]:
    files: list[str] = []
    for entry in SOURCES:
        path = ROOT / entry
        files += [str(p) for p in sorted(path.rglob("*.py"))] if path.is_dir() else [str(path)]
    return files


def update() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"kafaat_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-source-language", "fr", "-target-language", lang,
                        *python_sources(), "-ts", str(ts)], check=True)
    for lang in PLURAL_ONLY:
        ts = TRANSLATIONS / f"kafaat_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-pluralonly", "-source-language", "fr",
                        "-target-language", lang, *python_sources(), "-ts", str(ts)], check=True)


def build() -> list[Path]:
    out = []
    for ts in sorted(TRANSLATIONS.glob("kafaat_*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            out.append(qm)
            continue
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts sources from the code first")
    args = parser.parse_args(argv)
    if args.update:
        update()
    build()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
