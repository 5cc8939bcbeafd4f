"""local partnerships: initiatives, parties, agreement versions and confirmations, roles, plan, service standard, targets, meetings, evaluations

Existing agreements become pending: they were declared by one party, and every party now
confirms (the recording party's confirmation is not presumed for them either). Two legal-basis
catalogue rows for individual plans are added (the joint-plans work cites them).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

legal_basis = sa.table(
    "legal_basis",
    sa.column("code", sa.String),
    sa.column("act_title", sa.String),
    sa.column("act_short_name", sa.String),
    sa.column("act_short_name_genitive", sa.String),
    sa.column("act_journal", sa.String),
    sa.column("article", sa.String),
    sa.column("paragraph", sa.String),
    sa.column("point", sa.String),
    sa.column("title_pl", sa.String),
    sa.column("title_en", sa.String),
    sa.column("institution_types", sa.JSON),
    sa.column("service_types", sa.JSON),
    sa.column("active", sa.Boolean),
    sa.column("sort_order", sa.Integer),
)

RP = (
    "Ustawa z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia",
    "ustawa o rynku pracy i służbach zatrudnienia",
    "ustawy o rynku pracy i służbach zatrudnienia",
    "Dz.U. 2025 poz. 620",
)
UZS = (
    "Ustawa z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym",
    "ustawa o zatrudnieniu socjalnym",
    "ustawy o zatrudnieniu socjalnym",
    "Dz.U. 2025 poz. 83",
)

# code, act, article, Polish title, English title, institution types, service types (empty: any)
CATALOGUE = [
    (
        "rp_individual_action_plan",
        RP,
        None,
        "Indywidualny plan działania",
        "Individual action plan",
        ["PUP"],
        [],
    ),
    (
        "uzs_art13_individual_programme",
        UZS,
        "13",
        "Indywidualny program zatrudnienia socjalnego",
        "Individual social-employment programme",
        ["CIS", "KIS", "OPS", "CUS", "PUP"],
        ["cis", "kis"],
    ),
]
CODES = [row[0] for row in CATALOGUE]
#: After the rows of 0004 (numbered from 1).
FIRST_SORT_ORDER = 101


def _id(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Uuid(), nullable=False)


def _partnership_fk(name: str = "partnership_id") -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Uuid(), sa.ForeignKey("partnership.id", ondelete="CASCADE"), nullable=False)


def _stamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _create_tables() -> None:
    op.create_table(
        "partnership",
        _id("id"),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("area_teryt", sa.JSON(), nullable=False),
        sa.Column("proposed_by_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("leader_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("coordinator_subject", sa.String(length=128), nullable=True),
        sa.Column("coordinator_name", sa.String(length=200), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_partnership_proposed_by_institution_id"), "partnership", ["proposed_by_institution_id"]
    )
    op.create_table(
        "partnership_party",
        _id("id"),
        _partnership_fk(),
        sa.Column("institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("invited_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("contact_phone", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partnership_id", "institution_id"),
    )
    op.create_index(op.f("ix_partnership_party_partnership_id"), "partnership_party", ["partnership_id"])
    op.create_index(op.f("ix_partnership_party_institution_id"), "partnership_party", ["institution_id"])
    op.create_table(
        "partnership_meeting",
        _id("id"),
        _partnership_fk(),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("present_institution_ids", sa.JSON(), nullable=False),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("decisions", sa.JSON(), nullable=False),
        sa.Column("minutes", sa.JSON(), nullable=True),
        sa.Column("next_meeting_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_partnership_meeting_partnership_id"), "partnership_meeting", ["partnership_id"])
    op.create_table(
        "partnership_task",
        _id("id"),
        _partnership_fk(),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("owner_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), sa.ForeignKey("partnership_meeting.id"), nullable=True),
        *_stamps(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_partnership_task_partnership_id"), "partnership_task", ["partnership_id"])
    op.create_table(
        "partnership_criteria",
        _partnership_fk(),
        sa.Column("teryt_codes", sa.JSON(), nullable=False),
        sa.Column("age_min", sa.Integer(), nullable=True),
        sa.Column("age_max", sa.Integer(), nullable=True),
        sa.Column("labour_office_status", sa.String(length=24), nullable=False),
        sa.Column("social_assistance_use", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("partnership_id"),
    )
    op.create_table(
        "partnership_standard_step",
        _id("id"),
        _partnership_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("performer_institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=True),
        sa.Column("performer_type", sa.String(length=16), nullable=True),
        sa.Column(
            "service_type_code", sa.String(length=48), sa.ForeignKey("service_type.code"), nullable=True
        ),
        sa.Column("deadline_working_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partnership_id", "position"),
    )
    op.create_index(
        op.f("ix_partnership_standard_step_partnership_id"), "partnership_standard_step", ["partnership_id"]
    )
    op.create_table(
        "partnership_target",
        _id("id"),
        _partnership_fk(),
        sa.Column("indicator_code", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target_value", sa.Float(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("partnership_id", "indicator_code", "period"),
    )
    op.create_index(op.f("ix_partnership_target_partnership_id"), "partnership_target", ["partnership_id"])
    op.create_table(
        "partnership_evaluation",
        _id("id"),
        _partnership_fk(),
        sa.Column("institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("what_works", sa.Text(), nullable=False),
        sa.Column("barriers", sa.Text(), nullable=False),
        sa.Column("proposals", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("submitted_by_subject", sa.String(length=128), nullable=False),
        sa.Column("submitted_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_partnership_evaluation_partnership_id"), "partnership_evaluation", ["partnership_id"]
    )
    op.create_table(
        "agreement_confirmation",
        sa.Column(
            "agreement_id",
            sa.Uuid(),
            sa.ForeignKey("partnership_agreement.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("institution_id", sa.Uuid(), sa.ForeignKey("institution.id"), nullable=False),
        sa.Column("confirmed_by_subject", sa.String(length=128), nullable=False),
        sa.Column("confirmed_by_role", sa.String(length=32), nullable=False),
        sa.Column("confirmed_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", "institution_id"),
    )


def upgrade() -> None:
    _create_tables()
    with op.batch_alter_table("partnership_agreement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("partnership_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("number", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("amends_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("annexes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("confirmed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("terminated_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("termination_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("superseded_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("status_recorded", sa.String(length=16), server_default="pending", nullable=False)
        )
        batch_op.create_index(
            batch_op.f("ix_partnership_agreement_partnership_id"), ["partnership_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_partnership_agreement_partnership_id_partnership"),
            "partnership",
            ["partnership_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_partnership_agreement_amends_id_partnership_agreement"),
            "partnership_agreement",
            ["amends_id"],
            ["id"],
        )
    op.execute("UPDATE partnership_agreement SET annexes = '[]'")
    with op.batch_alter_table("partnership_agreement", schema=None) as batch_op:
        batch_op.alter_column("annexes", existing_type=sa.JSON(), nullable=False)
    op.bulk_insert(
        legal_basis,
        [
            {
                "code": code,
                "act_title": act[0],
                "act_short_name": act[1],
                "act_short_name_genitive": act[2],
                "act_journal": act[3],
                "article": article,
                "paragraph": None,
                "point": None,
                "title_pl": title_pl,
                "title_en": title_en,
                "institution_types": institution_types,
                "service_types": service_types,
                "active": True,
                "sort_order": order,
            }
            for order, (
                code,
                act,
                article,
                title_pl,
                title_en,
                institution_types,
                service_types,
            ) in enumerate(CATALOGUE, start=FIRST_SORT_ORDER)
        ],
    )


def downgrade() -> None:
    op.execute(legal_basis.delete().where(legal_basis.c.code.in_(CODES)))
    with op.batch_alter_table("partnership_agreement", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_partnership_agreement_amends_id_partnership_agreement"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_partnership_agreement_partnership_id_partnership"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_partnership_agreement_partnership_id"))
        for column in (
            "status_recorded",
            "superseded_on",
            "termination_reason",
            "terminated_on",
            "confirmed_on",
            "annexes",
            "amends_id",
            "number",
            "partnership_id",
        ):
            batch_op.drop_column(column)
    op.drop_table("agreement_confirmation")
    for table in (
        "partnership_evaluation",
        "partnership_target",
        "partnership_standard_step",
        "partnership_criteria",
        "partnership_task",
        "partnership_meeting",
        "partnership_party",
        "partnership",
    ):
        op.drop_table(table)
