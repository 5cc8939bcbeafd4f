"""agreements count only when confirmed by every party: the agreement's status in the dimension

``status`` (as of the last event), ``confirmed_on`` (the day the last party confirmed) and
``ended_on`` (terminated or superseded). Agreements already stored came from events without a
status — declared by one party alone — and stay pending until a confirmation event arrives.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_dim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), server_default="pending", nullable=False)
        )
        batch_op.add_column(sa.Column("confirmed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("ended_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_dim", schema=None) as batch_op:
        batch_op.drop_column("ended_on")
        batch_op.drop_column("confirmed_on")
        batch_op.drop_column("status")
