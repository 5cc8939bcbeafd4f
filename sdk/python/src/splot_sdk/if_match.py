"""Optimistic concurrency: every mutable Splot resource has an ``ETag``; a write must send it back
as ``If-Match`` (without it: 428) and is refused with 412 when somebody changed the resource in
between. :func:`if_match_retry` reads, applies your change to what it read, writes with the ETag,
and on a 412 starts over from a fresh read.

It works with the generated functions' ``*_detailed`` responses (``.parsed``) and with plain
httpx responses (``.json()``)::

    result = if_match_retry(
        read=lambda: get_referral.sync_detailed(referral_id, client=splot.referrals),
        change=lambda referral: TransitionRequest(action="accept"),
        write=lambda body, etag: take_transition.sync_detailed(
            referral_id, client=splot.referrals, body=body, if_match=etag
        ),
    )
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol, TypeVar

PRECONDITION_FAILED = 412


class ResponseLike(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


B = TypeVar("B")
W = TypeVar("W", bound=ResponseLike)


class ConcurrentChangeError(Exception):
    """The resource changed under every attempt (still 412): ``response`` is the last answer."""

    def __init__(self, attempts: int, response: ResponseLike) -> None:
        super().__init__(f"the resource kept changing: {attempts} attempts, each answered 412")
        self.attempts = attempts
        self.response = response


class ReadError(Exception):
    """The read did not return the resource (``response`` says why), or returned it without an ETag."""

    def __init__(self, response: ResponseLike, reason: str) -> None:
        super().__init__(f"cannot read the resource to change ({response.status_code}): {reason}")
        self.response = response


def _resource(response: ResponseLike) -> tuple[Any, str]:
    if not 200 <= int(response.status_code) < 300:
        raise ReadError(response, "the read was not successful")
    etag = response.headers.get("etag") or response.headers.get("ETag")
    if not etag:
        raise ReadError(response, "no ETag in the answer")
    if hasattr(response, "parsed"):
        return response.parsed, etag
    json = getattr(response, "json", None)
    return (json() if callable(json) else None), etag


def _check(attempts: int) -> None:
    if attempts < 1:
        raise ValueError("attempts must be at least 1")


def if_match_retry(
    read: Callable[[], ResponseLike],
    change: Callable[[Any], B],
    write: Callable[[B, str], W],
    *,
    attempts: int = 3,
) -> W:
    """Read → ``change(resource)`` → ``write(body, etag)``; again from the read on 412, up to
    ``attempts`` times. Returns the write's response whatever else it is (2xx, 409, 422…); raises
    :class:`ConcurrentChangeError` when every attempt met a 412 and :class:`ReadError` when the
    read fails. ``change`` must be safe to call again on the newer state."""
    _check(attempts)
    for _ in range(attempts):
        resource, etag = _resource(read())
        response = write(change(resource), etag)
        if int(response.status_code) != PRECONDITION_FAILED:
            return response
    raise ConcurrentChangeError(attempts, response)


async def aif_match_retry(
    read: Callable[[], Awaitable[ResponseLike]],
    change: Callable[[Any], B],
    write: Callable[[B, str], Awaitable[W]],
    *,
    attempts: int = 3,
) -> W:
    """:func:`if_match_retry` for the generated ``asyncio_detailed`` functions."""
    _check(attempts)
    for _ in range(attempts):
        resource, etag = _resource(await read())
        response = await write(change(resource), etag)
        if int(response.status_code) != PRECONDITION_FAILED:
            return response
    raise ConcurrentChangeError(attempts, response)
