"""access follows committed referrals: the access-sync outbox

Replaces ``pending_revocation`` (revocations only, sent after the commit) with ``access_sync``:
every state of a referral's access grant (given, accepted, ended, reopened) is written in the
transaction of the change and sent to the client registry after the commit. Revocations not yet
sent are carried over as "ended" states.

Revision ID: 0003
Revises: 0002
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime, utcnow

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_sync",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("superseded_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_access_sync_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_sync")),
    )
    with op.batch_alter_table("access_sync") as batch:
        batch.create_index("ix_access_sync_open", ["done_at", "next_attempt_at"], unique=False)
        batch.create_index(batch.f("ix_access_sync_referral_id"), ["referral_id"], unique=False)

    bind = op.get_bind()
    pending = bind.execute(
        sa.text(
            "SELECT p.referral_id, p.institution_id, p.retention_days, r.person_id, "
            "r.sender_institution_id, r.service_type_code, r.legal_basis_kind, r.consent_id, "
            "r.sensitive, r.version "
            "FROM pending_revocation p JOIN referral r ON r.id = p.referral_id "
            "WHERE p.done_at IS NULL AND p.superseded_at IS NULL"
        )
    ).all()
    access_sync = sa.table(
        "access_sync",
        sa.column("id", sa.Uuid),
        sa.column("referral_id", sa.Uuid),
        sa.column("institution_id", sa.Uuid),
        sa.column("version", sa.Integer),
        sa.column("state", sa.JSON),
        sa.column("attempts", sa.Integer),
        sa.column("next_attempt_at", UTCDateTime),
        sa.column("created_at", UTCDateTime),
    )
    now = utcnow()
    rows = []
    for row in pending:
        referral_id, institution_id = _uuid(row.referral_id), _uuid(row.institution_id)
        rows.append(
            {
                "id": uuid.uuid4(),
                "referral_id": referral_id,
                "institution_id": institution_id,
                "version": row.version,
                "state": {
                    "person_id": str(_uuid(row.person_id)),
                    "institution_id": str(institution_id),
                    "referral_id": str(referral_id),
                    "sender_institution_id": str(_uuid(row.sender_institution_id)),
                    "service_type_code": row.service_type_code,
                    "legal_basis": row.legal_basis_kind or "statutory",
                    "consent_id": str(_uuid(row.consent_id)) if row.consent_id else None,
                    "covers_sensitive": bool(row.sensitive),
                    "accepted": False,
                    "active": False,
                    "retention_days": row.retention_days,
                    "version": row.version,
                },
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
    if rows:
        op.bulk_insert(access_sync, rows)
    op.drop_table("pending_revocation")


def _uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def downgrade() -> None:
    op.create_table(
        "pending_revocation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("institution_id", sa.Uuid(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("superseded_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_pending_revocation_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_revocation")),
    )
    with op.batch_alter_table("pending_revocation") as batch:
        batch.create_index("ix_pending_revocation_open", ["done_at", "next_attempt_at"], unique=False)
        batch.create_index(batch.f("ix_pending_revocation_referral_id"), ["referral_id"], unique=False)
    with op.batch_alter_table("access_sync") as batch:
        batch.drop_index(batch.f("ix_access_sync_referral_id"))
        batch.drop_index("ix_access_sync_open")
    op.drop_table("access_sync")
