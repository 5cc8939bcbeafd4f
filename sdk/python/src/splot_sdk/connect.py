"""``Splot``: the generated clients of the four services, authenticated as your institution's
system (an API client created by the institution's administrator) with tokens obtained, cached and
renewed by :class:`~splot_sdk.auth.ClientCredentialsAuth`.

Every generated operation has a sync and an async form (``sync``/``sync_detailed``,
``asyncio``/``asyncio_detailed``); both work with the same client object::

    from splot_sdk.referrals.api.referrals import inbox_v1_referrals_inbox_get as inbox

    with Splot("https://splot.gov.pl", client_id, client_secret) as splot:
        page = inbox.sync(client=splot.referrals)            # or: await inbox.asyncio(client=…)
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import httpx

from splot_sdk import clients, directory, referrals, reporting
from splot_sdk.auth import TOKEN_PATH, ClientCredentialsAuth

#: The services and where each lies below the origin (the embedded server and production alike).
SERVICE_PATHS = {
    "directory": "/api/directory",
    "clients": "/api/clients",
    "referrals": "/api/referrals",
    "reporting": "/api/reporting",
}


class Splot:
    """The authenticated clients of one Splot installation.

    ``base_url`` is the origin (``https://splot.gov.pl``, ``http://127.0.0.1:8000``); ``scopes``
    narrows the tokens to some of the API client's scopes; ``httpx_args`` go to every httpx client
    (e.g. ``{"verify": "/etc/ssl/ca.pem"}``, ``{"transport": ...}``).
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        scopes: list[str] | None = None,
        timeout: float = 30.0,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = ClientCredentialsAuth(
            self.service_url("directory") + TOKEN_PATH, client_id, client_secret, scopes=scopes
        )
        common: dict[str, Any] = {
            "token": "",  # the Authorization header is set by self.auth on every request
            "timeout": httpx.Timeout(timeout),
            "raise_on_unexpected_status": True,
            "httpx_args": {**(httpx_args or {}), "auth": self.auth},
        }
        self.directory = directory.AuthenticatedClient(base_url=self.service_url("directory"), **common)
        self.clients = clients.AuthenticatedClient(base_url=self.service_url("clients"), **common)
        self.referrals = referrals.AuthenticatedClient(base_url=self.service_url("referrals"), **common)
        self.reporting = reporting.AuthenticatedClient(base_url=self.service_url("reporting"), **common)

    def service_url(self, service: str) -> str:
        """The base URL of one service's API (``…/api/referrals``)."""
        return self.base_url + SERVICE_PATHS[service]

    def _all(
        self,
    ) -> tuple[
        directory.AuthenticatedClient,
        clients.AuthenticatedClient,
        referrals.AuthenticatedClient,
        reporting.AuthenticatedClient,
    ]:
        return (self.directory, self.clients, self.referrals, self.reporting)

    def close(self) -> None:
        """Close the sync connections."""
        for client in self._all():
            client.get_httpx_client().close()

    async def aclose(self) -> None:
        """Close the async connections."""
        for client in self._all():
            await client.get_async_httpx_client().aclose()

    def __enter__(self) -> Splot:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Splot:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
