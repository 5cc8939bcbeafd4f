"""surveys of institutions: questionnaires, rounds, recipients, responses, reminders

``survey_questionnaire`` holds the questionnaire document (JSON sections), frozen once a round is
opened with it; ``survey_round`` a questionnaire sent to institutions of some types in a territory
with a deadline; ``survey_recipient`` the institutions invited (frozen at opening, with the time
they were last reminded); ``survey_response`` one response per (round, institution);
``survey_text_answer`` the free-text answers' ids and the owner's "publishable" mark.

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


def _ts(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, splot.common.db.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "survey_questionnaire",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=4000), nullable=True),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("template", sa.String(length=64), nullable=True),
        sa.Column("owner_scope", sa.String(length=4), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_questionnaire")),
    )
    with op.batch_alter_table("survey_questionnaire", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_questionnaire_owner_scope"), ["owner_scope"], unique=False
        )
    op.create_table(
        "survey_round",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("questionnaire_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("territory", sa.String(length=4), nullable=False),
        sa.Column("institution_types", sa.JSON(), nullable=False),
        sa.Column("period_from", sa.String(length=7), nullable=False),
        sa.Column("period_to", sa.String(length=7), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("reminder_days", sa.Integer(), nullable=False),
        sa.Column("owner_scope", sa.String(length=4), nullable=False),
        sa.Column("owner_user_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _ts("opened_at"),
        _ts("closed_at", True),
        _ts("reminders_sent_at", True),
        sa.Column("auto_reminded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["questionnaire_id"],
            ["survey_questionnaire.id"],
            name=op.f("fk_survey_round_questionnaire_id_survey_questionnaire"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_round")),
    )
    with op.batch_alter_table("survey_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_round_questionnaire_id"), ["questionnaire_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_survey_round_territory"), ["territory"], unique=False)
        batch_op.create_index(batch_op.f("ix_survey_round_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_survey_round_status"), ["status"], unique=False)
    op.create_table(
        "survey_recipient",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("institution_type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("teryt", sa.String(length=7), nullable=False),
        sa.Column("powiat_code", sa.String(length=4), nullable=False),
        sa.Column("voivodeship_code", sa.String(length=2), nullable=False),
        _ts("reminded_at", True),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_survey_recipient_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("round_id", "institution_id", name=op.f("pk_survey_recipient")),
    )
    with op.batch_alter_table("survey_recipient", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_recipient_institution_id"), ["institution_id"], unique=False
        )
    op.create_table(
        "survey_response",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        _ts("submitted_at", True),
        _ts("created_at"),
        _ts("updated_at"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_survey_response_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
        sa.UniqueConstraint("round_id", "institution_id", name="uq_survey_response_round"),
    )
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_response_round_id"), ["round_id"], unique=False)
    op.create_table(
        "survey_text_answer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("response_id", sa.Uuid(), nullable=False),
        sa.Column("question_key", sa.String(length=40), nullable=False),
        sa.Column("publishable", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["survey_round.id"],
            name=op.f("fk_survey_text_answer_round_id_survey_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["survey_response.id"],
            name=op.f("fk_survey_text_answer_response_id_survey_response"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_text_answer")),
        sa.UniqueConstraint("response_id", "question_key", name="uq_survey_text_answer"),
    )
    with op.batch_alter_table("survey_text_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_text_answer_round_id"), ["round_id"], unique=False)


def downgrade() -> None:
    op.drop_table("survey_text_answer")
    op.drop_table("survey_response")
    op.drop_table("survey_recipient")
    op.drop_table("survey_round")
    op.drop_table("survey_questionnaire")
