"""The directory service application."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from splot.common.app import create_service_app
from splot.common.db import utcnow
from splot.directory import (
    accounts_router,
    oauth,
    programmes,
    router,
    routes_partnership_documents,
    routes_partnership_work,
    routes_partnerships,
)
from splot.directory.config import DirectorySettings
from splot.directory.revocations import OwnRevocations
from splot.directory.security import OwnKeys
from splot.directory.throttle import prune_loop

SERVICE_DIR = Path(__file__).resolve().parents[3]


def create_app(settings: DirectorySettings | None = None) -> FastAPI:
    settings = settings or DirectorySettings()
    app = create_service_app(
        settings,
        title="Splot directory",
        description=(
            "Institutions (PUP, OPS, NGOs…), their service offers and capacity, partnership "
            "agreements, staff users and API clients; OAuth2 token endpoint and JWKS."
        ),
        version="1.0.0",
        service_dir=SERVICE_DIR,
        routers=[
            oauth.router,
            router.router,
            programmes.router,
            accounts_router.router,
            # The work router first: its /partnerships/standard-deadline before /partnerships/{id}.
            routes_partnership_work.router,
            routes_partnership_documents.router,
            routes_partnerships.router,
        ],
        key_source=lambda app: OwnKeys(app.state),
        # The directory verifies its own tokens too: revocations straight from its table.
        revocation_source=lambda app: OwnRevocations(app.state),
        background=[prune_loop],
    )
    #: The sign-in throttle's clock (tests replace it to step through waits without sleeping).
    app.state.clock = utcnow
    return app
