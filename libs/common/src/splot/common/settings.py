"""Settings base shared by every service.

Each service subclasses :class:`ServiceSettings` with its own environment prefix
(``SPLOT_<SERVICE>_``). Defaults make the embedded mode work out of the box; in production the
settings refuse to load while any secret still carries a development default.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from splot.common.db import DEFAULT_POOL_SIZE

DEV_SECRET_PREFIX = "dev-insecure-"


def data_dir() -> Path:
    """The git-ignored folder where the embedded mode keeps its SQLite files."""
    return Path(os.environ.get("SPLOT_DATA_DIR", "var")).resolve()


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class DevSecretInProduction(ValueError):
    pass


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SPLOT_", extra="ignore", env_file=None)

    #: Short name of the service (``directory``, ``clients``…); also the gateway path segment.
    service_name: str = "splot"
    environment: Environment = Environment.development
    database_url: str = ""
    #: Echo SQL statements (never in production: statements can carry personal data as parameters).
    database_echo: bool = False
    #: The most connections each process holds to its database: opened as needed, then kept.
    database_pool_size: int = Field(DEFAULT_POOL_SIZE, ge=1)
    #: A pooled PostgreSQL connection idle longer than this (seconds) is pinged before a request
    #: gets it (a dead one is replaced); one returned to the pool more recently is handed out as
    #: it is, saving a round trip per request under load. 0 pings at every checkout.
    database_ping_idle_seconds: float = Field(2.0, ge=0, le=300)

    #: Token validation: issuer, audience and where the directory publishes its keys.
    jwt_issuer: str = "splot-directory"
    jwt_audience: str = "splot"
    jwks_url: str = "http://127.0.0.1:8000/api/directory/.well-known/jwks.json"
    jwks_cache_seconds: int = 300
    #: Where the directory lists revoked tokens (deactivated accounts, changed roles, signed-out
    #: sessions, revoked clients); polled every ``revocation_refresh_seconds`` with the service token.
    token_revocations_url: str = "http://127.0.0.1:8000/api/directory/v1/token-revocations"
    revocation_refresh_seconds: float = Field(5.0, gt=0, le=300)

    #: This service's own client-credentials identity, for calls to other services.
    token_url: str = "http://127.0.0.1:8000/api/directory/v1/oauth/token"
    service_client_id: str = ""
    service_client_secret: SecretStr = SecretStr(DEV_SECRET_PREFIX + "service-secret")

    #: OTLP/HTTP traces endpoint; empty turns tracing off.
    otel_endpoint: str = ""
    #: Share of traces started here that are kept (0–1); callers' sampling decisions are followed.
    otel_sample_ratio: float = Field(1.0, ge=0.0, le=1.0)

    #: Requests per minute each caller (staff member or institution system; per source address
    #: without a token) may make to this service, with bursts up to ``rate_limit_burst``; 429 beyond.
    #: Splot's own services are not limited. 0 turns the limit off.
    rate_limit_per_minute: int = Field(600, ge=0)
    rate_limit_burst: int = Field(120, ge=1)

    log_level: str = "INFO"
    log_json: bool = True
    #: Base URL under which the gateway publishes this service (for links and OpenAPI servers).
    public_base_path: str = ""

    #: Secret fields this service never uses (not checked in production).
    unused_secrets: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _refuse_dev_secrets_in_production(self) -> ServiceSettings:
        if self.environment is not Environment.production:
            return self
        offending = [
            name
            for name, value in self._secret_fields().items()
            if name not in self.unused_secrets and (value.startswith(DEV_SECRET_PREFIX) or not value)
        ]
        if offending:
            raise DevSecretInProduction(
                "production refuses development or empty secrets: " + ", ".join(sorted(offending))
            )
        if not self.database_url or self.database_url.startswith("sqlite"):
            raise DevSecretInProduction("production requires a PostgreSQL database_url")
        return self

    def _secret_fields(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name in type(self).model_fields:
            value: Any = getattr(self, name)
            if isinstance(value, SecretStr):
                found[name] = value.get_secret_value()
        return found

    def sqlite_default_url(self) -> str:
        return f"sqlite+aiosqlite:///{data_dir() / (self.service_name + '.db')}"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or self.sqlite_default_url()
