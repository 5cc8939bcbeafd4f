"""a partnership's status from its agreements: each agreement's partnership and version number

``agreement_dim.partnership_id`` and ``number`` (from the directory's ``agreement.*`` events), so
that reporting derives a partnership's status on any day from its agreement versions, as the
directory does, instead of keeping the status of its last ``partnership.*`` event (which an
agreement's confirmation, termination or dates do not renew). Agreements stored before carry
neither until their next event or a rebuild; a partnership without linked agreements keeps the
status of its last event.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_dim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("partnership_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_agreement_dim_partnership_id"), ["partnership_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agreement_dim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_dim_partnership_id"))
        batch_op.drop_column("number")
        batch_op.drop_column("partnership_id")
