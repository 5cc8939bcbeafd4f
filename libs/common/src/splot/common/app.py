"""The FastAPI application factory every service uses, so that they all behave alike."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi_offline import FastAPIOffline

from splot.common import errors, observability
from splot.common.auth import JwksClient, KeySource, TokenVerifier
from splot.common.db import create_engine, create_sessionmaker
from splot.common.errors import ProblemDetail
from splot.common.events import events_router
from splot.common.idempotency import IdempotencyMiddleware
from splot.common.logging import configure_logging
from splot.common.migrations import head_revision
from splot.common.settings import ServiceSettings
from splot.common.tracing import setup_tracing
from splot.common.validation import reject_unknown_query_parameters

BackgroundTask = Callable[[FastAPI], Awaitable[None]]


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    description: str,
    version: str,
    service_dir: Path,
    routers: Sequence[APIRouter],
    key_source: Callable[[FastAPI], KeySource] | None = None,
    background: Sequence[BackgroundTask] = (),
) -> FastAPI:
    """Build a service app; database and token verification are wired from ``settings``
    (``key_source`` builds the token key source from the app; by default the directory's JWKS).

    Background tasks (schedulers, feed consumers) run for the app's lifetime and are cancelled on
    shutdown; tests replace ``app.state.sessionmaker`` and ``app.state.token_verifier``.
    """
    configure_logging(settings.log_level, json=settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(task(app)) for task in (background if app.state.run_background else ())]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await app.state.engine.dispose()

    # Docs pages from bundled Swagger UI / ReDoc assets: nothing is fetched from a CDN.
    app = FastAPIOffline(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        dependencies=[Depends(reject_unknown_query_parameters)],
    )
    engine = create_engine(
        settings.effective_database_url, echo=settings.database_echo, pool_size=settings.database_pool_size
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.run_background = True
    app.state.token_verifier = TokenVerifier(
        keys=key_source(app)
        if key_source
        else JwksClient(settings.jwks_url, cache_seconds=settings.jwks_cache_seconds),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
    )

    app.state.tracer = setup_tracing(settings, engine)

    errors.install_problem_handlers(app)
    app.add_middleware(IdempotencyMiddleware)
    observability.install(app, settings.service_name)

    head = head_revision(service_dir)
    app.include_router(observability.probes_router(migrations_head=lambda: head))
    for router in routers:
        app.include_router(router)
    app.include_router(events_router())
    _register_problem_schema(app)
    return app


def _register_problem_schema(app: FastAPI) -> None:
    """Make ``#/components/schemas/ProblemDetail`` exist even if no route uses it as a model."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        if "ProblemDetail" not in components:
            components["ProblemDetail"] = ProblemDetail.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def render_openapi(app: FastAPI) -> str:
    """The published form of a service's contract (``openapi/<service>.json``)."""
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def serve(app: FastAPI, settings: ServiceSettings, *, host: str, port: int) -> None:
    """Run one service with uvicorn, as ``splot-<service> serve`` does. ``public_base_path`` is
    the prefix the gateway publishes it under (``/api/<service>``), so that its docs and links
    point there."""
    import uvicorn

    uvicorn.run(
        app, host=host, port=port, log_config=None, access_log=False, root_path=settings.public_base_path
    )
