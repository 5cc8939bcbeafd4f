"""seed reason and outcome codes

The seed lists of referral-workflow.md, kept as reference data (not enums in code): reasons for
reject / withdraw / fail / cancel (and optional ones for hold and request_cancellation), outcomes
of completed referrals (the employment ones schedule follow-ups), and follow-up outcomes.

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

reason_code = sa.table(
    "reason_code",
    sa.column("code", sa.String),
    sa.column("label_pl", sa.String),
    sa.column("label_en", sa.String),
    sa.column("actions", sa.JSON),
    sa.column("system_only", sa.Boolean),
    sa.column("active", sa.Boolean),
    sa.column("sort_order", sa.Integer),
)
outcome_code = sa.table(
    "outcome_code",
    sa.column("code", sa.String),
    sa.column("kind", sa.String),
    sa.column("label_pl", sa.String),
    sa.column("label_en", sa.String),
    sa.column("employment", sa.Boolean),
    sa.column("active", sa.Boolean),
    sa.column("sort_order", sa.Integer),
)

_RESPONSE = ["reject", "fail", "cancel"]
_BY_SENDER = ["withdraw", "request_cancellation"]
REASONS = [
    ("no_capacity", "Brak wolnych miejsc", "No capacity", [*_RESPONSE, "hold"], False),
    ("not_eligible", "Osoba nie spełnia kryteriów", "Not eligible", _RESPONSE, False),
    (
        "client_declined",
        "Osoba odmówiła lub zrezygnowała",
        "Client declined",
        [*_RESPONSE, *_BY_SENDER, "hold"],
        False,
    ),
    (
        "client_unreachable",
        "Brak kontaktu z osobą",
        "Client unreachable",
        [*_RESPONSE, *_BY_SENDER, "hold"],
        False,
    ),
    ("duplicate", "Zdublowane skierowanie", "Duplicate referral", ["reject", "cancel", *_BY_SENDER], False),
    (
        "wrong_institution",
        "Niewłaściwa instytucja",
        "Wrong institution",
        ["reject", "cancel", *_BY_SENDER],
        False,
    ),
    ("no_response", "Brak odpowiedzi w terminie", "No response in time", ["expire"], True),
    ("other", "Inny powód", "Other", [*_RESPONSE, *_BY_SENDER, "hold"], False),
]

OUTCOMES = [
    ("employed", "Podjęcie zatrudnienia", "Employed", True),
    ("employed_subsidised", "Zatrudnienie subsydiowane", "Subsidised employment", True),
    ("self_employed", "Podjęcie działalności gospodarczej", "Self-employed", True),
    ("social_cooperative", "Praca w spółdzielni socjalnej", "Social cooperative", False),
    ("training_started", "Rozpoczęcie szkolenia", "Training started", False),
    ("training_completed", "Ukończenie szkolenia", "Training completed", False),
    ("education_started", "Podjęcie nauki", "Education started", False),
    (
        "programme_completed",
        "Ukończenie programu (KIS, CIS, PAI)",
        "Programme completed (KIS, CIS, PAI)",
        False,
    ),
    ("social_contract_signed", "Zawarcie kontraktu socjalnego", "Social contract signed", False),
    ("therapy_started", "Rozpoczęcie terapii", "Therapy started", False),
    ("housing_secured", "Zapewnienie mieszkania", "Housing secured", False),
    ("debt_plan_agreed", "Uzgodnienie planu spłaty zadłużenia", "Debt plan agreed", False),
    ("goals_met", "Osiągnięcie celów wsparcia", "Goals met", False),
    ("dropped_out", "Przerwanie udziału", "Dropped out", False),
    ("no_show", "Niestawienie się", "No show", False),
    ("other", "Inny wynik", "Other", False),
]

FOLLOW_UP_OUTCOMES = [
    ("still_employed", "Nadal pracuje u tego samego pracodawcy", "Still employed"),
    ("employed_elsewhere", "Pracuje u innego pracodawcy", "Employed elsewhere"),
    ("running_business", "Prowadzi działalność gospodarczą", "Running a business"),
    ("in_training", "Uczy się lub szkoli", "In education or training"),
    ("not_employed", "Nie pracuje", "Not employed"),
    ("no_contact", "Brak kontaktu z osobą", "No contact"),
]


def upgrade() -> None:
    op.bulk_insert(
        reason_code,
        [
            {
                "code": code,
                "label_pl": pl,
                "label_en": en,
                "actions": actions,
                "system_only": system_only,
                "active": True,
                "sort_order": i,
            }
            for i, (code, pl, en, actions, system_only) in enumerate(REASONS)
        ],
    )
    op.bulk_insert(
        outcome_code,
        [
            {
                "code": code,
                "kind": "outcome",
                "label_pl": pl,
                "label_en": en,
                "employment": employment,
                "active": True,
                "sort_order": i,
            }
            for i, (code, pl, en, employment) in enumerate(OUTCOMES)
        ]
        + [
            {
                "code": code,
                "kind": "followup",
                "label_pl": pl,
                "label_en": en,
                "employment": False,
                "active": True,
                "sort_order": i,
            }
            for i, (code, pl, en) in enumerate(FOLLOW_UP_OUTCOMES)
        ],
    )


def downgrade() -> None:
    op.execute(outcome_code.delete())
    op.execute(reason_code.delete())
