"""coarse cube grains for national and voivodeship dashboards (issue #17)

Four referral cubes rolled up from the finer ones, so that a national or voivodeship dashboard
reads rows of its own grain: ``agg_referral_national`` (route, service type, priority, status),
``agg_referral_sender`` / ``agg_referral_target`` (the sender's or the target's voivodeship,
route, status) and ``agg_referral_powiat_route`` (both powiats, route, status; its scope columns
indexed). Every cohort month is marked dirty so that the next refresh fills them.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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
_ROUTE = (("sender_type", 16), ("target_type", 16))
_CUBES: dict[str, tuple[tuple[str, int], ...]] = {
    "agg_referral_powiat_route": (
        ("sender_voivodeship", 7),
        ("sender_powiat", 7),
        ("target_voivodeship", 7),
        ("target_powiat", 7),
        *_ROUTE,
        ("status", 24),
    ),
    "agg_referral_sender": (("sender_voivodeship", 7), *_ROUTE, ("status", 24)),
    "agg_referral_target": (("target_voivodeship", 7), *_ROUTE, ("status", 24)),
    "agg_referral_national": (*_ROUTE, ("service_type", 48), ("priority", 16), ("status", 24)),
}
#: A voivodeship's scope (``sender = v OR target = v``) on the powiat-pair cube: two index scans.
_SCOPE_INDEXED = {"agg_referral_powiat_route": ("sender_voivodeship", "target_voivodeship")}


def upgrade() -> None:
    for table, keys in _CUBES.items():
        op.create_table(
            table,
            sa.Column("year", sa.Integer(), nullable=False),
            sa.Column("month", sa.Integer(), nullable=False),
            *(sa.Column(name, sa.String(length=size), nullable=False) for name, size in keys),
            *(sa.Column(name, sa.Integer(), nullable=False) for name in _MEASURES),
            sa.PrimaryKeyConstraint("year", "month", *(name for name, _ in keys), name=f"pk_{table}"),
        )
        for column in _SCOPE_INDEXED.get(table, ()):
            op.create_index(f"ix_{table}_{column}", table, [column, "year", "month"])
    op.execute(
        "INSERT INTO dirty_month (year, month) SELECT DISTINCT f.sent_year, f.sent_month "
        "FROM referral_fact f WHERE f.sent_year IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM dirty_month d WHERE d.year = f.sent_year AND d.month = f.sent_month)"
    )


def downgrade() -> None:
    for table in _CUBES:
        for column in _SCOPE_INDEXED.get(table, ()):
            op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.drop_table(table)
