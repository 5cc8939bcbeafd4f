"""seed the case-attribute catalogue

Attributes institutions record about their clients. Health, disability and addiction reveal
special-category data (GDPR art. 9) and release from prison is conviction data (art. 10): they are
flagged sensitive and shown only under the sensitive-data rules.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

attribute_definition = sa.table(
    "attribute_definition",
    sa.column("code", sa.String),
    sa.column("label_pl", sa.String),
    sa.column("label_en", sa.String),
    sa.column("value_type", sa.String),
    sa.column("allowed_values", sa.JSON),
    sa.column("sensitive", sa.Boolean),
    sa.column("institution_types", sa.JSON),
    sa.column("active", sa.Boolean),
)

PUP, OPS, ANY = ["PUP"], ["OPS", "CUS", "PCPR"], ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS"]
EDUCATION = [
    "none",
    "primary",
    "lower_secondary",
    "basic_vocational",
    "secondary_general",
    "secondary_vocational",
    "post_secondary",
    "higher",
]
# code, Polish label, English label, type, allowed values, sensitive, typical institutions
CATALOGUE = [
    ("education_level", "Poziom wykształcenia", "Education level", "enum", EDUCATION, False, ANY),
    (
        "unemployment_status",
        "Status na rynku pracy w PUP",
        "Labour-office status",
        "enum",
        ["registered_unemployed", "job_seeker", "deregistered"],
        False,
        PUP,
    ),
    (
        "unemployed_since",
        "Data rejestracji jako bezrobotny",
        "Registered unemployed since",
        "date",
        None,
        False,
        PUP,
    ),
    ("long_term_unemployed", "Długotrwale bezrobotny", "Long-term unemployed", "boolean", None, False, PUP),
    (
        "ipd_established_on",
        "Data ustalenia IPD",
        "Individual action plan (IPD) date",
        "date",
        None,
        False,
        PUP,
    ),
    (
        "social_assistance_status",
        "Status w pomocy społecznej",
        "Social-assistance status",
        "enum",
        ["applicant", "beneficiary", "former_beneficiary"],
        False,
        OPS,
    ),
    ("social_assistance_since", "Korzysta z pomocy od", "Social assistance since", "date", None, False, OPS),
    (
        "social_contract_active",
        "Zawarty kontrakt socjalny",
        "Social contract in force",
        "boolean",
        None,
        False,
        OPS,
    ),
    ("household_size", "Liczba osób w gospodarstwie domowym", "Household size", "integer", None, False, OPS),
    ("homelessness", "Bezdomność", "Homelessness", "boolean", None, False, ANY),
    (
        "disability_degree",
        "Stopień niepełnosprawności",
        "Disability degree",
        "enum",
        ["mild", "moderate", "severe"],
        True,
        ANY,
    ),
    (
        "disability_certificate_valid_until",
        "Orzeczenie o niepełnosprawności ważne do",
        "Disability certificate valid until",
        "date",
        None,
        True,
        ANY,
    ),
    ("health_restrictions", "Ograniczenia zdrowotne", "Health restrictions", "text", None, True, ANY),
    ("addiction_therapy", "W terapii uzależnień", "In addiction therapy", "boolean", None, True, ANY),
    (
        "mental_health_support",
        "Wsparcie zdrowia psychicznego",
        "Mental-health support",
        "boolean",
        None,
        True,
        ANY,
    ),
    (
        "released_from_prison",
        "Osoba opuszczająca zakład karny",
        "Released from prison",
        "boolean",
        None,
        True,
        ANY,
    ),
    (
        "notes",
        "Uwagi (bez danych szczególnych)",
        "Notes (no special-category data)",
        "text",
        None,
        False,
        ANY,
    ),
]


def upgrade() -> None:
    op.bulk_insert(
        attribute_definition,
        [
            {
                "code": code,
                "label_pl": label_pl,
                "label_en": label_en,
                "value_type": value_type,
                "allowed_values": allowed,
                "sensitive": sensitive,
                "institution_types": types,
                "active": True,
            }
            for code, label_pl, label_en, value_type, allowed, sensitive, types in CATALOGUE
        ],
    )


def downgrade() -> None:
    op.execute(attribute_definition.delete())
