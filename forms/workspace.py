"""A Kafaat data folder: its layout, its settings, and the database inside it.

::

    DATA/
      kafaat.db         the SQLite store (establishment records, or the ministry's consolidated store)
      settings.json     role, establishment or ministry code, operator, language, reporting period
      keys/             private keys (encrypted) and trusted public keys
      outbox/           bundles written by this establishment
      backups/          automatic backups (daily, before migrations and restores)
      logs/             the application log
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from forms.atomic import write_atomic
from forms.messages import Message, os_reason
from forms.reference import OVERLAY_DIR, reference, use_overlays
from forms.store.database import (
    DATABASE_FILE,
    NotInitialised,
    StoreError,
    checkpoint,
    folder_writable,
    open_database,
    remember_checked,
)
from forms.store.records import RecordStore, set_meta

SETTINGS_FILE = "settings.json"
ESTABLISHMENT = "establishment"
MINISTRY = "ministry"
ROLES = (ESTABLISHMENT, MINISTRY)
DEFAULT_PERIOD_DAYS = 30
PERIOD_DAYS_RANGE = (1, 366)
"""``reporting_period_days``: a whole number of days in this range (30 when the setting is absent)."""


class AlreadyInitialised(StoreError):
    pass


@dataclass
class Workspace:
    root: Path
    settings: dict[str, Any] = field(default_factory=dict)
    _engine: Engine | None = field(default=None, repr=False)

    # ------------------------------------------------------------------------------------------ paths
    @property
    def db_path(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def settings_path(self) -> Path:
        return self.root / SETTINGS_FILE

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def outbox_dir(self) -> Path:
        return self.root / "outbox"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    # --------------------------------------------------------------------------------------- settings
    @property
    def role(self) -> str:
        return str(self.settings.get("role", ""))

    @property
    def establishment(self) -> str:
        return str(self.settings.get("establishment", ""))

    @property
    def ministry(self) -> str:
        return str(self.settings.get("ministry", ""))

    @property
    def operator(self) -> str:
        return str(self.settings.get("operator") or "")

    @property
    def reporting_period_days(self) -> int:
        """The reporting period of ``settings.json`` (``reporting_period_days``): after it an export is due
        (establishment) or an establishment is late (ministry). Absent: 30 days. Anything but a whole number of
        days from 1 to 366 (a hand-edited file) is refused with where it is and what is allowed, never replaced
        by the default without a word."""
        value = self.settings.get("reporting_period_days")
        if value is None:
            return DEFAULT_PERIOD_DAYS
        low, high = PERIOD_DAYS_RANGE
        if type(value) is int and low <= value <= high:
            return value
        shown = json.dumps(value, ensure_ascii=False)
        raise StoreError(Message("settings.bad_period", file=self.settings_path, key="reporting_period_days",
                                 value=shown if len(shown) <= 40 else shown[:39] + "…", low=low, high=high))

    def save_settings(self) -> None:
        data = json.dumps(self.settings, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        write_atomic(self.settings_path, data)

    def update_settings(self, **changes: Any) -> None:
        self.settings.update(changes)
        self.save_settings()

    # --------------------------------------------------------------------------------------- database
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = open_database(self.db_path, backup_dir=self.backups_dir,
                                         establishment=self.establishment if self.role == ESTABLISHMENT else None)
        return self._engine

    def records(self, operator: str | None = None) -> RecordStore:
        if self.role != ESTABLISHMENT:
            raise StoreError(Message("folder.ministry_no_records"))
        return RecordStore(self.engine, self.establishment, operator or self.operator)

    def close(self) -> None:
        """Close the database, first copying the WAL into it and cutting the journal to zero bytes: a folder
        left closed holds one complete file (a copy of it is whole) and a full disk gets its space back."""
        if self._engine is not None:
            engine, self._engine = self._engine, None
            try:
                if folder_writable(self.root):
                    checkpoint(engine)
                    remember_checked(self.db_path, only_refresh=True)
            except Exception:  # closing must not fail; SQLite checkpoints at the next open
                pass
            finally:
                engine.dispose()

    # ------------------------------------------------------------------------------------ life cycle
    @classmethod
    def is_initialised(cls, root: Path) -> bool:
        return (root / SETTINGS_FILE).exists()

    @classmethod
    def open(cls, root: Path) -> Workspace:
        path = root / SETTINGS_FILE
        if not path.exists():
            raise NotInitialised(Message("folder.not_initialised", folder=root))
        try:
            settings = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(Message("folder.settings_unreadable", file=path, reason=os_reason(exc))) from exc
        if not isinstance(settings, dict):
            raise StoreError(Message("folder.settings_unreadable", file=path, reason=Message("folder.settings_not_object")))
        if settings.get("role") not in ROLES:
            raise StoreError(Message("folder.unknown_role", file=path, role=settings.get("role")))
        use_overlays(root / OVERLAY_DIR)  # reference updates applied in this folder (kafaat reference import)
        return cls(root, settings)

    @classmethod
    def create(cls, root: Path, role: str, *, establishment: str = "", ministry: str = "", operator: str = "",
               **extra: Any) -> Workspace:
        """A new data folder and its database. Refuses a folder that is already initialised."""
        if role not in ROLES:
            raise ValueError(role)
        if cls.is_initialised(root):
            raise AlreadyInitialised(Message("folder.already_initialised", folder=root))
        use_overlays(root / OVERLAY_DIR)
        if role == ESTABLISHMENT and reference("establishments").get(establishment) is None:
            raise StoreError(Message("establishment.unknown", code=establishment,
                                     known=list(reference("establishments").codes)))
        if role == MINISTRY and reference("ministries").get(ministry) is None:
            raise StoreError(Message("ministry.unknown", code=ministry, known=list(reference("ministries").codes)))
        root.mkdir(parents=True, exist_ok=True)
        workspace = cls(root, {
            "role": role,
            "establishment": establishment,
            "ministry": ministry,
            "operator": operator,
            "language": "fr",
            "reporting_period_days": DEFAULT_PERIOD_DAYS,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **extra,
        })
        if role == ESTABLISHMENT:
            engine = open_database(workspace.db_path, create=True, backup_dir=workspace.backups_dir)
            with engine.begin() as conn:
                set_meta(conn, "role", role)
                set_meta(conn, "establishment", establishment)
            workspace._engine = engine
        workspace.save_settings()
        return workspace
