"""initial schema: meta, audit and the three forms

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index("ix_audit_record", ["form", "record_id"], unique=False)

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "offering",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("warning_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offering")),
    )
    with op.batch_alter_table("offering", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offering_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(
            "uq_offering_natural_key",
            ["establishment", "code"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )

    op.create_table(
        "cohort",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("warning_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
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
        sa.ForeignKeyConstraint(["offering"], ["offering.id"], name=op.f("fk_cohort_offering_offering")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohort")),
    )
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cohort_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index("ix_cohort_offering", ["offering"], unique=False)
        batch_op.create_index(
            "uq_cohort_natural_key",
            ["establishment", "offering", "academic_year", "year_of_study"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )

    op.create_table(
        "internship",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("establishment", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("warning_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("student_code", sa.String(length=20), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
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
        sa.Column("tutor_name", sa.String(length=150), nullable=True),
        sa.Column("tutor_email", sa.String(length=254), nullable=True),
        sa.Column("supervisor", sa.String(length=150), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("final_mark", sa.Float(), nullable=True),
        sa.Column("hired", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["cohort"], ["cohort.id"], name=op.f("fk_internship_cohort_cohort")),
        sa.ForeignKeyConstraint(["offering"], ["offering.id"], name=op.f("fk_internship_offering_offering")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internship")),
    )
    with op.batch_alter_table("internship", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_internship_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index("ix_internship_cohort", ["cohort"], unique=False)
        batch_op.create_index("ix_internship_offering", ["offering"], unique=False)
        batch_op.create_index(
            "uq_internship_natural_key",
            ["establishment", "student_code", "offering", "start_date"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )


def downgrade() -> None:

    with op.batch_alter_table("internship", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_internship_natural_key",
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
        batch_op.drop_index("ix_internship_offering")
        batch_op.drop_index("ix_internship_cohort")
        batch_op.drop_index(batch_op.f("ix_internship_change_seq"))

    op.drop_table("internship")
    with op.batch_alter_table("cohort", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_cohort_natural_key",
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
        batch_op.drop_index("ix_cohort_offering")
        batch_op.drop_index(batch_op.f("ix_cohort_change_seq"))

    op.drop_table("cohort")
    with op.batch_alter_table("offering", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_offering_natural_key",
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
        batch_op.drop_index(batch_op.f("ix_offering_change_seq"))

    op.drop_table("offering")
    op.drop_table("meta")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_record")

    op.drop_table("audit")
