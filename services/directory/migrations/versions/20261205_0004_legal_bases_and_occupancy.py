"""the legal-basis catalogue and the places referrals occupy in offers (issue #13)

- ``legal_basis``: provisions of Polish law a referral (later an individual plan) rests on,
  seeded below. Article numbers are given only where the text of the act was checked; the
  provisions of the 2025 labour-market act are cited by the act and the task.
- ``service_offer.occupied`` and ``offer_occupancy``: which referrals occupy a place of an offer,
  as the referrals service delivers them (see ``splot.directory.occupancy``).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0004"
down_revision: str | None = "0003"
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

# The acts: full title, short name, its genitive (for "art. N ustawy o …") and the journal.
UPS = (
    "Ustawa z dnia 12 marca 2004 r. o pomocy społecznej",
    "ustawa o pomocy społecznej",
    "ustawy o pomocy społecznej",
    None,
)
RP = (
    "Ustawa z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia",
    "ustawa o rynku pracy i służbach zatrudnienia",
    "ustawy o rynku pracy i służbach zatrudnienia",
    "Dz.U. 2025 poz. 620",
)
UPZ = (
    "Ustawa z dnia 20 kwietnia 2004 r. o promocji zatrudnienia i instytucjach rynku pracy",
    "ustawa o promocji zatrudnienia i instytucjach rynku pracy",
    "ustawy o promocji zatrudnienia i instytucjach rynku pracy",
    None,
)
UZS = (
    "Ustawa z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym",
    "ustawa o zatrudnieniu socjalnym",
    "ustawy o zatrudnieniu socjalnym",
    "Dz.U. 2025 poz. 83",
)
UDPP = (
    "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie",
    "ustawa o działalności pożytku publicznego i o wolontariacie",
    "ustawy o działalności pożytku publicznego i o wolontariacie",
    None,
)
UWR = (
    "Ustawa z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej",
    "ustawa o wspieraniu rodziny i systemie pieczy zastępczej",
    "ustawy o wspieraniu rodziny i systemie pieczy zastępczej",
    None,
)

SOCIAL = ["OPS", "CUS", "PCPR"]
NGOS = ["NGO", "CIS", "KIS"]
SOCIAL_SERVICES = [
    "social_work",
    "social_contract",
    "family_assistant",
    "crisis_intervention",
    "legal_counselling",
    "psychological_counselling",
    "family_counselling",
    "care_services",
    "kis",
    "cis",
    "debt_counselling",
    "housing_support",
    "childcare",
]
LABOUR_SERVICES = [
    "job_placement",
    "vocational_counselling",
    "training",
    "traineeship",
    "intervention_work",
    "public_works",
    "startup_grant",
]

# code, act, (article, paragraph, point), Polish title, English title, institution types,
# service types (empty: any), active
CATALOGUE = [
    (
        "ups_social_assistance",
        UPS,
        (None, None, None),
        "Zadania pomocy społecznej wobec osób i rodzin (bez wskazania przepisu szczególnego)",
        "Social-assistance tasks towards persons and families (no more specific provision)",
        SOCIAL,
        [],
        True,
    ),
    (
        "ups_art45_social_work",
        UPS,
        ("45", None, None),
        "Praca socjalna",
        "Social work",
        SOCIAL,
        ["social_work", "kis", "cis", "housing_support", "debt_counselling"],
        True,
    ),
    (
        "ups_art46_counselling",
        UPS,
        ("46", None, None),
        "Poradnictwo specjalistyczne: prawne, psychologiczne i rodzinne",
        "Specialist counselling: legal, psychological and family",
        SOCIAL,
        ["legal_counselling", "psychological_counselling", "family_counselling", "debt_counselling"],
        True,
    ),
    (
        "ups_art47_crisis",
        UPS,
        ("47", None, None),
        "Interwencja kryzysowa",
        "Crisis intervention",
        SOCIAL,
        ["crisis_intervention", "psychological_counselling", "housing_support"],
        True,
    ),
    (
        "ups_art50_care",
        UPS,
        ("50", None, None),
        "Usługi opiekuńcze",
        "Care services",
        ["OPS", "CUS"],
        ["care_services"],
        True,
    ),
    (
        "ups_art108_contract",
        UPS,
        ("108", None, None),
        "Kontrakt socjalny",
        "Social contract",
        SOCIAL,
        ["social_contract", "kis", "cis", "job_placement", "vocational_counselling"],
        True,
    ),
    (
        "ups_art25_commissioned",
        UPS,
        ("25", None, None),
        "Realizacja zadań pomocy społecznej zleconych organizacji pozarządowej",
        "Social-assistance tasks commissioned from a non-governmental organisation",
        NGOS,
        SOCIAL_SERVICES,
        True,
    ),
    (
        "uwr_family_assistant",
        UWR,
        (None, None, None),
        "Asystent rodziny",
        "Family assistant",
        ["OPS", "CUS", "PCPR"],
        ["family_assistant"],
        True,
    ),
    (
        "rp_pup_services",
        RP,
        (None, None, None),
        "Usługi rynku pracy powiatowego urzędu pracy: pośrednictwo pracy i poradnictwo zawodowe",
        "Labour-market services of the county labour office: job placement and vocational counselling",
        ["PUP"],
        ["job_placement", "vocational_counselling"],
        True,
    ),
    (
        "rp_pup_instruments",
        RP,
        (None, None, None),
        "Formy pomocy dla bezrobotnych: szkolenia, staże, prace interwencyjne, roboty publiczne, "
        "środki na podjęcie działalności gospodarczej",
        "Forms of help for the unemployed: training, traineeships, intervention work, public works, "
        "start-up funds",
        ["PUP"],
        LABOUR_SERVICES,
        True,
    ),
    (
        "rp_social_activation",
        RP,
        (None, None, None),
        "Aktywizacja bezrobotnych korzystających ze świadczeń pomocy społecznej we współpracy "
        "z ośrodkiem pomocy społecznej (prace społecznie użyteczne, program Aktywizacja i Integracja)",
        "Activation of unemployed social-assistance clients with the social assistance centre "
        "(socially useful work, the Activation and Integration programme)",
        ["PUP", "OPS", "CUS"],
        ["socially_useful_work", "pai_programme"],
        True,
    ),
    (
        "rp_pup_referral_to_social_services",
        RP,
        (None, None, None),
        "Współpraca powiatowego urzędu pracy z ośrodkiem pomocy społecznej w aktywizacji "
        "bezrobotnych wymagających wsparcia socjalnego",
        "The county labour office's cooperation with the social assistance centre in activating "
        "unemployed people who need social support",
        ["PUP"],
        SOCIAL_SERVICES,
        True,
    ),
    (
        "upz_art62a_pai",
        UPZ,
        ("62a", None, None),
        "Program Aktywizacja i Integracja (uchylony: ustawa utraciła moc 1 czerwca 2025 r.)",
        "Activation and Integration programme (repealed: the act lapsed on 1 June 2025)",
        ["PUP", "OPS", "CUS"],
        ["pai_programme"],
        False,
    ),
    (
        "uzs_art12_cis",
        UZS,
        ("12", "1", None),
        "Skierowanie do uczestnictwa w zajęciach centrum integracji społecznej",
        "Referral to the activities of a social integration centre (CIS)",
        ["OPS", "CUS", "PUP"],
        ["cis"],
        True,
    ),
    (
        "uzs_art18_kis",
        UZS,
        ("18", None, None),
        "Klub integracji społecznej (uczestnictwo na podstawie kontraktu socjalnego)",
        "Social integration club (KIS; participation under a social contract)",
        ["OPS", "CUS", "PUP", "NGO", "KIS"],
        ["kis"],
        True,
    ),
    (
        "uzs_art1_social_employment",
        UZS,
        ("1", None, None),
        "Zatrudnienie socjalne: zajęcia w CIS i KIS, zatrudnienie wspierane",
        "Social employment: CIS and KIS activities, supported employment",
        ["OPS", "CUS", "PUP", "NGO", "CIS", "KIS"],
        ["cis", "kis", "supported_employment", "social_cooperative"],
        True,
    ),
    (
        "udpp_art11_public_task",
        UDPP,
        ("11", "1", None),
        "Realizacja zadania publicznego zleconego organizacji pozarządowej (powierzenie lub wsparcie)",
        "A public task commissioned from a non-governmental organisation (entrusted or supported)",
        NGOS,
        [],
        True,
    ),
]


def upgrade() -> None:
    op.create_table(
        "legal_basis",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("act_title", sa.String(length=300), nullable=False),
        sa.Column("act_short_name", sa.String(length=200), nullable=False),
        sa.Column("act_short_name_genitive", sa.String(length=200), nullable=False),
        sa.Column("act_journal", sa.String(length=64), nullable=True),
        sa.Column("article", sa.String(length=16), nullable=True),
        sa.Column("paragraph", sa.String(length=16), nullable=True),
        sa.Column("point", sa.String(length=16), nullable=True),
        sa.Column("title_pl", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("institution_types", sa.JSON(), nullable=False),
        sa.Column("service_types", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_legal_basis")),
    )
    op.create_table(
        "offer_occupancy",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("occupying", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["service_offer.id"], name=op.f("fk_offer_occupancy_offer_id_service_offer")
        ),
        sa.PrimaryKeyConstraint("referral_id", name=op.f("pk_offer_occupancy")),
    )
    with op.batch_alter_table("offer_occupancy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_occupancy_offer_id"), ["offer_id"], unique=False)
    with op.batch_alter_table("service_offer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("occupied", sa.Integer(), server_default="0", nullable=False))
    op.bulk_insert(
        legal_basis,
        [
            {
                "code": code,
                "act_title": act[0],
                "act_short_name": act[1],
                "act_short_name_genitive": act[2],
                "act_journal": act[3],
                "article": where[0],
                "paragraph": where[1],
                "point": where[2],
                "title_pl": title_pl,
                "title_en": title_en,
                "institution_types": institution_types,
                "service_types": service_types,
                "active": active,
                "sort_order": order,
            }
            for order, (code, act, where, title_pl, title_en, institution_types, service_types, active) in (
                enumerate(CATALOGUE, start=1)
            )
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("service_offer", schema=None) as batch_op:
        batch_op.drop_column("occupied")
    with op.batch_alter_table("offer_occupancy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_occupancy_offer_id"))
    op.drop_table("offer_occupancy")
    op.drop_table("legal_basis")
