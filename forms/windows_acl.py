"""Private files on Windows: an access list that only the current user is on.

On Windows ``os.chmod(path, 0o600)`` only clears the read-only flag: the file keeps the access list it
inherits from its folder. Under ``%APPDATA%`` that list already names only the user, SYSTEM and the
Administrators group; a data folder chosen elsewhere (``D:\\Kafaat``, a shared drive) may let every user of
the PC read it. So a private file (the sealed key file) gets an explicit list: inheritance removed, full
control for the current user's SID only, with Windows' own ``icacls`` (no pywin32 needed). The user's SID
comes from ``whoami /user`` (a SID is ASCII whatever the console's code page or the user's name).

If the folder has no access lists (a FAT32 USB stick) or a tool is missing, the file is still written (the
key inside is sealed by the passphrase: scrypt then AES-GCM) and a warning goes to the log.

What this machine (Linux) checks: the commands and their arguments (``tests/e2e/test_paths.py``). What only
Windows can check: that the resulting list is right: the Windows workflow runs ``icacls`` on the key file
of a fresh data folder and fails if any other account or an inherited entry is listed.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ON_WINDOWS = sys.platform == "win32"
SID_PATTERN = re.compile(r"S-1-\d+(?:-\d+)+")
log = logging.getLogger("kafaat")
Runner = Callable[..., Any]


def current_user_sid(run: Runner | None = None) -> str:
    result = (run or subprocess.run)(["whoami", "/user", "/fo", "csv", "/nh"], capture_output=True, check=True, timeout=30)
    found = SID_PATTERN.findall(result.stdout.decode("ascii", "replace"))  # the SID is the last column
    if not found:
        raise OSError("whoami /user n'a pas donné d'identifiant (SID) d'utilisateur")
    return found[-1]


def owner_only_command(path: Path, sid: str) -> list[str]:
    """``icacls`` arguments: inherited entries removed, full control granted to ``sid`` alone."""
    return ["icacls", str(path), "/inheritance:r", "/grant:r", f"*{sid}:(F)", "/q"]


def restrict_to_current_user(path: Path, run: Runner | None = None) -> bool:
    """Give ``path`` an access list with the current user only. False (and a warning) when impossible."""
    run = run or subprocess.run
    try:
        run(owner_only_command(path, current_user_sid(run)), capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("droits d'accès Windows non restreints sur %s (%s) : le fichier reste protégé par la "
                    "phrase de passe", path.name, exc)
        return False
    return True


def protect_private(path: Path) -> None:
    """What "private" means for a file: 0600 on POSIX; an owner-only access list on Windows."""
    if ON_WINDOWS:
        restrict_to_current_user(path)
