"""one follow-up set per chain, owned by the chain's root sender

``follow_up.chain_root_id`` (filled from the referral) and a unique index on (chain_root_id,
due_months) over the sets not cancelled. Chains that got more than one set (an employment outcome
reported up the chain scheduled a set for every sender) keep one per due month — an answered one
before an open one, then the oldest — and the others are cancelled; open follow-ups move to the
chain's root sender.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE = "status <> 'cancelled'"


def upgrade() -> None:
    with op.batch_alter_table("follow_up") as batch:
        batch.add_column(sa.Column("chain_root_id", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE follow_up SET chain_root_id = "
        "(SELECT r.chain_root_id FROM referral r WHERE r.id = follow_up.referral_id)"
    )
    # Keep the best set member per (chain, due month): answered first, then the oldest.
    op.execute(
        "UPDATE follow_up SET status = 'cancelled' WHERE status <> 'cancelled' AND EXISTS ("
        "SELECT 1 FROM follow_up f2 WHERE f2.chain_root_id = follow_up.chain_root_id "
        "AND f2.due_months = follow_up.due_months AND f2.status <> 'cancelled' AND f2.id <> follow_up.id "
        "AND ((f2.status = 'answered' AND follow_up.status <> 'answered') "
        "OR ((f2.status = 'answered') = (follow_up.status = 'answered') "
        "AND (f2.created_at < follow_up.created_at "
        "OR (f2.created_at = follow_up.created_at AND f2.id < follow_up.id)))))"
    )
    op.execute(
        "UPDATE follow_up SET institution_id = "
        "(SELECT r.sender_institution_id FROM referral r WHERE r.id = follow_up.chain_root_id) "
        "WHERE status = 'open'"
    )
    with op.batch_alter_table("follow_up") as batch:
        batch.alter_column("chain_root_id", existing_type=sa.Uuid(), nullable=False)
        batch.create_index(batch.f("ix_follow_up_chain_root_id"), ["chain_root_id"], unique=False)
        batch.create_index(
            "uq_follow_up_chain_months",
            ["chain_root_id", "due_months"],
            unique=True,
            postgresql_where=sa.text(_LIVE),
            sqlite_where=sa.text(_LIVE),
        )


def downgrade() -> None:
    with op.batch_alter_table("follow_up") as batch:
        batch.drop_index("uq_follow_up_chain_months")
        batch.drop_index(batch.f("ix_follow_up_chain_root_id"))
        batch.drop_column("chain_root_id")
