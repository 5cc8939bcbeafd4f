"""The institution's event feed (GET /v1/referral-events) through iter_feed/aiter_feed: from the
start, then resumed from a saved cursor after "downtime", a page at a time, sync and async."""

from __future__ import annotations

from sdk_world import send_referral

from splot_sdk import Splot, aiter_feed, if_match_retry, iter_feed
from splot_sdk.referrals.api.referral_events import referral_events_v1_referral_events_get as referral_events
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.api.workflow import (
    take_transition_v1_referrals_referral_id_transitions_post as take_transition,
)
from splot_sdk.referrals.models import TransitionAction, TransitionRequest
from splot_sdk.referrals.types import UNSET


def _sent_and_accepted(pup: Splot, ops: Splot) -> str:
    sent = send_referral(pup, ops)
    accepted = if_match_retry(
        read=lambda: get_referral.sync_detailed(sent.id, client=ops.referrals),
        change=lambda _current: TransitionRequest(action=TransitionAction.ACCEPT),
        write=lambda body, etag: take_transition.sync_detailed(
            sent.id, client=ops.referrals, body=body, if_match=etag
        ),
    )
    assert accepted.status_code == 200, accepted.content
    return str(sent.id)


async def test_the_feed_resumes_from_a_saved_cursor(pup: Splot, ops: Splot) -> None:
    _sent_and_accepted(pup, ops)  # at least one event before the "downtime"
    feed = iter_feed(pup.referrals)
    before = [event.id for event in feed]
    saved = feed.cursor
    assert before and saved is not None
    assert len(set(before)) == len(before)

    referral_id = _sent_and_accepted(pup, ops)  # while the system is "down"

    resumed = iter_feed(pup.referrals, after=saved)
    new = list(resumed)
    assert new, "the events that happened meanwhile"
    mine = [event.type for event in new if event.aggregate_id == referral_id]
    assert "referral.accepted" in mine  # (the scheduler may add others' events meanwhile)
    assert not {event.id for event in new} & set(before)
    assert resumed.cursor not in (None, saved)
    assert list(iter_feed(pup.referrals, after=resumed.cursor)) == []

    # the same from asyncio
    async_feed = aiter_feed(pup.referrals, after=saved)
    assert [event async for event in async_feed] == new
    assert async_feed.cursor == resumed.cursor


def test_the_cursor_moves_only_past_pages_taken_whole(pup: Splot, ops: Splot) -> None:
    start = iter_feed(pup.referrals)
    list(start)
    _sent_and_accepted(pup, ops)
    feed = iter_feed(pup.referrals, after=start.cursor, params={"limit": 1})
    events = iter(feed)
    first = next(events)
    assert feed.cursor == start.cursor  # handed over, not yet known to be handled
    second = next(events)  # asking for more means the first page is done
    assert feed.cursor != start.cursor and second.id != first.id
    # a crash while handling the second event: resuming gives it again (at least once)
    again = next(iter(iter_feed(pup.referrals, after=feed.cursor, params={"limit": 1})))
    assert again == second
    pages = list(iter_feed(pup.referrals, after=start.cursor, params={"limit": 1}).pages())
    assert [page.items[0] for page in pages if page.items][:2] == [first, second]
    assert all(page.has_more for page in pages[:-1]) and not pages[-1].has_more


def test_the_generated_operation_feeds_the_iterator_too(pup: Splot, ops: Splot) -> None:
    _sent_and_accepted(pup, ops)
    via_operation = iter_feed(
        lambda after: referral_events.sync(client=pup.referrals, after=after or UNSET, limit=2)
    )
    via_path = iter_feed(pup.referrals)
    assert list(via_operation) == list(via_path)
    assert via_operation.cursor == via_path.cursor is not None
