"""good practices and problem areas

``practice`` a good practice of cooperation (its institution's type and seat copied, a folded
search text, the problem areas as ``|code|`` too); ``practice_transition`` every step of its
workflow (who, when, a comment); ``practice_attachment`` its files (at most 5);
``evaluation_area_fact`` the problem areas a party's partnership evaluation names.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ts(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, splot.common.db.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "practice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("institution_type", sa.String(length=16), nullable=False),
        sa.Column("teryt", sa.String(length=7), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("problem_areas", sa.JSON(), nullable=False),
        sa.Column("area_codes", sa.String(length=300), nullable=False),
        sa.Column("topic_tags", sa.JSON(), nullable=False),
        sa.Column("target_groups", sa.JSON(), nullable=False),
        sa.Column("results", sa.Text(), nullable=False),
        sa.Column("numeric_results", sa.JSON(), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_by_subject", sa.String(length=128), nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
        _ts("published_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice")),
    )
    with op.batch_alter_table("practice", schema=None) as batch_op:
        batch_op.create_index("ix_practice_status_published", ["status", "published_at", "id"], unique=False)
        batch_op.create_index("ix_practice_institution", ["institution_id", "updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_practice_teryt"), ["teryt"], unique=False)
    op.create_table(
        "practice_transition",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("actor_subject", sa.String(length=128), nullable=False),
        sa.Column("actor_institution_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.String(length=24), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        _ts("at"),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_practice_transition_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_transition")),
    )
    with op.batch_alter_table("practice_transition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_transition_practice_id"), ["practice_id"], unique=False)
    op.create_table(
        "practice_attachment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("practice_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_subject", sa.String(length=128), nullable=False),
        _ts("uploaded_at"),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_practice_attachment_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_attachment")),
    )
    with op.batch_alter_table("practice_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_attachment_practice_id"), ["practice_id"], unique=False)
    op.create_table(
        "evaluation_area_fact",
        sa.Column("evaluation_id", sa.Uuid(), nullable=False),
        sa.Column("partnership_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("problem_areas", sa.JSON(), nullable=False),
        _ts("submitted_at"),
        sa.PrimaryKeyConstraint("evaluation_id", name=op.f("pk_evaluation_area_fact")),
    )
    with op.batch_alter_table("evaluation_area_fact", schema=None) as batch_op:
        batch_op.create_index("ix_evaluation_area_fact_period", ["first_day", "last_day"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_evaluation_area_fact_institution_id"), ["institution_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluation_area_fact_partnership_id"), ["partnership_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("evaluation_area_fact")
    op.drop_table("practice_attachment")
    op.drop_table("practice_transition")
    op.drop_table("practice")
