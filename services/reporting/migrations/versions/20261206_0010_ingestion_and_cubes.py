"""batched ingestion and cube grain (issue #17)

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: The large cubes a voivodeship's dashboards read: index the scope columns (``sender = v OR
#: target = v`` becomes a bitmap OR of two index scans instead of a scan of the whole cube).
_SCOPE_INDEXED = {
    "agg_referral_powiat": ("sender_voivodeship", "target_voivodeship"),
    "agg_duration": ("sender_voivodeship", "target_voivodeship"),
}


def upgrade() -> None:
    for table, columns in _SCOPE_INDEXED.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column, "year", "month"])


def downgrade() -> None:
    for table, columns in _SCOPE_INDEXED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
