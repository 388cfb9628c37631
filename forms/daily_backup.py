"""The automatic daily backup of a SQLite database, checked, and its rotation.

At most one a day (the local calendar day), taken by the window when it opens the data folder and again at
the first change of a new day if it stays open, or by ``kafaat backup --daily`` (a scheduled task):

* the copy is made with the SQLite backup API into ``backups/PREFIX-AAAA-MM-JJ.db.verif``, then checked with
  ``PRAGMA integrity_check``; only a sound copy takes its final name. A damaged database therefore never
  gives a daily backup, and since old backups are rotated only after a new sound one, a damaged database
  never pushes good backups out;
* refused without writing anything when the folder cannot be written or the disk would be left with less than
  ``RESERVE_BYTES`` free (the database itself must keep room to save); a full disk met half-way removes the
  partial copy. The folder keeps working: the refusal is a message, never an exception;
* rotation keeps the ``KEEP_DAILY`` most recent daily backups and, among the older ones, the most recent of
  each of the ``KEEP_WEEKLY`` most recent calendar weeks (ISO weeks). Only files named as daily backups of
  this database are ever deleted: the backups taken before a migration (``*-avant-migration-*``), before a
  restore (``*-avant-restauration-*``), damaged databases set aside (``*-endommagee-*``) and manual backups
  (``kafaat backup``) are never touched.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from glob import escape as glob_escape
from pathlib import Path

from forms.i18n import Text
from forms.store.database import backup_sqlite, damage, folder_writable, forget_checked, summary

KEEP_DAILY = 7
KEEP_WEEKLY = 4
RESERVE_BYTES = 16 << 20
"""Free space the daily backup leaves on the disk: a backup must never take the room a save needs."""
SUFFIX = "quotidienne"
CHECKING = ".verif"

TAKEN, ALREADY, REFUSED = "taken", "already", "refused"
DAMAGED, DISK_FULL, READ_ONLY, MISSING = "damaged", "disk_full", "read_only", "missing"

log = logging.getLogger("kafaat.backup")


def _ltr(text: str, lang: str) -> str:
    """A path kept left to right inside Arabic text."""
    return f"\u2066{text}\u2069" if lang == "ar" else text


MESSAGES = {
    TAKEN: Text("Sauvegarde du jour écrite et vérifiée : {path}",
                "تمت كتابة نسخة اليوم الاحتياطية والتحقق منها: {path}",
                "Today's backup written and checked: {path}"),
    ALREADY: Text("La sauvegarde du jour existe déjà : {path}",
                  "النسخة الاحتياطية لهذا اليوم موجودة: {path}",
                  "Today's backup already exists: {path}"),
    DAMAGED: Text("La sauvegarde du jour n'a pas été faite : la base de données est endommagée ({detail}). Les "
                  "sauvegardes précédentes sont conservées telles quelles ; restaurez la dernière (Paramètres ou "
                  "« kafaat restore ») et prévenez le support.\nBase : {db}",
                  "لم تُنجز النسخة الاحتياطية لهذا اليوم: قاعدة البيانات تالفة ({detail}). النسخ السابقة محفوظة "
                  "كما هي؛ استرجعوا آخر نسخة (الإعدادات أو « kafaat restore ») وأخبروا الدعم التقني.\n"
                  "القاعدة: {db}",
                  "Today's backup was not made: the database is damaged ({detail}). Earlier backups are kept "
                  "as they are; restore the latest one (Settings or “kafaat restore”) and tell support.\n"
                  "Database: {db}"),
    DISK_FULL: Text("La sauvegarde du jour n'a pas été faite : il reste {free} Mo sur le disque, il en faut {needed} "
                    "Mo. Rien n'a été modifié et la saisie continue ; libérez de la place (ou copiez le dossier des "
                    "sauvegardes ailleurs).\nDossier : {folder}",
                    "لم تُنجز النسخة الاحتياطية لهذا اليوم: بقي {free} ميغابايت على القرص، والمطلوب {needed} "
                    "ميغابايت. لم يتغير شيء ويمكن مواصلة الإدخال؛ حرّروا مساحة (أو انقلوا مجلد النسخ الاحتياطية "
                    "إلى مكان آخر).\nالمجلد: {folder}",
                    "Today's backup was not made: {free} MB left on the disk, {needed} MB needed. Nothing was "
                    "changed and you can keep working; free some space (or move the backups folder "
                    "elsewhere).\nFolder: {folder}"),
    READ_ONLY: Text("La sauvegarde du jour n'a pas été faite : le dossier des sauvegardes ne peut pas être écrit "
                    "(lecture seule ou droits insuffisants). Rien n'a été modifié.\nDossier : {folder}",
                    "لم تُنجز النسخة الاحتياطية لهذا اليوم: لا يمكن الكتابة في مجلد النسخ الاحتياطية (للقراءة فقط "
                    "أو صلاحيات غير كافية). لم يتغير شيء.\nالمجلد: {folder}",
                    "Today's backup was not made: the backups folder cannot be written (read-only or not enough "
                    "rights). Nothing was changed.\nFolder: {folder}"),
    MISSING: Text("Aucune base de données à sauvegarder.\nDossier : {folder}",
                  "لا توجد قاعدة بيانات لحفظها.\nالمجلد: {folder}",
                  "No database to back up.\nFolder: {folder}"),
}


@dataclass(frozen=True)
class DailyBackup:
    """What the daily backup did: ``status`` is ``taken``, ``already`` or ``refused`` (then ``reason``)."""

    status: str
    database: Path
    path: Path | None = None
    reason: str = ""
    detail: str = ""
    free_mb: int = 0
    needed_mb: int = 0
    removed: tuple[Path, ...] = ()

    @property
    def refused(self) -> bool:
        return self.status == REFUSED

    def message(self, lang: str = "fr") -> str:
        """One sentence for the user, in ``lang`` (fr, ar or en)."""
        text = MESSAGES[self.reason or self.status]
        folder = self.path.parent if self.path is not None else self.database.parent / "backups"
        return text.get(lang).format(
            path=_ltr(str(self.path), lang), db=_ltr(str(self.database), lang), detail=self.detail,
            folder=_ltr(str(folder), lang), free=self.free_mb, needed=self.needed_mb)


def daily_name(prefix: str, day: date) -> str:
    return f"{prefix}-{SUFFIX}-{day.isoformat()}.db"


def daily_backups(backups_dir: Path, prefix: str) -> dict[date, Path]:
    """The daily backups of ``prefix`` in ``backups_dir``, by day (other files are not daily backups)."""
    pattern = re.compile(rf"^{re.escape(prefix)}-{SUFFIX}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")
    found: dict[date, Path] = {}
    if not backups_dir.is_dir():
        return found
    for path in backups_dir.iterdir():
        match = pattern.match(path.name)
        if match and path.is_file():
            with contextlib.suppress(ValueError):
                found[date.fromisoformat(match.group(1))] = path
    return found


def days_to_keep(days: list[date], today: date, keep_daily: int = KEEP_DAILY,
                 keep_weekly: int = KEEP_WEEKLY) -> set[date]:
    """The days whose backup the rotation keeps: the ``keep_daily`` most recent, then the most recent of each
    of the ``keep_weekly`` most recent ISO weeks among the older ones. Days after ``today`` (a clock set back)
    are kept and not counted."""
    future = {d for d in days if d > today}
    ordered = sorted((d for d in set(days) if d <= today), reverse=True)
    kept = set(ordered[:keep_daily]) | future
    weeks: list[tuple[int, int]] = []
    for day in ordered[keep_daily:]:
        week = tuple(day.isocalendar())[:2]
        if week in weeks:
            continue
        if len(weeks) >= keep_weekly:
            break
        weeks.append(week)  # type: ignore[arg-type]
        kept.add(day)
    return kept


def rotate(backups_dir: Path, prefix: str, today: date, keep_daily: int = KEEP_DAILY,
           keep_weekly: int = KEEP_WEEKLY) -> tuple[Path, ...]:
    """Delete the daily backups the rotation does not keep; returns them."""
    found = daily_backups(backups_dir, prefix)
    kept = days_to_keep(list(found), today, keep_daily, keep_weekly)
    removed = []
    for day, path in sorted(found.items()):
        if day not in kept:
            try:
                path.unlink()
            except OSError as exc:  # kept for the next time; never a reason to fail the backup
                log.warning("ancienne sauvegarde quotidienne %s non supprimée : %s", path.name, exc)
                continue
            removed.append(path)
    return tuple(removed)


def _writable_folder(backups_dir: Path) -> Path:
    """``backups_dir``, or its nearest existing parent (where it would be made)."""
    folder = backups_dir
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _size(path: Path) -> int:
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += candidate.stat().st_size
    return total


def _megabytes(size: int) -> int:
    return -(-size // (1 << 20))


def daily_backup(db_path: Path, backups_dir: Path, prefix: str, *, today: date | None = None,
                 keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY,
                 reserve: int = RESERVE_BYTES) -> DailyBackup:
    """Take today's backup of ``db_path`` if there is none yet, check it, then rotate. Never raises for a
    damaged database, a full disk or a read-only folder: the result says so (``refused``)."""
    today = today or date.today()
    destination = backups_dir / daily_name(prefix, today)
    if not db_path.is_file():
        return DailyBackup(REFUSED, db_path, destination, MISSING)
    if destination.is_file():
        return DailyBackup(ALREADY, db_path, destination)
    folder = _writable_folder(backups_dir)
    if not folder_writable(folder):
        return _refused(DailyBackup(REFUSED, db_path, destination, READ_ONLY))
    needed = _size(db_path)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = needed + reserve
    if free < needed + reserve:
        return _refused(DailyBackup(REFUSED, db_path, destination, DISK_FULL, free_mb=free >> 20,
                                    needed_mb=_megabytes(needed + reserve)))
    checking = destination.with_name(destination.name + CHECKING)
    for leftover in backups_dir.glob(f"{glob_escape(prefix)}-{SUFFIX}-*.db{CHECKING}*"):
        _remove(leftover)  # a copy a crash left unchecked, some other day
    try:
        backup_sqlite(db_path, checking)
        problems = damage(checking)
    except sqlite3.DatabaseError as exc:
        _remove(checking)
        text = str(exc).lower()
        if "disk is full" in text or "no space" in text:
            return _disk_full(db_path, destination, folder, needed, reserve)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return _refused(DailyBackup(REFUSED, db_path, destination, READ_ONLY))
        problems = [str(exc)]
    except OSError as exc:
        _remove(checking)
        if exc.errno == errno.ENOSPC:
            return _disk_full(db_path, destination, folder, needed, reserve)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return _refused(DailyBackup(REFUSED, db_path, destination, READ_ONLY))
        raise
    except BaseException:
        _remove(checking)
        raise
    if problems:
        _remove(checking)
        forget_checked(db_path)  # the next open checks the database again
        return _refused(DailyBackup(REFUSED, db_path, destination, DAMAGED, detail=summary(problems)))
    checking.replace(destination)
    removed = rotate(backups_dir, prefix, today, keep_daily, keep_weekly)
    result = DailyBackup(TAKEN, db_path, destination, removed=removed)
    log.info("%s%s", result.message("fr"),
             f" ; rotation, supprimées : {', '.join(p.name for p in removed)}" if removed else "")
    return result


def _disk_full(db_path: Path, destination: Path, folder: Path, needed: int, reserve: int) -> DailyBackup:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    return _refused(DailyBackup(REFUSED, db_path, destination, DISK_FULL, free_mb=free >> 20,
                                needed_mb=_megabytes(needed + reserve)))


def _refused(result: DailyBackup) -> DailyBackup:
    log.warning("%s", result.message("fr"))
    return result


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            candidate.unlink(missing_ok=True)
