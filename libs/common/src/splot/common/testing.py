"""Pytest fixtures shared by every service's test suite (a pytest plugin).

A service's ``tests/conftest.py`` declares ``pytest_plugins = ["splot.common.testing"]`` and
provides a session-scoped ``service_spec`` fixture. The database is migrated once per session
with the service's real Alembic migrations; each test then runs inside a transaction that is
rolled back, with the service's own commits turned into savepoints.

``SPLOT_TEST_DATABASE_URL`` selects the backend: unset means SQLite in a temporary folder; a
PostgreSQL URL (``postgresql+asyncpg://user@host:port/anything``) means a fresh database
``splot_test_<service>`` on that server (plus ``SPLOT_TEST_DB_SUFFIX``, so that parallel runs against one
server keep apart), dropped and created at the start of the session.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from splot.common import jwt
from splot.common.auth import JwksClient, KeySource, TokenVerifier
from splot.common.contract_testing import (  # noqa: F401 - re-exported: the suites import them from here
    CALLER_KINDS,
    CONTRACTS_DIR,
    assert_contract_current,
    assert_errors_are_problem_documents,
    assert_event_contract_current,
    contract_callers,
    contract_settings,
    contract_tests_per_caller,
    event_example,
)
from splot.common.db import create_engine
from splot.common.migrations import upgrade

TEST_ISSUER = "splot-directory"
TEST_AUDIENCE = "splot"


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    service_dir: Path
    #: Builds the app from a database URL (the plugin fills in test settings around it).
    create_app: Callable[[str], FastAPI]


@dataclass(frozen=True)
class RsaKey:
    kid: str
    private_pem: str
    public_pem: str

    @classmethod
    def generate(cls, kid: str) -> RsaKey:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        public_pem = (
            key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        return cls(kid, private_pem, public_pem)

    @property
    def jwk(self) -> dict[str, Any]:
        return jwt.public_jwk_from_pem(self.public_pem, self.kid)


class ChainedKeys:
    """Test keys first, then the app's own key source (the directory's signing keys)."""

    def __init__(self, keys: dict[str, dict[str, Any]], fallback: KeySource | None) -> None:
        self.keys = keys
        self.fallback = fallback

    async def get_key(self, kid: str) -> dict[str, Any] | None:
        if kid in self.keys:
            return self.keys[kid]
        return await self.fallback.get_key(kid) if self.fallback else None


class TokenFactory:
    def __init__(self, key: RsaKey) -> None:
        self.key = key

    def claims(
        self,
        *,
        sub: str | None = None,
        institution_id: uuid.UUID | str | None = None,
        institution_type: str | None = "PUP",
        teryt: str | None = "1219",
        roles: list[str] | tuple[str, ...] = ("caseworker",),
        scope: str = "",
        ptype: str = "user",
        lifetime: int = 300,
        **overrides: Any,
    ) -> dict[str, Any]:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": TEST_ISSUER,
            "aud": TEST_AUDIENCE,
            "sub": sub or str(uuid.uuid4()),
            "inst": str(institution_id) if institution_id else None,
            "inst_type": institution_type,
            "teryt": teryt,
            "roles": list(roles),
            "scope": scope,
            "ptype": ptype,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "jti": uuid.uuid4().hex,
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None or k in overrides}

    def token(self, **kwargs: Any) -> str:
        return jwt.encode(self.claims(**kwargs), private_pem=self.key.private_pem, kid=self.key.kid)

    def headers(self, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**kwargs)}"}

    def service_headers(self, name: str, scope: str) -> dict[str, str]:
        return self.headers(
            sub=f"service:{name}",
            ptype="service",
            roles=(),
            scope=scope,
            institution_id=None,
            institution_type=None,
            teryt=None,
        )


@pytest.fixture(scope="session")
def test_key() -> RsaKey:
    return RsaKey.generate("test-key-1")


@pytest.fixture(scope="session")
def tokens(test_key: RsaKey) -> TokenFactory:
    return TokenFactory(test_key)


async def fresh_postgres_database(server_url: str, name: str) -> str:
    import asyncpg

    url = make_url(server_url)
    admin = await asyncpg.connect(
        user=url.username or "postgres",
        password=url.password,
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database="postgres",
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return url.set(database=name).render_as_string(hide_password=False)


async def migrated_database(spec: ServiceSpec, name: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A new database called ``name`` (on the test PostgreSQL server, or a SQLite file), migrated."""
    server = os.environ.get("SPLOT_TEST_DATABASE_URL", "")
    if server.startswith("postgresql"):
        # A suffix keeps parallel test runs against one server apart (each its own databases).
        url = await fresh_postgres_database(server, name + os.environ.get("SPLOT_TEST_DB_SUFFIX", ""))
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / (name + '.db')}"
    await upgrade(spec.service_dir, url)
    return url


@pytest.fixture(scope="session")
async def database_url(service_spec: ServiceSpec, tmp_path_factory: pytest.TempPathFactory) -> str:
    return await migrated_database(service_spec, f"splot_test_{service_spec.name}", tmp_path_factory)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        transaction = await conn.begin()
        try:
            yield conn
        finally:
            if transaction.is_active:
                await transaction.rollback()


@pytest.fixture
def sessionmaker(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with sessionmaker() as s:
        yield s


def bind_app_for_tests(app: FastAPI, *, sessionmaker: Any, test_key: RsaKey) -> FastAPI:
    app.state.sessionmaker = sessionmaker
    app.state.run_background = False
    without_rate_limit(app)
    return trust_test_key(app, test_key)


def without_rate_limit(app: FastAPI) -> FastAPI:
    """Tests send bursts no caller would; the limit has tests of its own (they turn it back on)."""
    app.state.rate_limiter.enabled = False
    return app


@pytest.fixture
def app(
    service_spec: ServiceSpec,
    database_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
    test_key: RsaKey,
) -> FastAPI:
    return bind_app_for_tests(
        service_spec.create_app(database_url), sessionmaker=sessionmaker, test_key=test_key
    )


def trust_test_key(app: FastAPI, test_key: RsaKey) -> FastAPI:
    """Let ``app`` accept tokens minted with the test key (besides its own key source)."""
    verifier: TokenVerifier = app.state.token_verifier
    own: KeySource | None = verifier.keys
    if isinstance(own, JwksClient):
        own = None
    app.state.token_verifier = TokenVerifier(
        keys=ChainedKeys({test_key.kid: test_key.jwk}, own),
        issuer=TEST_ISSUER,
        audience=TEST_AUDIENCE,
        revocations=verifier.revocations,
    )
    return app


@pytest.fixture(scope="session")
async def committed_database_url(service_spec: ServiceSpec, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A second database for tests whose requests commit for real (fuzzing, concurrency)."""
    return await migrated_database(
        service_spec, f"splot_test_{service_spec.name}_committed", tmp_path_factory
    )


@pytest.fixture(scope="session")
def committed_app(service_spec: ServiceSpec, committed_database_url: str, test_key: RsaKey) -> FastAPI:
    """The real app on its own database: no per-test rollback, connections not pooled, so that it
    can be driven from another event loop (schemathesis' ASGI client) or by parallel requests."""
    app = service_spec.create_app(committed_database_url)
    engine = create_engine(committed_database_url, null_pool=True)
    app.state.engine = engine
    app.state.sessionmaker = async_sessionmaker(bind=engine, expire_on_commit=False)
    app.state.run_background = False
    without_rate_limit(app)
    return trust_test_key(app, test_key)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture(scope="session")
def api_schema(committed_app: FastAPI) -> Any:
    """The service's own OpenAPI document, for ``schemathesis.pytest.from_fixture("api_schema")``."""
    import schemathesis

    return schemathesis.openapi.from_asgi("/openapi.json", committed_app)


@pytest.fixture(scope="session")
def api_schema_per_caller(committed_app: FastAPI) -> Any:
    """The same, for the runs of every other kind of caller: generated examples only (the coverage
    phase's hundreds of boundary cases per operation are the same for every caller and run once, in
    the service's main contract test)."""
    import schemathesis

    schema = schemathesis.openapi.from_asgi("/openapi.json", committed_app)
    schema.config.phases.coverage.enabled = False
    return schema


async def schema_differences(engine: AsyncEngine, metadata: Any) -> list[Any]:
    """What separates the migrated database from the models (alembic's autogenerate comparison):
    a model change without its migration, or the reverse. Empty when they agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def diff(connection: Any) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))

    async with engine.connect() as conn:
        return await conn.run_sync(diff)
