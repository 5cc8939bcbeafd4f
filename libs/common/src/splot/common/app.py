"""The FastAPI application factory every service uses, so that they all behave alike."""

from __future__ import annotations

import asyncio
import copy
import gc
import json
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi_offline import FastAPIOffline

from splot.common import contract, errors, observability, revocation
from splot.common.auth import JwksClient, KeySource, TokenVerifier
from splot.common.contract.headers import problem
from splot.common.contract.rules import PROBE_PATHS
from splot.common.db import create_engine, create_sessionmaker
from splot.common.errors import PROBLEM_MODELS, ProblemDetail
from splot.common.events import events_router
from splot.common.http import ServiceTokenProvider, service_http_client
from splot.common.idempotency import IdempotencyMiddleware
from splot.common.inputguard import InputGuard
from splot.common.logging import configure_logging
from splot.common.migrations import head_revision
from splot.common.ratelimit import RateLimiter, RateLimitHeaders
from splot.common.settings import ServiceSettings
from splot.common.tracing import setup_tracing
from splot.common.validation import reject_unknown_query_parameters

BackgroundTask = Callable[[FastAPI], Coroutine[Any, Any, None]]


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    description: str,
    version: str,
    service_dir: Path,
    routers: Sequence[APIRouter],
    key_source: Callable[[FastAPI], KeySource] | None = None,
    revocation_source: Callable[[FastAPI], revocation.RevocationSource | None] | None = None,
    background: Sequence[BackgroundTask] = (),
) -> FastAPI:
    """Build a service app; database and token verification are wired from ``settings``
    (``key_source`` builds the token key source from the app; by default the directory's JWKS;
    ``revocation_source`` where revoked tokens are learnt; by default the directory's list, read
    with this service's own client credentials).

    Background tasks (schedulers, feed consumers) run for the app's lifetime and are cancelled on
    shutdown; tests replace ``app.state.sessionmaker`` and ``app.state.token_verifier``.
    """
    configure_logging(settings.log_level, json=settings.log_json)
    # Docs pages from bundled Swagger UI / ReDoc assets: nothing is fetched from a CDN.
    app = FastAPIOffline(
        title=title,
        description=description,
        version=version,
        lifespan=_lifespan(background),
        dependencies=[Depends(reject_unknown_query_parameters)],
    )
    engine = create_engine(
        settings.effective_database_url,
        echo=settings.database_echo,
        pool_size=settings.database_pool_size,
        ping_idle_seconds=settings.database_ping_idle_seconds,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.run_background = True
    _wire_security(app, settings, key_source, revocation_source)
    app.state.tracer = setup_tracing(settings, engine)

    errors.install_problem_handlers(app)
    # Outermost last: request id and access log, then input refusal, then the rest.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(InputGuard)
    observability.install(app, settings.service_name)

    head = head_revision(service_dir)
    app.include_router(observability.probes_router(migrations_head=lambda: head))
    for router in routers:
        app.include_router(router)
    app.include_router(events_router())
    _register_problem_schema(app)
    return app


def _lifespan(
    background: Sequence[BackgroundTask],
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Background tasks run for the app's lifetime (unless ``run_background`` is off) and are
    cancelled on shutdown, before the engine is disposed of."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        jobs = [*background, _refresh_revocations] if app.state.run_background else []
        tasks = [asyncio.create_task(task(app)) for task in jobs]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await app.state.engine.dispose()

    return lifespan


def _wire_security(
    app: FastAPI,
    settings: ServiceSettings,
    key_source: Callable[[FastAPI], KeySource] | None,
    revocation_source: Callable[[FastAPI], revocation.RevocationSource | None] | None,
) -> None:
    """Token verification (the directory's JWKS unless ``key_source`` says otherwise), the
    revocation list and the per-caller rate limiter."""
    app.state.token_verifier = TokenVerifier(
        keys=key_source(app)
        if key_source
        else JwksClient(settings.jwks_url, cache_seconds=settings.jwks_cache_seconds),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )
    app.state.revocation_source = (
        revocation_source(app) if revocation_source else _directory_revocations(settings)
    )
    app.state.rate_limiter = RateLimiter(
        per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst
    )


def _directory_revocations(settings: ServiceSettings) -> revocation.RevocationSource | None:
    """The directory's revocation list, read with this service's own client credentials (none
    configured: only tokens' expiry limits them, as in a test)."""
    if not settings.service_client_id:
        return None
    http = service_http_client()
    tokens = ServiceTokenProvider(
        token_url=settings.token_url,
        client_id=settings.service_client_id,
        client_secret=settings.service_client_secret.get_secret_value(),
        scope="",
        http=http,
    )
    return revocation.HttpRevocationSource(settings.token_revocations_url, tokens.token, http=http)


async def _refresh_revocations(app: FastAPI) -> None:
    source = app.state.revocation_source
    if source is None:
        return
    settings: ServiceSettings = app.state.settings
    verifier: TokenVerifier = app.state.token_verifier
    await revocation.keep_refreshed(
        verifier.revocations, source, interval=settings.revocation_refresh_seconds
    )


#: Declared on every operation: the per-caller limit (429) can answer any request.
_RATE_LIMITED = problem("Too Many Requests: the caller's rate limit is used up")


def _register_problem_schema(app: FastAPI) -> None:
    """Make the problem schemas (``#/components/schemas/ProblemDetail`` and its named kinds) exist
    even if no route uses them as a model, declare the rate limit's 429 on every operation that
    needs a token, and complete the contract (:mod:`splot.common.contract`)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        models: list[type[ProblemDetail]] = [ProblemDetail, *PROBLEM_MODELS.values()]
        for model in models:
            if model.__name__ not in components:
                generated = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, definition in generated.pop("$defs", {}).items():
                    components.setdefault(name, definition)
                components[model.__name__] = generated
        for path, operations in schema.get("paths", {}).items():
            if path in PROBE_PATHS:
                continue
            for operation in operations.values():
                if isinstance(operation, dict) and "responses" in operation:
                    operation["responses"].setdefault("429", copy.deepcopy(_RATE_LIMITED))
        app.openapi_schema = contract.complete(schema, skip=PROBE_PATHS)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def render_openapi(app: FastAPI) -> str:
    """The published form of a service's contract (``openapi/<service>.json``)."""
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def freeze_startup_objects() -> None:
    """Move the objects built so far (modules, the app, its routes and models: ≈ 230k in a
    service) out of the garbage collector's reach, once, just before serving. Otherwise every full
    collection walks them all and the request it lands in waits for it: the aggregate API's p95
    outliers were such collections (median ≈ 0.7 s each on a loaded 2-core machine, ≈ 30 ms after
    freezing). Only for a serving process: tests build many apps and must not pin them."""
    gc.collect()
    gc.freeze()


def serve(app: FastAPI, settings: ServiceSettings, *, host: str, port: int) -> None:
    """Run one service with uvicorn, as ``splot-<service> serve`` does. ``public_base_path`` is
    the prefix the gateway publishes it under (``/api/<service>``), so that its docs and links
    point there."""
    import uvicorn

    freeze_startup_objects()
    uvicorn.run(
        app, host=host, port=port, log_config=None, access_log=False, root_path=settings.public_base_path
    )
