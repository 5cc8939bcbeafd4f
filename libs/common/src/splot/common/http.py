"""Outgoing calls to other Splot services: a service token and the request id on every call."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from splot.common.errors import Problem
from splot.common.observability import REQUEST_ID_HEADER, current_request_id


class ServiceTokenProvider:
    """Client-credentials token for this service, cached until shortly before it expires."""

    def __init__(
        self, *, token_url: str, client_id: str, client_secret: str, scope: str, http: httpx.AsyncClient
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.scope = scope
        self._http = http
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        if self._token and time.monotonic() < self._expires_at - 30:
            return self._token
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at - 30:
                return self._token
            response = await self._http.post(
                self.token_url,
                data={"grant_type": "client_credentials", "scope": self.scope},
                auth=(self.client_id, self.client_secret),
            )
            if response.status_code != 200:
                raise Problem(
                    503, "upstream_auth_failed", "this service could not obtain its own access token"
                )
            body = response.json()
            self._token = body["access_token"]
            self._expires_at = time.monotonic() + float(body.get("expires_in", 300))
            return self._token

    def invalidate(self) -> None:
        self._token = None


async def _add_request_id(request: httpx.Request) -> None:
    request_id = current_request_id()
    if request_id and REQUEST_ID_HEADER not in request.headers:
        request.headers[REQUEST_ID_HEADER] = request_id


def service_http_client(**kwargs: Any) -> httpx.AsyncClient:
    """An httpx client that forwards the current request id downstream."""
    kwargs.setdefault("timeout", httpx.Timeout(10.0, connect=5.0))
    hooks = kwargs.setdefault("event_hooks", {})
    hooks.setdefault("request", []).append(_add_request_id)
    return httpx.AsyncClient(**kwargs)
