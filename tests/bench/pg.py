"""The benchmark's private PostgreSQL cluster (``infra/ci/postgres.sh``) and what we ask of it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import asyncpg

REPO = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("BENCH_PGPORT", "55434"))
PGDATA = os.environ.get("BENCH_PGDATA", "/tmp/splot-bench-pg")
SERVICES = ("directory", "clients", "referrals", "reporting")


def _env() -> dict[str, str]:
    return {**os.environ, "SPLOT_TEST_PGPORT": str(PORT), "SPLOT_TEST_PGDATA": PGDATA}


def start() -> str:
    """Start the cluster (installs Debian's PostgreSQL when missing); returns its server URL."""
    out = subprocess.run(
        [str(REPO / "infra/ci/postgres.sh"), "start"], env=_env(), check=True, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def stop() -> None:
    subprocess.run([str(REPO / "infra/ci/postgres.sh"), "stop"], env=_env(), check=False)


def dsn(database: str = "postgres") -> str:
    return f"postgresql://postgres@127.0.0.1:{PORT}/{database}"


def sa_url(database: str) -> str:
    return f"postgresql+asyncpg://postgres@127.0.0.1:{PORT}/{database}"


async def recreate(databases: list[str]) -> None:
    conn = await asyncpg.connect(dsn())
    try:
        for name in databases:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def describe() -> dict[str, object]:
    """Server version and every setting not at its built-in default (fsync=off etc. included)."""
    conn = await asyncpg.connect(dsn())
    try:
        version = await conn.fetchval("SHOW server_version")
        rows = await conn.fetch(
            "SELECT name, setting, unit, source FROM pg_settings"
            " WHERE source NOT IN ('default', 'override', 'client', 'session')"
            " AND name NOT IN ('data_directory', 'config_file', 'hba_file', 'ident_file')"
            " ORDER BY name"
        )
    finally:
        await conn.close()
    settings = [f"{r['name']}={r['setting']}{r['unit'] or ''}" for r in rows]
    return {"version": version, "settings": settings}


async def analyze(database: str) -> None:
    conn = await asyncpg.connect(dsn(database))
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def explain(database: str, sql: str, *args: object) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of one query, as text."""
    conn = await asyncpg.connect(dsn(database))
    try:
        rows = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, *args)
    finally:
        await conn.close()
    return "\n".join(r[0] for r in rows)
