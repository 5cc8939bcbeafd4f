"""The operations scripts against a real PostgreSQL: infra/ops/backup.sh and restore.sh (a full
round trip, and the refusals that keep a restore from doing damage), infra/postgres/init-databases.sh.

The server comes from SPLOT_TEST_DATABASE_URL (`infra/ci/postgres.sh start` prints one, CI sets it;
e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres); the tests create and drop their own
scratch databases and roles there. Without it they skip, saying so.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from deploylib import ROOT

SERVER = os.environ.get("SPLOT_TEST_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not SERVER.startswith("postgresql"),
    reason="SPLOT_TEST_DATABASE_URL does not name a PostgreSQL server (infra/ci/postgres.sh start prints one)",
)


def libpq(url: str, database: str | None = None) -> str:
    """postgresql+asyncpg://… → postgresql://… (what the PostgreSQL tools take)."""
    parsed = make_url(url)
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(coroutine):
    return asyncio.run(coroutine)


async def _admin(sql: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(libpq(SERVER))
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


async def _query(database: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(libpq(SERVER, database))
    try:
        return await conn.fetch(sql)
    finally:
        await conn.close()


async def _execute(database: str, sql: str) -> None:
    conn = await asyncpg.connect(libpq(SERVER, database))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _pg_bin_env() -> dict[str, str]:
    """The client tools: PATH, else Debian's newest install (as infra/ops/pg-common.sh finds them)."""
    env = dict(os.environ)
    if not shutil.which("pg_dump"):
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))
        if not candidates:
            pytest.skip(
                "no pg_dump/pg_restore on this machine (PostgreSQL client tools: Debian's postgresql-client)"
            )
        env["PG_BIN"] = str(candidates[-1].parent)
    return env


@pytest.fixture()
def scratch() -> Iterator[list[str]]:
    """Names of scratch databases, dropped afterwards."""
    names: list[str] = []
    yield names
    for name in names:
        _run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _create(scratch: list[str], label: str) -> str:
    name = f"splot_ops_{label}_{uuid.uuid4().hex[:8]}"
    _run(_admin(f'CREATE DATABASE "{name}"'))
    scratch.append(name)
    return name


SEED = """
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('20261123_0002');
CREATE TABLE person (
    id uuid PRIMARY KEY,
    seq bigserial NOT NULL,
    full_name text NOT NULL,
    attributes jsonb,
    photo bytea,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_name ON person (lower(full_name));
CREATE TABLE consent (
    person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    purpose text NOT NULL,
    PRIMARY KEY (person_id, purpose)
);
INSERT INTO person (id, full_name, attributes, photo)
SELECT md5(i::text)::uuid, 'Zażółć Gęślą ' || i, jsonb_build_object('n', i, 'tags', jsonb_build_array('a', i)),
       CASE WHEN i % 3 = 0 THEN NULL ELSE decode(md5(i::text), 'hex') END
FROM generate_series(1, 2500) AS i;
INSERT INTO consent SELECT id, 'referral' FROM person WHERE seq % 2 = 0;
"""

SNAPSHOT = {
    "person": "SELECT id, seq, full_name, attributes::text, photo, created_at FROM person ORDER BY id",
    "consent": "SELECT person_id, purpose FROM consent ORDER BY person_id, purpose",
    "alembic": "SELECT version_num FROM alembic_version",
    "next_seq": "SELECT nextval(pg_get_serial_sequence('person', 'seq'))",
    "indexes": "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
}


def _snapshot(database: str) -> dict[str, list[tuple]]:
    return {key: [tuple(r) for r in _run(_query(database, sql))] for key, sql in SNAPSHOT.items()}


def _script(name: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "infra/ops" / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_backup_and_restore_round_trip(scratch: list[str], tmp_path: Path) -> None:
    env = _pg_bin_env()
    source = _create(scratch, "src")
    target = _create(scratch, "dst")

    _run(_execute(source, SEED))
    # The services' own URL form: the script converts it for the PostgreSQL tools.
    source_url = make_url(SERVER).set(database=source).render_as_string(hide_password=False)
    out = tmp_path / "backup"
    backup = _script("backup.sh", "-o", str(out), f"clients={source_url}", env=env)
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.strip() == str(out)
    dump = out / "clients.dump"
    assert dump.is_file() and (out / "SHA256SUMS").is_file()
    assert oct(dump.stat().st_mode & 0o777) == "0o600", "backups hold personal data"
    assert "clients.dump" in (out / "SHA256SUMS").read_text()

    expected = _snapshot(source)
    restore = _script("restore.sh", str(dump), libpq(SERVER, target), env=env)
    assert restore.returncode == 0, restore.stderr
    assert "schema at migration 20261123_0002" in restore.stderr
    restored = _snapshot(target)
    assert restored == expected
    assert len(restored["person"]) == 2500 and len(restored["consent"]) == 1250

    # A non-empty target is refused without --clean, and left as it was.
    _run(_execute(target, "DELETE FROM consent"))
    again = _script("restore.sh", str(dump), libpq(SERVER, target), env=env)
    assert again.returncode != 0 and "--clean" in again.stderr
    assert _run(_query(target, "SELECT count(*) FROM consent"))[0][0] == 0
    # --clean replaces what the dump holds.
    clean = _script("restore.sh", "--clean", str(dump), libpq(SERVER, target), env=env)
    assert clean.returncode == 0, clean.stderr
    assert _snapshot(target)["consent"] == expected["consent"]


def test_backup_reads_the_services_environment(scratch: list[str], tmp_path: Path) -> None:
    env = _pg_bin_env()
    directory = _create(scratch, "dir")
    _run(_execute(directory, "CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2)"))
    env["SPLOT_DIRECTORY_DATABASE_URL"] = (
        make_url(SERVER).set(database=directory).render_as_string(hide_password=False)
    )
    for other in ("CLIENTS", "REFERRALS", "REPORTING"):
        env.pop(f"SPLOT_{other}_DATABASE_URL", None)
    result = _script("backup.sh", "-o", str(tmp_path / "b"), env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["SHA256SUMS", "directory.dump"]


def test_restore_refuses_a_damaged_or_unlisted_dump(scratch: list[str], tmp_path: Path) -> None:
    env = _pg_bin_env()
    source = _create(scratch, "src")
    target = _create(scratch, "dst")
    _run(_execute(source, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)"))
    out = tmp_path / "b"
    assert _script("backup.sh", "-o", str(out), f"referrals={libpq(SERVER, source)}", env=env).returncode == 0
    dump = out / "referrals.dump"
    data = bytearray(dump.read_bytes())
    data[-10] ^= 0xFF
    dump.write_bytes(bytes(data))
    damaged = _script("restore.sh", str(dump), libpq(SERVER, target), env=env)
    assert damaged.returncode != 0 and "checksum" in damaged.stderr
    (out / "SHA256SUMS").unlink()
    unlisted = _script("restore.sh", str(dump), libpq(SERVER, target), env=env)
    assert unlisted.returncode != 0 and "SHA256SUMS" in unlisted.stderr
    assert _run(_query(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))[0][0] == 0


def test_init_databases_creates_one_owned_database_per_service(tmp_path: Path) -> None:
    name = f"splot_ops_init_{uuid.uuid4().hex[:8]}"
    url = make_url(SERVER)
    env = {
        **os.environ,
        "SPLOT_DATABASES": name,
        f"{name.upper()}_DB_PASSWORD": 'it\'s a "quoted" pass;word',
        "POSTGRES_USER": url.username or "postgres",
        "PGHOST": url.host or "127.0.0.1",
        "PGPORT": str(url.port or 5432),
    }
    if url.password:
        env["PGPASSWORD"] = url.password
    if not shutil.which("psql"):
        candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))
        if not candidates:
            pytest.skip("no psql on this machine (PostgreSQL client tools: Debian's postgresql-client)")
        env["PATH"] = f"{candidates[-1].parent}:{env['PATH']}"
    script = str(ROOT / "infra/postgres/init-databases.sh")
    try:
        for _ in range(2):  # idempotent
            result = subprocess.run(
                [script], env=env, capture_output=True, text=True, timeout=120, check=False
            )
            assert result.returncode == 0, result.stderr
        rows = _run(
            _admin(
                "SELECT pg_get_userbyid(datdba) AS owner, datacl::text AS acl FROM pg_database WHERE datname = $1",
                name,
            )
        )
        assert rows and rows[0]["owner"] == name
        assert "=Tc/" not in (rows[0]["acl"] or ""), "PUBLIC must not keep CONNECT/TEMP"
        role = _run(
            _admin(
                "SELECT rolcanlogin, rolsuper, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = $1",
                name,
            )
        )
        assert tuple(role[0]) == (True, False, True)
        missing = subprocess.run(
            [script],
            env={**env, f"{name.upper()}_DB_PASSWORD": ""},
            capture_output=True,
            text=True,
            check=False,
        )
        assert missing.returncode != 0 and "_DB_PASSWORD is not set" in missing.stderr
    finally:
        _run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        _run(_admin(f'DROP ROLE IF EXISTS "{name}"'))
