"""What a bundle's decrypted document may hold, checked strictly (``docs/bundle-format.md`` §§ 6–7).

Every member has a stated type and range; forms and columns are the declared ones (an unknown one means the
bundle was made by a newer Kafaat); ids are canonical UUIDs, each at most once per form; values have the
JSON type of their field. Rows are checked a column at a time (``zip(*rows)``) so that the checks run at C
speed: 100 000 records cost tens of milliseconds, not seconds.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from typing import Any

from forms.definitions import FORMS
from forms.messages import Message
from forms.schema import PSEUDONYM_PATTERN, FieldType, Form, Sharing
from sync.errors import ManifestMismatch, UnsupportedVersion

LIVE_SYSTEM = ("id", "establishment", "version", "created_at", "updated_at", "change_seq")
TOMBSTONE_COLUMNS = LIVE_SYSTEM
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX64 = re.compile(r"[0-9a-f]{64}")
CODE = re.compile(r"[A-Z0-9_-]{1,20}")
TIMESTAMP = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ")
RECORD_TIMESTAMP = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
                              r"(\.\d{1,6})?Z")
DATE_RE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
PSEUDONYM_RE = re.compile(PSEUDONYM_PATTERN)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_TEXT = 4000
MAX_CHOICES = 100
INT_MAX = (1 << 63) - 1

_STR, _NONE = (str,), (type(None),)


def clean_text(value: Any, limit: int = 200) -> str:
    """Text from outside made safe to print or log: control and bidirectional-override characters (ANSI and
    OSC escapes, U+202E…) replaced by « � », cut to ``limit`` characters."""
    text = str(value)
    return CONTROL.sub("\ufffd", text[:limit]) + ("…" if len(text) > limit else "")


def has_control(value: str) -> bool:
    return CONTROL.search(value) is not None


def bad(detail: Message) -> ManifestMismatch:
    """« contenu : … », the detail in the reader's language."""
    return ManifestMismatch(Message("bundle.in_content", detail=detail))


# ------------------------------------------------------------------------------------------- manifest
def _exact(obj: Any, members: set[str], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise bad(Message("bmember.object", member=where))
    if set(obj) != members:
        extra, missing = sorted(set(obj) - members), sorted(members - set(obj))
        raise bad(Message("bmember.members", member=where, extra=clean_text(extra), missing=str(missing)))
    return obj


def _is_int(value: Any, low: int = 0, high: int = INT_MAX) -> bool:
    return type(value) is int and low <= value <= high


def _text(value: Any, where: str, limit: int = 200, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= limit or has_control(value):
        raise bad(Message("bmember.text", member=where))
    if pattern is not None and not pattern.fullmatch(value):
        raise bad(Message("bmember.malformed_colon", member=where))
    return value


MANIFEST_MEMBERS = {"type", "format_version", "bundle_id", "establishment", "signer_key_id", "sequence",
                    "previous_hash", "created_at", "recipients", "establishment_name", "period", "changes", "full",
                    "drafts_left_out", "tables", "withheld", "pseudonym_key", "schema_version",
                    "application_version"}


def check_manifest(manifest: Any, header: dict[str, Any]) -> dict[str, list[str]]:
    """The version-2 manifest against the signed header; returns each form's columns (forms in order)."""
    _exact(manifest, MANIFEST_MEMBERS, "manifest")
    if manifest["type"] != "kafaat-bundle-manifest":
        raise bad(Message("bdoc.no_manifest"))
    for key in ("format_version", "bundle_id", "establishment", "signer_key_id", "sequence", "previous_hash",
                "created_at"):
        if manifest[key] != header[key] or type(manifest[key]) is not type(header[key]):
            raise ManifestMismatch(Message("bundle.manifest_contradicts", member=key))
    named = [{"ministry": r["ministry"], "key_id": r["key_id"]} for r in header["recipients"]]
    if manifest["recipients"] != named:
        raise ManifestMismatch(Message("bundle.manifest_contradicts", member=Message("bundle.recipients_word")))
    _text(manifest["establishment_name"], "establishment_name")
    period = _exact(manifest["period"], {"from", "to"}, "period")
    if period["to"] != header["created_at"] or not (
            period["from"] is None or (isinstance(period["from"], str) and TIMESTAMP.fullmatch(period["from"]))):
        raise bad(Message("bmember.invalid", member="period"))
    changes = _exact(manifest["changes"], {"after", "up_to"}, "changes")
    if not (_is_int(changes["after"]) and _is_int(changes["up_to"]) and changes["after"] <= changes["up_to"]):
        raise bad(Message("bmember.invalid", member="changes"))
    if type(manifest["full"]) is not bool:
        raise bad(Message("bmember.boolean", member="full"))
    for key in ("schema_version", "application_version"):
        _text(manifest[key], key, 40)
    key = manifest["pseudonym_key"]
    if key is not None:
        _exact(key, {"version", "key_id"}, "pseudonym_key")
        if not _is_int(key["version"], 1, 9999) or not (isinstance(key["key_id"], str)
                                                        and HEX64.fullmatch(key["key_id"])):
            raise bad(Message("bmember.invalid", member="pseudonym_key"))
    tables = manifest["tables"]
    if not isinstance(tables, dict) or not tables:
        raise bad(Message("bdoc.tables"))
    order = list(FORMS)
    unknown = [f for f in tables if f not in FORMS]
    if unknown:
        raise UnsupportedVersion(Message("bundle.newer_form", form=clean_text(unknown[0], 40)))
    columns: dict[str, list[str]] = {}
    for form_key in sorted(tables, key=order.index):  # records come in declaration (dependency) order
        table = tables[form_key]
        _exact(table, {"columns", "tombstone_columns"}, f"tables.{form_key}")
        columns[form_key] = check_columns(FORMS[form_key], table["columns"], table["tombstone_columns"])
    for member in ("drafts_left_out", "withheld"):
        value = manifest[member]
        if not isinstance(value, dict) or set(value) != set(tables):
            raise bad(Message("bmember.one_per_form", member=member))
    for form_key in tables:
        if not _is_int(manifest["drafts_left_out"][form_key]):
            raise bad(Message("bmember.integer", member="drafts_left_out"))
        withheld = manifest["withheld"][form_key]
        expected = [f.key for f in FORMS[form_key].withheld_fields]
        if withheld != expected:
            raise bad(Message("bdoc.withheld", form=form_key, expected=str(expected)))
    return columns


def check_columns(form: Form, columns: Any, tombstone_columns: Any) -> list[str]:
    where = Message("bdoc.where_columns", form=form.key)
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns) \
            or tuple(columns[:len(LIVE_SYSTEM)]) != LIVE_SYSTEM or len(set(columns)) != len(columns):
        raise bad(Message("bdoc.columns_invalid", where=where))
    if tombstone_columns != list(TOMBSTONE_COLUMNS):
        raise bad(Message("bdoc.tombstone_columns_invalid", where=where))
    received = form.as_received()
    for column in columns[len(LIVE_SYSTEM):]:
        if not form.has_field(column):
            raise UnsupportedVersion(Message("bundle.newer_field", column=clean_text(column, 40), form=form.key))
        if not received.has_field(column):
            raise bad(Message("bdoc.field_stays", column=column, form=form.key))
    return columns


# ----------------------------------------------------------------------------------------------- rows
Check = Callable[[list[Any], str], None]


def _types(allowed: tuple[type, ...], nullable: bool = True) -> tuple[type, ...]:
    return allowed + _NONE if nullable else allowed


def _column_check(form: Form, column: str, establishment: str, changes: tuple[int, int]) -> Check:
    """A function checking one column (a tuple of values) of a batch; raises ``ManifestMismatch``."""

    def typed(allowed: tuple[type, ...], extra: Callable[[Any], bool] | None = None) -> Check:
        allowed_set = set(allowed)

        def check(values: list[Any], where: str) -> None:
            kinds = set(map(type, values))
            if not kinds <= allowed_set:
                raise bad(Message("bdoc.type", where=where, column=column))
            if extra is not None:
                present = [v for v in values if v is not None] if type(None) in kinds else values
                if present and not extra(present):
                    raise bad(Message("bdoc.value", where=where, column=column))
        return check

    def matching(pattern: re.Pattern[str]) -> Callable[[list[Any]], bool]:
        # each distinct value once: dates, timestamps and links repeat a lot within a batch
        return lambda values: all(map(pattern.fullmatch, set(values)))

    def short(limit: int) -> Callable[[list[Any]], bool]:
        return lambda values: max(map(len, values)) <= limit

    if column == "id":  # unique by nature: no point in a set first
        return typed(_STR, lambda values: all(map(UUID_RE.fullmatch, values)))
    if column == "establishment":
        return typed(_STR, lambda values: set(values) == {establishment})
    if column == "version":
        return typed((int,), lambda values: min(values) >= 1 and max(values) <= INT_MAX)
    if column in ("created_at", "updated_at"):
        return typed(_STR, matching(RECORD_TIMESTAMP))
    if column == "change_seq":
        after, up_to = changes
        return typed((int,), lambda values: min(values) > after and max(values) <= up_to)
    field = form.field(column)
    if field.sharing is Sharing.PSEUDONYMISED:
        return typed(_types(_STR), matching(PSEUDONYM_RE))
    kind = field.type
    if kind in (FieldType.INTEGER,):
        return typed(_types((int,)), lambda values: min(values) >= -INT_MAX and max(values) <= INT_MAX)
    if kind is FieldType.DECIMAL:
        return typed(_types((int, float)), lambda values: all(map(math.isfinite, values)))
    if kind is FieldType.BOOLEAN:
        return typed(_types((bool,)))
    if kind is FieldType.DATE:
        return typed(_types(_STR), matching(DATE_RE))
    if kind is FieldType.LINK:
        return typed(_types(_STR), matching(UUID_RE))
    if kind is FieldType.MULTI_CHOICE:
        return typed(_types((list,)), lambda values: all(
            len(v) <= MAX_CHOICES and all(type(x) is str and 0 < len(x) <= 100 for x in v) for v in values))
    return typed(_types(_STR), short(MAX_TEXT))


class RowChecker:
    """Checks the batches of one bundle: shapes, types, ranges, change order, each id at most once a form."""

    def __init__(self, establishment: str, columns: dict[str, list[str]], changes: tuple[int, int]) -> None:
        self.columns = columns
        self.checks: dict[tuple[str, str], list[Check]] = {}
        for form_key, cols in columns.items():
            form = FORMS[form_key]
            self.checks[(form_key, "rows")] = [_column_check(form, c, establishment, changes) for c in cols]
            self.checks[(form_key, "tombstones")] = [
                _column_check(form, c, establishment, changes) for c in TOMBSTONE_COLUMNS]
        self.ids: dict[str, set[str]] = {form: set() for form in columns}
        self.last_change: dict[tuple[str, str], int] = {}
        self.counts: dict[str, dict[str, int]] = {form: {"records": 0, "tombstones": 0} for form in columns}

    def check(self, form: str, part: str, rows: Any) -> list[list[Any]]:
        checks = self.checks.get((form, part))
        if checks is None:
            raise bad(Message("bdoc.unknown_part", form=clean_text(form, 40), part=clean_text(part, 20)))
        where = Message("bdoc.where_tombstones" if part == "tombstones" else "bdoc.where_rows", form=form)
        if type(rows) is not list or not rows:
            raise bad(Message("bdoc.empty_batch", where=where))
        width = len(checks)
        if set(map(type, rows)) != {list} or set(map(len, rows)) != {width}:
            raise bad(Message("bdoc.shape", where=where))
        columns = list(zip(*rows, strict=True))
        for check, values in zip(checks, columns, strict=True):
            check(list(values), where)
        changes = columns[5]
        previous = self.last_change.get((form, part), 0)
        if changes[0] <= previous or any(a >= b for a, b in itertools.pairwise(changes)):
            raise bad(Message("bdoc.order", where=where))
        self.last_change[(form, part)] = changes[-1]
        seen = self.ids[form]
        before = len(seen)
        seen.update(columns[0])
        if len(seen) != before + len(rows):
            raise bad(Message("bdoc.duplicate_id", where=where))
        self.counts[form]["records" if part == "rows" else "tombstones"] += len(rows)
        return rows

    def total(self) -> int:
        return sum(c["records"] + c["tombstones"] for c in self.counts.values())
