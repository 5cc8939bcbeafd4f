"""what a referral grant shows, and undoable merges

- ``attribute_definition.referral_service_types``: for which service types a recorder's value of
  the attribute travels with a referral (``*`` any), seeded for the catalogue;
- ``access_grant``: the sending institution and service type of the referral (the grant shows
  the sender's travelling attributes only), when the receiver accepted (sensitive ones only
  after that), and the referral version of the grant's state (late updates never win);
- ``person_merge``: each merge with the before-image and the moved rows, for ``undo``.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LABOUR = [
    "job_placement",
    "vocational_counselling",
    "training",
    "traineeship",
    "intervention_work",
    "public_works",
    "startup_grant",
    "socially_useful_work",
    "pai_programme",
]
SOCIAL = [
    "social_work",
    "social_contract",
    "family_assistant",
    "crisis_intervention",
    "legal_counselling",
    "psychological_counselling",
    "family_counselling",
    "care_services",
    "housing_support",
    "childcare",
    "debt_counselling",
]
SOCIAL_EMPLOYMENT = ["kis", "cis", "supported_employment", "social_cooperative"]
HEALTH = ["addiction_therapy", "mental_health_support", "psychological_counselling"]
ANY = ["*"]

#: code -> service types its value travels with (the relevance list of the review's rule).
TRAVELS_WITH = {
    "education_level": LABOUR + SOCIAL_EMPLOYMENT,
    "unemployment_status": ANY,
    "unemployed_since": ANY,
    "long_term_unemployed": ANY,
    "ipd_established_on": LABOUR + SOCIAL_EMPLOYMENT,
    "social_assistance_status": ANY,
    "social_assistance_since": ANY,
    "social_contract_active": ANY,
    "household_size": SOCIAL + SOCIAL_EMPLOYMENT,
    "homelessness": ANY,
    "disability_degree": LABOUR + SOCIAL_EMPLOYMENT + ["care_services", "housing_support"],
    "disability_certificate_valid_until": LABOUR + SOCIAL_EMPLOYMENT + ["care_services", "housing_support"],
    "health_restrictions": LABOUR + SOCIAL_EMPLOYMENT + HEALTH + ["care_services"],
    "addiction_therapy": HEALTH + SOCIAL_EMPLOYMENT,
    "mental_health_support": HEALTH,
    "released_from_prison": SOCIAL_EMPLOYMENT + ["social_work", "legal_counselling", "housing_support"],
    "notes": [],
}


def upgrade() -> None:
    with op.batch_alter_table("attribute_definition") as batch:
        batch.add_column(sa.Column("referral_service_types", sa.JSON(), nullable=False, server_default="[]"))
    definitions = sa.table(
        "attribute_definition", sa.column("code", sa.String), sa.column("referral_service_types", sa.JSON)
    )
    for code, types in TRAVELS_WITH.items():
        op.execute(
            definitions.update().where(definitions.c.code == code).values(referral_service_types=types)
        )

    with op.batch_alter_table("access_grant") as batch:
        batch.add_column(sa.Column("sender_institution_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("service_type_code", sa.String(48), nullable=True))
        batch.add_column(sa.Column("accepted_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("source_version", sa.Integer(), nullable=False, server_default="0"))

    op.create_table(
        "person_merge",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survivor_id", sa.Uuid(), nullable=False),
        sa.Column("merged_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False),
        sa.Column("reason", sa.String(1000), nullable=False),
        sa.Column("merged_at", UTCDateTime(), nullable=False),
        sa.Column("taken_fields", sa.JSON(), nullable=False),
        sa.Column("survivor_before", sa.JSON(), nullable=False),
        sa.Column("merged_before", sa.JSON(), nullable=False),
        sa.Column("moves", sa.JSON(), nullable=False),
        sa.Column("undo_until", UTCDateTime(), nullable=False),
        sa.Column("images_erased_at", UTCDateTime(), nullable=True),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
        sa.Column("undone_by", sa.String(128), nullable=True),
        sa.ForeignKeyConstraint(
            ["survivor_id"], ["person.id"], name=op.f("fk_person_merge_survivor_id_person")
        ),
        sa.ForeignKeyConstraint(["merged_id"], ["person.id"], name=op.f("fk_person_merge_merged_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_merge")),
    )
    with op.batch_alter_table("person_merge") as batch:
        batch.create_index(batch.f("ix_person_merge_survivor_id"), ["survivor_id"], unique=False)
        batch.create_index(batch.f("ix_person_merge_merged_id"), ["merged_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person_merge") as batch:
        batch.drop_index(batch.f("ix_person_merge_merged_id"))
        batch.drop_index(batch.f("ix_person_merge_survivor_id"))
    op.drop_table("person_merge")
    with op.batch_alter_table("access_grant") as batch:
        batch.drop_column("source_version")
        batch.drop_column("accepted_at")
        batch.drop_column("service_type_code")
        batch.drop_column("sender_institution_id")
    with op.batch_alter_table("attribute_definition") as batch:
        batch.drop_column("referral_service_types")
