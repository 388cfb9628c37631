"""offering.contact_email is withheld since data minimisation (a person's address never leaves the
establishment): its column goes, with anything version-1 bundles had put there

Revision ID: n0003
Revises: n0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "n0003"
down_revision = "n0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offering") as batch_op:
        batch_op.drop_column("contact_email")


def downgrade() -> None:
    raise NotImplementedError("le magasin national ne revient pas en arrière")
