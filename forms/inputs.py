"""Files from outside, opened for reading only when they are regular files: opening a named pipe (FIFO)
waits forever for a writer, and a device (``/dev/zero``, ``/dev/urandom``) never ends and reports a size of 0,
so a size check before reading lets it fill the memory."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotARegularFile(OSError):
    """The path names a device, a pipe or a socket: nothing was read."""

    reason_key = "oserror.not_regular"
    """Its words in the user's language (``forms.messages.os_reason``)."""


def open_input(path: Path | str) -> BinaryIO:
    """``path`` opened for reading in binary mode, if it is a regular file (after symbolic links); a folder
    raises ``IsADirectoryError`` and anything else ``NotARegularFile``, without blocking; other ``OSError``
    (missing, unreadable) as ``open`` raises them."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file: a device or a pipe", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file ``path`` (``open_input``'s refusals)."""
    with open_input(path) as handle:
        return handle.read(limit)
