"""results reports frozen in editions

``edition_report`` holds the data model of a results report (JSON), frozen into one version of an
edition; rendering it (HTML or PDF) reads only this row. Programmes as a reporting dimension:
see the block below (the programme cube, the programme of plans and partnerships, the names).

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# --- programmes as a reporting dimension (issue #16) ----------------------------------------------
# The programme cube ``agg_referral_programme`` (the referral cubes' keys and ``programme``; every
# cohort month is marked dirty so that the next refresh fills it), the programme of casework
# plans and partnerships, and ``programme_ref`` (the directory's catalogue: the names).

#: The referral cubes' value columns (splot.reporting.models.MEASURE_COLUMNS as of this revision).
_MEASURES = (
    "referrals",
    "responded",
    "accepted",
    "rejected",
    "rejected_by_client",
    "rejected_by_provider",
    "started",
    "completed",
    "failed",
    "cancelled",
    "open",
    "ended",
    "closed_loop",
    "acknowledged",
    "sla_met",
    "sla_missed",
    "overdue",
    "forwarded",
    "employment_outcome",
    "followup_3m_answered",
    "followup_3m_employed",
    "followup_6m_answered",
    "followup_6m_employed",
)
_PROGRAMME_KEYS = (
    ("sender_voivodeship", 7),
    ("sender_powiat", 7),
    ("target_voivodeship", 7),
    ("target_powiat", 7),
    ("sender_type", 16),
    ("target_type", 16),
    ("service_type", 48),
    ("priority", 16),
    ("status", 24),
    ("programme", 40),
)


def _upgrade_programmes() -> None:
    op.create_table(
        "agg_referral_programme",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.String(length=size), nullable=False) for name, size in _PROGRAMME_KEYS),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _MEASURES),
        sa.PrimaryKeyConstraint(
            "year", "month", *(name for name, _ in _PROGRAMME_KEYS), name="pk_agg_referral_programme"
        ),
    )
    op.create_table(
        "programme_ref",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("refreshed_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_programme_ref")),
    )
    with op.batch_alter_table("casework_plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programme", sa.String(length=64), nullable=True))
    with op.batch_alter_table("partnership_dim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programme", sa.String(length=64), nullable=True))
    # Every cohort month is recomputed at the next refresh: that fills the new cube.
    op.execute(
        "INSERT INTO dirty_month (year, month) SELECT DISTINCT f.sent_year, f.sent_month "
        "FROM referral_fact f WHERE f.sent_year IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM dirty_month d WHERE d.year = f.sent_year AND d.month = f.sent_month)"
    )


def _downgrade_programmes() -> None:
    with op.batch_alter_table("partnership_dim", schema=None) as batch_op:
        batch_op.drop_column("programme")
    with op.batch_alter_table("casework_plan", schema=None) as batch_op:
        batch_op.drop_column("programme")
    op.drop_table("programme_ref")
    op.drop_table("agg_referral_programme")


def upgrade() -> None:
    _upgrade_programmes()
    # --- results reports ---------------------------------------------------------------------------
    op.create_table(
        "edition_report",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("edition_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("frozen_by", sa.String(length=64), nullable=False),
        sa.Column("frozen_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["edition.id"],
            name=op.f("fk_edition_report_edition_id_edition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition_report")),
        sa.UniqueConstraint("edition_id", "version", name="uq_edition_report_edition_version"),
    )
    with op.batch_alter_table("edition_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_edition_report_edition_id"), ["edition_id"], unique=False)


def downgrade() -> None:
    _downgrade_programmes()
    # --- results reports ---------------------------------------------------------------------------
    with op.batch_alter_table("edition_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_edition_report_edition_id"))
    op.drop_table("edition_report")
