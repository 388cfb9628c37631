"""full-text search: an FTS5 index per form over the columns the lists search, kept in step by triggers

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

``LIKE '%…%'`` over the list columns was neither accent-insensitive (« Societe Generale » found nothing)
nor multi-word (« Tazi Omar » found nothing), and scanned the table (290–415 ms on 1 000 000 internships).
Each form gets an external-content FTS5 table (``<form>_search``: the text is read from the form's own
table, only the index is stored) with the ``unicode61 remove_diacritics 2`` tokenizer (case and accents
folded, Arabic kept), filled from the existing rows, and three triggers that keep it in step with every
insert, update and physical delete, whoever writes (window, command line, import, restore of a backup).

The columns are frozen here (the searchable list columns of this revision); a later change of the lists
needs a migration that rebuilds the index.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SEARCH_COLUMNS = {
    "offering": ("code", "title", "first_academic_year"),
    "cohort": ("academic_year",),
    "internship": ("student_code", "last_name", "first_name", "host_name"),
}
TOKENIZER = "unicode61 remove_diacritics 2"


def upgrade() -> None:
    for form, columns in SEARCH_COLUMNS.items():
        index = f"{form}_search"
        listed = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, content='{form}', content_rowid='rowid', "
                   f"tokenize='{TOKENIZER}')")
        op.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
        op.execute(f"CREATE TRIGGER {index}_insert AFTER INSERT ON {form} BEGIN "
                   f"INSERT INTO {index}(rowid, {listed}) VALUES (new.rowid, {new}); END")
        op.execute(f"CREATE TRIGGER {index}_delete AFTER DELETE ON {form} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {listed}) VALUES ('delete', old.rowid, {old}); END")
        op.execute(f"CREATE TRIGGER {index}_update AFTER UPDATE OF {listed} ON {form} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {listed}) VALUES ('delete', old.rowid, {old}); "
                   f"INSERT INTO {index}(rowid, {listed}) VALUES (new.rowid, {new}); END")


def downgrade() -> None:
    for form in SEARCH_COLUMNS:
        index = f"{form}_search"
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {index}_{trigger}")
        op.execute(f"DROP TABLE IF EXISTS {index}")
