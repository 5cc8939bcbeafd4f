"""Optional OpenTelemetry tracing, off unless ``SPLOT_<SERVICE>_OTEL_ENDPOINT`` names an OTLP/HTTP
collector (e.g. ``http://otel-collector:4318/v1/traces``).

Server spans are made by our own request middleware and carry the route *template*, method,
status and request id — never the URL, whose query string may hold a searched name. Outgoing
calls to peer services (httpx) and database statements (SQLAlchemy, parameters not recorded) are
instrumented too, and the W3C ``traceparent`` header links the services' spans into one trace.
"""

from __future__ import annotations

from typing import Any

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from opentelemetry.trace import Tracer
from sqlalchemy.ext.asyncio import AsyncEngine

from splot.common.settings import ServiceSettings

_httpx_instrumented = False


def setup_tracing(
    settings: ServiceSettings, engine: AsyncEngine, *, exporter: SpanExporter | None = None
) -> Tracer | None:
    """A tracer for the service, or ``None`` when tracing is not configured. ``exporter`` replaces
    the OTLP exporter (tests), and is flushed span by span."""
    global _httpx_instrumented
    if exporter is None and not settings.otel_endpoint:
        return None
    provider = TracerProvider(
        resource=Resource.create({"service.name": f"splot-{settings.service_name}"}),
        sampler=ParentBased(TraceIdRatioBased(settings.otel_sample_ratio)),
    )
    if exporter is not None:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    else:
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otel_endpoint)))
    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, tracer_provider=provider)
    if not _httpx_instrumented:
        # Process-wide: the embedded mode runs four services in one process, one instrumentation.
        HTTPXClientInstrumentor().instrument(tracer_provider=provider)
        _httpx_instrumented = True
    return provider.get_tracer("splot." + settings.service_name)


def span_attributes(method: str, route: str, request_id: str) -> dict[str, Any]:
    return {"http.request.method": method, "http.route": route, "splot.request_id": request_id}
