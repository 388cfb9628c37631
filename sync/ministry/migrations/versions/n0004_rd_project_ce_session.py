"""the national tables of the two forms added to the programme (applied R&D projects, continuing-education
sessions), keyed by (establishment, id) as the others; and a covering index on the internships for the
national dashboard's grouped count (its first paint reads the index instead of the whole table)

Revision ID: n0004
Revises: n0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "n0004"
down_revision = "n0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_internship_dashboard", "internship",
                    ["deleted", "establishment", "internship_type", "gender", "hired", "start_date"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("le magasin national ne revient pas en arrière")
