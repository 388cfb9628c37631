"""the national store: one table per form keyed by (establishment, id), the registry of keys, the chains,
the bundles received and held, the consolidation audit

Revision ID: n0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "n0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles_received",
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("chain", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("applied_at", sa.String(length=32), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=True),
        sa.Column("accepted", sa.Text(), nullable=True),
        sa.Column("refused", sa.Text(), nullable=True),
        sa.Column("refused_records", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("bundle_hash", name=op.f("pk_bundles_received")),
    )
    op.create_index(
        "ix_bundles_received_establishment", "bundles_received", ["establishment", "sequence"], unique=False
    )
    op.create_index(
        "uq_bundles_received_chain_sequence",
        "bundles_received",
        ["establishment", "chain", "sequence"],
        unique=True,
        sqlite_where=sa.text("state IN ('applied', 'held')"),
        postgresql_where=sa.text("state IN ('applied', 'held')"),
    )
    op.create_table(
        "chains",
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("chain", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=True),
        sa.Column("last_created_at", sa.String(length=32), nullable=True),
        sa.Column("last_received_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("establishment", name=op.f("pk_chains")),
    )
    op.create_table(
        "cohort",
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
        sa.Column("academic_year", sa.String(length=9), nullable=True),
        sa.Column("year_of_study", sa.Integer(), nullable=True),
        sa.Column("final_year", sa.Boolean(), nullable=True),
        sa.Column("enrolled", sa.Integer(), nullable=True),
        sa.Column("women", sa.Integer(), nullable=True),
        sa.Column("men", sa.Integer(), nullable=True),
        sa.Column("work_study", sa.Integer(), nullable=True),
        sa.Column("scholarship", sa.Integer(), nullable=True),
        sa.Column("foreign", sa.Integer(), nullable=True),
        sa.Column("graduates", sa.Integer(), nullable=True),
        sa.Column("dropouts", sa.Integer(), nullable=True),
        sa.Column("employed_6m", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("establishment", "id", name=op.f("pk_cohort")),
    )
    op.create_table(
        "consolidation_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("bundle_hash", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consolidation_audit")),
    )
    op.create_index(
        "ix_consolidation_audit_establishment",
        "consolidation_audit",
        ["establishment", "sequence"],
        unique=False,
    )
    op.create_table(
        "held_bundles",
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_hash", name=op.f("pk_held_bundles")),
    )
    op.create_table(
        "internship",
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=True),
        sa.Column("updated_at", sa.String(length=32), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("bundle_sequence", sa.Integer(), nullable=False),
        sa.Column("bundle_hash", sa.String(length=64), nullable=False),
        sa.Column("student_code", sa.String(length=100), nullable=True),
        sa.Column("gender", sa.String(length=40), nullable=True),
        sa.Column("offering", sa.String(length=36), nullable=True),
        sa.Column("cohort", sa.String(length=36), nullable=True),
        sa.Column("internship_type", sa.String(length=40), nullable=True),
        sa.Column("domain", sa.String(length=40), nullable=True),
        sa.Column("host_name", sa.String(length=200), nullable=True),
        sa.Column("host_ice", sa.String(length=15), nullable=True),
        sa.Column("host_sector", sa.String(length=100), nullable=True),
        sa.Column("host_city", sa.String(length=100), nullable=True),
        sa.Column("host_region", sa.String(length=40), nullable=True),
        sa.Column("host_country", sa.String(length=100), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Integer(), nullable=True),
        sa.Column("monthly_stipend", sa.Float(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("final_mark", sa.Float(), nullable=True),
        sa.Column("hired", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("establishment", "id", name=op.f("pk_internship")),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "offering",
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
        sa.Column("training_type", sa.String(length=40), nullable=True),
        sa.Column("level", sa.String(length=40), nullable=True),
        sa.Column("duration", sa.Integer(), nullable=True),
        sa.Column("duration_unit", sa.String(length=40), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("first_academic_year", sa.String(length=9), nullable=True),
        sa.Column("delivery_mode", sa.String(length=40), nullable=True),
        sa.Column("languages", sa.String(length=400), nullable=True),
        sa.Column("campus_city", sa.String(length=100), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=True),
        sa.Column("industry_partnered", sa.Boolean(), nullable=True),
        sa.Column("partner_name", sa.String(length=200), nullable=True),
        sa.Column("accreditation_status", sa.String(length=40), nullable=True),
        sa.Column("accreditation_date", sa.Date(), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.PrimaryKeyConstraint("establishment", "id", name=op.f("pk_offering")),
    )
    op.create_table(
        "registry_keys",
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("chain", sa.Integer(), nullable=False),
        sa.Column("enrolled_at", sa.String(length=32), nullable=False),
        sa.Column("ended_at", sa.String(length=32), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_registry_keys")),
    )
    op.create_index(op.f("ix_registry_keys_establishment"), "registry_keys", ["establishment"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("le magasin national ne revient pas en arrière")
