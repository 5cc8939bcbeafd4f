"""The clients service application: the shared client registry."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from splot.clients import routes
from splot.clients.config import ClientsSettings
from splot.clients.http_allow import AllowHeaderMiddleware
from splot.clients.imports import import_worker
from splot.clients.retention import retention_loop
from splot.common.app import create_service_app

SERVICE_DIR = Path(__file__).resolve().parents[3]


def create_app(settings: ClientsSettings | None = None) -> FastAPI:
    settings = settings or ClientsSettings()
    app = create_service_app(
        settings,
        title="Splot clients",
        description=(
            "The shared client registry: one record per person across PUP, OPS and NGOs; matching "
            "and merge; access decided at read time (registration, referral grants, break-glass); "
            "consents; an append-only read audit with GDPR art. 15 access reports; retention; bulk "
            "import; and the service-to-service API for the referrals service."
        ),
        version="1.0.0",
        service_dir=SERVICE_DIR,
        routers=routes.ROUTERS,
        background=[retention_loop, import_worker],
    )
    app.add_middleware(AllowHeaderMiddleware, fastapi_app=app)
    return app
