"""access requests, and the reason of a further registration

- ``registration.reason``: why a further institution registered an existing record (declared
  when it proves the PESEL / document, or the approved access request's reason);
- ``access_request``: an institution asking the registering institutions for access to a person
  it found as a likely duplicate; one pending request per person and requesting institution.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from splot.common.db import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=1000), nullable=True))
    op.create_table(
        "access_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("requester_institution_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=128), nullable=True),
        sa.Column("decided_by_institution_id", sa.Uuid(), nullable=True),
        sa.Column("decision_reason", sa.String(length=1000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_access_request_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_request")),
    )
    with op.batch_alter_table("access_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_request_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ix_access_request_requester", ["requester_institution_id", "created_at"], unique=False
        )
        batch_op.create_index("ix_access_request_status_expires", ["status", "expires_at"], unique=False)
        batch_op.create_index(
            "uq_access_request_pending",
            ["person_id", "requester_institution_id"],
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )


def downgrade() -> None:
    op.drop_table("access_request")
    with op.batch_alter_table("registration", schema=None) as batch_op:
        batch_op.drop_column("reason")
