"""Alembic glue shared by the services: one env.py body, programmatic upgrade and downgrade, head
lookup."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command, context
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, pool
from sqlalchemy.ext.asyncio import create_async_engine

from splot.common.db import create_engine


def alembic_config(service_dir: Path, url: str | None = None) -> Config:
    config = Config(str(service_dir / "alembic.ini"))
    config.set_main_option("script_location", str(service_dir / "migrations"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def head_revision(service_dir: Path) -> str | None:
    return ScriptDirectory.from_config(alembic_config(service_dir)).get_current_head()


async def upgrade(service_dir: Path, url: str, revision: str = "head") -> None:
    """Run the service's migrations up to ``revision`` on ``url`` (safe inside an event loop)."""
    await _migrate(command.upgrade, service_dir, url, revision)


async def downgrade(service_dir: Path, url: str, revision: str) -> None:
    """Take ``url`` back to ``revision`` (tests of a migration's data step: down, write, up)."""
    await _migrate(command.downgrade, service_dir, url, revision)


async def _migrate(step: Callable[[Config, str], None], service_dir: Path, url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_migrate_on, step, alembic_config(service_dir, url), revision)
    finally:
        await engine.dispose()


def _migrate_on(
    connection: Connection, step: Callable[[Config, str], None], config: Config, revision: str
) -> None:
    config.attributes["connection"] = connection
    step(config, revision)


async def current_revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())
    finally:
        await engine.dispose()


def run_env(target_metadata: MetaData) -> None:
    """The body of every service's ``migrations/env.py``."""
    config = context.config
    connection = config.attributes.get("connection")
    options: dict[str, Any] = {
        "target_metadata": target_metadata,
        "render_as_batch": True,  # SQLite can only ALTER tables by copying them
        "compare_type": True,
    }
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    if connection is not None:
        _run_with(connection, options)
        return

    async def _online() -> None:
        engine = create_async_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
        async with engine.connect() as conn:
            await conn.run_sync(_run_with, options)
            await conn.commit()
        await engine.dispose()

    asyncio.run(_online())


def _run_with(connection: Connection, options: dict[str, Any]) -> None:
    context.configure(connection=connection, **options)
    with context.begin_transaction():
        context.run_migrations()
