"""bundle outbox: sequence numbers, hashes and states of the bundles written by an establishment

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles",
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("full_export", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("after_change_seq", sa.Integer(), nullable=False),
        sa.Column("up_to_change_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("written_at", sa.String(length=32), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("file_hash", sa.String(length=64), nullable=True),
        sa.Column("previous_hash", sa.String(length=64), nullable=True),
        sa.Column("counts", sa.Text(), nullable=True),
        sa.Column("recipients", sa.Text(), nullable=True),
        sa.Column("receipt", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_bundles")),
    )


def downgrade() -> None:
    op.drop_table("bundles")
