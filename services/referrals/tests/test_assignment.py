"""Issue #13: assigning and reassigning a received referral within the receiving institution, and
the inbox's search by number and person and its deadline order."""

import uuid

import pytest
from sqlalchemy import select

from splot.common.events import outbox_event
from splot.referrals.models import Notification, ReferralEvent

from conftest import Staff, act, create, step


async def _received(client, world, accept=False):
    body, etag = await create(client, world)
    if accept:
        body, etag = await step(client, world, world.ops_co, body, etag, "accept")
    return body, etag


# role x own/other institution x whom: the status code of "assign"
MATRIX = [
    # A coordinator of the receiver assigns anyone of its staff, and reassigns.
    ("ops_co", "ops_cw", None, 200),
    ("ops_co", "ops_cw2", "ops_cw", 200),
    ("ops_co", "ops_co", None, 200),
    # A caseworker takes an unassigned referral for themselves, nothing more.
    ("ops_cw", "ops_cw", None, 200),
    ("ops_cw", "ops_cw2", None, 403),
    ("ops_cw2", "ops_cw2", "ops_cw", 403),
    # Never a user of another institution.
    ("ops_co", "ngo_cw", None, 422),
    ("ops_co", "pup_cw", None, 422),
    # The sender's side may not assign the receiver's work; a stranger does not see it.
    ("pup_co", "pup_cw", None, 403),
    ("pup_co", "ops_cw", None, 403),
    ("other_co", "ops_cw", None, 404),
]


@pytest.mark.parametrize(("who", "whom", "before", "expected"), MATRIX)
async def test_assign_access_matrix(client, world, session, who, whom, before, expected):
    body, etag = await _received(client, world, accept=True)
    if before is not None:
        body, etag = await step(
            client,
            world,
            world.ops_co,
            body,
            etag,
            "assign",
            assignee_user_id=str(getattr(world, before).user_id),
        )
    assignee = getattr(world, whom).user_id
    response = await act(
        client, world, getattr(world, who), body, etag, "assign", assignee_user_id=str(assignee)
    )
    assert response.status_code == expected, response.text
    if expected != 200:
        return
    assert response.json()["assignee_user_id"] == str(assignee)
    assert response.json()["version"] == body["version"] + 1
    last = (
        await session.scalars(
            select(ReferralEvent)
            .where(ReferralEvent.referral_id == uuid.UUID(body["id"]))
            .order_by(ReferralEvent.version.desc())
        )
    ).first()
    assert last.action == "assign" and last.payload["assignee_user_id"] == str(assignee)
    types = (
        await session.scalars(
            select(outbox_event.c.type)
            .where(outbox_event.c.aggregate_id == body["id"])
            .order_by(outbox_event.c.seq.desc())
        )
    ).first()
    assert types == "referral.assigned"
    notes = (
        await session.scalars(
            select(Notification).where(
                Notification.referral_id == uuid.UUID(body["id"]), Notification.kind == "referral.assigned"
            )
        )
    ).all()
    if assignee == getattr(world, who).user_id:
        assert notes == []  # nobody is told what they did themselves
    else:
        assert notes[-1].recipient_user_id == assignee and notes[-1].recipient_institution_id == world.ops


async def test_assign_offers_and_refusals(client, world, peers):
    body, etag = await _received(client, world)

    async def actions(staff):
        r = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(staff))
        return {a["action"] for a in r.json()["allowed_actions"]}

    assert "assign" in await actions(world.ops_cw) and "assign" in await actions(world.ops_co)
    assert "assign" not in await actions(world.pup_co)
    body, etag = await step(
        client, world, world.ops_cw, body, etag, "assign", assignee_user_id=str(world.ops_cw.user_id)
    )
    # Taken: another caseworker is no longer offered it; the coordinator still is.
    assert "assign" not in await actions(world.ops_cw2) and "assign" in await actions(world.ops_co)
    again = await act(
        client, world, world.ops_co, body, etag, "assign", assignee_user_id=str(world.ops_cw.user_id)
    )
    assert again.status_code == 409 and again.json()["code"] == "already_assigned"
    missing = await act(client, world, world.ops_co, body, etag, "assign")
    assert missing.status_code == 422 and missing.json()["code"] == "missing_fields"
    inactive = peers.add_user(world.ops, active=False)
    refused = await act(client, world, world.ops_co, body, etag, "assign", assignee_user_id=str(inactive))
    assert refused.status_code == 422 and refused.json()["code"] == "assignee_not_in_institution"
    # An institution's system with referrals:write acts as a coordinator.
    system = Staff(world.ops, (), kind="client", scope="referrals:read referrals:write")
    moved = await act(
        client, world, system, body, etag, "assign", assignee_user_id=str(world.ops_cw2.user_id)
    )
    assert moved.status_code == 200
    # Terminal referrals are not reassigned.
    body, etag = moved.json(), moved.headers["etag"]
    body, etag = await step(
        client,
        world,
        world.ops_co,
        body,
        etag,
        "reject",
        reason_code="no_capacity",
        declined_by="provider",
        text="x",
    )
    late = await act(
        client, world, world.ops_co, body, etag, "assign", assignee_user_id=str(world.ops_cw.user_id)
    )
    assert late.status_code == 409 and late.json()["code"] == "illegal_transition"


async def test_inbox_filters_by_assignee_after_assignment(client, world):
    body, etag = await _received(client, world)
    await step(client, world, world.ops_co, body, etag, "assign", assignee_user_id=str(world.ops_cw.user_id))
    mine = await client.get("/v1/referrals/inbox?assignee=me", headers=world.headers(world.ops_cw))
    assert [r["id"] for r in mine.json()["items"]] == [body["id"]]
    nobody = await client.get("/v1/referrals/inbox?assignee=none", headers=world.headers(world.ops_cw))
    assert nobody.json()["items"] == []


async def test_box_search_by_number_and_persons_and_deadline_order(client, world, peers):
    first, _ = await create(client, world)
    second, _ = await create(client, world, priority="urgent")  # due sooner
    other_person = peers.add_person()
    third, _ = await create(client, world, person=other_person)
    headers = world.headers(world.ops_cw)
    part = first["number"].split("-")[-1].lower()
    by_number = await client.get(f"/v1/referrals/inbox?number={part}", headers=headers)
    assert [r["id"] for r in by_number.json()["items"]] == [first["id"]]
    by_persons = await client.get(
        f"/v1/referrals/inbox?person_id={other_person}&person_id={uuid.uuid4()}", headers=headers
    )
    assert [r["id"] for r in by_persons.json()["items"]] == [third["id"]]
    newest = await client.get("/v1/referrals/inbox", headers=headers)
    assert [r["id"] for r in newest.json()["items"]] == [third["id"], second["id"], first["id"]]
    due = await client.get("/v1/referrals/inbox?sort=due", headers=headers)
    assert [r["id"] for r in due.json()["items"]][0] == second["id"]
    dues = [r["due_at"] for r in due.json()["items"]]
    assert dues == sorted(dues)
    paged = await client.get("/v1/referrals/inbox?sort=due&limit=1", headers=headers)
    after = await client.get(
        f"/v1/referrals/inbox?sort=due&limit=2&cursor={paged.json()['next_cursor']}", headers=headers
    )
    assert [r["id"] for r in paged.json()["items"] + after.json()["items"]] == [
        r["id"] for r in due.json()["items"]
    ]
    # Odd input is refused with a problem, not a 500; a stranger finds nothing.
    for bad in ("number=%25%27", "number=a", "sort=oldest", "person_id=x"):
        assert (await client.get(f"/v1/referrals/inbox?{bad}", headers=headers)).status_code == 422, bad
    stranger = await client.get(f"/v1/referrals/inbox?number={part}", headers=world.headers(world.other_co))
    assert stranger.json()["items"] == []
    outbox = await client.get(
        f"/v1/referrals/outbox?number={part}&sort=due", headers=world.headers(world.pup_cw)
    )
    assert [r["id"] for r in outbox.json()["items"]] == [first["id"]]


@pytest.mark.parametrize(
    ("who", "expected"),
    [("ops_cw", 200), ("ops_co", 200), ("pup_cw", 200), ("ngo_co", 404), ("other_co", 404)],
)
async def test_the_sending_caseworker_contact(client, world, peers, who, expected):
    body, _ = await create(client, world)
    response = await client.get(
        f"/v1/referrals/{body['id']}/sender-contact", headers=world.headers(getattr(world, who))
    )
    assert response.status_code == expected, response.text
    if expected == 200:
        contact = response.json()
        assert contact["user_id"] == str(world.pup_cw.user_id) and contact["institution_id"] == str(world.pup)
        assert contact["full_name"] and contact["email"].endswith("@example.org")


async def test_no_contact_for_a_systems_referral_or_an_unreachable_directory(client, world, peers):
    system = Staff(world.pup, (), kind="client", scope="referrals:read referrals:write")
    body, _ = await create(client, world, sender=system)
    none = await client.get(f"/v1/referrals/{body['id']}/sender-contact", headers=world.headers(world.ops_cw))
    assert none.status_code == 404
    body, _ = await create(client, world)
    peers.down.add("user_contact")
    down = await client.get(f"/v1/referrals/{body['id']}/sender-contact", headers=world.headers(world.ops_cw))
    assert down.status_code == 503 and down.json()["code"] == "peer_unavailable"
