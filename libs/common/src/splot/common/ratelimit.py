"""Per-caller rate limit: a token bucket per staff member, institution system or source address.

Checked when the caller's token has been verified (a forged ``sub`` cannot drain someone else's
bucket); requests without a token count against their source address. Splot's own services are
not limited (they act for many callers at once). Every answer carries ``RateLimit-Limit``,
``RateLimit-Remaining`` and ``RateLimit-Reset`` (draft-ietf-httpapi-ratelimit-headers); a caller
over the limit gets 429 with ``Retry-After``.

The buckets live in the process: with several replicas behind a load balancer each enforces the
limit on its own share of a caller's requests, which bounds a caller at replicas × limit — a
brake on runaway clients and scraping, not a quota.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from splot.common.errors import Problem

#: Forget buckets idle this long (they are full again by then); bounds the memory used.
_IDLE_SECONDS = 600.0
_SWEEP_EVERY = 1024


@dataclass
class Decision:
    allowed: bool
    limit: int
    remaining: int
    #: Seconds until the bucket is full again (``RateLimit-Reset``).
    reset: int
    #: Seconds until one more request is allowed (``Retry-After`` when refused).
    retry_after: int


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(self, *, per_minute: int, burst: int) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self.enabled = per_minute > 0
        self._rate = per_minute / 60.0
        self._buckets: dict[str, _Bucket] = {}
        self._hits = 0

    def hit(self, key: str, now: float | None = None) -> Decision:
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(tokens=float(self.burst), at=now)
        else:
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self._rate)
            bucket.at = now
        allowed = bucket.tokens >= 1.0
        if allowed:
            bucket.tokens -= 1.0
        self._hits += 1
        if self._hits % _SWEEP_EVERY == 0:
            self._sweep(now)
        missing = self.burst - bucket.tokens
        return Decision(
            allowed=allowed,
            limit=self.burst,
            remaining=int(bucket.tokens),
            reset=math.ceil(missing / self._rate) if missing > 0 else 0,
            retry_after=0 if allowed else max(1, math.ceil((1.0 - bucket.tokens) / self._rate)),
        )

    def _sweep(self, now: float) -> None:
        self._buckets = {k: b for k, b in self._buckets.items() if now - b.at < _IDLE_SECONDS}


def _headers(decision: Decision) -> dict[str, str]:
    return {
        "RateLimit-Limit": str(decision.limit),
        "RateLimit-Remaining": str(decision.remaining),
        "RateLimit-Reset": str(decision.reset),
    }


def check(request: Request, key: str) -> None:
    """Count one request of ``key``; 429 when its bucket is empty. Once per request."""
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None or not limiter.enabled or getattr(request.state, "rate_limit", None) is not None:
        return
    decision = limiter.hit(key)
    request.state.rate_limit = decision
    if not decision.allowed:
        raise Problem(
            429,
            "rate_limited",
            "too many requests; slow down and retry after the time in Retry-After",
            headers={"Retry-After": str(decision.retry_after), **_headers(decision)},
        )


class RateLimitHeaders:
    """Adds the RateLimit headers of the request's decision to its answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                decision = scope.get("state", {}).get("rate_limit")
                if decision is not None:
                    headers = MutableHeaders(scope=message)
                    for name, value in _headers(decision).items():
                        headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
