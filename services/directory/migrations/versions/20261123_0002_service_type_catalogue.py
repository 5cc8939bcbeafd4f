"""seed the service-type catalogue

From the domain brief and the referral workflow: instruments of labour offices, social
assistance, social employment, and other support. Health, addiction and mental-health types
reveal special-category data (GDPR art. 9) and are flagged sensitive.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

service_type = sa.table(
    "service_type",
    sa.column("code", sa.String),
    sa.column("name_pl", sa.String),
    sa.column("name_en", sa.String),
    sa.column("category", sa.String),
    sa.column("sensitive", sa.Boolean),
    sa.column("provider_types", sa.JSON),
    sa.column("response_days_routine", sa.Integer),
    sa.column("response_days_urgent", sa.Integer),
    sa.column("active", sa.Boolean),
)

PUP, OPS, NGO = ["PUP"], ["OPS", "CUS"], ["NGO", "KIS", "CIS"]
# code, Polish name, English name, category, sensitive, typical providers, (routine, urgent) days
CATALOGUE = [
    ("job_placement", "Pośrednictwo pracy", "Job placement", "labour_market", False, PUP, None),
    (
        "vocational_counselling",
        "Poradnictwo zawodowe",
        "Vocational counselling",
        "labour_market",
        False,
        PUP,
        None,
    ),
    ("training", "Szkolenie", "Training", "labour_market", False, PUP, None),
    ("traineeship", "Staż", "Traineeship (staż)", "labour_market", False, PUP, None),
    ("intervention_work", "Prace interwencyjne", "Intervention work", "labour_market", False, PUP, None),
    ("public_works", "Roboty publiczne", "Public works", "labour_market", False, PUP, None),
    (
        "startup_grant",
        "Dofinansowanie podjęcia działalności gospodarczej",
        "Start-up grant",
        "labour_market",
        False,
        PUP,
        None,
    ),
    (
        "socially_useful_work",
        "Prace społecznie użyteczne",
        "Socially useful work",
        "labour_market",
        False,
        ["PUP", "OPS", "CUS"],
        None,
    ),
    (
        "pai_programme",
        "Program Aktywizacja i Integracja (PAI)",
        "Activation and Integration programme (PAI)",
        "labour_market",
        False,
        ["PUP", "OPS", "CUS", "NGO"],
        None,
    ),
    ("social_work", "Praca socjalna", "Social work", "social_assistance", False, OPS, None),
    ("social_contract", "Kontrakt socjalny", "Social contract", "social_assistance", False, OPS, None),
    ("family_assistant", "Asystent rodziny", "Family assistant", "social_assistance", False, OPS, None),
    (
        "crisis_intervention",
        "Interwencja kryzysowa",
        "Crisis intervention",
        "social_assistance",
        False,
        ["OPS", "CUS", "PCPR"],
        (2, 1),
    ),
    (
        "legal_counselling",
        "Poradnictwo prawne",
        "Legal counselling",
        "social_assistance",
        False,
        ["OPS", "CUS", "PCPR", "NGO"],
        None,
    ),
    (
        "psychological_counselling",
        "Poradnictwo psychologiczne",
        "Psychological counselling",
        "social_assistance",
        True,
        ["OPS", "CUS", "PCPR", "NGO"],
        None,
    ),
    (
        "family_counselling",
        "Poradnictwo rodzinne",
        "Family counselling",
        "social_assistance",
        False,
        ["OPS", "CUS", "PCPR", "NGO"],
        None,
    ),
    ("care_services", "Usługi opiekuńcze", "Care services", "social_assistance", True, OPS, None),
    (
        "kis",
        "Klub Integracji Społecznej (KIS)",
        "Social integration club (KIS)",
        "social_employment",
        False,
        ["KIS", "NGO", "OPS", "CUS"],
        None,
    ),
    (
        "cis",
        "Centrum Integracji Społecznej (CIS)",
        "Social integration centre (CIS)",
        "social_employment",
        False,
        ["CIS", "NGO"],
        None,
    ),
    (
        "supported_employment",
        "Zatrudnienie wspierane",
        "Supported employment",
        "social_employment",
        False,
        NGO,
        None,
    ),
    (
        "social_cooperative",
        "Spółdzielnia socjalna",
        "Social cooperative",
        "social_employment",
        False,
        NGO,
        None,
    ),
    (
        "debt_counselling",
        "Poradnictwo w sprawie zadłużenia",
        "Debt counselling",
        "other_support",
        False,
        ["NGO", "OPS", "CUS"],
        None,
    ),
    ("addiction_therapy", "Terapia uzależnień", "Addiction therapy", "other_support", True, ["NGO"], None),
    (
        "mental_health_support",
        "Wsparcie zdrowia psychicznego",
        "Mental-health support",
        "other_support",
        True,
        ["NGO"],
        None,
    ),
    (
        "housing_support",
        "Wsparcie mieszkaniowe",
        "Housing support",
        "other_support",
        False,
        ["OPS", "CUS", "NGO"],
        None,
    ),
    ("childcare", "Opieka nad dziećmi", "Childcare", "other_support", False, ["NGO", "OPS", "CUS"], None),
]


def upgrade() -> None:
    op.bulk_insert(
        service_type,
        [
            {
                "code": code,
                "name_pl": pl,
                "name_en": en,
                "category": category,
                "sensitive": sensitive,
                "provider_types": providers,
                "response_days_routine": days[0] if days else None,
                "response_days_urgent": days[1] if days else None,
                "active": True,
            }
            for code, pl, en, category, sensitive, providers, days in CATALOGUE
        ],
    )


def downgrade() -> None:
    op.execute(service_type.delete())
