"""inbox and outbox pages read an index in their sort order: (receiver, sent_at, id),
(receiver, due_at, id) and (sender, created_at, id) (issue #17)

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_referral_target_sent", ["target_institution_id", "sent_at", "id"]),
    ("ix_referral_target_due", ["target_institution_id", "due_at", "id"]),
    ("ix_referral_sender_created", ["sender_institution_id", "created_at", "id"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "referral", columns)


def downgrade() -> None:
    for name, _ in INDEXES:
        op.drop_index(name, table_name="referral")
