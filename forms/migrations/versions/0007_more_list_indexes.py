"""more list indexes: every column of the internship list sorts from an index (first name, type, end date,
outcome, state)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Measured (benchmarks/list_views.py, 1 000 000 internships, see benchmarks/README.md): without them a sort
on these columns scans the table into a top-N sorter (190–700 ms for the first screen); with them the first
screen is read from the index. The three columns with a few codes (type, outcome, state) are indexed with
the last change after them: the list sorted by one of them is then in a total order read from the index
(outcome, then last changed), and the same index serves the filter on that code in the list's default order
(last changed first) without sorting a third of the table. Their new rows land at the end of each code's
run of the index (the last change grows), which keeps their insert cost low; a large import rebuilds all
the list indexes once (``forms.store.records.bulk_load``).
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = (
    ("first_name",),
    ("end_date",),
    ("internship_type", "updated_at"),
    ("outcome", "updated_at"),
    ("status", "updated_at"),
)


def upgrade() -> None:
    for columns in INDEXES:
        op.create_index(f"ix_internship_list_{columns[0]}", "internship", list(columns), unique=False)


def downgrade() -> None:
    for columns in INDEXES:
        op.drop_index(f"ix_internship_list_{columns[0]}", table_name="internship")
