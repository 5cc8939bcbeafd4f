"""the highest position processed from each feed (issue #17: a page beyond it needs no look-up of
its event ids; a rebuild looked up 18 M random ids in the processed events' index)

Every event recorded so far came at a position up to the cursor's (the cursor moves in the same
transaction), or up to the highest recorded position should a cursor have been moved back.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source_cursor") as batch:
        batch.add_column(sa.Column("processed_through", sa.BigInteger(), nullable=False, server_default="0"))
    op.execute("UPDATE source_cursor SET processed_through = last_seq")
    op.execute(
        "UPDATE source_cursor SET processed_through ="
        " (SELECT max(p.seq) FROM processed_event p WHERE p.source = source_cursor.source)"
        " WHERE (SELECT max(p.seq) FROM processed_event p WHERE p.source = source_cursor.source)"
        " > processed_through"
    )


def downgrade() -> None:
    with op.batch_alter_table("source_cursor") as batch:
        batch.drop_column("processed_through")
