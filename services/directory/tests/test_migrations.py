"""The migrations build exactly the schema the models describe (a model change without its
migration, or the reverse, fails here), and they downgrade and upgrade again cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from splot.common.migrations import alembic_config
from splot.directory.main import SERVICE_DIR
from splot.directory.models import Base


async def test_migrated_schema_matches_the_models(engine):
    def diff(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with engine.connect() as conn:
        differences = await conn.run_sync(diff)
    assert differences == []


async def test_the_newest_migration_downgrades_and_upgrades(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from splot.common.db import create_engine
    from splot.common.migrations import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    await upgrade(SERVICE_DIR, url)
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            config = alembic_config(SERVICE_DIR, url)

            def down_and_up(sync_conn):
                config.attributes["connection"] = sync_conn
                command.downgrade(config, "0002")
                tables = set(inspect(sync_conn).get_table_names())
                assert "login_attempt" in tables and "directory_audit" not in tables
                command.upgrade(config, "head")
                return set(inspect(sync_conn).get_table_names())

            tables = await conn.run_sync(down_and_up)
        assert {"signin_throttle", "token_revocation", "directory_audit"} <= tables
        assert "login_attempt" not in tables
    finally:
        await engine.dispose()
