"""the national tables of the two forms added to the programme (applied R&D projects, continuing-education
sessions), keyed by (establishment, id) as the others; and a covering index on the internships for the
national dashboard's grouped count (in the order of its GROUP BY: the index alone answers it, no sort)

Revision ID: n0004
Revises: n0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "n0004"
down_revision = "n0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Frozen from the declarations of December 2026 (as received: lead_name and lead_email are withheld).
    op.create_table(
        "rd_project",
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("bundle_sequence", sa.Integer(), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=250), nullable=True),
        sa.Column("domains", sa.String(length=400), nullable=True),
        sa.Column("project_status", sa.String(length=40), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("offering", sa.String(length=36), nullable=True),
        sa.Column("partners", sa.String(length=500), nullable=True),
        sa.Column("partner_ices", sa.String(length=170), nullable=True),
        sa.Column("partner_type", sa.String(length=40), nullable=True),
        sa.Column("budget_total", sa.Float(), nullable=True),
        sa.Column("partner_contribution", sa.Float(), nullable=True),
        sa.Column("funding_sources", sa.String(length=400), nullable=True),
        sa.Column("researchers", sa.Integer(), nullable=True),
        sa.Column("doctoral_students", sa.Integer(), nullable=True),
        sa.Column("master_students", sa.Integer(), nullable=True),
        sa.Column("team_women", sa.Integer(), nullable=True),
        sa.Column("publications", sa.Integer(), nullable=True),
        sa.Column("patents", sa.Integer(), nullable=True),
        sa.Column("prototypes", sa.Integer(), nullable=True),
        sa.Column("startups", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("establishment", "id", name=op.f("pk_rd_project")),
    )
    op.create_table(
        "ce_session",
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("bundle_sequence", sa.Integer(), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("offering", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("domain", sa.String(length=40), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("hours", sa.Integer(), nullable=True),
        sa.Column("delivery_mode", sa.String(length=40), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("employers", sa.String(length=500), nullable=True),
        sa.Column("employer_ices", sa.String(length=170), nullable=True),
        sa.Column("enrolled", sa.Integer(), nullable=True),
        sa.Column("women", sa.Integer(), nullable=True),
        sa.Column("men", sa.Integer(), nullable=True),
        sa.Column("completed", sa.Integer(), nullable=True),
        sa.Column("certified", sa.Integer(), nullable=True),
        sa.Column("satisfaction", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("establishment", "id", name=op.f("pk_ce_session")),
    )
    op.create_index("ix_internship_dashboard", "internship",
                    ["deleted", "internship_type", "gender", "hired", "establishment", "start_date"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("le magasin national ne revient pas en arrière")
