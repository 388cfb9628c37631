"""list indexes: let the window sort the internship list (the table that grows to 10^5–10^6 rows) in SQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Measured (benchmarks/list_views.py, 1 000 000 internships): without them the first screen of a sort by
these columns takes ~150–250 ms (a full scan feeding a top-N sorter); with them ~1 ms. Bulk insert of
100 000 internships costs ~11 % more with these four; the other list columns (low-cardinality codes,
first name, end date) were left out because each further index costs ~6 % of insert speed.
Offerings and cohorts stay small (tens to hundreds per establishment) and get none.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

LIST_COLUMNS = ("updated_at", "last_name", "start_date", "host_name")


def upgrade() -> None:
    for column in LIST_COLUMNS:
        op.create_index(f"ix_internship_list_{column}", "internship", [column], unique=False)


def downgrade() -> None:
    for column in LIST_COLUMNS:
        op.drop_index(f"ix_internship_list_{column}", table_name="internship")
