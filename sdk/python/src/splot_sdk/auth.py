"""OAuth 2.0 client credentials for an institution's system: an httpx ``Auth`` that obtains an
access token from the directory's token endpoint, caches it, takes a new one shortly before it
expires, and once more when a request is answered 401 (a token revoked or signed with a retired key).

One instance serves sync and async httpx clients alike (the token request goes through the same
client as the request it authorises) and may be shared by the clients of every service: the
directory's tokens are valid for all four.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator

import httpx

#: Where the token endpoint lies below the directory's base URL.
TOKEN_PATH = "/v1/oauth/token"
#: A token is renewed this many seconds before it expires (clock skew, a slow request).
REFRESH_MARGIN_SECONDS = 30.0


class TokenError(Exception):
    """The token endpoint refused the credentials (or answered something that is not a token)."""

    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(f"token request failed ({status_code}): {detail}")
        self.status_code = status_code
        self.detail = detail


class ClientCredentialsAuth(httpx.Auth):
    """Bearer tokens by the ``client_credentials`` grant.

    ``token_url`` is the directory's token endpoint (absolute, e.g.
    ``https://splot.gov.pl/api/directory/v1/oauth/token``); ``scopes`` narrows the token to some of
    the client's scopes (``None``: all of them). ``clock`` is for tests.
    """

    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scopes: list[str] | None = None,
        refresh_margin: float = REFRESH_MARGIN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.scopes = scopes
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        #: How many tokens this instance has obtained (for monitoring and tests).
        self.tokens_obtained = 0

    @property
    def token(self) -> str | None:
        """The cached access token, if any (it may have expired)."""
        return self._token

    def invalidate(self) -> None:
        """Forget the cached token: the next request obtains a new one."""
        with self._lock:
            self._token = None
            self._expires_at = 0.0

    def _fresh(self) -> str | None:
        with self._lock:
            if self._token is not None and self._clock() < self._expires_at - self.refresh_margin:
                return self._token
            return None

    def _token_request(self) -> httpx.Request:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
        }
        if self.scopes is not None:
            form["scope"] = " ".join(self.scopes)
        return httpx.Request("POST", self.token_url, data=form, headers={"Accept": "application/json"})

    def _store(self, response: httpx.Response, requested_at: float) -> str:
        if response.status_code != 200:
            raise TokenError(response.status_code, response.text[:500])
        try:
            body = response.json()
            token = str(body["access_token"])
            expires_in = float(body.get("expires_in", 0))
        except (ValueError, KeyError, TypeError) as exc:
            raise TokenError(response.status_code, "not a token response") from exc
        with self._lock:
            self._token = token
            self._expires_at = requested_at + expires_in
            self.tokens_obtained += 1
        return token

    def _obtain(self) -> Generator[httpx.Request, httpx.Response, str]:
        request = self._token_request()
        requested_at = self._clock()
        response = yield request
        return self._store(response, requested_at)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._fresh()
        if token is None:
            token = yield from self._obtain()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            # once: a token revoked or signed with a key no longer published
            token = yield from self._obtain()
            request.headers["Authorization"] = f"Bearer {token}"
            yield request
