"""partnerships in the analytical store: the partnership and its parties (with dates), for the
members' exact measures and the targets' measured values

``partnership_dim`` keeps each partnership's newest version (status, leader, area);
``partnership_party`` one row per institution that is or was a party, a party from ``joined_on``
until the day before ``left_on``. Both are filled from the directory's ``partnership.*`` events.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partnership_dim",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("leader_institution_id", sa.Uuid(), nullable=False),
        sa.Column("area_teryt", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_dim")),
    )
    op.create_table(
        "partnership_party",
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnership_dim.id"],
            name=op.f("fk_partnership_party_partnership_id_partnership_dim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("partnership_id", "institution_id", name=op.f("pk_partnership_party")),
    )
    with op.batch_alter_table("partnership_party", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_party_institution_id"), ["institution_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("partnership_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_party_institution_id"))
    op.drop_table("partnership_party")
    op.drop_table("partnership_dim")
