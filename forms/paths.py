"""Where the application's read-only resources and the user's data folder live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Kafaat"


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the packages in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    """``KAFAAT_HOME`` when set, else the user's application-data folder."""
    env = os.environ.get("KAFAAT_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))
