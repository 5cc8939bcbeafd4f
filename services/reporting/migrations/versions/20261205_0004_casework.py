"""casework in the analytical store: plans, goals, actions and diagnoses as facts without free text,
for the measures of joint casework

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "casework_plan",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("person_pseudonym", sa.String(length=64), nullable=True),
        sa.Column("plan_type", sa.String(length=48), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("party_institution_ids", sa.JSON(), nullable=False),
        sa.Column("diagnosis_id", sa.Uuid(), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("next_review_due", sa.Date(), nullable=True),
        sa.Column("last_reviewed_on", sa.Date(), nullable=True),
        sa.Column("last_review_on_time", sa.Boolean(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_casework_plan")),
    )
    with op.batch_alter_table("casework_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_casework_plan_owner_institution_id"), ["owner_institution_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_casework_plan_person_pseudonym"), ["person_pseudonym"], unique=False
        )
    op.create_table(
        "casework_goal",
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("area_code", sa.String(length=48), nullable=False),
        sa.Column("assessment", sa.String(length=24), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=True),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("goal_id", name=op.f("pk_casework_goal")),
    )
    with op.batch_alter_table("casework_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_casework_goal_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "casework_action",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("plan_owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("first_action_on", sa.Date(), nullable=False),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("action_id", name=op.f("pk_casework_action")),
    )
    with op.batch_alter_table("casework_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_casework_action_plan_id"), ["plan_id"], unique=False)
    op.create_table(
        "casework_diagnosis",
        sa.Column("diagnosis_id", sa.Uuid(), nullable=False),
        sa.Column("person_pseudonym", sa.String(length=64), nullable=True),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("diagnosed_on", sa.Date(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("joint", sa.Boolean(), nullable=False),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("diagnosis_id", name=op.f("pk_casework_diagnosis")),
    )


def downgrade() -> None:
    op.drop_table("casework_diagnosis")
    with op.batch_alter_table("casework_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_casework_action_plan_id"))
    op.drop_table("casework_action")
    with op.batch_alter_table("casework_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_casework_goal_plan_id"))
    op.drop_table("casework_goal")
    with op.batch_alter_table("casework_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_casework_plan_person_pseudonym"))
        batch_op.drop_index(batch_op.f("ix_casework_plan_owner_institution_id"))
    op.drop_table("casework_plan")
