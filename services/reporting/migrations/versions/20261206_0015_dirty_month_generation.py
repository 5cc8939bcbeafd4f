"""a generation for each dirty month (issue #17: cubes exact with several replicas)

A refresh read the dirty months, recomputed them and then deleted every dirty row. A month marked
dirty by another replica's page after the read (its facts changed, unseen by the refresh) was
deleted all the same, and its cubes stayed stale until the month changed again. Marking now moves
the row's generation on; a refresh deletes only the rows at the generation it read, and skips a
row another transaction holds.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dirty_month") as batch:
        batch.add_column(sa.Column("generation", sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("dirty_month") as batch:
        batch.drop_column("generation")
