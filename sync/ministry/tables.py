"""The national store's tables, derived from the form declarations (as received: ``received.py``).

One table per form, keyed by (establishment, record id), with the record's version and change sequence
at the establishment, the bundle that last changed it and a tombstone flag, then one column per field
(the same column types as the establishment's store, ``forms.store.tables.column_type``). Beside them:
the registry of establishments' keys, the chain state per establishment, every bundle received, the bytes
of bundles held until the missing ones arrive, the consolidation audit and the establishments list.

Migrations live in ``sync/ministry/migrations`` (their own version table, ``kafaat_national_version``);
``tests/sync/ministry/test_national_store.py`` checks that a migrated database matches this metadata.

No unique index on the natural keys: a bundle carries each record's last state only, and applying them in
change order may cross an intermediate state (two records swapping codes); uniqueness is checked on the
bundle's final state by the re-validation instead. The unique constraints that do guard the store are
(establishment, id) per form, a bundle's hash, and one applied-or-held bundle per (establishment, chain,
sequence).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    and_,
    text,
)

from forms.definitions import FORMS
from forms.schema import Form
from forms.store.tables import NAMING_CONVENTION, column_type
from sync.ministry.received import PSEUDONYM_MAX_LENGTH, pseudonymised, received_form

metadata = MetaData(naming_convention=NAMING_CONVENTION)

APPLIED, HELD, REFUSED, FORK, ROLLBACK, ABANDONED = "applied", "held", "refused", "fork", "rollback", "abandoned"
BUNDLE_STATES = (APPLIED, HELD, REFUSED, FORK, ROLLBACK, ABANDONED)
RECORD_SYSTEM = ("establishment", "id", "version", "change_seq", "created_at", "updated_at", "deleted",
                 "bundle_sequence", "bundle_hash")

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
"""Facts about this store: the ministry's code, when the registry folder was imported…"""


def _record_table(form: Form) -> Table:
    columns: list[Column] = [
        Column("establishment", String(20), primary_key=True),
        Column("id", String(36), primary_key=True),
        Column("version", Integer, nullable=False),
        Column("change_seq", Integer, nullable=False),
        Column("created_at", String(32)),
        Column("updated_at", String(32)),
        Column("deleted", Boolean(create_constraint=False), nullable=False, server_default=text("false")),
        Column("bundle_sequence", Integer, nullable=False),
        Column("bundle_hash", String(64), nullable=False),
    ]
    for field in form.fields:
        kind = String(PSEUDONYM_MAX_LENGTH) if pseudonymised(form.key, field.key) else column_type(field)
        columns.append(Column(field.key, kind, nullable=True))
    return Table(form.key, metadata, *columns)


record_tables: dict[str, Table] = {key: _record_table(received_form(key)) for key in FORMS}

Index("ix_internship_dashboard", *(record_tables["internship"].c[k] for k in (
    "deleted", "internship_type", "gender", "hired", "establishment", "start_date")))
"""Covers the national dashboard's count of internships by type, gender and hiring (``dashboard.py``,
migration n0004): read in the order of its GROUP BY, the index alone answers it, no table read and no sort
(establishment and start date, the filters, are in it too). 1.2 s instead of 7.4 s without an index and 5.1 s
with (deleted, establishment, …) first, on a million internships (``benchmarks/README.md``)."""


def record_table(form_key: str) -> Table:
    return record_tables[form_key]


def never_held(table: Table) -> ColumnElement[bool]:
    """The rows that are only a deletion of a record the store never held: a tombstone whose id was unknown
    (a record made and deleted at the establishment between two bundles, or deleted after its only live state
    was refused) is stored as a deleted row without any field value (``applying.write_records``), so that it
    closes that record's refusal (``status.py``). A record the store held keeps its values when deleted."""
    fields = [c for c in table.columns if c.name not in RECORD_SYSTEM]
    return and_(table.c.deleted.is_(True), *(c.is_(None) for c in fields))


registry_keys = Table(
    "registry_keys",
    metadata,
    Column("key_id", String(64), primary_key=True),
    Column("establishment", String(20), nullable=False, index=True),
    Column("fingerprint", String(120), nullable=False),
    Column("name", String(300), nullable=False),
    Column("state", String(16), nullable=False),
    Column("chain", Integer, nullable=False),
    Column("enrolled_at", String(32), nullable=False),
    Column("ended_at", String(32)),
    Column("document", Text, nullable=False),
)
"""Every key an establishment enrolled, with its state: ``active``, ``rotated`` (replaced by a rotation
that keeps the chain; bundles it signed are still accepted), ``replaced`` (re-enrolment: a new chain) or
``revoked``. ``document`` is the self-signed enrollment request, verified again whenever it is read."""

chains = Table(
    "chains",
    metadata,
    Column("establishment", String(20), primary_key=True),
    Column("chain", Integer, nullable=False),
    Column("last_sequence", Integer, nullable=False),
    Column("last_hash", String(64)),
    Column("last_created_at", String(32)),
    Column("last_received_at", String(32)),
)
"""Per establishment: the current chain (a re-enrolment starts a new one) and its last applied bundle.
The row is locked (``SELECT … FOR UPDATE``) while one of its bundles is applied."""

bundles_received = Table(
    "bundles_received",
    metadata,
    Column("bundle_hash", String(64), primary_key=True),
    Column("establishment", String(20), nullable=False),
    Column("chain", Integer, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("bundle_id", String(36), nullable=False),
    Column("previous_hash", String(64)),
    Column("created_at", String(32)),
    Column("state", String(16), nullable=False),
    Column("reason", Text),
    Column("received_at", String(32), nullable=False),
    Column("applied_at", String(32)),
    Column("file_name", String(300)),
    Column("accepted", Text),
    Column("refused", Text),
    Column("refused_records", Text),
    Index("ix_bundles_received_establishment", "establishment", "sequence"),
    Index("uq_bundles_received_chain_sequence", "establishment", "chain", "sequence", unique=True,
          sqlite_where=text("state IN ('applied', 'held')"),
          postgresql_where=text("state IN ('applied', 'held')")),
)
"""Every bundle received, by hash: its place in the chain, its state (applied, held, refused, fork,
rollback, abandoned), the reason, its times, and what was accepted and refused (JSON)."""

held_bundles = Table(
    "held_bundles",
    metadata,
    Column("bundle_hash", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
"""The bytes of a bundle that arrived before the one it follows: applied, in order, when the gap fills."""

consolidation_audit = Table(
    "consolidation_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("operator", String(100), nullable=False),
    Column("establishment", String(20), nullable=False),
    Column("sequence", Integer),
    Column("bundle_hash", String(64)),
    Column("action", String(24), nullable=False),
    Column("form", String(32)),
    Column("record_id", String(36)),
    Column("detail", Text),
    Index("ix_consolidation_audit_establishment", "establishment", "sequence"),
)
"""What consolidation did, bundle by bundle (applied, duplicate, held, fork, rollback, refused) and the
records worth a line of their own (refused, brought back after a deletion); enrolments and revocations."""

establishment_list = Table(
    "establishment_list",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("label_fr", String(300), nullable=False),
    Column("label_ar", String(300), nullable=False),
    Column("label_en", String(300), nullable=False),
    Column("city", String(100), nullable=False),
    Column("region", String(40), nullable=False),
    Column("supervising_ministry", String(20), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
"""The ministry's own list of establishments (migration n0002): added or corrected by
``kafaat ministry establishments import``, over the list shipped with the application; sent to the
establishments as a signed reference update."""
