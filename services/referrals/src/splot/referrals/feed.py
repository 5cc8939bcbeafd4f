"""An institution's referral event feed (``GET /v1/referral-events``): the events that concern it —
exactly those its webhook subscriptions are sent (:func:`splot.referrals.publish.publish` records
the institutions of each event with it) — in commit order, for a system that polls instead of (or
besides) receiving webhooks, and catches up after its own downtime.

The cursor is the outbox *position* of the last event returned: positions are given after commit
by the outbox's sequencer (:mod:`splot.common.events`), which this read runs first, in the order
rows became visible, so an event that commits after a poll always gets a position above that
poll's cursor, and polling from the cursor never skips it. (Cursors given before positions existed
hold the row's ``seq``, which the migration copied into ``position``: they go on working.)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.common.events import outbox_event, sequence_outbox
from splot.common.pagination import decode_cursor, encode_cursor
from splot.referrals.models import EventParty
from splot.referrals.publish import AGGREGATE_TYPE
from splot.referrals.reading import require_reader
from splot.referrals.schemas.feed import FeedEvent, FeedPage
from splot.referrals.workflow import Actor

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


def _position(after: str | None) -> int:
    if after is None:
        return 0
    try:
        (seq,) = decode_cursor(after, 1, [int])
    except Problem:
        raise _invalid() from None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise _invalid()
    return seq


def _invalid() -> Problem:
    """``invalid_cursor`` (:mod:`splot.common.pagination`), naming the feed's ``after``."""
    return Problem(
        422,
        "invalid_cursor",
        "the cursor is not valid for this feed; start again without it",
        errors=[{"loc": ["query", "after"], "msg": "not a cursor of this feed", "type": "invalid_cursor"}],
    )


async def read_feed(
    session: AsyncSession,
    *,
    actor: Actor,
    after: str | None,
    since: datetime | None = None,
    types: Sequence[str] = (),
    limit: int = DEFAULT_LIMIT,
) -> FeedPage:
    """The events of the actor's institution after the cursor ``after`` (or, without one, from the
    beginning or from ``since``), oldest first."""
    require_reader(actor)
    if after is not None and since is not None:
        raise Problem(
            422,
            "invalid_query",
            "give either after (to go on) or since (to start), not both",
            errors=[{"loc": ["query", "since"], "msg": "not allowed with after", "type": "invalid_query"}],
        )
    position = _position(after)
    size = max(1, min(MAX_LIMIT, limit))
    await sequence_outbox(session)
    stmt = (
        select(outbox_event)
        .join(EventParty, EventParty.event_seq == outbox_event.c.seq)
        .where(
            EventParty.institution_id == actor.institution_id,
            outbox_event.c.position > position,
            outbox_event.c.aggregate_type == AGGREGATE_TYPE,
        )
        .order_by(outbox_event.c.position)
        .limit(size + 1)
    )
    if types:
        stmt = stmt.where(outbox_event.c.type.in_(sorted(set(types))))
    if since is not None:
        stmt = stmt.where(outbox_event.c.occurred_at >= since)
    rows = (await session.execute(stmt)).mappings().all()
    has_more = len(rows) > size
    rows = rows[:size]
    items = [
        FeedEvent(
            id=row["id"],
            type=row["type"],
            occurred_at=row["occurred_at"],
            aggregate_type=row["aggregate_type"],
            aggregate_id=row["aggregate_id"],
            data=row["payload"],
        )
        for row in rows
    ]
    next_cursor = encode_cursor([rows[-1]["position"]]) if rows else after
    return FeedPage(items=items, next_cursor=next_cursor, has_more=has_more)
