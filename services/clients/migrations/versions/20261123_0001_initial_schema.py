"""initial schema

Revision ID: 0001
Revises:

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("subject", sa.String(length=128), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("resource", sa.String(length=200), nullable=False),
        sa.Column("legal_basis", sa.String(length=32), nullable=False),
        sa.Column("basis_ref", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index("ix_access_log_institution_at", ["institution_id", "occurred_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index("ix_access_log_person_at", ["person_id", "occurred_at"], unique=False)

    op.create_table(
        "attribute_definition",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("label_pl", sa.String(length=200), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("value_type", sa.String(length=12), nullable=False),
        sa.Column("allowed_values", sa.JSON(), nullable=True),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("institution_types", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_attribute_definition")),
    )
    op.create_table(
        "idempotency_key",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("caller", sa.String(length=128), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_headers", sa.JSON(), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_key")),
        sa.UniqueConstraint("caller", "key", name="uq_idempotency_key_caller_key"),
    )
    op.create_table(
        "import_job",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("source_format", sa.String(length=8), nullable=False),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("created_count", sa.Integer(), nullable=False),
        sa.Column("matched_count", sa.Integer(), nullable=False),
        sa.Column("updated_count", sa.Integer(), nullable=False),
        sa.Column("unchanged_count", sa.Integer(), nullable=False),
        sa.Column("rejected_count", sa.Integer(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_job")),
    )
    with op.batch_alter_table("import_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_job_institution_id"), ["institution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_job_status"), ["status"], unique=False)

    op.create_table(
        "outbox_event",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=80), nullable=False),
        sa.Column("aggregate_type", sa.String(length=40), nullable=False),
        sa.Column("aggregate_id", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox_event")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_event_id")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("merged_into_id", sa.Uuid(), nullable=True),
        sa.Column("pesel", sa.String(length=11), nullable=True),
        sa.Column("document_number", sa.String(length=40), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("first_name_norm", sa.String(length=100), nullable=True),
        sa.Column("last_name_norm", sa.String(length=100), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("citizenship", sa.String(length=2), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=6), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("gmina", sa.String(length=7), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("preferred_contact", sa.String(length=12), nullable=True),
        sa.Column("registered_by_institution_id", sa.Uuid(), nullable=False),
        sa.Column("last_activity_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("merged_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("anonymised_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["person.id"], name=op.f("fk_person_merged_into_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("pesel", name=op.f("uq_person_pesel")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_birth_date_names", ["birth_date", "last_name_norm", "first_name_norm"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_document_number"), ["document_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_gmina"), ["gmina"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_last_activity_at"), ["last_activity_at"], unique=False)
        batch_op.create_index("ix_person_last_name_norm", ["last_name_norm"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_merged_into_id"), ["merged_into_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_registered_by_institution_id"),
            ["registered_by_institution_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_person_status"), ["status"], unique=False)

    op.create_table(
        "break_glass",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("subject", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("opened_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_break_glass_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass")),
    )
    with op.batch_alter_table("break_glass", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_break_glass_institution_id"), ["institution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_break_glass_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_break_glass_subject_person", ["subject", "person_id"], unique=False)

    op.create_table(
        "case_attribute",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=False),
        sa.Column("recorded_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code"], ["attribute_definition.code"], name=op.f("fk_case_attribute_code_attribute_definition")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_case_attribute_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_attribute")),
        sa.UniqueConstraint("person_id", "institution_id", "code", name="uq_case_attribute_person_inst_code"),
    )
    with op.batch_alter_table("case_attribute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_attribute_person_id"), ["person_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=48), nullable=False),
        sa.Column("recipient_institution_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_institution_type", sa.String(length=16), nullable=True),
        sa.Column("service_type_code", sa.String(length=48), nullable=True),
        sa.Column("covers_sensitive", sa.Boolean(), nullable=False),
        sa.Column("given_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawal_reason", sa.String(length=500), nullable=True),
        sa.Column("evidence_reference", sa.String(length=200), nullable=True),
        sa.Column("recorded_by_institution_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by", sa.String(length=128), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consent_recorded_by_institution_id"), ["recorded_by_institution_id"], unique=False
        )

    op.create_table(
        "external_ref",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_external_ref_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_ref")),
        sa.UniqueConstraint("institution_id", "external_id", name="uq_external_ref_institution_external"),
    )
    with op.batch_alter_table("external_ref", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_external_ref_person_id"), ["person_id"], unique=False)

    op.create_table(
        "import_row",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("problem", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["import_job.id"], name=op.f("fk_import_row_job_id_import_job")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_row")),
        sa.UniqueConstraint("job_id", "row_number", name="uq_import_row_job_row"),
    )
    with op.batch_alter_table("import_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_row_job_id"), ["job_id"], unique=False)

    op.create_table(
        "registration",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("registered_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("registered_by", sa.String(length=128), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_registration_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration")),
        sa.UniqueConstraint("person_id", "institution_id", name="uq_registration_person_institution"),
    )
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registration_institution_id"), ["institution_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_registration_person_id"), ["person_id"], unique=False)

    op.create_table(
        "access_grant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("legal_basis", sa.String(length=16), nullable=False),
        sa.Column("consent_id", sa.Uuid(), nullable=True),
        sa.Column("covers_sensitive", sa.Boolean(), nullable=False),
        sa.Column("granted_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("expires_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent.id"], name=op.f("fk_access_grant_consent_id_consent")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_access_grant_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_grant")),
        sa.UniqueConstraint("referral_id", "institution_id", name="uq_access_grant_referral_institution"),
    )
    with op.batch_alter_table("access_grant", schema=None) as batch_op:
        batch_op.create_index(
            "ix_access_grant_institution_person", ["institution_id", "person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_access_grant_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("access_grant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_grant_person_id"))
        batch_op.drop_index("ix_access_grant_institution_person")

    op.drop_table("access_grant")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_person_id"))
        batch_op.drop_index(batch_op.f("ix_registration_institution_id"))

    op.drop_table("registration")
    with op.batch_alter_table("import_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_row_job_id"))

    op.drop_table("import_row")
    with op.batch_alter_table("external_ref", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_ref_person_id"))

    op.drop_table("external_ref")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_recorded_by_institution_id"))
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))

    op.drop_table("consent")
    with op.batch_alter_table("case_attribute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_attribute_person_id"))

    op.drop_table("case_attribute")
    with op.batch_alter_table("break_glass", schema=None) as batch_op:
        batch_op.drop_index("ix_break_glass_subject_person")
        batch_op.drop_index(batch_op.f("ix_break_glass_person_id"))
        batch_op.drop_index(batch_op.f("ix_break_glass_institution_id"))

    op.drop_table("break_glass")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_status"))
        batch_op.drop_index(batch_op.f("ix_person_registered_by_institution_id"))
        batch_op.drop_index(batch_op.f("ix_person_merged_into_id"))
        batch_op.drop_index("ix_person_last_name_norm")
        batch_op.drop_index(batch_op.f("ix_person_last_activity_at"))
        batch_op.drop_index(batch_op.f("ix_person_gmina"))
        batch_op.drop_index(batch_op.f("ix_person_document_number"))
        batch_op.drop_index("ix_person_birth_date_names")

    op.drop_table("person")
    op.drop_table("outbox_event")
    with op.batch_alter_table("import_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_job_status"))
        batch_op.drop_index(batch_op.f("ix_import_job_institution_id"))

    op.drop_table("import_job")
    op.drop_table("idempotency_key")
    op.drop_table("attribute_definition")
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index("ix_access_log_person_at")
        batch_op.drop_index(batch_op.f("ix_access_log_occurred_at"))
        batch_op.drop_index("ix_access_log_institution_at")

    op.drop_table("access_log")
