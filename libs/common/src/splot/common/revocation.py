"""Access tokens that stop working before they expire.

Access tokens live for minutes and are verified by signature alone, so a deactivated account, a
changed role or password, a signed-out session or a revoked API client would otherwise keep
working until ``exp``. The directory records each such event as a *revocation*; every service
holds the revocations of the last token lifetime in memory (:class:`RevocationList`), refreshed
every few seconds from the directory (:class:`HttpRevocationSource`, service token) or, in the
directory itself, from its own table, and :class:`~splot.common.auth.TokenVerifier` refuses a
token that a revocation covers.

Kinds (``value`` is what the token is matched on):

- ``user``: a staff account whose *security stamp* moved (deactivation, role change, password
  change or reset); tokens with ``stp`` below ``min_stamp`` are refused. Exact, no clock involved.
- ``session``: a signed-out browser session (refresh-token family); tokens with that ``sid``.
- ``client``: a revoked API client; its tokens issued at or before ``not_after``.
- ``institution``: a deactivated institution; tokens of its staff and systems issued at or
  before ``not_after``.

A revocation matters only while a token it covers could still be valid, so each carries
``expires_at`` (its creation plus the longest token lifetime) and is forgotten afterwards.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

import httpx
import structlog

from splot.common.background import peer_failure_level
from splot.common.db import utcnow

log = structlog.get_logger("splot.revocation")

Kind = Literal["user", "session", "client", "institution"]
KINDS: tuple[Kind, ...] = ("user", "session", "client", "institution")


@dataclass(frozen=True)
class Revocation:
    id: int
    kind: Kind
    value: str
    expires_at: datetime
    #: ``user``: tokens whose ``stp`` is below this are refused.
    min_stamp: int | None = None
    #: ``client`` / ``institution``: tokens issued (``iat``) at or before this moment are refused.
    not_after: datetime | None = None

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Revocation:
        kind = item["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown revocation kind {kind!r}")
        return cls(
            id=int(item["id"]),
            kind=kind,
            value=str(item["value"]),
            expires_at=datetime.fromisoformat(item["expires_at"]),
            min_stamp=int(item["min_stamp"]) if item.get("min_stamp") is not None else None,
            not_after=datetime.fromisoformat(item["not_after"]) if item.get("not_after") else None,
        )


class RevocationList:
    """The revocations in force, indexed by (kind, value); the strongest one per key wins."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], Revocation] = {}
        #: The highest revocation id seen: the next fetch asks for newer ones only.
        self.last_id = 0
        #: Monotonic time of the last successful refresh (``None`` before the first).
        self.refreshed_at: float | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def apply(self, items: Iterable[Revocation]) -> None:
        for item in items:
            self.last_id = max(self.last_id, item.id)
            key = (item.kind, item.value)
            current = self._entries.get(key)
            self._entries[key] = item if current is None else _stronger(current, item)

    def prune(self, now: datetime | None = None) -> None:
        now = now or utcnow()
        self._entries = {k: v for k, v in self._entries.items() if v.expires_at > now}

    def is_revoked(self, claims: dict[str, Any]) -> bool:
        if not self._entries:
            return False
        ptype = claims.get("ptype", "user")
        sub = str(claims.get("sub", ""))
        if ptype == "user":
            entry = self._entries.get(("user", sub))
            if (
                entry is not None
                and entry.min_stamp is not None
                and _int(claims.get("stp")) < entry.min_stamp
            ):
                return True
            sid = claims.get("sid")
            if sid is not None and ("session", str(sid)) in self._entries:
                return True
        else:
            entry = self._entries.get(("client", sub))
            if entry is not None and _issued_by(claims, entry.not_after):
                return True
        inst = claims.get("inst")
        if inst:
            entry = self._entries.get(("institution", str(inst)))
            if entry is not None and _issued_by(claims, entry.not_after):
                return True
        return False


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _issued_by(claims: dict[str, Any], moment: datetime | None) -> bool:
    # iat has whole seconds: a token from the revocation's own second counts as issued before it.
    return moment is not None and _int(claims.get("iat")) <= math.ceil(moment.timestamp())


def _stronger(a: Revocation, b: Revocation) -> Revocation:
    newest = a if a.id >= b.id else b
    return Revocation(
        id=newest.id,
        kind=a.kind,
        value=a.value,
        expires_at=max(a.expires_at, b.expires_at),
        min_stamp=max((s for s in (a.min_stamp, b.min_stamp) if s is not None), default=None),
        not_after=max((t for t in (a.not_after, b.not_after) if t is not None), default=None),
    )


class RevocationSource(Protocol):
    async def fetch(self, after: int) -> list[Revocation]: ...


class HttpRevocationSource:
    """The directory's ``GET /v1/token-revocations`` with this service's own token."""

    PAGE = 1000

    def __init__(
        self, url: str, token: Callable[[], Awaitable[str]], *, http: httpx.AsyncClient | None = None
    ) -> None:
        self.url = url
        self._token = token
        self._http = http or httpx.AsyncClient(timeout=httpx.Timeout(5.0))

    async def fetch(self, after: int) -> list[Revocation]:
        found: list[Revocation] = []
        while True:
            response = await self._http.get(
                self.url,
                params={"after": after, "limit": self.PAGE},
                headers={"Authorization": f"Bearer {await self._token()}"},
            )
            response.raise_for_status()
            items = [Revocation.from_json(i) for i in response.json()["items"]]
            found += items
            if len(items) < self.PAGE:
                return found
            after = max(i.id for i in items)


async def refresh(revocations: RevocationList, source: RevocationSource) -> int:
    """Fetch what is new and forget what expired; returns how many revocations arrived."""
    items = await source.fetch(revocations.last_id)
    revocations.apply(items)
    revocations.prune()
    revocations.refreshed_at = time.monotonic()
    return len(items)


async def keep_refreshed(revocations: RevocationList, source: RevocationSource, *, interval: float) -> None:
    """Background loop. A failed refresh keeps the list it has (tokens still expire on their own
    within minutes) and is retried at the next tick."""
    failures = warned = 0
    reached = False
    while True:
        try:
            await refresh(revocations, source)
            if warned:
                log.info("revocations_refreshed_again", after_failures=failures)
            failures = warned = 0
            reached = True
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the directory may be briefly away; never crash the service
            failures += 1
            if peer_failure_level(ever_reached=reached) == "debug":  # still starting: expected
                log.debug("revocations_refresh_failed", error_type=type(exc).__name__, failures=failures)
            elif not warned or failures == 10 or failures % 100 == 0:
                warned += 1
                log.warning("revocations_refresh_failed", error_type=type(exc).__name__, failures=failures)
        await asyncio.sleep(interval)
