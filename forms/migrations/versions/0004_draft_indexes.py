"""draft indexes: the « brouillons » filter of every list reads its rows from a small partial index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Drafts are a few percent of the records. Without an index, the drafts-only filter of a 1 000 000-row
internship list scans the table (~190 ms); with a partial index holding only live drafts it reads them
directly. A complete record never enters the index, so imports (complete rows) pay nothing for it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FORMS = ("offering", "cohort", "internship")


def upgrade() -> None:
    for form in FORMS:
        op.create_index(f"ix_{form}_drafts", form, ["updated_at"], unique=False,
                        sqlite_where=sa.text("status = 'draft' AND deleted = 0"),
                        postgresql_where=sa.text("status = 'draft' AND deleted = false"))


def downgrade() -> None:
    for form in FORMS:
        op.drop_index(f"ix_{form}_drafts", table_name=form)
