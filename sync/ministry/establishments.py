"""The ministry's list of establishments: the list shipped with the application, corrected and extended
by CSV files (``kafaat ministry establishments import``), kept in the national store and sent to the
establishments as a signed reference update (``kafaat ministry reference-update``; applied with
``kafaat reference import``, ``sync.reference_update``)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from forms.messages import Message, os_reason
from forms.reference import reference
from sync.bundle import CODE
from sync.encoding import now_utc
from sync.errors import SyncError
from sync.keys import Identity
from sync.ministry.registry import audit
from sync.ministry.store import get_meta, national_store, set_meta
from sync.ministry.tables import establishment_list, meta
from sync.reference_update import COLUMNS, make_update

MAX_CSV_BYTES = 2 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters as ``docs/bundle-format.md`` defines them, bidirectional controls included: a label with
an override (U+202E) is shown reversed in every establishment's window and report."""
LIMITS = {"label_fr": 300, "label_ar": 300, "label_en": 300, "city": 100}


class EstablishmentsRefused(SyncError):
    """The whole list refused: ``str(exc)`` is the French message followed by the problems (50 at most);
    ``text`` is the message alone, ``problems`` the lines, each rendered in the reader's language."""

    def __init__(self, message: Message, problems: list[Message]) -> None:
        super().__init__(str(message) + "".join(f"\n  {p}" for p in problems[:50]))
        self.text = message
        self.problems = problems


def shipped_rows() -> dict[str, dict[str, str]]:
    out = {}
    for choice in reference("establishments").choices:
        out[choice.code] = {"code": choice.code, "label_fr": choice.label.fr, "label_ar": choice.label.ar,
                            "label_en": choice.label.en, "city": choice.extra.get("city", ""),
                            "region": choice.extra.get("region", ""),
                            "supervising_ministry": choice.extra.get("supervising_ministry", "")}
    return out


def stored_rows(conn: Connection) -> dict[str, dict[str, str]]:
    return {r.code: {c: getattr(r, c) for c in COLUMNS} for r in conn.execute(select(establishment_list))}


def all_establishments(workspace: Any, conn: Connection | None = None) -> dict[str, dict[str, str]]:
    """code → row: the shipped list, then the ministry's additions and corrections."""
    if conn is None:
        with national_store(workspace).read() as own:
            return {**shipped_rows(), **stored_rows(own)}
    return {**shipped_rows(), **stored_rows(conn)}


def parse_csv(data: bytes, what: str) -> list[dict[str, str]]:
    """Rows of an establishments CSV, every one checked; refuses the whole file with every problem."""
    if len(data) > MAX_CSV_BYTES:
        raise EstablishmentsRefused(Message("establishments.too_large", what=what, size=len(data)), [])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EstablishmentsRefused(Message("establishments.not_utf8", what=what), []) from exc
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise EstablishmentsRefused(Message("establishments.columns_missing", what=what, n=len(missing),
                                            missing=missing, expected=list(COLUMNS)), [])
    regions, ministries = reference("regions"), reference("ministries")
    rows, problems, seen = [], [], set()
    for line, raw in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        out = {c: row.get(c, "") for c in COLUMNS}
        out["code"] = out["code"].upper()
        where = Message("establishments.line", line=line)
        if not CODE.fullmatch(out["code"]):
            problems.append(Message("establishments.bad_code", where=where, code=out["code"][:40]))
        elif out["code"] in seen:
            problems.append(Message("establishments.twice", where=where, code=out["code"]))
        seen.add(out["code"])
        for column, limit in LIMITS.items():
            if len(out[column]) > limit or CONTROL.search(out[column]):
                problems.append(Message("establishments.too_long", where=where, column=column))
        for column in ("label_fr", "city"):
            if not out[column]:
                problems.append(Message("establishments.required", where=where, column=column))
        region = regions.match(out["region"]) if out["region"] else None
        if region is None:
            problems.append(Message("establishments.region", where=where, region=out["region"][:40],
                                    codes=list(regions.codes)))
        else:
            out["region"] = region
        if ministries.get(out["supervising_ministry"].upper()) is None:
            problems.append(Message("establishments.ministry", where=where,
                                    ministry=out["supervising_ministry"][:40], codes=list(ministries.codes)))
        else:
            out["supervising_ministry"] = out["supervising_ministry"].upper()
        rows.append(out)
    if problems:
        raise EstablishmentsRefused(Message("establishments.problems", what=what, n=len(problems)), problems)
    if not rows:
        raise EstablishmentsRefused(Message("establishments.none", what=what), [])
    return rows


def import_establishments(workspace: Any, path: Path) -> tuple[list[str], list[str], int]:
    """Add or correct establishments from a CSV file. Returns (added, corrected, unchanged count)."""
    from forms.inputs import open_input

    try:
        with open_input(path) as handle:  # at most one byte more than allowed: never a huge file whole
            data = handle.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise SyncError(Message("establishments.unreadable", file=path, reason=os_reason(exc))) from exc
    rows = parse_csv(data, str(path))
    store = national_store(workspace)
    added, corrected, same = [], [], 0
    with store.write() as conn:
        current = all_establishments(workspace, conn)
        stored = stored_rows(conn)
        for row in rows:
            before = current.get(row["code"])
            if before == row:
                same += 1
                continue
            values = {**row, "updated_at": now_utc()}
            if row["code"] in stored:
                conn.execute(establishment_list.update().where(establishment_list.c.code == row["code"]).values(**values))
            else:
                conn.execute(establishment_list.insert().values(**values))
            (corrected if before is not None else added).append(row["code"])
            audit(conn, store, row["code"], "listed", detail="corrigé" if before is not None else "ajouté")
    return added, corrected, same


def write_reference_update(workspace: Any, identity: Identity, out: Path) -> tuple[int, int]:
    """The signed update of the establishments list (the whole list, a serial one higher than the last).
    Returns (serial, establishments)."""
    from forms.atomic import write_atomic

    store = national_store(workspace)
    with store.write() as conn:
        serial = int(get_meta(conn, "reference_serial") or 0) + 1
        rows = sorted(all_establishments(workspace, conn).values(), key=lambda r: r["code"])
        data = make_update(identity, serial, rows)
        set_meta(conn, "reference_serial", str(serial))
    try:
        write_atomic(out, data)
    except BaseException:
        # a refused write (a read-only or full medium) changes nothing: the number is given back — unless the
        # file is there after all (the folder's fsync failed, or an interruption, after the rename): a number
        # some file carries is never given again
        try:
            written = out.is_file() and out.stat().st_size == len(data) and out.read_bytes() == data
        except OSError:
            written = False
        if not written:
            with store.write() as conn:
                if get_meta(conn, "reference_serial") == str(serial):
                    if serial > 1:
                        set_meta(conn, "reference_serial", str(serial - 1))
                    else:
                        conn.execute(meta.delete().where(meta.c.key == "reference_serial"))
        raise
    return serial, len(rows)
