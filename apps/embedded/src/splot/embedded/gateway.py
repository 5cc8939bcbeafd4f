"""One origin for everything: the SPA at ``/`` and each service at ``/api/<service>/``.

Each mounted service keeps its own database and still calls its peers over HTTP, exactly as in
production where nginx plays this role.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from splot.common.errors import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'"
    ),
}

DOCS_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'"
)

NOT_BUILT = """<!doctype html><html lang="pl"><meta charset="utf-8"><title>Splot</title>
<h1>Splot</h1><p>Aplikacja nie została jeszcze zbudowana: uruchom <code>make run</code>.</p>
<p>API: <a href="/api/directory/docs">/api/directory/docs</a></p></html>"""


class SpaStaticFiles(StaticFiles):
    """Static files with the SPA fallback: unknown paths get index.html (client-side routing)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except HTTPException as exc:
            if exc.status_code != 404 or path.startswith("assets/"):
                raise
            response = await super().get_response("index.html", scope)
        if path in ("", ".", "index.html") or not path.startswith("assets/"):
            response.headers["Cache-Control"] = "no-cache"
        else:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def _problem_404(scope: Scope) -> Response:
    body = {
        "type": PROBLEM_TYPE_BASE + "not_found",
        "title": "Not Found",
        "status": 404,
        "detail": "not found",
        "code": "not_found",
    }
    return JSONResponse(
        body, status_code=404, media_type=PROBLEM_MEDIA_TYPE, headers={"Cache-Control": "no-store"}
    )


async def _not_found(scope: Scope, receive: Receive, send: Send) -> None:
    """What no route matched (a path with a line break matches no mount): a problem document."""
    await _problem_404(scope)(scope, receive, send)


class PrivateMetrics:
    """Each service's ``/metrics`` is for the operator's Prometheus, which scrapes the services
    directly; through the public origin it is not found (as behind nginx in production)."""

    def __init__(self, app: ASGIApp, *, enabled: bool) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and not self.enabled
            and scope["path"].startswith("/api/")
            and scope["path"].rstrip("/").endswith("/metrics")
        ):
            await _not_found(scope, receive, send)
            return
        await self.app(scope, receive, send)


def build_gateway(
    apps: Mapping[str, FastAPI],
    static_dir: Path | None,
    *,
    public_metrics: bool = False,
    on_ready: Callable[[], None] | None = None,
) -> Starlette:
    """``on_ready`` runs once every service has started (the CLI prints the demo logins then)."""

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # Mounted apps' lifespans do not run by themselves: run them here (background jobs,
        # engine disposal).
        async with AsyncExitStack() as stack:
            for app in apps.values():
                await stack.enter_async_context(app.router.lifespan_context(app))
            if on_ready is not None:
                on_ready()
            yield

    routes = [Mount(f"/api/{name}", app=app) for name, app in apps.items()]
    if static_dir is not None and (static_dir / "index.html").exists():
        routes.append(Mount("/", app=SpaStaticFiles(directory=static_dir, html=True)))
    else:

        async def not_built(scope: Scope, receive: Receive, send: Send) -> None:
            await HTMLResponse(NOT_BUILT)(scope, receive, send)

        routes.append(Mount("/", app=not_built))
    gateway = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(SecurityHeaders), Middleware(PrivateMetrics, enabled=public_metrics)],
    )
    gateway.router.default = _not_found
    return gateway


class SecurityHeaders:
    """The headers nginx adds in production (CSP, nosniff, referrer policy, no framing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # The API docs pages start Swagger UI / ReDoc with an inline script.
        is_docs = scope["path"].endswith(("/docs", "/redoc"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if is_docs:
                    headers["Content-Security-Policy"] = DOCS_CSP
            await send(message)

        await self.app(scope, receive, send_with_headers)
