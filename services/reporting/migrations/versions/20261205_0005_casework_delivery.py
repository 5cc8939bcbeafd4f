"""casework: who delivers an action through its referral (the referral's receiver and the
referral's status), for "actions delivered by another institution than the plan's owner"; the day a
plan was closed, for "persons with a plan in force during the period"

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("casework_action") as batch:
        batch.add_column(sa.Column("referral_receiver_institution_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("referral_status", sa.String(length=24), nullable=True))
    with op.batch_alter_table("casework_plan") as batch:
        batch.add_column(sa.Column("closed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("casework_plan") as batch:
        batch.drop_column("closed_on")
    with op.batch_alter_table("casework_action") as batch:
        batch.drop_column("referral_status")
        batch.drop_column("referral_receiver_institution_id")
