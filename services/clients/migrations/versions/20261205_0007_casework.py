"""casework: diagnoses, individual plans (goals, actions), lead workers and case conferences

The catalogues are seeded here: problem areas (the grounds for social assistance of the social
assistance act, art. 7, and barriers to employment; special-category areas sensitive by
default) and plan types, each with its code in the directory's legal-basis catalogue and the
institution types that may own one.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUND, BARRIER = "social_assistance_ground", "employment_barrier"
# code, Polish label, English label, group, sensitive
PROBLEM_AREAS = [
    ("poverty", "Ubóstwo", "Poverty", GROUND, False),
    ("orphanhood", "Sieroctwo", "Orphanhood", GROUND, False),
    ("homelessness", "Bezdomność", "Homelessness", GROUND, False),
    ("unemployment", "Bezrobocie", "Unemployment", GROUND, False),
    ("disability", "Niepełnosprawność", "Disability", GROUND, True),
    ("long_term_illness", "Długotrwała lub ciężka choroba", "Long-term or serious illness", GROUND, True),
    ("domestic_violence", "Przemoc domowa", "Domestic violence", GROUND, True),
    (
        "trafficking_victim",
        "Potrzeba ochrony ofiar handlu ludźmi",
        "Protection of victims of human trafficking",
        GROUND,
        False,
    ),
    (
        "maternity_large_family",
        "Potrzeba ochrony macierzyństwa lub wielodzietności",
        "Protection of maternity or a large family",
        GROUND,
        False,
    ),
    (
        "care_upbringing_helplessness",
        "Bezradność w sprawach opiekuńczo-wychowawczych i prowadzenia gospodarstwa domowego",
        "Helplessness in care, upbringing and running a household",
        GROUND,
        False,
    ),
    ("addiction", "Alkoholizm lub narkomania", "Alcohol or drug addiction", GROUND, True),
    (
        "release_from_prison",
        "Trudności w przystosowaniu do życia po zwolnieniu z zakładu karnego",
        "Difficulty adjusting after release from prison",
        GROUND,
        True,
    ),
    (
        "foreigner_integration",
        "Trudności w integracji cudzoziemców",
        "Difficulty in the integration of foreigners",
        GROUND,
        False,
    ),
    (
        "care_leaver_integration",
        "Trudności w integracji osób opuszczających pieczę zastępczą",
        "Difficulty in the integration of care leavers",
        GROUND,
        False,
    ),
    ("crisis_situation", "Sytuacja kryzysowa", "Crisis situation", GROUND, False),
    ("random_event", "Zdarzenie losowe", "Random event", GROUND, False),
    ("disaster", "Klęska żywiołowa lub ekologiczna", "Natural or ecological disaster", GROUND, False),
    (
        "low_qualifications",
        "Niskie lub nieaktualne kwalifikacje",
        "Low or outdated qualifications",
        BARRIER,
        False,
    ),
    ("no_work_experience", "Brak doświadczenia zawodowego", "No work experience", BARRIER, False),
    ("care_duties", "Obowiązki opiekuńcze", "Care duties", BARRIER, False),
    ("transport", "Brak dojazdu do pracy", "No transport to work", BARRIER, False),
    ("health_limitations", "Ograniczenia zdrowotne", "Health limitations", BARRIER, True),
    ("housing", "Problemy mieszkaniowe", "Housing problems", BARRIER, False),
    ("debt", "Zadłużenie i egzekucja komornicza", "Debt and enforcement", BARRIER, False),
    ("language", "Bariera językowa", "Language barrier", BARRIER, False),
]
SOCIAL = ["OPS", "CUS"]
SERVING = ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS"]
# code, Polish label, English label, legal-basis code (directory), owner types, joint
PLAN_TYPES = [
    (
        "pup_individual_action_plan",
        "Indywidualny plan działania (PUP)",
        "Individual action plan (labour office)",
        "rp_individual_action_plan",
        ["PUP"],
        False,
    ),
    ("ops_social_contract", "Kontrakt socjalny", "Social contract", "ups_art108_contract", SOCIAL, False),
    (
        "cis_kis_individual_programme",
        "Indywidualny program zatrudnienia socjalnego (CIS/KIS)",
        "Individual social-employment programme (CIS/KIS)",
        "uzs_art13_individual_programme",
        ["CIS", "KIS"],
        False,
    ),
    (
        "ngo_support_plan",
        "Plan wsparcia (organizacja pozarządowa)",
        "NGO support plan",
        "udpp_art11_public_task",
        ["NGO"],
        False,
    ),
    (
        "joint_plan",
        "Wspólny plan instytucji",
        "Joint plan of several institutions",
        "ups_social_assistance",
        SERVING,
        True,
    ),
]

problem_area = sa.table(
    "problem_area",
    sa.column("code", sa.String),
    sa.column("label_pl", sa.String),
    sa.column("label_en", sa.String),
    sa.column("group", sa.String),
    sa.column("sensitive", sa.Boolean),
    sa.column("sort_order", sa.Integer),
)
plan_type = sa.table(
    "plan_type",
    sa.column("code", sa.String),
    sa.column("label_pl", sa.String),
    sa.column("label_en", sa.String),
    sa.column("legal_basis_code", sa.String),
    sa.column("institution_types", sa.JSON),
    sa.column("joint", sa.Boolean),
    sa.column("sort_order", sa.Integer),
)


def _id() -> sa.Column:
    return sa.Column("id", sa.Uuid(), nullable=False)


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _fk(table: str, column: str, target: str, target_column: str = "id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.{target_column}"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _catalogues() -> None:
    op.create_table(
        "problem_area",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("label_pl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("group", sa.String(length=32), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_problem_area")),
    )
    op.create_table(
        "plan_type",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("label_pl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("legal_basis_code", sa.String(length=64), nullable=False),
        sa.Column("institution_types", sa.JSON(), nullable=False),
        sa.Column("joint", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_plan_type")),
    )
    op.bulk_insert(
        problem_area,
        [
            {"code": c, "label_pl": pl, "label_en": en, "group": g, "sensitive": s, "sort_order": i}
            for i, (c, pl, en, g, s) in enumerate(PROBLEM_AREAS)
        ],
    )
    op.bulk_insert(
        plan_type,
        [
            {
                "code": c,
                "label_pl": pl,
                "label_en": en,
                "legal_basis_code": basis,
                "institution_types": types,
                "joint": joint,
                "sort_order": i,
            }
            for i, (c, pl, en, basis, types, joint) in enumerate(PLAN_TYPES)
        ],
    )


def _diagnoses() -> None:
    op.create_table(
        "diagnosis",
        _id(),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("author_sub", sa.String(length=128), nullable=False),
        sa.Column("diagnosed_on", sa.Date(), nullable=False),
        sa.Column("joint", sa.Boolean(), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=True),
        sa.Column("person_view", sa.Text(), nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("signed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        _fk("diagnosis", "person_id", "person"),
        _pk("diagnosis"),
    )
    op.create_index("ix_diagnosis_person_date", "diagnosis", ["person_id", "diagnosed_on"])
    op.create_index(op.f("ix_diagnosis_owner_institution_id"), "diagnosis", ["owner_institution_id"])
    op.create_table(
        "diagnosis_contributor",
        _id(),
        sa.Column("diagnosis_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("invited_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("signed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("signed_by", sa.String(length=128), nullable=True),
        _fk("diagnosis_contributor", "diagnosis_id", "diagnosis"),
        _pk("diagnosis_contributor"),
        sa.UniqueConstraint("diagnosis_id", "institution_id", name=op.f("uq_diagnosis_contributor")),
    )
    op.create_index(op.f("ix_diagnosis_contributor_diagnosis_id"), "diagnosis_contributor", ["diagnosis_id"])
    op.create_index(
        op.f("ix_diagnosis_contributor_institution_id"), "diagnosis_contributor", ["institution_id"]
    )
    op.create_table(
        "diagnosis_area",
        _id(),
        sa.Column("diagnosis_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("area_code", sa.String(length=48), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        _fk("diagnosis_area", "diagnosis_id", "diagnosis"),
        _fk("diagnosis_area", "area_code", "problem_area", "code"),
        _pk("diagnosis_area"),
        sa.UniqueConstraint("diagnosis_id", "institution_id", "area_code", name=op.f("uq_diagnosis_area")),
    )
    op.create_index(op.f("ix_diagnosis_area_diagnosis_id"), "diagnosis_area", ["diagnosis_id"])


def _plans() -> None:
    op.create_table(
        "plan",
        _id(),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("plan_type_code", sa.String(length=48), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.Column("diagnosis_id", sa.Uuid(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("agreement_date", sa.Date(), nullable=True),
        sa.Column("agreement_method", sa.String(length=16), nullable=True),
        sa.Column("next_review_due", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        _fk("plan", "person_id", "person"),
        _fk("plan", "plan_type_code", "plan_type", "code"),
        _fk("plan", "diagnosis_id", "diagnosis"),
        _pk("plan"),
    )
    op.create_index("ix_plan_person", "plan", ["person_id", "created_at"])
    op.create_index("ix_plan_owner_review", "plan", ["owner_institution_id", "next_review_due"])
    op.create_table(
        "plan_party",
        _id(),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        _fk("plan_party", "plan_id", "plan"),
        _pk("plan_party"),
        sa.UniqueConstraint("plan_id", "institution_id", name=op.f("uq_plan_party")),
    )
    op.create_index(op.f("ix_plan_party_plan_id"), "plan_party", ["plan_id"])
    op.create_index(op.f("ix_plan_party_institution_id"), "plan_party", ["institution_id"])
    op.create_table(
        "plan_goal",
        _id(),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("area_code", sa.String(length=48), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("assessment", sa.String(length=16), nullable=True),
        sa.Column("assessment_reason", sa.Text(), nullable=True),
        sa.Column("assessed_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        _fk("plan_goal", "plan_id", "plan"),
        _fk("plan_goal", "area_code", "problem_area", "code"),
        _pk("plan_goal"),
    )
    op.create_index(op.f("ix_plan_goal_plan_id"), "plan_goal", ["plan_id"])


def _coordination() -> None:
    op.create_table(
        "lead_worker",
        _id(),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("user_sub", sa.String(length=128), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("assigned_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("assigned_by", sa.String(length=128), nullable=False),
        sa.Column("ended_at", UTCDateTime(timezone=True), nullable=True),
        _fk("lead_worker", "person_id", "person"),
        _pk("lead_worker"),
    )
    op.create_index("ix_lead_worker_person", "lead_worker", ["person_id", "assigned_at"])
    op.create_index(
        "uq_lead_worker_current",
        "lead_worker",
        ["person_id"],
        unique=True,
        sqlite_where=sa.text("ended_at IS NULL"),
        postgresql_where=sa.text("ended_at IS NULL"),
    )
    op.create_table(
        "case_conference",
        _id(),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("organiser_institution_id", sa.Uuid(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("person_present", sa.Boolean(), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=128), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        _fk("case_conference", "person_id", "person"),
        _pk("case_conference"),
    )
    op.create_index("ix_case_conference_person", "case_conference", ["person_id", "held_on"])


def _actions() -> None:
    op.create_table(
        "plan_action",
        _id(),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("owner_institution_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("service_type_code", sa.String(length=48), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("conference_id", sa.Uuid(), nullable=True),
        sa.Column("referral_id", sa.Uuid(), nullable=True),
        sa.Column("referral_status", sa.String(length=24), nullable=True),
        sa.Column("referral_outcome_code", sa.String(length=48), nullable=True),
        sa.Column("referral_receiver_institution_id", sa.Uuid(), nullable=True),
        sa.Column("referral_version", sa.Integer(), nullable=True),
        sa.Column("proposed_result", sa.String(length=12), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        _fk("plan_action", "plan_id", "plan"),
        _fk("plan_action", "goal_id", "plan_goal"),
        _fk("plan_action", "conference_id", "case_conference"),
        _pk("plan_action"),
    )
    for column in ("plan_id", "goal_id", "owner_institution_id", "conference_id", "referral_id"):
        op.create_index(op.f(f"ix_plan_action_{column}"), "plan_action", [column])
    op.create_table(
        "plan_review",
        _id(),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=128), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        _fk("plan_review", "plan_id", "plan"),
        _pk("plan_review"),
    )
    op.create_index(op.f("ix_plan_review_plan_id"), "plan_review", ["plan_id"])


def upgrade() -> None:
    _catalogues()
    _diagnoses()
    _plans()
    _coordination()
    _actions()


def downgrade() -> None:
    for table in (
        "plan_action",
        "case_conference",
        "lead_worker",
        "plan_review",
        "plan_goal",
        "plan_party",
        "plan",
        "diagnosis_area",
        "diagnosis_contributor",
        "diagnosis",
        "plan_type",
        "problem_area",
    ):
        op.drop_table(table)
