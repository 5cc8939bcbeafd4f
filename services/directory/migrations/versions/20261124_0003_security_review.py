"""security review: sign-in throttle counters, token revocations, security stamps, audit trail

- ``signin_throttle`` replaces ``login_attempt`` and the account lock (``app_user.failed_logins``,
  ``app_user.locked_until``, dropped): sign-ins are counted per (login, source), per source and
  per login, each attempt reserved before its password is checked, with progressive delays (429)
  instead of a hard lock (423).
- ``app_user.security_stamp``: raised on deactivation, role, analyst-scope and password changes;
  access tokens carry it (``stp``) and ``token_revocation`` lists the stamps now required.
- ``token_revocation``: what ``GET /v1/token-revocations`` serves to the services.
- ``directory_audit``: append-only trail of account and access changes; as with the clients
  service's ``access_log``, triggers make the database refuse UPDATE and DELETE, whoever connects.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import splot.common.db

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signin_throttle",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_signin_throttle")),
    )
    with op.batch_alter_table("signin_throttle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signin_throttle_subject"), ["subject"], unique=False)

    op.create_table(
        "token_revocation",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("min_stamp", sa.Integer(), nullable=True),
        sa.Column("not_after", splot.common.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token_revocation")),
        # SQLite would otherwise reuse the highest id after a purge and consumers' cursors skip it.
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("token_revocation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_token_revocation_expires_at"), ["expires_at"], unique=False)

    op.create_table(
        "directory_audit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_subject", sa.String(length=128), nullable=False),
        sa.Column("actor_kind", sa.String(length=16), nullable=False),
        sa.Column("actor_institution_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target_type", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=64), nullable=False),
        sa.Column("target_institution_id", sa.Uuid(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_audit")),
    )
    with op.batch_alter_table("directory_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_directory_audit_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index(
            "ix_directory_audit_target_institution_at", ["target_institution_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            "ix_directory_audit_actor_institution_at", ["actor_institution_id", "occurred_at"], unique=False
        )
        batch_op.create_index("ix_directory_audit_target_at", ["target_id", "occurred_at"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION directory_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'directory_audit is append-only';
            END;
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER directory_audit_no_update BEFORE UPDATE OR DELETE ON directory_audit "
            "FOR EACH ROW EXECUTE FUNCTION directory_audit_append_only()"
        )
        op.execute(
            "CREATE TRIGGER directory_audit_no_truncate BEFORE TRUNCATE ON directory_audit "
            "FOR EACH STATEMENT EXECUTE FUNCTION directory_audit_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER directory_audit_no_{event.lower()} BEFORE {event} ON directory_audit "
                "BEGIN SELECT RAISE(ABORT, 'directory_audit is append-only'); END"
            )

    op.add_column("app_user", sa.Column("security_stamp", sa.Integer(), server_default="1", nullable=False))
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of app_user would have to drop
    # a table that refresh_token references, which SQLite refuses while foreign keys are on.
    op.drop_column("app_user", "failed_logins")
    op.drop_column("app_user", "locked_until")

    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        batch_op.drop_index("ix_login_attempt_source_at")
        batch_op.drop_index(batch_op.f("ix_login_attempt_login_hash"))
    op.drop_table("login_attempt")


def downgrade() -> None:
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("login_hash", sa.String(length=64), nullable=False),
        sa.Column("attempted_at", splot.common.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_attempt_login_hash"), ["login_hash"], unique=False)
        batch_op.create_index("ix_login_attempt_source_at", ["source", "attempted_at"], unique=False)

    op.add_column(
        "app_user", sa.Column("locked_until", splot.common.db.UTCDateTime(timezone=True), nullable=True)
    )
    op.add_column("app_user", sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False))
    op.drop_column("app_user", "security_stamp")

    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER directory_audit_no_truncate ON directory_audit")
        op.execute("DROP TRIGGER directory_audit_no_update ON directory_audit")
        op.execute("DROP FUNCTION directory_audit_append_only()")
    else:
        op.execute("DROP TRIGGER directory_audit_no_update")
        op.execute("DROP TRIGGER directory_audit_no_delete")
    op.drop_table("directory_audit")
    op.drop_table("token_revocation")
    op.drop_table("signin_throttle")
