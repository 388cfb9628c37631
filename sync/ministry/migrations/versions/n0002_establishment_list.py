"""the ministry's list of establishments (imported from CSV, sent as signed reference updates)

Revision ID: n0002
Revises: n0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "n0002"
down_revision = "n0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "establishment_list",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("label_fr", sa.String(length=300), nullable=False),
        sa.Column("label_ar", sa.String(length=300), nullable=False),
        sa.Column("label_en", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("supervising_ministry", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_establishment_list")),
    )


def downgrade() -> None:
    raise NotImplementedError("le magasin national ne revient pas en arrière")
