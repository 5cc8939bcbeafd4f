"""Workaround: a correct ``Allow`` header on 405 answers.

``splot.common.errors._allowed_methods`` walks ``app.routes`` for ``path_regex``; with the FastAPI
in the lock file, routers added with ``include_router`` sit inside ``_IncludedRouter`` wrappers
that have none, so the header comes out empty. Until the library walks nested routers, this
middleware fills it in from the same routes, walked recursively.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _leaf_routes(routes: Iterable[Any]) -> Iterator[Any]:
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _leaf_routes(inner.routes)
        else:
            yield route


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    methods: set[str] = set()
    for route in _leaf_routes(app.router.routes):
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path) and getattr(route, "methods", None):
            methods.update(route.methods)
    return sorted(methods)


class AllowHeaderMiddleware:
    def __init__(self, app: ASGIApp, *, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                path, root = scope.get("path", ""), scope.get("root_path", "")
                if root and path.startswith(root):
                    path = path[len(root) :]  # mounted under the gateway: match the app's own path
                allowed = ", ".join(allowed_methods(self.fastapi_app, path))
                message["headers"] = [*headers, (b"allow", allowed.encode())]
            await send(message)

        await self.app(scope, receive, send_with_allow)
