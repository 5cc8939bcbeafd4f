"""The directory's ``partnership.*`` events in the analytical store (issue #15): the newest version
wins, and each institution is a party from the day of the first event listing it until the day
of the first later event that does not."""

import uuid
from datetime import date

from sqlalchemy import select

from splot.reporting import consumer, ingestion
from splot.reporting.models import PartnershipDim, PartnershipPartyDim

from sample import Feeds, ingest


async def _stored(session, partnership_id):
    row = await session.get(PartnershipDim, partnership_id, populate_existing=True)
    parties = (
        await session.scalars(
            select(PartnershipPartyDim)
            .where(PartnershipPartyDim.partnership_id == partnership_id)
            .execution_options(populate_existing=True)
        )
    ).all()
    return row, {p.institution_id: (p.joined_on, p.left_on) for p in parties}


def _three() -> tuple[Feeds, dict]:
    feeds = Feeds()
    inst = {
        "PUP": feeds.institution("PUP", "1219053"),
        "OPS": feeds.institution("OPS", "1219053"),
        "NGO": feeds.institution("NGO", "1219043"),
    }
    return feeds, inst


async def test_a_partnership_and_its_parties_are_stored_with_their_days(sessionmaker, session, settings):
    feeds, i = _three()
    pid = uuid.uuid4()
    feeds.partnership(
        "partnership.created",
        pid,
        [i["OPS"]],
        version=1,
        when="2025-01-10",
        invited=(i["PUP"], i["NGO"]),
        status="initiative",
        area=("1219053", "1219043"),
    )
    # 23:30 UTC on 13 February is 14 February in Warsaw: the day is the local one
    feeds.partnership(
        "partnership.invitation_answered",
        pid,
        [i["OPS"], i["PUP"]],
        version=2,
        when="2025-02-13T23:30:00Z",
        invited=(i["NGO"],),
        status="initiative",
        area=("1219053", "1219043"),
    )
    await ingest(sessionmaker, feeds, settings)
    row, parties = await _stored(session, pid)
    assert (row.version, row.status, row.leader_institution_id) == (2, "initiative", i["OPS"].id)
    assert row.area_teryt == ["1219043", "1219053"]
    # the invited NGO is not a party
    assert parties == {i["OPS"].id: (date(2025, 1, 10), None), i["PUP"].id: (date(2025, 2, 14), None)}


async def test_a_party_that_leaves_is_closed_on_that_day_and_a_new_join_reopens(
    sessionmaker, session, settings
):
    feeds, i = _three()
    pid = uuid.uuid4()
    everyone = [i["OPS"], i["PUP"], i["NGO"]]
    feeds.partnership("partnership.created", pid, everyone, version=1, when="2025-01-10")
    feeds.partnership("partnership.party_left", pid, [i["OPS"], i["PUP"]], version=2, when="2025-03-06")
    await ingest(sessionmaker, feeds, settings)
    _, parties = await _stored(session, pid)
    assert parties[i["NGO"].id] == (date(2025, 1, 10), date(2025, 3, 6))
    assert parties[i["PUP"].id] == (date(2025, 1, 10), None)
    # invited again and joined: a new membership from that day (the directory keeps one, too)
    feeds.partnership("partnership.invitation_answered", pid, everyone, version=4, when="2025-05-02")
    await ingest(sessionmaker, feeds, settings)
    _, parties = await _stored(session, pid)
    assert parties[i["NGO"].id] == (date(2025, 5, 2), None)


async def test_an_older_version_changes_nothing(sessionmaker, session, settings):
    feeds, i = _three()
    pid = uuid.uuid4()
    feeds.partnership(
        "partnership.created", pid, [i["OPS"], i["PUP"], i["NGO"]], version=1, when="2025-01-10"
    )
    feeds.partnership(
        "partnership.party_left",
        pid,
        [i["OPS"], i["PUP"]],
        version=3,
        when="2025-03-06",
        status="terminated",
        leader=i["PUP"],
    )
    # version 2 arrives late (re-delivered as a new event): it would bring the NGO back
    feeds.partnership(
        "partnership.updated",
        pid,
        [i["OPS"], i["PUP"], i["NGO"]],
        version=2,
        when="2025-03-07",
        status="in_force",
    )
    await ingest(sessionmaker, feeds, settings)
    row, parties = await _stored(session, pid)
    assert (row.version, row.status, row.leader_institution_id) == (3, "terminated", i["PUP"].id)
    assert parties[i["NGO"].id] == (date(2025, 1, 10), date(2025, 3, 6))


async def test_a_rebuild_restores_partnerships_from_the_feed(sessionmaker, session, settings):
    feeds, i = _three()
    pid = uuid.uuid4()
    feeds.partnership("partnership.created", pid, [i["OPS"], i["PUP"]], version=1, when="2025-01-10")
    await ingest(sessionmaker, feeds, settings)
    async with sessionmaker() as s, s.begin():
        await consumer.reset(s)
    assert await _stored(session, pid) == (None, {})
    await consumer.rebuild(
        sessionmaker,
        feeds.sources(),
        ingestion.IngestContext.from_settings(settings),
        batch_size=50,
    )
    row, parties = await _stored(session, pid)
    assert row.version == 1 and set(parties) == {i["OPS"].id, i["PUP"].id}


async def test_the_directorys_own_membership_days_win_over_event_days(sessionmaker, session, settings):
    """Since the directory dates each party (joined_on / left_on), a partnership seeded or
    changed later still counts from the day each institution really joined."""
    feeds, i = _three()
    pid = uuid.uuid4()
    feeds.partnership(
        "partnership.updated",
        pid,
        [i["OPS"], i["PUP"]],
        version=3,
        when="2026-12-05",
        memberships=[
            {"institution_id": str(i["OPS"].id), "joined_on": "2026-01-15", "left_on": None},
            {"institution_id": str(i["PUP"].id), "joined_on": "2026-01-15", "left_on": None},
            {"institution_id": str(i["NGO"].id), "joined_on": "2026-02-01", "left_on": "2026-06-30"},
        ],
    )
    await ingest(sessionmaker, feeds, settings)
    _, parties = await _stored(session, pid)
    assert parties == {
        i["OPS"].id: (date(2026, 1, 15), None),
        i["PUP"].id: (date(2026, 1, 15), None),
        i["NGO"].id: (date(2026, 2, 1), date(2026, 6, 30)),
    }
