"""Where file dialogs open and the names they propose.

A file dialog opens in the folder the person used last (remembered between sessions), else in their
documents folder — never in the program's folder — and proposes a name that says what the file holds, in
the window's language: « stages-2025-2026.xlsx », « modèle-stages.xlsx ».
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

SETTING = "last_folder"
_last: dict[str, str] = {}


def _settings() -> QSettings | None:
    # only the real application (its organisation set by desktop.app.run) remembers between sessions
    return QSettings() if QCoreApplication.organizationName() == "Kafaat" else None


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def start_folder() -> Path:
    """The folder a file dialog opens in: the last one used if it still exists, else the documents."""
    settings = _settings()
    remembered = _last.get(SETTING) or (settings.value(SETTING) if settings is not None else None)
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    return documents_folder()


def remember(path: str | Path) -> None:
    """Note the folder of a file the person chose (or the folder itself)."""
    if not path:
        return
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    _last[SETTING] = str(folder)
    settings = _settings()
    if settings is not None:
        settings.setValue(SETTING, str(folder))


def academic_year(today: date | None = None) -> str:
    """« 2025-2026 » from September 2025 to August 2026."""
    today = today or date.today()
    first = today.year if today.month >= 9 else today.year - 1
    return f"{first}-{first + 1}"


def file_name(*parts: str, suffix: str = ".xlsx") -> str:
    """« stages-2025-2026.xlsx »: words in the window's language, lower case, joined by hyphens; only the
    characters no file system refuses (Arabic letters kept)."""
    words = []
    for part in parts:
        cleaned = re.sub(r'[\\/:*?"<>|\s]+', "-", part.strip().lower()).strip("-.")
        if cleaned:
            words.append(cleaned)
    return "-".join(words) + suffix


def proposed(*parts: str, suffix: str = ".xlsx", folder: Path | None = None) -> str:
    """The full path a save dialog proposes: ``file_name(parts)`` in ``folder`` or the start folder."""
    return str((folder or start_folder()) / file_name(*parts, suffix=suffix))
