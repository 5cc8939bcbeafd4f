"""The reporting service application."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI

from splot.common.app import create_service_app
from splot.reporting import consumer, ingestion
from splot.reporting.config import ReportingSettings
from splot.reporting.routes import ROUTERS
from splot.reporting.sources import Sources, http_sources
from splot.reporting.surveys.reminders import surveys_in_background

SERVICE_DIR = Path(__file__).resolve().parents[3]


async def ingest_in_background(app: FastAPI) -> None:
    """Consume the feeds for the app's lifetime (every replica runs it; advisory locks decide)."""
    settings: ReportingSettings = app.state.settings
    sources: Sources = app.state.sources_factory()
    try:
        await consumer.run_worker(
            app.state.sessionmaker, sources, ingestion.IngestContext.from_settings(settings), settings
        )
    finally:
        await sources.aclose()


def _install_metrics(app: FastAPI) -> None:
    metrics = app.state.metrics
    lag = metrics.gauge("splot_reporting_source_lag_events", "Events in a feed not yet consumed", ["source"])
    last_seq = metrics.gauge("splot_reporting_source_last_seq", "Last consumed sequence number", ["source"])
    head_seq = metrics.gauge(
        "splot_reporting_source_head_seq", "Newest sequence number of the feed", ["source"]
    )
    last_success = metrics.gauge(
        "splot_reporting_source_last_success_timestamp_seconds",
        "Time of the last successful poll",
        ["source"],
    )
    failures = metrics.gauge(
        "splot_reporting_source_consecutive_failures", "Failed polls since the last success", ["source"]
    )

    async def hook(app: FastAPI) -> None:
        async with app.state.sessionmaker() as session:
            cursors = await consumer.source_status(session)
        for cursor in cursors:
            lag.labels(cursor.source).set(max(0, cursor.head_seq - cursor.last_seq))
            last_seq.labels(cursor.source).set(cursor.last_seq)
            head_seq.labels(cursor.source).set(cursor.head_seq)
            failures.labels(cursor.source).set(cursor.consecutive_failures or 0)
            if cursor.last_success_at is not None:
                last_success.labels(cursor.source).set(cursor.last_success_at.timestamp())

    app.state.metrics_hook = hook


def create_app(
    settings: ReportingSettings | None = None, *, sources_factory: Callable[[], Sources] | None = None
) -> FastAPI:
    settings = settings or ReportingSettings()
    app = create_service_app(
        settings,
        title="Splot reporting",
        description=(
            "Monitoring of the cooperation of labour offices, social assistance and NGOs: aggregates "
            "and indicators computed from the other services' event feeds, with small-cell "
            "suppression; exports and published editions. Nothing person-level is ever returned."
        ),
        version="1.0.0",
        service_dir=SERVICE_DIR,
        routers=list(ROUTERS),
        background=([ingest_in_background] if settings.ingest_enabled else [])
        + ([surveys_in_background] if settings.survey_jobs_interval_seconds > 0 else []),
    )
    app.state.sources_factory = sources_factory or (lambda: http_sources(settings))
    _install_metrics(app)
    return app
