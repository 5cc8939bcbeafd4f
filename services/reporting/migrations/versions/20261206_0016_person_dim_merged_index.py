"""an index of the merged persons only (issue #17: every page of facts asks which of its persons
were merged; the whole primary key was probed for a page's thousand pseudonyms)

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MERGED = sa.text("merged_into IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_person_dim_merged",
        "person_dim",
        ["pseudonym", "merged_into"],
        postgresql_where=_MERGED,
        sqlite_where=_MERGED,
    )


def downgrade() -> None:
    op.drop_index("ix_person_dim_merged", table_name="person_dim")
