"""Records of the three forms in the local store: save, delete (tombstone), read, history, changes.

Every write is one transaction that takes the write lock first (``BEGIN IMMEDIATE``), allocates change
sequence numbers, bumps versions and writes the audit log. Validation uses the form declaration plus the
checks only the store can make: linked records exist, natural keys are unique among live records.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Table, and_, false, func, select
from sqlalchemy.sql import sqltypes

from forms.definitions import FORMS
from forms.i18n import Text, lowered
from forms.messages import Message
from forms.schema import Form, Issue, Severity
from forms.store.database import StoreError, writer
from forms.store.search import search_table
from forms.store.tables import audit, meta, record_table
from forms.validation import errors, parse_and_validate, parse_and_validate_batch, warnings

DRAFT = "draft"
COMPLETE = "complete"
STATUSES = (DRAFT, COMPLETE)
SYSTEM_MEMBERS = frozenset({"id", "status", "version", "updated_at", "created_at", "created_by", "updated_by",
                            "establishment", "deleted", "change_seq", "error_count", "warning_count",
                            "refused_by"})
"""Members of a listed record that are not fields (``refused_by``: what ministries refused, ``sync.refusals``);
``records add`` accepts them back and ignores them."""
BLOCKING_CODES = frozenset({"type", "choice", "mangled", "unknown_field", "link", "unique"})
"""Problems that refuse even a draft: the value could not be kept, or the database would be inconsistent."""


class ValidationFailed(StoreError):
    """The record was refused; ``issues`` lists every problem (errors first)."""

    def __init__(self, form: Form, issues: list[Issue]) -> None:
        self.form = form
        self.issues = issues
        super().__init__("\n".join(i.render() for i in issues))


class RecordNotFound(StoreError):
    pass


class VersionConflict(StoreError):
    pass


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def json_value(value: Any) -> Any:
    """A typed field value as it appears in JSON (CLI, audit, bundles)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass
class Record:
    form: str
    id: str
    status: str
    version: int
    deleted: bool
    establishment: str
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    change_seq: int
    error_count: int
    warning_count: int
    values: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "version": self.version,
            "updated_at": self.updated_at,
        }
        if self.deleted:
            out["deleted"] = True
        for key, value in self.values.items():
            out[key] = json_value(value)
        return out

    @classmethod
    def from_row(cls, form: Form, row: Mapping[str, Any]) -> Record:
        return cls(
            form=form.key,
            id=row["id"],
            status=row["status"],
            version=row["version"],
            deleted=bool(row["deleted"]),
            establishment=row["establishment"],
            created_at=row["created_at"],
            created_by=row["created_by"],
            updated_at=row["updated_at"],
            updated_by=row["updated_by"],
            change_seq=row["change_seq"],
            error_count=row["error_count"],
            warning_count=row["warning_count"],
            values={key: row[key] for key in form.field_keys},
        )


@dataclass
class AuditEntry:
    at: str
    operator: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any
    change_seq: int


@dataclass
class Checked:
    """Typed values and every finding for one record, before it is written."""

    form: Form
    values: dict[str, Any]
    issues: list[Issue]
    record_id: str | None = None

    @property
    def errors(self) -> list[Issue]:
        return errors(self.issues)

    @property
    def warnings(self) -> list[Issue]:
        return warnings(self.issues)

    @property
    def blocking(self) -> list[Issue]:
        return [i for i in self.issues if i.code in BLOCKING_CODES]

    def refusal(self, status: str) -> list[Issue]:
        """The problems that refuse saving with ``status`` (empty when it may be saved)."""
        return self.errors if status == COMPLETE else self.blocking


def _issue(fields: tuple[str, ...], fr: str, ar: str, en: str, severity: Severity = Severity.ERROR,
           code: str = "", **kw: Any) -> Issue:
    return Issue(fields, Text(fr, ar, en).format(**kw), severity, code)


def _encode(value: Any) -> str | None:
    return None if value is None else orjson.dumps(json_value(value)).decode()


class RecordStore:
    """Operations on the records of one establishment's database."""

    def __init__(self, engine: Engine, establishment: str, operator: str = "") -> None:
        self.engine = engine
        self.writer = writer(engine)
        self.establishment = establishment
        self.operator = operator or "inconnu"

    # ------------------------------------------------------------------------------------------ reads

    def get(self, form_key: str, record_id: str, *, conn: Connection | None = None) -> Record | None:
        form, table = FORMS[form_key], record_table(form_key)
        stmt = select(table).where(table.c.id == record_id)
        if conn is None:
            with self.engine.connect() as own:
                row = own.execute(stmt).mappings().first()
        else:
            row = conn.execute(stmt).mappings().first()
        return Record.from_row(form, row) if row else None

    def list(self, form_key: str, *, status: str | None = None, include_deleted: bool = False,
             limit: int | None = None, offset: int = 0) -> list[Record]:
        form, table = FORMS[form_key], record_table(form_key)
        stmt = select(table).order_by(table.c.updated_at.desc(), table.c.id)
        if not include_deleted:
            stmt = stmt.where(table.c.deleted.is_(False))
        if status:
            stmt = stmt.where(table.c.status == status)
        if limit is not None:
            stmt = stmt.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [Record.from_row(form, row) for row in conn.execute(stmt).mappings()]

    def count(self, form_key: str, *, status: str | None = None) -> int:
        table = record_table(form_key)
        stmt = select(func.count()).select_from(table).where(table.c.deleted.is_(False))
        if status:
            stmt = stmt.where(table.c.status == status)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def counts(self) -> dict[str, dict[str, int]]:
        """Live records per form and status: ``{"offering": {"draft": 1, "complete": 4}, …}``."""
        out: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for key in FORMS:
                table = record_table(key)
                rows = conn.execute(
                    select(table.c.status, func.count()).where(table.c.deleted.is_(False)).group_by(table.c.status)
                ).all()
                out[key] = {DRAFT: 0, COMPLETE: 0} | {status: n for status, n in rows}
        return out

    def history(self, form_key: str, record_id: str) -> list[AuditEntry]:
        stmt = (
            select(audit)
            .where(and_(audit.c.form == form_key, audit.c.record_id == record_id))
            .order_by(audit.c.id)
        )
        with self.engine.connect() as conn:
            return [
                AuditEntry(r["at"], r["operator"], r["action"], r["field"],
                           None if r["old_value"] is None else orjson.loads(r["old_value"]),
                           None if r["new_value"] is None else orjson.loads(r["new_value"]), r["change_seq"])
                for r in conn.execute(stmt).mappings()
            ]

    def last_change_seq(self, conn: Connection | None = None) -> int:
        stmt = select(meta.c.value).where(meta.c.key == "change_seq")
        if conn is None:
            with self.engine.connect() as own:
                value = own.execute(stmt).scalar()
        else:
            value = conn.execute(stmt).scalar()
        return int(value or 0)

    def changes_since(self, form_key: str, after_seq: int, up_to_seq: int | None = None,
                      *, conn: Connection | None = None) -> Iterator[Record]:
        """Complete records and tombstones changed after ``after_seq`` (drafts are never exported)."""
        form, table = FORMS[form_key], record_table(form_key)
        stmt = (
            select(table)
            .where(table.c.change_seq > after_seq)
            .where((table.c.status == COMPLETE) | table.c.deleted.is_(True))
            .order_by(table.c.change_seq)
        )
        if up_to_seq is not None:
            stmt = stmt.where(table.c.change_seq <= up_to_seq)
        if conn is None:
            with self.engine.connect() as own:
                for row in own.execute(stmt).mappings():
                    yield Record.from_row(form, row)
        else:
            for row in conn.execute(stmt).mappings():
                yield Record.from_row(form, row)

    def natural_key_index(self, form_key: str, conn: Connection | None = None) -> dict[tuple[Any, ...], str]:
        """Natural key of every live record → its id (what re-imports use to update instead of duplicate)."""
        form, table = FORMS[form_key], record_table(form_key)
        cols = [table.c[k] for k in form.natural_key]
        stmt = select(table.c.id, *cols).where(table.c.deleted.is_(False))
        if conn is None:
            with self.engine.connect() as own:
                rows = own.execute(stmt).all()
        else:
            rows = conn.execute(stmt).all()
        return {tuple(row[1:]): row[0] for row in rows}

    # ------------------------------------------------------------------------------------- validation

    def check(self, form_key: str, raw: Mapping[str, Any], *, record_id: str | None = None,
              conn: Connection | None = None, context: LinkContext | None = None) -> Checked:
        """Parse, validate, and check links and uniqueness against the database."""
        form = FORMS[form_key]
        fields = {k: v for k, v in raw.items() if k not in SYSTEM_MEMBERS} if raw.keys() & SYSTEM_MEMBERS else raw
        values, issues = parse_and_validate(form, fields)
        if conn is None:
            with self.engine.connect() as own:
                issues.extend(self._context_issues(form, values, record_id, own, context))
        else:
            issues.extend(self._context_issues(form, values, record_id, conn, context))
        issues.sort(key=lambda i: i.severity is not Severity.ERROR)
        return Checked(form, values, issues, record_id)

    def check_many(self, form_key: str, raws: Sequence[Mapping[str, Any]], *,
                   record_ids: Sequence[str | None] | None = None, conn: Connection | None = None,
                   context: LinkContext | None = None) -> list[Checked]:
        """``check`` for many records of one form (imports, consolidation): the form's validation runs over
        the whole batch (``validate_batch``), then links and natural keys row by row. Same results as
        ``check`` row by row."""
        if conn is None:
            with self.engine.connect() as own:
                return self.check_many(form_key, raws, record_ids=record_ids, conn=own, context=context)
        form = FORMS[form_key]
        ids = list(record_ids) if record_ids is not None else [None] * len(raws)
        fields = [{k: v for k, v in raw.items() if k not in SYSTEM_MEMBERS} if raw.keys() & SYSTEM_MEMBERS else raw
                  for raw in raws]
        ctx = context or LinkContext(self, conn)
        parsed = parse_and_validate_batch(form, fields)
        found = self._context_issues_many(form, [values for values, _issues in parsed], ids, ctx)
        out = []
        for (values, issues), record_id, more in zip(parsed, ids, found, strict=True):
            if more:
                issues.extend(more)
            if issues:
                issues.sort(key=lambda i: i.severity is not Severity.ERROR)
            out.append(Checked(form, values, issues, record_id))
        return out

    def _context_issues_many(self, form: Form, values_list: list[dict[str, Any]],
                             record_ids: Sequence[str | None], ctx: LinkContext) -> list[list[Issue] | None]:
        """``_context_issues`` for a batch: the same findings in the same order for each record (``None`` for a
        record without any), a check at a time over the batch; each linked record is looked up once."""
        found: list[list[Issue] | None] = [None] * len(values_list)

        def add(i: int, issue: Issue) -> None:
            issues = found[i]
            if issues is None:
                found[i] = [issue]
            else:
                issues.append(issue)

        links = form.links
        targets: list[list[dict[str, Any] | None]] = []
        for f in links:
            key, linked_form = f.key, f.link or ""
            column = [values.get(key) for values in values_list]
            looked: dict[Any, dict[str, Any] | None] = {None: None}
            for target_id in set(column):
                if target_id not in looked:
                    looked[target_id] = ctx.live(linked_form, target_id)
            column_targets = [looked[t] for t in column]
            for i, (target_id, target) in enumerate(zip(column, column_targets, strict=True)):
                if target is None and target_id is not None:
                    add(i, _issue((key,), "aucun(e) {what} vivant(e) n'a l'identifiant {id}",
                                  "لا يوجد {what} بالمعرف {id}", "no live {what_en} has the id {id}", code="link",
                                  what=lowered(FORMS[linked_form].label.fr),
                                  what_en=lowered(FORMS[linked_form].label.en), id=target_id))
            targets.append(column_targets)
        for f, column_targets in zip(links, targets, strict=True):
            for condition in f.link_conditions:
                shown = (f.key, condition.same_as) if condition.same_as else (f.key,)
                met = condition.met
                for i, (values, target) in enumerate(zip(values_list, column_targets, strict=True)):
                    if target is not None and not met(values, target):
                        add(i, Issue(shown, condition.message, condition.severity, condition.code))
        if form.link_rules:
            for i, values in enumerate(values_list):
                linked = {f.key: target for f, column in zip(links, targets, strict=True)
                          if (target := column[i]) is not None}
                for rule in form.link_rules:
                    if all(k in linked for k in rule.links):
                        for issue in rule.check(values, linked):
                            add(i, issue)
        natural_key = form.natural_key
        if natural_key:
            owner = ctx.natural_key_owner
            form_key = form.key
            for i, (values, record_id) in enumerate(zip(values_list, record_ids, strict=True)):
                key = tuple([values.get(k) for k in natural_key])
                if None in key:
                    continue
                other = owner(form_key, key)
                if other is not None and other != record_id:
                    shown = ", ".join(form.field(k).label.fr for k in natural_key)
                    add(i, Issue(natural_key, Text(
                        f"un(e) autre {lowered(form.label.fr)} a déjà les mêmes valeurs pour : {shown}",
                        f"يوجد {form.label.ar} آخر بنفس القيم: " + ", ".join(form.field(k).label.ar for k in natural_key),
                        f"another {lowered(form.label.en)} already has the same "
                        + ", ".join(form.field(k).label.en for k in natural_key)), Severity.ERROR, "unique"))
        return found

    def _context_issues(self, form: Form, values: dict[str, Any], record_id: str | None, conn: Connection,
                        context: LinkContext | None) -> list[Issue]:
        """Links to live records, the declared conditions on them, and the natural key's uniqueness."""
        ctx = context or LinkContext(self, conn, single=True)
        return self._context_issues_many(form, [values], [record_id], ctx)[0] or []

    # ----------------------------------------------------------------------------------------- writes

    def _allocate(self, conn: Connection, n: int = 1) -> int:
        """Reserve ``n`` change sequence numbers; returns the first. Call inside a write transaction."""
        current = self.last_change_seq(conn)
        set_meta(conn, "change_seq", str(current + n))
        return current + 1

    def save(self, form_key: str, raw: Mapping[str, Any], *, status: str = COMPLETE,
             record_id: str | None = None, expected_version: int | None = None,
             operator: str | None = None) -> tuple[Record, list[Issue]]:
        """Validate and write one record in one transaction. Raises ``ValidationFailed`` with every problem.

        Returns the saved record and the remaining findings (warnings; errors too for a draft).
        """
        if status not in STATUSES:
            raise ValueError(status)
        form, table = FORMS[form_key], record_table(form_key)
        who = operator or self.operator
        with self.writer.begin() as conn:
            existing = self.get(form_key, record_id, conn=conn) if record_id else None
            if record_id and (existing is None or existing.deleted):
                raise RecordNotFound(Message("record.unknown_id", id=record_id, form=Text(
                    lowered(form.label.fr), form.label.ar, lowered(form.label.en))))
            if existing and expected_version is not None and existing.version != expected_version:
                raise VersionConflict(Message("record.version_conflict", form=form.label, id=record_id,
                                              version=existing.version, yours=expected_version))
            checked = self.check(form_key, raw, record_id=record_id, conn=conn)
            refusal = checked.refusal(status)
            if refusal:
                raise ValidationFailed(form, refusal)
            seq = self._allocate(conn)
            stamp = now_utc()
            system = {
                "status": status,
                "updated_at": stamp,
                "updated_by": who,
                "change_seq": seq,
                "error_count": len(checked.errors),
                "warning_count": len(checked.warnings),
            }
            if existing is None:
                rid = record_id or str(uuid.uuid4())
                row = {"id": rid, "establishment": self.establishment, "version": 1, "deleted": False,
                       "created_at": stamp, "created_by": who, **system, **checked.values}
                conn.execute(table.insert().values(**row))
                self._audit(conn, form_key, rid, "create", None, None, _values_blob(checked.values), seq, stamp, who)
            else:
                rid = existing.id
                conn.execute(table.update().where(table.c.id == rid)
                             .values(version=existing.version + 1, **system, **checked.values))
                changes = [(k, existing.values.get(k), v) for k, v in checked.values.items()
                           if existing.values.get(k) != v]
                if existing.status != status:
                    changes.append(("status", existing.status, status))
                for key, old, new in changes:
                    self._audit(conn, form_key, rid, "update", key, _encode(old), _encode(new), seq, stamp, who)
            saved = self.get(form_key, rid, conn=conn)
        assert saved is not None
        remaining = checked.warnings if status == COMPLETE else checked.issues
        return saved, remaining

    def delete(self, form_key: str, record_ids: Iterable[str], *, operator: str | None = None) -> int:
        """Tombstone records (so the deletion reaches the ministry). A record still used by live records
        is refused. All or nothing."""
        form, table = FORMS[form_key], record_table(form_key)
        who = operator or self.operator
        ids = list(dict.fromkeys(record_ids))
        with self.writer.begin() as conn:
            for rid in ids:
                existing = self.get(form_key, rid, conn=conn)
                if existing is None or existing.deleted:
                    raise RecordNotFound(Message("record.not_found", id=rid, form=Text(
                        lowered(form.label.fr), form.label.ar, lowered(form.label.en))))
                for other_key, other_form in FORMS.items():
                    for f in other_form.links:
                        if f.link != form_key:
                            continue
                        other = record_table(other_key)
                        n = conn.execute(select(func.count()).select_from(other).where(
                            (other.c[f.key] == rid) & other.c.deleted.is_(False))).scalar_one()
                        if n:
                            raise StoreError(Message(
                                "record.still_used", form=form.label, title=form.title(existing.values).strip(" —"),
                                n=n, others=Text(lowered(other_form.plural.fr), other_form.plural.ar,
                                                 lowered(other_form.plural.en))))
            seq = self._allocate(conn, len(ids))
            stamp = now_utc()
            for offset, rid in enumerate(ids):
                conn.execute(table.update().where(table.c.id == rid).values(
                    deleted=True, version=table.c.version + 1, updated_at=stamp, updated_by=who,
                    change_seq=seq + offset))
                self._audit(conn, form_key, rid, "delete", None, None, None, seq + offset, stamp, who)
        return len(ids)

    def write_checked(self, rows: Sequence[tuple[Checked, str]], *, operator: str | None = None,
                      conn: Connection | None = None, action: str = "import") -> list[str]:
        """Write many already-checked records of one form (new ones and updates by ``record_id``).

        Used by imports: one transaction (the caller's, when ``conn`` is given), executemany inserts,
        one audit entry per created record and one per changed field of updated ones. Returns the ids.
        """
        if not rows:
            return []
        if conn is None:
            with self.writer.begin() as own:
                return self.write_checked(rows, operator=operator, conn=own, action=action)
        form = rows[0][0].form
        table = record_table(form.key)
        who = operator or self.operator
        stamp = now_utc()
        first = self._allocate(conn, len(rows))
        keys = form.field_keys
        fetch = itemgetter(*keys)
        inserts: list[tuple[Any, ...]] = []
        audits: list[tuple[Any, ...]] = []
        ids: list[str] = []
        updates = [(i, c) for i, (c, _s) in enumerate(rows) if c.record_id]
        existing = self._load_many(conn, form, table, [c.record_id for _i, c in updates if c.record_id])
        establishment, form_key = self.establishment, form.key
        fresh = iter(new_ids(sum(1 for c, _s in rows if not c.record_id)))
        for index, (checked, status) in enumerate(rows):
            if checked.form is not form:
                raise ValueError("write_checked: un seul formulaire par lot")
            values = checked.values
            if checked.issues:
                refusal = checked.refusal(status)
                if refusal:
                    raise ValidationFailed(form, refusal)
                error_count, warning_count = len(checked.errors), len(checked.warnings)
            else:
                error_count = warning_count = 0
            seq = first + index
            if checked.record_id and checked.record_id in existing:
                system = {"status": status, "updated_at": stamp, "updated_by": who, "change_seq": seq,
                          "error_count": error_count, "warning_count": warning_count}
                old = existing[checked.record_id]
                conn.execute(table.update().where(table.c.id == checked.record_id)
                             .values(version=old["version"] + 1, **system, **values))
                ids.append(checked.record_id)
                for key, new in values.items():
                    if old[key] != new:
                        audits.append((stamp, who, form_key, checked.record_id, "update", key, _encode(old[key]),
                                       _encode(new), seq))
            else:
                rid = checked.record_id or next(fresh)
                ids.append(rid)
                try:
                    field_values = fetch(values)
                except KeyError:
                    field_values = tuple(values.get(k) for k in keys)
                inserts.append((rid, establishment, 1, False, stamp, who, status, stamp, who, seq, error_count,
                                warning_count, *field_values))
                audits.append((stamp, who, form_key, rid, action, None, None, _values_blob(values), seq))
        if inserts:
            _insert_rows(conn, table, (*NEW_RECORD_COLUMNS, *keys), inserts)
        if audits:
            _insert_rows(conn, audit, AUDIT_COLUMNS, audits)
        return ids

    def _load_many(self, conn: Connection, form: Form, table: Table, ids: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                out[row["id"]] = row
        return out

    def _audit(self, conn: Connection, form_key: str, record_id: str, action: str, field_key: str | None,
               old: str | None, new: str | None, seq: int, stamp: str, who: str) -> None:
        conn.execute(audit.insert().values(**_audit_row(form_key, record_id, action, field_key, old, new, seq,
                                                        stamp, who)))


AUDIT_RECORD_INDEX = "ix_audit_record"
BULK_LOAD_MIN_ROWS = 20_000
"""From this many new records on (and at least as many as the table already holds), an import rebuilds the
list indexes once instead of updating them row by row."""
SEARCH_BULK_MIN_ROWS = 1_000
"""From this many incoming records on, an import fills the search index once for its new rows instead of
through the insert trigger row by row (100 000 raw inserts: 28 s with the trigger, 9 s with one bulk fill)."""


@contextmanager
def bulk_load(conn: Connection, form_key: str, incoming: int) -> Iterator[bool]:
    """Around the writes of a large import, inside its transaction:

    * the form's search index (migration 0005, FTS5 with external content) is filled once for the new rows
      (``INSERT … SELECT`` of the rows whose rowid is above the largest held before) instead of by its
      insert trigger row by row: the trigger is dropped, then created again from its own stored
      definition; the update and delete triggers stay (an import updates stored rows only);
    * the internship list indexes (migration 0003: they only sort the window's lists, no constraint rests on
      them) are dropped, then created again from their own stored definition, when ``incoming`` new records
      are many and at least as many as the table already holds; so is the journal's index of records
      (``ix_audit_record``, no constraint either) when the journal holds no more rows than come in.

    SQLite's DDL is part of the transaction: a crash or a rollback leaves the triggers and indexes as they
    were (the caller must roll back when this raises or is left by an exception). Yields whether it dropped
    the list indexes. Elsewhere than SQLite, does nothing."""
    if conn.dialect.name != "sqlite" or incoming < SEARCH_BULK_MIN_ROWS:
        yield False
        return
    table = record_table(form_key).name
    with _search_filled_once(conn, table):
        if incoming < BULK_LOAD_MIN_ROWS:
            yield False
            return
        held = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name GLOB ? "
            "AND sql IS NOT NULL ORDER BY name", (table, f"ix_{table}_list_*")).all()
        if incoming < held or not indexes:
            yield False
            return
        # the journal's index of records (form, id): random ids send each insert to another place of its B-tree
        # (0.35–0.5 s of CPU over 100 000 rows under the import's settings, measured); rebuilt once, it costs a
        # sort. Only while the journal is no larger than what comes in (its rowid bounds its rows).
        journal = conn.exec_driver_sql(f'SELECT coalesce(max(id), 0) FROM "{audit.name}"').scalar_one()
        if incoming >= journal:
            indexes = [*indexes, *conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ? "
                "AND sql IS NOT NULL", (audit.name, AUDIT_RECORD_INDEX)).all()]
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        try:
            yield True
        finally:
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)


@contextmanager
def _search_filled_once(conn: Connection, table: str) -> Iterator[None]:
    """The search index's insert trigger set aside while the rows are written, then the index filled once
    with the new rows (those whose rowid is above the largest held before: SQLite gives a new row the
    largest rowid plus one, unless the largest is the very last possible one, where nothing is set aside)."""
    index = search_table(table)
    trigger = f"{index}_insert"
    found = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
                                 (trigger, table)).first()
    columns = [row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{index}")')] if found else []
    last = conn.exec_driver_sql(f'SELECT max(rowid) FROM "{table}"').scalar() or 0
    if found is None or not columns or last >= 2**62:
        yield
        return
    conn.exec_driver_sql(f'DROP TRIGGER "{trigger}"')
    try:
        yield
    finally:
        listed = ", ".join(f'"{c}"' for c in columns)
        conn.exec_driver_sql(f'INSERT INTO "{index}"(rowid, {listed}) SELECT rowid, {listed} FROM "{table}" '
                             f"WHERE rowid > ? ORDER BY rowid", (last,))
        conn.exec_driver_sql(found[0])


NEW_RECORD_COLUMNS = ("id", "establishment", "version", "deleted", "created_at", "created_by", "status",
                      "updated_at", "updated_by", "change_seq", "error_count", "warning_count")
"""The system columns of a new record, in the order ``write_checked`` gives them (then the form's fields)."""
AUDIT_COLUMNS = ("at", "operator", "form", "record_id", "action", "field", "old_value", "new_value", "change_seq")

_binds: dict[tuple[str, str, tuple[str, ...]], tuple[tuple[int, Callable[[Any], Any]], ...]] = {}


def _bind_processors(conn: Connection, table: Table, columns: tuple[str, ...]
                     ) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(position, conversion) of the columns whose type converts values on the way in (dates, decimals,
    code lists, booleans): the same conversion Core applies, found once per table."""
    cache_key = (conn.dialect.name, table.name, columns)
    found = _binds.get(cache_key)
    if found is None:
        dialect = conn.dialect
        pairs = []
        for i, c in enumerate(columns):
            impl = table.c[c].type.dialect_impl(dialect)
            process = impl.bind_processor(dialect)
            if (process is not None and dialect.name == "sqlite" and isinstance(impl, sqltypes.Date)
                    and getattr(impl, "_storage_format", None) == SQLITE_DATE_FORMAT):
                process = _iso_date(process)
            pairs.append((i, process))
        found = _binds[cache_key] = tuple((i, p) for i, p in pairs if p is not None)
    return found


SQLITE_DATE_FORMAT = "%(year)04d-%(month)02d-%(day)02d"
"""How SQLAlchemy stores a date in SQLite by default: what ``date.isoformat`` writes, for years 1 to 9999."""


def _iso_date(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLAlchemy's conversion of a date for SQLite, with the plain date done by ``date.isoformat`` (the same
    text, a third of the time); anything else (``None``, a datetime, a wrong type) goes to SQLAlchemy's."""
    isoformat = date.isoformat

    def convert(value: Any) -> Any:
        return isoformat(value) if type(value) is date else process(value)
    return convert


def _insert_rows(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Bulk insert of value tuples in the order of ``columns``. On SQLite, only the columns whose type
    converts values are touched, and the tuples go straight to the driver's ``executemany`` (Core's per-row
    statement handling cost more than SQLite's own work); elsewhere, Core."""
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    converters = _bind_processors(conn, table, columns)
    params: list[Any] = rows
    if converters:
        params = []
        for row in rows:
            cells = list(row)
            for i, convert in converters:
                cells[i] = convert(cells[i])
            params.append(tuple(cells))
    quoted = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', params)


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def new_ids(n: int) -> list[str]:
    """``n`` random record ids: UUIDs of version 4 written as ``str(uuid.uuid4())`` writes them, from one
    read of the system's random source (a quarter of the time of ``uuid4`` one by one)."""
    raw = os.urandom(16 * n)
    out = []
    for k in range(0, 16 * n, 16):
        h = (int.from_bytes(raw[k:k + 16]) & _UUID_CLEAR | _UUID_SET).to_bytes(16).hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _audit_row(form_key: str, record_id: str, action: str, field_key: str | None, old: str | None,
               new: str | None, seq: int, stamp: str, who: str) -> dict[str, Any]:
    return {"at": stamp, "operator": who, "form": form_key, "record_id": record_id, "action": action,
            "field": field_key, "old_value": old, "new_value": new, "change_seq": seq}


def _values_blob(values: Mapping[str, Any]) -> str:
    # orjson writes dates as ISO strings and tuples as arrays itself; Decimal goes through float.
    return orjson.dumps({k: v for k, v in values.items() if v is not None}, default=float).decode()


class LinkContext:
    """Cached look-ups of linked records and natural keys during one check or one import."""

    def __init__(self, store: RecordStore, conn: Connection, *, single: bool = False) -> None:
        self.store = store
        self.conn = conn
        self.single = single
        """One record is checked (the editor, ``save``): look its natural key up with one indexed query
        instead of loading the key of every record (2–4 s on 1 000 000 internships)."""
        self._live: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._keys: dict[str, dict[tuple[Any, ...], str]] = {}

    def live(self, form_key: str, record_id: str) -> dict[str, Any] | None:
        cache_key = (form_key, record_id)
        if cache_key not in self._live:
            record = self.store.get(form_key, record_id, conn=self.conn)
            ok = record is not None and not record.deleted and record.establishment == self.store.establishment
            self._live[cache_key] = dict(record.values) if ok and record else None
        return self._live[cache_key]

    def natural_key_owner(self, form_key: str, key: tuple[Any, ...]) -> str | None:
        if self.single and form_key not in self._keys:
            form, table = FORMS[form_key], record_table(form_key)
            stmt = select(table.c.id).where(
                table.c.establishment == self.store.establishment, table.c.deleted == false(),
                *(table.c[k] == v for k, v in zip(form.natural_key, key, strict=True))).limit(1)
            return self.conn.execute(stmt).scalar()
        if form_key not in self._keys:
            self._keys[form_key] = self.store.natural_key_index(form_key, self.conn)
        return self._keys[form_key].get(key)

    def claim(self, form_key: str, key: tuple[Any, ...], record_id: str) -> None:
        """Record that a row of the batch being imported now owns ``key``."""
        self._keys.setdefault(form_key, self.store.natural_key_index(form_key, self.conn))[key] = record_id


def set_meta(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(meta.update().where(meta.c.key == key).values(value=value))
    if updated.rowcount == 0:
        conn.execute(meta.insert().values(key=key, value=value))
