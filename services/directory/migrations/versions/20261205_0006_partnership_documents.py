"""partnership documents: a meeting's minutes as a file the parties download

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partnership_document",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "partnership_id", sa.Uuid(), sa.ForeignKey("partnership.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "meeting_id",
            sa.Uuid(),
            sa.ForeignKey("partnership_meeting.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("uploaded_by_subject", sa.String(length=128), nullable=False),
        sa.Column("uploaded_at", splot.common.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_partnership_document_partnership_id"), "partnership_document", ["partnership_id"]
    )
    op.create_index(op.f("ix_partnership_document_meeting_id"), "partnership_document", ["meeting_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_partnership_document_meeting_id"), table_name="partnership_document")
    op.drop_index(op.f("ix_partnership_document_partnership_id"), table_name="partnership_document")
    op.drop_table("partnership_document")
