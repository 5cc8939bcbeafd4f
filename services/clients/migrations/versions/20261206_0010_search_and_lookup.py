"""person search by name index-backed; lookup audit cheap (issue #17)

``person_name_token`` holds the words a name search finds a person by (the first word of the first
name, every word of the last name), compared bytewise (collation "C" on PostgreSQL, as SQLite
does), so that a word prefix is a range of one B-tree on both databases. Backfilled from the
normalised names of every person. ``registration`` gets an (institution, person) index so that the
persons an institution sees are read from the index alone.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BACKFILL_CHUNK = 5000


def upgrade() -> None:
    op.create_table(
        "person_name_token",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column(
            "token",
            sa.String(length=100).with_variant(sa.String(length=100, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_name_token_person_id_person")
        ),
        sa.PrimaryKeyConstraint("person_id", "token", name=op.f("pk_person_name_token")),
    )
    op.create_index("ix_person_name_token_token", "person_name_token", ["token", "person_id"], unique=False)
    # The persons an institution registered, from the index alone (replaces the one-column index).
    op.create_index(
        "ix_registration_institution_person", "registration", ["institution_id", "person_id"], unique=False
    )
    op.drop_index("ix_registration_institution_id", table_name="registration")
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(
            """
            INSERT INTO person_name_token (person_id, token)
            SELECT DISTINCT id, left(word, 100) FROM (
                SELECT id, split_part(first_name_norm, ' ', 1) AS word FROM person
                 WHERE first_name_norm IS NOT NULL
                UNION ALL
                SELECT id, unnest(string_to_array(last_name_norm, ' ')) FROM person
                 WHERE last_name_norm IS NOT NULL
            ) words WHERE word <> ''
            """
        )
        op.execute("ANALYZE person_name_token")
        return
    person = sa.table(
        "person", sa.column("id", sa.Uuid()), sa.column("first_name_norm"), sa.column("last_name_norm")
    )
    token = sa.table("person_name_token", sa.column("person_id", sa.Uuid()), sa.column("token"))
    rows = bind.execute(
        sa.select(person.c.id, person.c.first_name_norm, person.c.last_name_norm).where(
            sa.or_(person.c.first_name_norm.is_not(None), person.c.last_name_norm.is_not(None))
        )
    ).all()
    pending: list[dict[str, object]] = []
    for person_id, first, last in rows:
        words = (first or "").split()[:1] + (last or "").split()
        pending += [{"person_id": person_id, "token": w} for w in dict.fromkeys(w[:100] for w in words)]
        if len(pending) >= _BACKFILL_CHUNK:
            bind.execute(sa.insert(token), pending)
            pending = []
    if pending:
        bind.execute(sa.insert(token), pending)


def downgrade() -> None:
    op.create_index("ix_registration_institution_id", "registration", ["institution_id"], unique=False)
    op.drop_index("ix_registration_institution_person", table_name="registration")
    op.drop_index("ix_person_name_token_token", table_name="person_name_token")
    op.drop_table("person_name_token")
