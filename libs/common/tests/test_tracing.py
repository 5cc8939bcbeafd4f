"""Optional tracing: off by default; when on, one server span per request named by the route
template, continuing the caller's trace, with no URL or query string recorded."""

from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from splot.common.settings import ServiceSettings
from splot.common.tracing import setup_tracing


def test_tracing_is_off_unless_configured(app):
    assert setup_tracing(ServiceSettings(service_name="sample"), app.state.engine) is None
    assert app.state.tracer is None


async def test_request_spans_carry_the_route_template_and_continue_the_callers_trace(app, client, tokens):
    exporter = InMemorySpanExporter()
    app.state.tracer = setup_tracing(app.state.settings, app.state.engine, exporter=exporter)
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    response = await client.get(
        "/v1/widgets",
        params={"limit": 5, "cursor": "secret-looking-value"},
        headers={
            **tokens.headers(),
            "traceparent": f"00-{trace_id}-00f067aa0ba902b7-01",
            "X-Request-ID": "req-42",
        },
    )
    assert response.status_code == 422  # the cursor is invalid; the span is recorded all the same
    spans = [s for s in exporter.get_finished_spans() if s.name.startswith("GET ")]
    assert [s.name for s in spans] == ["GET /v1/widgets"]
    span = spans[0]
    assert format(span.context.trace_id, "032x") == trace_id
    assert span.attributes["http.route"] == "/v1/widgets"
    assert span.attributes["splot.request_id"] == "req-42"
    assert span.attributes["http.response.status_code"] == 422
    recorded = " ".join(str(v) for s in exporter.get_finished_spans() for v in (s.attributes or {}).values())
    assert "secret-looking-value" not in recorded and "?" not in recorded
