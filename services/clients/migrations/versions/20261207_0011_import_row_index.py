"""import rows read through one index (issue #17, bulk import)

``import_row`` had an index on ``job_id`` beside the unique (job_id, row_number) one, which serves
every lookup by job as well. A batch's read (``job_id = :job AND row_number`` in a range) could
plan on the narrower index and filter the job's rows one by one — the longer the file, the slower
each batch — and every staged row paid for the second index. Dropped.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_import_row_job_id", table_name="import_row")


def downgrade() -> None:
    op.create_index("ix_import_row_job_id", "import_row", ["job_id"], unique=False)
