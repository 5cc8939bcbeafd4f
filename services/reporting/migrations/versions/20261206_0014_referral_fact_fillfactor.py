"""leave room in the fact table's pages for HOT updates (issue #17: ingestion)

A referral's fact is rewritten by every later snapshot of it (accepted, started, completed, …:
two or three times on average). No indexed column changes then (the cohort month, the
institutions, the person and the chain stay), so PostgreSQL can keep the new row version on the
same page and skip the table's six indexes (a HOT update) — if the page has room: facts are
copied in densely (fillfactor 100), so most updates moved to another page and wrote an entry in
every index. A fillfactor of 80 leaves that room in the pages written from now on (existing pages
fill up as they are rewritten). SQLite has no such setting: nothing to do there.

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE referral_fact SET (fillfactor = 80)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE referral_fact RESET (fillfactor)")
