"""Request ids, access logs, Prometheus metrics and the health/readiness probes."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from contextvars import ContextVar

import structlog
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from opentelemetry import propagate
from opentelemetry.trace import SpanKind
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from sqlalchemy import text
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from splot.common.errors import problem_response
from splot.common.events import sequence_outbox
from splot.common.tracing import span_attributes

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
log = structlog.get_logger("splot.access")


def current_request_id() -> str | None:
    return request_id_var.get()


class Metrics:
    """Per-app Prometheus registry (the embedded mode runs four apps in one process)."""

    def __init__(self, service: str) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "splot_http_requests_total",
            "HTTP requests",
            ["service", "method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "splot_http_request_duration_seconds",
            "HTTP request latency",
            ["service", "method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.outbox_backlog = Gauge(
            "splot_outbox_head_seq", "Newest outbox sequence number", ["service"], registry=self.registry
        )
        self.db_pool_checked_out = Gauge(
            "splot_db_pool_checked_out", "Database connections in use", ["service"], registry=self.registry
        )
        self.db_pool_size = Gauge(
            "splot_db_pool_size", "Database connections held by the pool", ["service"], registry=self.registry
        )
        self.service = service

    def gauge(self, name: str, doc: str, labels: list[str] | None = None) -> Gauge:
        return Gauge(name, doc, labels or [], registry=self.registry)

    def counter(self, name: str, doc: str, labels: list[str] | None = None) -> Counter:
        return Counter(name, doc, labels or [], registry=self.registry)


def _route_template(scope: Scope) -> str:
    # FastAPI records the matched route in the scope; its path template keeps metrics'
    # cardinality bounded (no ids in labels).
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class RequestContextMiddleware:
    """Assigns a request id (or keeps a well-formed incoming one), logs and measures requests."""

    def __init__(self, app: ASGIApp, *, service: str, metrics: Metrics) -> None:
        self.app = app
        self.service = service
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((v.decode() for k, v in scope["headers"] if k == b"x-request-id"), None)
        request_id = incoming if incoming and _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id, service=self.service)
        status = {"code": 500}
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        tracer = getattr(scope["app"].state, "tracer", None) if "app" in scope else None
        span_cm = (
            tracer.start_as_current_span(
                f"{scope['method']} request",
                context=propagate.extract({k.decode(): v.decode() for k, v in scope["headers"]}),
                kind=SpanKind.SERVER,
            )
            if tracer is not None
            else nullcontext(None)
        )
        with span_cm as span:
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                elapsed = time.perf_counter() - started
                route = _route_template(scope)
                if span is not None:
                    span.update_name(f"{scope['method']} {route}")
                    span.set_attributes(span_attributes(scope["method"], route, request_id))
                    span.set_attribute("http.response.status_code", status["code"])
                self._finish(scope, route, status["code"], elapsed)
                request_id_var.reset(token)

    def _finish(self, scope: Scope, route: str, status: int, elapsed: float) -> None:
        self.metrics.requests.labels(self.service, scope["method"], route, str(status)).inc()
        self.metrics.latency.labels(self.service, scope["method"], route).observe(elapsed)
        if route not in ("/health", "/metrics"):
            log.info(
                "request",
                method=scope["method"],
                route=route,
                status=status,
                duration_ms=round(elapsed * 1000, 1),
            )
        structlog.contextvars.unbind_contextvars("request_id", "service")


def probes_router(*, migrations_head: Callable[[], str | None]) -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/health", summary="Liveness probe")
    async def health() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @router.get("/ready", summary="Readiness probe", responses={503: {"description": "Not ready"}})
    async def ready(request: Request) -> Response:
        """The database answers and its schema is at the newest migration."""
        try:
            async with request.app.state.sessionmaker() as session:
                current = (await session.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        except Exception:
            return problem_response(
                request,
                status=503,
                code="database_unavailable",
                detail="the database cannot be reached or is not migrated",
            )
        expected = migrations_head()
        if current != expected:
            return problem_response(
                request,
                status=503,
                code="migrations_pending",
                detail="the database schema is not at the newest migration",
            )
        return JSONResponse({"status": "ready", "migration": current})

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        await _platform_gauges(request.app)
        hook = getattr(request.app.state, "metrics_hook", None)
        if hook is not None:
            await hook(request.app)
        return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return router


async def _platform_gauges(app: FastAPI) -> None:
    """Gauges every service has, read at scrape time: outbox head and connection pool use."""
    metrics: Metrics = app.state.metrics
    pool = app.state.engine.pool
    if hasattr(pool, "checkedout"):
        metrics.db_pool_checked_out.labels(metrics.service).set(pool.checkedout())
        metrics.db_pool_size.labels(metrics.service).set(pool.size())
    try:
        async with app.state.sessionmaker() as session:
            # The feed's head: number what is pending first, so the gauge moves with the writers
            # even when no consumer polls (and a consumer's lag is measured against it).
            await sequence_outbox(session)
            head = (
                await session.execute(text("SELECT COALESCE(MAX(position), 0) FROM outbox_event"))
            ).scalar()
            await session.commit()
    except Exception:  # a scrape must not fail because the database is briefly away
        return
    metrics.outbox_backlog.labels(metrics.service).set(head or 0)


def install(app: FastAPI, service: str) -> Metrics:
    metrics = Metrics(service)
    app.state.metrics = metrics
    app.add_middleware(RequestContextMiddleware, service=service, metrics=metrics)
    return metrics
