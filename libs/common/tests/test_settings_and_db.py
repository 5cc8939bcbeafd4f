import asyncio
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import SecretStr, ValidationError
from pydantic_settings import SettingsConfigDict
from sqlalchemy import select, text

from splot.common.db import UTCDateTime, create_engine
from splot.common.settings import DEV_SECRET_PREFIX, DevSecretInProduction, ServiceSettings

from sample.app import Widget


class ExampleSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_EXAMPLE_", extra="ignore")
    service_name: str = "example"
    signing_secret: SecretStr = SecretStr(DEV_SECRET_PREFIX + "signing")


def test_settings_read_their_own_prefix(monkeypatch):
    monkeypatch.setenv("SPLOT_EXAMPLE_DATABASE_URL", "postgresql+asyncpg://db/example")
    monkeypatch.setenv("SPLOT_OTHER_DATABASE_URL", "postgresql+asyncpg://db/other")
    assert ExampleSettings().effective_database_url == "postgresql+asyncpg://db/example"


def test_embedded_default_is_a_sqlite_file_in_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("SPLOT_DATA_DIR", str(tmp_path))
    assert ExampleSettings().effective_database_url == f"sqlite+aiosqlite:///{tmp_path}/example.db"


def test_production_refuses_development_secrets(monkeypatch):
    monkeypatch.setenv("SPLOT_EXAMPLE_ENVIRONMENT", "production")
    monkeypatch.setenv("SPLOT_EXAMPLE_DATABASE_URL", "postgresql+asyncpg://db/example")
    with pytest.raises((DevSecretInProduction, ValidationError)) as excinfo:
        ExampleSettings()
    assert "signing_secret" in str(excinfo.value)
    assert "service_client_secret" in str(excinfo.value)


def test_production_starts_with_real_secrets(monkeypatch):
    monkeypatch.setenv("SPLOT_EXAMPLE_ENVIRONMENT", "production")
    monkeypatch.setenv("SPLOT_EXAMPLE_DATABASE_URL", "postgresql+asyncpg://db/example")
    monkeypatch.setenv("SPLOT_EXAMPLE_SIGNING_SECRET", "a-real-secret-from-the-vault")
    monkeypatch.setenv("SPLOT_EXAMPLE_SERVICE_CLIENT_SECRET", "another-real-secret")
    assert ExampleSettings().environment == "production"


def test_production_refuses_sqlite(monkeypatch):
    monkeypatch.setenv("SPLOT_EXAMPLE_ENVIRONMENT", "production")
    monkeypatch.setenv("SPLOT_EXAMPLE_SIGNING_SECRET", "a-real-secret-from-the-vault")
    monkeypatch.setenv("SPLOT_EXAMPLE_SERVICE_CLIENT_SECRET", "another-real-secret")
    with pytest.raises((DevSecretInProduction, ValidationError)):
        ExampleSettings()


async def test_sqlite_engine_turns_on_foreign_keys_and_wal(tmp_path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/x.db")
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
    finally:
        await engine.dispose()


async def test_timestamps_come_back_as_utc_aware(session):
    warsaw_summer = timezone(timedelta(hours=2))
    widget = Widget(name="clock")
    session.add(widget)
    await session.flush()
    widget.created_at = datetime(2026, 7, 1, 12, 0, tzinfo=warsaw_summer)
    await session.flush()
    session.expunge_all()
    loaded = (await session.scalars(select(Widget).where(Widget.id == widget.id))).one()
    assert loaded.created_at == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.updated_at.tzinfo is not None


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1), dialect=None)  # type: ignore[arg-type]


async def test_naming_convention_names_constraints(engine):
    from sample.app import Base

    names = {c.name for c in Base.metadata.tables["widget"].constraints}
    assert "pk_widget" in names
    assert "uq_idempotency_key_caller_key" in {
        c.name for c in Base.metadata.tables["idempotency_key"].constraints
    }


async def test_request_session_commits_on_success(client, tokens, session):
    response = await client.post("/v1/widgets", json={"name": "kept"}, headers=tokens.headers())
    assert response.status_code == 201
    widget_id = uuid.UUID(response.json()["id"])
    assert (await session.get(Widget, widget_id)).name == "kept"


async def test_request_session_rolls_back_on_error(client, tokens, session):
    response = await client.post("/v1/widgets", json={"name": "fail-after-write"}, headers=tokens.headers())
    assert response.status_code == 409
    names = (await session.scalars(select(Widget.name))).all()
    assert "should be rolled back" not in names


async def test_sqlite_transactions_that_read_then_write_wait_for_each_other(tmp_path):
    """Two transactions that read, then write (a sign-in: read the user, record the login) must not
    fail with "database is locked": a deferred SQLite transaction cannot wait to upgrade its lock."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/locks.db")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE counter (n INTEGER NOT NULL)"))
            await conn.execute(text("INSERT INTO counter VALUES (0)"))
        first_read = asyncio.Event()

        async def read_then_write(wait_for_other: bool) -> None:
            async with engine.begin() as conn:
                value = (await conn.execute(text("SELECT n FROM counter"))).scalar_one()
                first_read.set()
                if wait_for_other:
                    await asyncio.sleep(0.2)
                await conn.execute(text("UPDATE counter SET n = :n"), {"n": value + 1})

        async def second() -> None:
            await first_read.wait()
            await read_then_write(False)

        await asyncio.gather(read_then_write(True), second())
        async with engine.connect() as conn:
            # Serialised, so neither increment is lost either.
            assert (await conn.execute(text("SELECT n FROM counter"))).scalar_one() == 2
    finally:
        await engine.dispose()
