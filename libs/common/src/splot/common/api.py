"""The conventions every service's routers share, in one place: list parameters, the pages lists
answer with, the sets of problem responses operations declare, and typed access to what the app
carries (its settings)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Query, Request

from splot.common.errors import problem_responses
from splot.common.pagination import MAX_LIMIT, Page

__all__ = [
    "LIST_RESPONSES",
    "PEER_WRITE_RESPONSES",
    "READ_RESPONSES",
    "WRITE_RESPONSES",
    "Cursor",
    "Limit",
    "Page",
    "responses",
    "settings_of",
]

S = TypeVar("S")

#: ``?cursor=`` of every list: the previous page's ``next_cursor``.
Cursor = Annotated[str | None, Query(max_length=500, description="From the previous page's next_cursor")]
#: ``?limit=`` of every list (50 when absent).
Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT)]


#: The problem responses of the usual kinds of operation (400: malformed JSON; 422: the schema and
#: business rules; 429: the rate limit, declared on every operation by the app itself).
LIST_RESPONSES = problem_responses(400, 401, 403, 422)
READ_RESPONSES = problem_responses(400, 401, 403, 404, 422)
WRITE_RESPONSES = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)
#: Writes that call another Splot service (503 ``peer_unavailable`` with ``Retry-After``).
PEER_WRITE_RESPONSES = problem_responses(400, 401, 403, 404, 409, 412, 422, 428, 503)


def responses(*statuses: int, base: Sequence[int] = ()) -> dict[int | str, dict[str, Any]]:
    """An operation's own set: ``base`` plus ``statuses``."""
    return problem_responses(*sorted({*base, *statuses}))


def settings_of(kind: type[S]) -> Callable[[Request], Awaitable[S]]:
    """A dependency giving the app's settings as their own type (``Annotated[ClientsSettings,
    Depends(settings_of(ClientsSettings))]``), checked rather than cast. A coroutine, as every
    dependency is: FastAPI runs a plain function in its thread pool, a hand-off per request."""

    async def dependency(request: Request) -> S:
        settings = request.app.state.settings
        if not isinstance(settings, kind):
            raise TypeError(f"the app's settings are {type(settings).__name__}, not {kind.__name__}")
        return settings

    return dependency
