"""Where a referral may go (a serving institution that provides the service), who it may be
assigned to, and the access its receiver gets in the registry, state by state."""

import uuid

import pytest

from conftest import STATUTORY, act, create, referral_body, step

CONSENT = {"kind": "consent"}

#: Who provides what, written out independently (the directory's catalogue as the fakes carry it).
PROVIDERS = {
    "job_placement": {"PUP"},
    "social_work": {"OPS", "CUS"},
    "psychological_counselling": {"OPS", "CUS", "PCPR", "NGO"},
    "kis": {"KIS", "NGO", "OPS", "CUS"},
    "cis": {"CIS", "NGO"},
    "addiction_therapy": {"NGO"},
}
SERVING = {"PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS"}
ALL_TYPES = sorted(SERVING | {"WUP", "ROPS", "MINISTRY"})


def expected_code(target_type: str, service: str, has_offer: bool) -> str | None:
    if target_type not in SERVING:
        return "target_not_serving"
    if target_type not in PROVIDERS[service] and not has_offer:
        return "service_not_provided"
    return None


@pytest.mark.parametrize("target_type", ALL_TYPES)
@pytest.mark.parametrize("service", sorted(PROVIDERS))
async def test_a_referral_goes_only_to_a_serving_institution_that_provides_the_service(
    client, world, peers, target_type, service
):
    target = peers.add_institution(target_type)
    consent = peers.add_consent(world.person, target)
    legal_basis = (
        {**CONSENT, "consent_id": str(consent)} if target_type in ("NGO", "CIS", "KIS") else STATUTORY
    )
    body = referral_body(world, target, service_type_code=service, legal_basis=legal_basis)
    response = await client.post("/v1/referrals", json=body, headers=world.headers(world.ops_cw))
    code = expected_code(target_type, service, has_offer=False)
    if code is None:
        assert response.status_code == 201, response.text
    else:
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code
    # Nothing leaves for a refused target: no check with the registry, no access.
    if code is not None:
        assert all(c.target_institution_id != target for c in peers.checks)
        assert all(a.institution_id != target for a in peers.access)


async def test_an_active_offer_lets_an_institution_provide_a_service_its_kind_does_not(client, world, peers):
    pup = peers.add_institution("PUP")
    body = referral_body(world, pup, service_type_code="psychological_counselling")
    refused = await client.post("/v1/referrals", json=body, headers=world.headers(world.ops_cw))
    # The review's case: an OPS sending psychological counselling (sensitive) to a labour office.
    assert refused.status_code == 422 and refused.json()["code"] == "service_not_provided"
    peers.add_offer(pup, "psychological_counselling", active=False)
    again = await client.post("/v1/referrals", json=body, headers=world.headers(world.ops_cw))
    assert again.status_code == 422
    peers.add_offer(pup, "psychological_counselling")
    accepted = await client.post("/v1/referrals", json=body, headers=world.headers(world.ops_cw))
    assert accepted.status_code == 201, accepted.text


async def test_a_referral_is_assigned_only_to_active_staff_of_the_receiver(client, world, peers):
    body, etag = await create(client, world)
    stranger = peers.add_user(world.pup)  # the sender's own caseworker
    gone = peers.add_user(world.ops, active=False)
    for assignee in (stranger, gone, uuid.uuid4()):
        refused = await act(client, world, world.ops_co, body, etag, "accept", assignee_user_id=str(assignee))
        assert refused.status_code == 422, refused.text
        assert refused.json()["code"] == "assignee_not_in_institution"
    accepted, _ = await step(
        client, world, world.ops_co, body, etag, "accept", assignee_user_id=str(world.ops_cw2.user_id)
    )
    assert accepted["assignee_user_id"] == str(world.ops_cw2.user_id)


async def test_the_receivers_access_follows_each_state_of_the_referral(client, world, peers):
    body, etag = await create(client, world)
    sent = peers.access[-1]
    assert (sent.active, sent.accepted, sent.institution_id, sent.sender_institution_id) == (
        True,
        False,
        world.ops,
        world.pup,
    )
    assert (sent.service_type_code, sent.version) == ("social_work", body["version"])
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    assert peers.access[-1].accepted is True and peers.access[-1].version == body["version"]
    # Starting changes nothing the registry needs to know.
    count = len(peers.access)
    body, etag = await step(client, world, world.ops_cw, body, etag, "start")
    assert len(peers.access) == count
    body, etag = await step(
        client, world, world.ops_cw, body, etag, "complete", outcome_codes=["goals_met"], delivered="Wsparcie"
    )
    ended = peers.access[-1]
    assert ended.active is False and ended.accepted is True and ended.retention_days == 30


async def test_forwarding_gives_the_next_receiver_access_from_the_forwarding_institution(
    client, world, peers
):
    consent = peers.add_consent(world.person, world.ngo)
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    forwarded = await client.post(
        f"/v1/referrals/{body['id']}/forward",
        json={
            "target_institution_id": str(world.ngo),
            "service_type_code": "kis",
            "legal_basis": {"kind": "consent", "consent_id": str(consent)},
            "needs_description": "KIS",
        },
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )
    assert forwarded.status_code == 201, forwarded.text
    child = peers.access[-1]
    assert child.referral_id == uuid.UUID(forwarded.json()["id"])
    # The NGO's access comes from the OPS (whose attributes may travel), not from the PUP.
    assert (child.institution_id, child.sender_institution_id, child.legal_basis) == (
        world.ngo,
        world.ops,
        "consent",
    )
