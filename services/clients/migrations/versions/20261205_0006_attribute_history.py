"""case attribute history: every recorded, changed or removed value of an attribute, kept

Values recorded before this revision have no history: their current value becomes the first
entry ("recorded" at the time it was last written).

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
    op.create_table(
        "attribute_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("change", sa.String(length=12), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("changed_by", sa.String(length=128), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code"],
            ["attribute_definition.code"],
            name=op.f("fk_attribute_change_code_attribute_definition"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_attribute_change_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribute_change")),
    )
    op.create_index(
        "ix_attribute_change_person_code",
        "attribute_change",
        ["person_id", "code", "changed_at"],
        unique=False,
    )
    # The current values become the first entries of their history.
    op.execute(
        "INSERT INTO attribute_change (id, person_id, institution_id, code, change, value, changed_by, changed_at) "
        "SELECT id, person_id, institution_id, code, 'recorded', value, recorded_by, updated_at FROM case_attribute"
    )


def downgrade() -> None:
    op.drop_index("ix_attribute_change_person_code", table_name="attribute_change")
    op.drop_table("attribute_change")
