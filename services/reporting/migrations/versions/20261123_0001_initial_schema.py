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
        "agg_duration",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_powiat", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_powiat", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=16), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "sender_powiat",
            "target_voivodeship",
            "target_powiat",
            "sender_type",
            "target_type",
            "service_type",
            "priority",
            "metric",
            "days",
            name="pk_agg_duration",
        ),
    )
    op.create_table(
        "agg_outcome",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_powiat", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_powiat", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("outcome_code", sa.String(length=48), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "sender_powiat",
            "target_voivodeship",
            "target_powiat",
            "sender_type",
            "target_type",
            "service_type",
            "outcome_code",
            name="pk_agg_outcome",
        ),
    )
    op.create_table(
        "agg_reason",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_powiat", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_powiat", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("reason_code", sa.String(length=48), nullable=False),
        sa.Column("declined_by", sa.String(length=16), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "sender_powiat",
            "target_voivodeship",
            "target_powiat",
            "sender_type",
            "target_type",
            "service_type",
            "status",
            "reason_code",
            "declined_by",
            name="pk_agg_reason",
        ),
    )
    op.create_table(
        "agg_referral_institution",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_institution_id", sa.Uuid(), nullable=False),
        sa.Column("target_institution_id", sa.Uuid(), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("responded", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_by_client", sa.Integer(), nullable=False),
        sa.Column("rejected_by_provider", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.Column("closed_loop", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("sla_met", sa.Integer(), nullable=False),
        sa.Column("sla_missed", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Integer(), nullable=False),
        sa.Column("forwarded", sa.Integer(), nullable=False),
        sa.Column("employment_outcome", sa.Integer(), nullable=False),
        sa.Column("followup_3m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_3m_employed", sa.Integer(), nullable=False),
        sa.Column("followup_6m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_6m_employed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_institution_id",
            "target_institution_id",
            "service_type",
            "priority",
            "status",
            name="pk_agg_referral_institution",
        ),
    )
    op.create_table(
        "agg_referral_powiat",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_powiat", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_powiat", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("responded", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_by_client", sa.Integer(), nullable=False),
        sa.Column("rejected_by_provider", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.Column("closed_loop", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("sla_met", sa.Integer(), nullable=False),
        sa.Column("sla_missed", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Integer(), nullable=False),
        sa.Column("forwarded", sa.Integer(), nullable=False),
        sa.Column("employment_outcome", sa.Integer(), nullable=False),
        sa.Column("followup_3m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_3m_employed", sa.Integer(), nullable=False),
        sa.Column("followup_6m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_6m_employed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "sender_powiat",
            "target_voivodeship",
            "target_powiat",
            "sender_type",
            "target_type",
            "service_type",
            "priority",
            "status",
            name="pk_agg_referral_powiat",
        ),
    )
    op.create_table(
        "agg_referral_profile",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_powiat", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_powiat", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("sex", sa.String(length=8), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("responded", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_by_client", sa.Integer(), nullable=False),
        sa.Column("rejected_by_provider", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.Column("closed_loop", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("sla_met", sa.Integer(), nullable=False),
        sa.Column("sla_missed", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Integer(), nullable=False),
        sa.Column("forwarded", sa.Integer(), nullable=False),
        sa.Column("employment_outcome", sa.Integer(), nullable=False),
        sa.Column("followup_3m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_3m_employed", sa.Integer(), nullable=False),
        sa.Column("followup_6m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_6m_employed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "sender_powiat",
            "target_voivodeship",
            "target_powiat",
            "sender_type",
            "target_type",
            "service_type",
            "status",
            "age_band",
            "sex",
            name="pk_agg_referral_profile",
        ),
    )
    op.create_table(
        "agg_referral_region",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("responded", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_by_client", sa.Integer(), nullable=False),
        sa.Column("rejected_by_provider", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.Column("closed_loop", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("sla_met", sa.Integer(), nullable=False),
        sa.Column("sla_missed", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Integer(), nullable=False),
        sa.Column("forwarded", sa.Integer(), nullable=False),
        sa.Column("employment_outcome", sa.Integer(), nullable=False),
        sa.Column("followup_3m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_3m_employed", sa.Integer(), nullable=False),
        sa.Column("followup_6m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_6m_employed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "target_voivodeship",
            "sender_type",
            "target_type",
            "service_type",
            "priority",
            "status",
            name="pk_agg_referral_region",
        ),
    )
    op.create_table(
        "agg_referral_route",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("sender_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("target_voivodeship", sa.String(length=7), nullable=False),
        sa.Column("sender_type", sa.String(length=16), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("referrals", sa.Integer(), nullable=False),
        sa.Column("responded", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_by_client", sa.Integer(), nullable=False),
        sa.Column("rejected_by_provider", sa.Integer(), nullable=False),
        sa.Column("started", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Integer(), nullable=False),
        sa.Column("open", sa.Integer(), nullable=False),
        sa.Column("ended", sa.Integer(), nullable=False),
        sa.Column("closed_loop", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("sla_met", sa.Integer(), nullable=False),
        sa.Column("sla_missed", sa.Integer(), nullable=False),
        sa.Column("overdue", sa.Integer(), nullable=False),
        sa.Column("forwarded", sa.Integer(), nullable=False),
        sa.Column("employment_outcome", sa.Integer(), nullable=False),
        sa.Column("followup_3m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_3m_employed", sa.Integer(), nullable=False),
        sa.Column("followup_6m_answered", sa.Integer(), nullable=False),
        sa.Column("followup_6m_employed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "month",
            "sender_voivodeship",
            "target_voivodeship",
            "sender_type",
            "target_type",
            "status",
            name="pk_agg_referral_route",
        ),
    )
    op.create_table(
        "agreement_dim",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_dim")),
    )
    op.create_table(
        "consent_fact",
        sa.Column("consent_id", sa.Uuid(), nullable=False),
        sa.Column("recipient_institution_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_institution_type", sa.String(length=16), nullable=True),
        sa.Column("purpose", sa.String(length=64), nullable=True),
        sa.Column("given_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("expires_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("consent_id", name=op.f("pk_consent_fact")),
    )
    op.create_table(
        "dirty_month",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "month", name=op.f("pk_dirty_month")),
    )
    op.create_table(
        "edition",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("granularity", sa.String(length=8), nullable=False),
        sa.Column("scope_territory", sa.String(length=4), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition")),
        sa.UniqueConstraint("period", "scope_territory", name="uq_edition_period_scope"),
    )
    op.create_table(
        "followup_fact",
        sa.Column("followup_id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("due_months", sa.Integer(), nullable=False),
        sa.Column("outcome_code", sa.String(length=48), nullable=True),
        sa.Column("answered_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("followup_id", name=op.f("pk_followup_fact")),
    )
    with op.batch_alter_table("followup_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_followup_fact_referral_id"), ["referral_id"], unique=False)

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
        "institution_dim",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("teryt", sa.String(length=7), nullable=False),
        sa.Column("powiat_code", sa.String(length=4), nullable=False),
        sa.Column("voivodeship_code", sa.String(length=2), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institution_dim")),
    )
    with op.batch_alter_table("institution_dim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_institution_dim_powiat_code"), ["powiat_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_institution_dim_type"), ["type"], unique=False)

    op.create_table(
        "offer_dim",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("service_type_code", sa.String(length=48), nullable=False),
        sa.Column("teryt", sa.String(length=7), nullable=True),
        sa.Column("capacity_available", sa.Integer(), nullable=True),
        sa.Column("capacity_max", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_dim")),
    )
    with op.batch_alter_table("offer_dim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_dim_institution_id"), ["institution_id"], unique=False)

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
        "person_contact",
        sa.Column("pseudonym", sa.String(length=64), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("pseudonym", "institution_id", "year", "month", name="pk_person_contact"),
    )
    with op.batch_alter_table("person_contact", schema=None) as batch_op:
        batch_op.create_index("ix_person_contact_period", ["year", "month"], unique=False)

    op.create_table(
        "person_dim",
        sa.Column("pseudonym", sa.String(length=64), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("gmina", sa.String(length=7), nullable=True),
        sa.Column("registered_by_institution_id", sa.Uuid(), nullable=True),
        sa.Column("anonymised", sa.Boolean(), nullable=False),
        sa.Column("merged_into", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("pseudonym", name=op.f("pk_person_dim")),
    )
    op.create_table(
        "processed_event",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("processed_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_processed_event")),
    )
    op.create_table(
        "referral_fact",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("last_event_seq", sa.BigInteger(), nullable=False),
        sa.Column("parent_referral_id", sa.Uuid(), nullable=True),
        sa.Column("chain_root_id", sa.Uuid(), nullable=True),
        sa.Column("chain_depth", sa.Integer(), nullable=False),
        sa.Column("person_pseudonym", sa.String(length=64), nullable=True),
        sa.Column("sender_institution_id", sa.Uuid(), nullable=True),
        sa.Column("target_institution_id", sa.Uuid(), nullable=True),
        sa.Column("target_offer_id", sa.Uuid(), nullable=True),
        sa.Column("service_type", sa.String(length=48), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("programme", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("business_status", sa.String(length=32), nullable=True),
        sa.Column("legal_basis_kind", sa.String(length=32), nullable=True),
        sa.Column("reason_code", sa.String(length=48), nullable=True),
        sa.Column("declined_by", sa.String(length=16), nullable=True),
        sa.Column("outcome_codes", sa.JSON(), nullable=False),
        sa.Column("cancellation_requested", sa.Boolean(), nullable=False),
        sa.Column("acknowledged_flag", sa.Boolean(), nullable=False),
        sa.Column("overdue_flag", sa.Boolean(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("responded_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("started_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("due_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("followup_3m_outcome", sa.String(length=48), nullable=True),
        sa.Column("followup_6m_outcome", sa.String(length=48), nullable=True),
        sa.Column("sent_year", sa.Integer(), nullable=True),
        sa.Column("sent_month", sa.Integer(), nullable=True),
        sa.Column("sla_state", sa.String(length=16), nullable=True),
        sa.Column("response_days", sa.Integer(), nullable=True),
        sa.Column("start_days", sa.Integer(), nullable=True),
        sa.Column("completion_days", sa.Integer(), nullable=True),
        sa.Column("referrals", sa.SmallInteger(), nullable=False),
        sa.Column("responded", sa.SmallInteger(), nullable=False),
        sa.Column("accepted", sa.SmallInteger(), nullable=False),
        sa.Column("rejected", sa.SmallInteger(), nullable=False),
        sa.Column("rejected_by_client", sa.SmallInteger(), nullable=False),
        sa.Column("rejected_by_provider", sa.SmallInteger(), nullable=False),
        sa.Column("started", sa.SmallInteger(), nullable=False),
        sa.Column("completed", sa.SmallInteger(), nullable=False),
        sa.Column("failed", sa.SmallInteger(), nullable=False),
        sa.Column("cancelled", sa.SmallInteger(), nullable=False),
        sa.Column("open", sa.SmallInteger(), nullable=False),
        sa.Column("ended", sa.SmallInteger(), nullable=False),
        sa.Column("closed_loop", sa.SmallInteger(), nullable=False),
        sa.Column("acknowledged", sa.SmallInteger(), nullable=False),
        sa.Column("sla_met", sa.SmallInteger(), nullable=False),
        sa.Column("sla_missed", sa.SmallInteger(), nullable=False),
        sa.Column("overdue", sa.SmallInteger(), nullable=False),
        sa.Column("forwarded", sa.SmallInteger(), nullable=False),
        sa.Column("employment_outcome", sa.SmallInteger(), nullable=False),
        sa.Column("followup_3m_answered", sa.SmallInteger(), nullable=False),
        sa.Column("followup_3m_employed", sa.SmallInteger(), nullable=False),
        sa.Column("followup_6m_answered", sa.SmallInteger(), nullable=False),
        sa.Column("followup_6m_employed", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("referral_id", name=op.f("pk_referral_fact")),
    )
    with op.batch_alter_table("referral_fact", schema=None) as batch_op:
        batch_op.create_index("ix_referral_fact_cohort", ["sent_year", "sent_month"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referral_fact_person_pseudonym"), ["person_pseudonym"], unique=False
        )
        batch_op.create_index(
            "ix_referral_fact_sender", ["sender_institution_id", "sent_year", "sent_month"], unique=False
        )
        batch_op.create_index(
            "ix_referral_fact_target", ["target_institution_id", "sent_year", "sent_month"], unique=False
        )

    op.create_table(
        "service_type_ref",
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("refreshed_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_service_type_ref")),
    )
    op.create_table(
        "source_cursor",
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("head_seq", sa.BigInteger(), nullable=False),
        sa.Column("events_applied", sa.BigInteger(), nullable=False),
        sa.Column("last_success_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error_at", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=120), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_source_cursor")),
    )
    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement_dim.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement_dim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "institution_id", name=op.f("pk_agreement_party")),
    )
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_party_institution_id"), ["institution_id"], unique=False
        )

    op.create_table(
        "edition_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("edition_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=True),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.Column("published_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["edition.id"],
            name=op.f("fk_edition_version_edition_id_edition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition_version")),
        sa.UniqueConstraint("edition_id", "version", name="uq_edition_version_edition_id"),
    )
    with op.batch_alter_table("edition_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_edition_version_edition_id"), ["edition_id"], unique=False)

    op.create_table(
        "referral_outcome",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("outcome_code", sa.String(length=48), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral_fact.referral_id"],
            name=op.f("fk_referral_outcome_referral_id_referral_fact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("referral_id", "outcome_code", name=op.f("pk_referral_outcome")),
    )


def downgrade() -> None:
    op.drop_table("referral_outcome")
    with op.batch_alter_table("edition_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_edition_version_edition_id"))

    op.drop_table("edition_version")
    with op.batch_alter_table("agreement_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_party_institution_id"))

    op.drop_table("agreement_party")
    op.drop_table("source_cursor")
    op.drop_table("service_type_ref")
    with op.batch_alter_table("referral_fact", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_fact_target")
        batch_op.drop_index("ix_referral_fact_sender")
        batch_op.drop_index(batch_op.f("ix_referral_fact_person_pseudonym"))
        batch_op.drop_index("ix_referral_fact_cohort")

    op.drop_table("referral_fact")
    op.drop_table("processed_event")
    op.drop_table("person_dim")
    with op.batch_alter_table("person_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_person_contact_period")

    op.drop_table("person_contact")
    op.drop_table("outbox_event")
    with op.batch_alter_table("offer_dim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_dim_institution_id"))

    op.drop_table("offer_dim")
    with op.batch_alter_table("institution_dim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_institution_dim_type"))
        batch_op.drop_index(batch_op.f("ix_institution_dim_powiat_code"))

    op.drop_table("institution_dim")
    op.drop_table("idempotency_key")
    with op.batch_alter_table("followup_fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_fact_referral_id"))

    op.drop_table("followup_fact")
    op.drop_table("edition")
    op.drop_table("dirty_month")
    op.drop_table("consent_fact")
    op.drop_table("agreement_dim")
    op.drop_table("agg_referral_route")
    op.drop_table("agg_referral_region")
    op.drop_table("agg_referral_profile")
    op.drop_table("agg_referral_powiat")
    op.drop_table("agg_referral_institution")
    op.drop_table("agg_reason")
    op.drop_table("agg_outcome")
    op.drop_table("agg_duration")
