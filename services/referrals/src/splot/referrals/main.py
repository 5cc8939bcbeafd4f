"""The referrals service application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from splot.common.app import create_service_app
from splot.common.db import utcnow
from splot.referrals import netguard
from splot.referrals.config import ReferralsSettings
from splot.referrals.emailer import EmailSender, build_sender
from splot.referrals.models import Referral, WebhookDelivery
from splot.referrals.peers import HttpPeers, Peers
from splot.referrals.routes import ROUTERS
from splot.referrals.scheduler import scheduler_loop

SERVICE_DIR = Path(__file__).resolve().parents[3]


def create_app(
    settings: ReferralsSettings | None = None,
    *,
    peers: Peers | None = None,
    email_sender: EmailSender | None = None,
    webhook_transport: httpx.AsyncBaseTransport | None = None,
    webhook_resolver: netguard.Resolver | None = None,
) -> FastAPI:
    """Build the app; ``peers``, ``email_sender``, ``webhook_transport`` and ``webhook_resolver``
    replace the real ones (tests; the defaults call the directory and the client registry over
    HTTP and resolve webhook hosts with the system resolver)."""
    settings = settings or ReferralsSettings()
    app = create_service_app(
        settings,
        title="Splot referrals",
        description=(
            "Closed-loop referrals between PUP, OPS/CUS and NGOs with an enforced workflow, Polish "
            "working-day deadlines, chains, messages, notifications and signed webhooks."
        ),
        version="1.0.0",
        service_dir=SERVICE_DIR,
        routers=ROUTERS,
        background=[scheduler_loop],
    )
    http_peers = HttpPeers(settings) if peers is None else None
    app.state.peers = peers or http_peers
    app.state.email_sender = email_sender or build_sender(settings)
    # No proxy from the environment: it would bypass the pinning to the vetted address.
    app.state.webhook_http = httpx.AsyncClient(
        transport=webhook_transport, follow_redirects=False, trust_env=False
    )
    app.state.webhook_resolver = webhook_resolver or netguard.system_resolver

    _close_on_shutdown(app, http_peers)
    _install_metrics(app)
    return app


def _close_on_shutdown(app: FastAPI, http_peers: HttpPeers | None) -> None:
    """Close the webhook client and the peers' client (when the app made its own) on shutdown."""
    platform_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with platform_lifespan(app):
            try:
                yield
            finally:
                await app.state.webhook_http.aclose()
                if http_peers is not None:
                    await http_peers.aclose()

    app.router.lifespan_context = lifespan


def _install_metrics(app: FastAPI) -> None:
    """Gauges read when ``/metrics`` is scraped: overdue referrals, webhook deliveries by status."""
    overdue = app.state.metrics.gauge(
        "splot_referrals_overdue", "Requested referrals past their response deadline"
    )
    webhooks = app.state.metrics.gauge("splot_webhook_deliveries", "Webhook deliveries by status", ["status"])

    async def metrics_hook(app: FastAPI) -> None:
        async with app.state.sessionmaker() as session:
            overdue.set(
                await session.scalar(
                    select(func.count())
                    .select_from(Referral)
                    .where(Referral.status == "requested", Referral.due_at <= utcnow())
                )
                or 0
            )
            rows = await session.execute(
                select(WebhookDelivery.status, func.count()).group_by(WebhookDelivery.status)
            )
            counts = dict(rows.all())
        for status in ("pending", "delivered", "dead"):
            webhooks.labels(status).set(counts.get(status, 0))

    app.state.metrics_hook = metrics_hook
