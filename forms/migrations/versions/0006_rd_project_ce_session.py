"""applied R&D projects and continuing-education sessions: two new forms (issue 14)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Two record tables with the system columns every form has, then one column per declared field
(``forms.definitions.RD_PROJECT`` and ``CE_SESSION`` as of this revision, frozen here); the same indexes as
the other forms (change sequence, links, natural key among live records, live drafts of 0004) and a
full-text index each, kept in step by triggers, as the other forms got in 0005. Existing tables are not
touched: a database of 0005 keeps every record as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TOKENIZER = "unicode61 remove_diacritics 2"

FORMS = {
    "rd_project": {
        "fields": (
            ("code", sa.String(length=40)),
            ("title", sa.String(length=250)),
            ("domains", sa.String(length=400)),
            ("project_status", sa.String(length=40)),
            ("start_date", sa.Date()),
            ("end_date", sa.Date()),
            ("offering", sa.String(length=36)),
            ("lead_name", sa.String(length=150)),
            ("lead_email", sa.String(length=254)),
            ("partners", sa.String(length=500)),
            ("partner_ices", sa.String(length=170)),
            ("partner_type", sa.String(length=40)),
            ("budget_total", sa.Float()),
            ("partner_contribution", sa.Float()),
            ("funding_sources", sa.String(length=400)),
            ("researchers", sa.Integer()),
            ("doctoral_students", sa.Integer()),
            ("master_students", sa.Integer()),
            ("team_women", sa.Integer()),
            ("publications", sa.Integer()),
            ("patents", sa.Integer()),
            ("prototypes", sa.Integer()),
            ("startups", sa.Integer()),
        ),
        "links": ("offering",),
        "natural_key": ("code",),
        "search": ("code", "title", "partners"),
    },
    "ce_session": {
        "fields": (
            ("offering", sa.String(length=36)),
            ("code", sa.String(length=40)),
            ("domain", sa.String(length=40)),
            ("start_date", sa.Date()),
            ("end_date", sa.Date()),
            ("hours", sa.Integer()),
            ("delivery_mode", sa.String(length=40)),
            ("city", sa.String(length=100)),
            ("employers", sa.String(length=500)),
            ("employer_ices", sa.String(length=170)),
            ("enrolled", sa.Integer()),
            ("women", sa.Integer()),
            ("men", sa.Integer()),
            ("completed", sa.Integer()),
            ("certified", sa.Integer()),
            ("satisfaction", sa.Float()),
        ),
        "links": ("offering",),
        "natural_key": ("offering", "code"),
        "search": ("code", "employers", "city"),
    },
}


def _system_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("warning_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
    ]


def upgrade() -> None:
    for form, spec in FORMS.items():
        op.create_table(
            form,
            *_system_columns(),
            *(sa.Column(name, kind, nullable=True) for name, kind in spec["fields"]),
            *(sa.ForeignKeyConstraint([link], ["offering.id"], name=op.f(f"fk_{form}_{link}_offering"))
              for link in spec["links"]),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{form}")),
        )
        op.create_index(op.f(f"ix_{form}_change_seq"), form, ["change_seq"], unique=False)
        for link in spec["links"]:
            op.create_index(f"ix_{form}_{link}", form, [link], unique=False)
        op.create_index(f"uq_{form}_natural_key", form, ["establishment", *spec["natural_key"]], unique=True,
                        sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("deleted = false"))
        op.create_index(f"ix_{form}_drafts", form, ["updated_at"], unique=False,
                        sqlite_where=sa.text("status = 'draft' AND deleted = 0"),
                        postgresql_where=sa.text("status = 'draft' AND deleted = false"))
        _create_search(form, spec["search"])


def _create_search(form: str, columns: tuple[str, ...]) -> None:
    """As 0005 did for the first three forms (the table is new and empty: nothing to rebuild)."""
    index = f"{form}_search"
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, content='{form}', content_rowid='rowid', "
               f"tokenize='{TOKENIZER}')")
    op.execute(f"CREATE TRIGGER {index}_insert AFTER INSERT ON {form} BEGIN "
               f"INSERT INTO {index}(rowid, {listed}) VALUES (new.rowid, {new}); END")
    op.execute(f"CREATE TRIGGER {index}_delete AFTER DELETE ON {form} BEGIN "
               f"INSERT INTO {index}({index}, rowid, {listed}) VALUES ('delete', old.rowid, {old}); END")
    op.execute(f"CREATE TRIGGER {index}_update AFTER UPDATE OF {listed} ON {form} BEGIN "
               f"INSERT INTO {index}({index}, rowid, {listed}) VALUES ('delete', old.rowid, {old}); "
               f"INSERT INTO {index}(rowid, {listed}) VALUES (new.rowid, {new}); END")


def downgrade() -> None:
    for form in reversed(FORMS):
        index = f"{form}_search"
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {index}_{trigger}")
        op.execute(f"DROP TABLE IF EXISTS {index}")
        op.drop_table(form)
