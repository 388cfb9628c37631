"""The data folder's log, ``logs/kafaat.log``: written by the window and by the commands, rotated by size.

What goes in it, and what never does:

* an unexpected failure (a bug): its traceback, for support;
* an expected refusal (a wrong passphrase, a refused file, a damaged or busy database, a form that does not
  validate): one line, no traceback (``log_outcome``). Validation problems are counted, not copied (they may
  quote what was typed);
* never a passphrase, and never the command line's arguments (``--json`` carries personal data): a command is
  logged by its name only (``kafaat bundle export``).

The file is rotated at ``MAX_BYTES`` (``BACKUP_COUNT`` older files kept). The window and a command may write
to it at the same time: when a rollover cannot rename the file (Windows, while another process holds it) the
line is still written and the rollover is tried again later, instead of an error on the console; a line that
cannot be written at all (full disk) is dropped silently. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "kafaat.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOGGERS = ("kafaat", "forms", "sync")
"""Our loggers: ``kafaat.*`` (window, commands, backups) and the core's modules (``forms.store.database``…)."""

log = logging.getLogger("kafaat")


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A ``RotatingFileHandler`` whose failed rollover is not an error: the file goes on growing until a
    rollover succeeds (another process had it open)."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A line that cannot be written (full disk, folder gone) is dropped without a word: the log never
        gets in the way of what the user is doing, nor prints a traceback on the console."""


def log_path(logs_dir: Path) -> Path:
    return logs_dir / LOG_FILE


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the ``kafaat`` loggers to ``logs_dir/kafaat.log`` (once per file). ``None`` when the folder cannot
    be written (a read-only data folder still opens)."""
    path = log_path(logs_dir)
    for handler in log.handlers:
        if getattr(handler, "baseFilename", None) == str(path.absolute()):
            return path
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler = SharedRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                                            delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > level:
            logger.setLevel(level)
    return path


def remove_logging(logs_dir: Path) -> None:
    """Close the handler of ``logs_dir`` (a command is over; tests)."""
    path = str(log_path(logs_dir).absolute())
    for handler in list(log.handlers):
        if getattr(handler, "baseFilename", None) == path:
            for name in LOGGERS:
                logging.getLogger(name).removeHandler(handler)
            with contextlib.suppress(OSError):  # the last lines cannot be flushed (full disk)
                handler.close()


def is_refusal(exc: BaseException) -> bool:
    """An expected refusal, said to the user in a sentence: logged on one line, without a traceback."""
    from desktop.cli.common import Refused
    from forms.excel.reading import FileRefused
    from forms.store.database import StoreError
    from forms.store.records import ValidationFailed
    from forms.tasks import Cancelled
    from sync.errors import SyncError

    return isinstance(exc, Refused | StoreError | SyncError | FileRefused | ValidationFailed | Cancelled | OSError)


def refusal_line(exc: BaseException) -> str:
    """What the log says of a refusal: its class and its sentence on one line (validation: only a count)."""
    from forms.i18n import plural
    from forms.store.records import ValidationFailed

    if isinstance(exc, ValidationFailed):
        return f"{type(exc).__name__} : {plural(len(exc.issues), '{n} problème|{n} problèmes')} de saisie"
    if getattr(exc, "details", None):  # the command line's refusals: the sentence, not the list of problems
        return (f"{type(exc).__name__} : {' '.join(str(exc).split())[:500]} "
                f"(+{plural(len(exc.details), '{n} ligne|{n} lignes')})")
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__} : {text[:500]}"


def log_outcome(title: str, exc: BaseException, details: str | None = None, logger: logging.Logger = log) -> None:
    """One line for a refusal; the traceback (``details``, else the exception's own) for anything else."""
    if is_refusal(exc):
        logger.warning("%s : refusé — %s", title or "opération", refusal_line(exc))
    elif details is not None:
        logger.error("%s : échec\n%s", title or "opération", details.rstrip())
    else:
        logger.error("%s : échec", title or "opération", exc_info=exc)
