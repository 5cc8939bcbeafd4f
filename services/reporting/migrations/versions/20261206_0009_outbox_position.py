"""outbox rows get their feed position after commit (issue #17)

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The feed's order becomes a position given after commit (splot.common.events): rows already
    # written keep their order (position = seq); new rows wait, position NULL, for the sequencer.
    op.add_column("outbox_event", sa.Column("position", sa.BigInteger(), nullable=True))
    op.execute("UPDATE outbox_event SET position = seq")
    op.create_index("ix_outbox_event_position", "outbox_event", ["position"], unique=True)
    op.create_index(
        "ix_outbox_event_pending",
        "outbox_event",
        ["seq"],
        postgresql_where=sa.text("position IS NULL"),
        sqlite_where=sa.text("position IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_event_pending", table_name="outbox_event")
    op.drop_index("ix_outbox_event_position", table_name="outbox_event")
    with op.batch_alter_table("outbox_event") as batch:
        batch.drop_column("position")
