"""statutory legal bases from the directory's catalogue, and offer occupancy

- ``referral.legal_basis_code``: the code of a statutory basis in the directory's legal-basis
  catalogue; ``legal_basis_article`` keeps the citation as a snapshot (older referrals keep their
  free text and have no code).
- ``occupancy_sync``: whether a referral occupies a place of its offer, written in the
  transaction of the transition and delivered to the directory after the commit.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("referral") as batch:
        batch.add_column(sa.Column("legal_basis_code", sa.String(length=64), nullable=True))
    op.create_table(
        "occupancy_sync",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("occupying", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("superseded_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_occupancy_sync_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupancy_sync")),
    )
    with op.batch_alter_table("occupancy_sync") as batch:
        batch.create_index("ix_occupancy_sync_open", ["done_at", "next_attempt_at"], unique=False)
        batch.create_index(batch.f("ix_occupancy_sync_referral_id"), ["referral_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("occupancy_sync") as batch:
        batch.drop_index(batch.f("ix_occupancy_sync_referral_id"))
        batch.drop_index("ix_occupancy_sync_open")
    op.drop_table("occupancy_sync")
    with op.batch_alter_table("referral") as batch:
        batch.drop_column("legal_basis_code")
