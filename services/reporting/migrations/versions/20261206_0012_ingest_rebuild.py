"""index the facts' forwarding chains (issue #17: rebuild)

Every page of referral snapshots looks up the chains it touches (an employment outcome counts
once per chain: ``employment.count_once_per_chain`` and ``ingest_batch._multi_referral_chains``
select the facts by ``chain_root_id``). Without an index each look-up scanned the whole fact
table: a rebuild's cost grew with the square of the facts (12,000 scans reading 367 M rows for
60,000 referrals; hours for three national years).

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_referral_fact_chain_root_id", "referral_fact", ["chain_root_id"])


def downgrade() -> None:
    op.drop_index("ix_referral_fact_chain_root_id", table_name="referral_fact")
