"""referrals serving plan actions: the plan action a referral was created from

- ``referral.plan_action_id``: the action of an individual plan in the client registry that the
  referral serves (issue #14); indexed for ``GET /v1/referrals?plan_action_id=``.
- ``plan_action_sync``: the referral's state (status, outcome, receiver) for its plan action,
  written in the transaction of every transition and delivered to the registry after the commit.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("referral") as batch:
        batch.add_column(sa.Column("plan_action_id", sa.Uuid(), nullable=True))
        batch.create_index(batch.f("ix_referral_plan_action_id"), ["plan_action_id"], unique=False)
    op.create_table(
        "plan_action_sync",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("plan_action_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("sender_institution_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("outcome_code", sa.String(length=40), nullable=True),
        sa.Column("receiver_institution_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("superseded_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_plan_action_sync_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_action_sync")),
    )
    with op.batch_alter_table("plan_action_sync") as batch:
        batch.create_index("ix_plan_action_sync_open", ["done_at", "next_attempt_at"], unique=False)
        batch.create_index(batch.f("ix_plan_action_sync_referral_id"), ["referral_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan_action_sync") as batch:
        batch.drop_index(batch.f("ix_plan_action_sync_referral_id"))
        batch.drop_index("ix_plan_action_sync_open")
    op.drop_table("plan_action_sync")
    with op.batch_alter_table("referral") as batch:
        batch.drop_index(batch.f("ix_referral_plan_action_id"))
        batch.drop_column("plan_action_id")
