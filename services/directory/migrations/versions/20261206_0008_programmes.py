"""the programme catalogue; a partnership's programme (issue #16)

- ``programme``: programmes referrals, individual plans and partnerships can belong to, seeded
  below (kept by system administrators afterwards).
- ``partnership.programme``: the code of the partnership's programme, if any.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

programme = sa.table(
    "programme",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("funder", sa.String),
    sa.column("starts_on", sa.Date),
    sa.column("ends_on", sa.Date),
    sa.column("active", sa.Boolean),
    sa.column("version", sa.Integer),
    sa.column("created_at", splot.common.db.UTCDateTime(timezone=True)),
    sa.column("updated_at", splot.common.db.UTCDateTime(timezone=True)),
)

# code, name, kind, funder, starts_on, ends_on, active
SEED = [
    (
        "PAI",
        "Program Aktywizacja i Integracja (PUP i OPS)",
        "joint_activation",
        "Fundusz Pracy",
        None,
        None,
        True,
    ),
    (
        "CIS-REINTEGRACJA",
        "Reintegracja społeczna i zawodowa w centrum integracji społecznej (CIS)",
        "cis_kis",
        None,
        None,
        None,
        True,
    ),
    (
        "KIS-REINTEGRACJA",
        "Program klubu integracji społecznej (KIS)",
        "cis_kis",
        None,
        None,
        None,
        True,
    ),
    (
        "FERS-AKTYWIZACJA",
        "Projekt EFS+: aktywizacja społeczno-zawodowa (program Fundusze Europejskie dla Rozwoju Społecznego)",
        "eu_project",
        "Europejski Fundusz Społeczny Plus (FERS 2021–2027)",
        date(2023, 1, 1),
        date(2029, 12, 31),
        True,
    ),
    (
        "FEM-WLACZENIE",
        "Projekt regionalny EFS+: włączenie społeczne (Fundusze Europejskie dla Małopolski)",
        "eu_project",
        "Europejski Fundusz Społeczny Plus (FEM 2021–2027)",
        date(2023, 1, 1),
        date(2029, 12, 31),
        True,
    ),
]


def upgrade() -> None:
    op.create_table(
        "programme",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("funder", sa.String(length=300), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_programme")),
    )
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.add_column(sa.Column("programme", sa.String(length=32), nullable=True))
    now = datetime(2026, 12, 6, tzinfo=UTC)
    op.bulk_insert(
        programme,
        [
            {
                "code": code,
                "name": name,
                "kind": kind,
                "funder": funder,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "active": active,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
            for code, name, kind, funder, starts_on, ends_on, active in SEED
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.drop_column("programme")
    op.drop_table("programme")
