"""What the synthetic country's tests share: the PostgreSQL server they load into (the country
loads with COPY, so they skip on SQLite) and a plain read of rows, and fresh databases."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from splot.common.db import create_engine
from splot.common.testing import fresh_postgres_database
from splot.embedded.national import DATABASES

SERVER = os.environ.get("SPLOT_TEST_DATABASE_URL", "")
SUFFIX = os.environ.get("SPLOT_TEST_DB_SUFFIX", "")

postgres_only = pytest.mark.skipif(
    not SERVER.startswith("postgresql"),
    reason="the synthetic country loads with COPY: PostgreSQL only (set SPLOT_TEST_DATABASE_URL)",
)


async def fresh_database(name: str) -> str:
    """A new, empty database ``splot_test_<name>`` (with the run's suffix) on the server."""
    return await fresh_postgres_database(SERVER, f"splot_test_{name}{SUFFIX}")


async def fresh_country_databases(prefix: str) -> dict[str, str]:
    """New, empty databases for the four services, ``splot_test_<prefix>_<service>``."""
    return {name: await fresh_database(f"{prefix}_{name}") for name in DATABASES}


async def fetch_rows(url: str, sql: str) -> list[tuple]:
    """Every row ``sql`` returns from the database at ``url``, as tuples."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(r) for r in (await conn.execute(text(sql))).all()]
    finally:
        await engine.dispose()
