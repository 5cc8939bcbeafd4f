"""A transition's own write: the referral locked by one Core read (no ORM object in the session),
then one ``UPDATE … WHERE id AND version`` of what changed, carrying its event row on PostgreSQL
(issue #17). A version that moved under it is a 412 and records nothing."""

import uuid

import pytest
from sqlalchemy import func, select, update

from splot.common.db import table_of, utcnow
from splot.common.errors import Problem
from splot.referrals import reading
from splot.referrals.models import Referral, ReferralEvent
from splot.referrals.workflow import Actor

from conftest import create

REFERRAL, EVENT = table_of(Referral), table_of(ReferralEvent)


def _event(referral_id: uuid.UUID) -> dict:
    return dict(
        referral_id=referral_id,
        action="accept",
        from_status="requested",
        to_status="accepted",
        actor_kind="user",
        actor_subject=None,
        actor_institution_id=None,
        reason_code=None,
        text=None,
        payload={},
        occurred_at=utcnow(),
    )


async def _events(session, referral_id: uuid.UUID) -> int:
    stmt = select(func.count()).select_from(EVENT).where(EVENT.c.referral_id == referral_id)
    return int((await session.execute(stmt)).scalar_one())


async def test_a_change_writes_what_changed_and_its_event_with_the_new_version(client, world, session):
    body, _ = await create(client, world)
    referral_id = uuid.UUID(body["id"])
    before = await _events(session, referral_id)
    referral = await reading.lock_referral(session, referral_id, world.ops_cw.actor())
    assert referral not in session and not any(isinstance(o, Referral) for o in session.identity_map.values())
    referral.status, referral.accepted_at = "accepted", utcnow()
    await reading.save_change(session, referral, event=_event(referral_id))
    assert referral.version == body["version"] + 1
    row = (
        await session.execute(
            select(REFERRAL.c.status, REFERRAL.c.version, REFERRAL.c.accepted_at).where(
                REFERRAL.c.id == referral_id
            )
        )
    ).one()
    assert (row.status, row.version) == ("accepted", body["version"] + 1) and row.accepted_at is not None
    written = (
        await session.execute(
            select(EVENT.c.action, EVENT.c.version).where(EVENT.c.referral_id == referral_id)
        )
    ).all()
    assert await _events(session, referral_id) == before + 1
    assert ("accept", body["version"] + 1) in [tuple(r) for r in written]


async def test_a_version_moved_under_the_lock_is_a_412_and_records_nothing(client, world, session):
    body, _ = await create(client, world)
    referral_id = uuid.UUID(body["id"])
    before = await _events(session, referral_id)
    referral = await reading.lock_referral(session, referral_id, world.ops_cw.actor())
    # Someone else's change lands between the read and the write (the lock makes it impossible on
    # PostgreSQL in the service; the version check is what stays true everywhere).
    await session.execute(
        update(REFERRAL).where(REFERRAL.c.id == referral_id).values(version=REFERRAL.c.version + 1)
    )
    referral.status = "accepted"
    with pytest.raises(Problem) as caught:
        await reading.save_change(session, referral, event=_event(referral_id))
    assert caught.value.status == 412
    row = (
        await session.execute(
            select(REFERRAL.c.status, REFERRAL.c.version).where(REFERRAL.c.id == referral_id)
        )
    ).one()
    assert tuple(row) == ("requested", body["version"] + 1)
    assert await _events(session, referral_id) == before


async def test_a_stranger_cannot_lock_a_referral(client, world, session):
    body, _ = await create(client, world)
    stranger = Actor(
        kind="user", subject="x", institution_id=world.other, roles=frozenset({"coordinator"}), can_read=True
    )
    with pytest.raises(Problem) as caught:
        await reading.lock_referral(session, uuid.UUID(body["id"]), stranger)
    assert caught.value.status == 404
