"""An institution's referral event feed: what its webhook subscriptions are sent, to poll with a
cursor (staff who read referrals, or the institution's systems with ``referrals:read``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from splot.common.api import LIST_RESPONSES
from splot.common.db import SessionDep
from splot.referrals import feed
from splot.referrals.routes.deps import ActorDep
from splot.referrals.schemas import EventType
from splot.referrals.schemas.feed import FeedPage, IsoMoment

router = APIRouter(prefix="/v1", tags=["referral-events"])


@router.get("/referral-events", response_model=FeedPage, responses=LIST_RESPONSES)
async def referral_events(
    session: SessionDep,
    actor: ActorDep,
    after: Annotated[
        str | None,
        Query(max_length=500, description="The previous page's next_cursor; absent: from the start"),
    ] = None,
    since: Annotated[
        IsoMoment | None,
        Query(description="Without after: start with the events that occurred at or after this moment"),
    ] = None,
    type_: Annotated[
        list[EventType] | None,
        Query(alias="type", max_length=20, description="Only these event types (repeat the parameter)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=feed.MAX_LIMIT)] = feed.DEFAULT_LIMIT,
) -> FeedPage:
    """The referral events that concern your institution — the ones its webhook subscriptions are
    sent: of the referrals it sent or received, and a descendant's outcome in a chain it started —
    oldest first, in the order they committed. Poll with ``after`` set to the last ``next_cursor``:
    no event is skipped, even one that committed late, so a system catches up after its downtime."""
    return await feed.read_feed(
        session,
        actor=actor,
        after=after,
        since=since,
        types=[t.value for t in type_ or ()],
        limit=limit,
    )
