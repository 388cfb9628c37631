"""Atomic file writes: temp file in the same folder, restrictive permissions before writing, fsync,
``os.replace``. A crash leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from forms.windows_acl import protect_private


def make_folder(folder: Path) -> None:
    """``folder.mkdir(parents=True, exist_ok=True)``, except that a file where the folder should be is said as
    « not a folder » (``NotADirectoryError``, ENOTDIR) rather than « the file already exists » (EEXIST)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # exist_ok: only a file (or another non-folder) in the way
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), exc.filename) from exc


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    make_folder(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # named after the file asked for, not the temporary one (a read-only medium)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    tmp = Path(tmp_name)
    try:
        try:
            if private:
                os.chmod(tmp, 0o600)
                protect_private(tmp)  # Windows: an access list with the current user only
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:  # named after the file asked for, not the temporary one (« Is a directory »,
            # a full disk: the write itself names no file)
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A path beside ``path`` to write to, renamed over ``path`` only when the block ends normally: an
    error or a cancel leaves no half-written file (and the file that was there, if any, untouched)."""
    make_folder(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
