"""A second institution and an existing person (issue 13, defects 2 and 3): registering a walk-in
client found by PESEL with a declared reason; a near-duplicate's 409 naming the hidden candidates
(no more than a lookup answers); access requests to the registering institutions, their decision,
expiry, audit and events, and who may do what with them."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from splot.clients import access_requests, candidates
from splot.clients.config import ClientsSettings
from splot.clients.models import AccessRequest, Person, Registration
from splot.clients.retention import anonymise
from splot.common.db import utcnow

from conftest import PESEL_ANNA

REASON = "the client came to us asking for a social contract"
NO_PESEL = {"pesel": None, "birth_date": "1985-03-14", "sex": "F"}


async def _near_duplicate(world, owner):
    """The owner registered Anna; another institution types her again without a PESEL: a 409."""
    person = await world.person(owner)
    ops = world.inst("OPS", "1219063")
    refused = await world.client.post(
        "/v1/persons",
        json={"first_name": "Anna", "last_name": "Kowalska", **NO_PESEL},
        headers=world.headers(ops),
    )
    assert refused.status_code == 409, refused.text
    return person, ops, refused.json()


async def _request(world, owner=None, reason=REASON):
    owner = owner or world.inst("PUP")
    person, ops, problem = await _near_duplicate(world, owner)
    candidate = problem["hidden_candidates"][0]["candidate_id"]
    asked = await world.client.post(
        "/v1/access-requests", json={"candidate_id": candidate, "reason": reason}, headers=world.headers(ops)
    )
    assert asked.status_code == 201, asked.text
    return owner, ops, person, asked.json()


# --- defect 2: registering a walk-in client found by PESEL -----------------------------------


async def test_a_second_institution_registers_a_person_found_by_pesel_with_a_reason(world):
    person = await world.person(world.inst("PUP"))
    ops = world.inst("OPS")
    url = f"/v1/persons/{person['id']}/registrations"
    hint = await world.client.post(
        "/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=world.headers(ops)
    )
    assert hint.json()["items"][0] == {**hint.json()["items"][0], "id": person["id"], "visible": False}
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 404
    unexplained = await world.client.post(url, json={"pesel": PESEL_ANNA}, headers=world.headers(ops))
    assert unexplained.status_code == 422
    assert unexplained.json()["errors"][0]["loc"][-1] == "reason"
    ok = await world.client.post(
        url, json={"pesel": PESEL_ANNA, "reason": REASON}, headers=world.headers(ops)
    )
    assert ok.status_code == 201, ok.text
    assert [r["how"] for r in ok.json()["registrations"]] == ["created", "identifier"]
    registration = await world.session.scalar(
        select(Registration).where(Registration.institution_id == ops.id)
    )
    assert registration is not None and registration.reason == REASON
    again = await world.client.post(
        "/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=world.headers(ops)
    )
    assert again.json()["items"][0]["visible"] is True
    [logged] = await world.log(person["id"], action="register")
    assert logged.reason == REASON and logged.institution_id == ops.id
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 200


# --- defect 3: the 409 names the candidates, masked -------------------------------------------


async def test_a_near_duplicate_names_hidden_candidates_as_a_lookup_would(world):
    pup = world.inst("PUP")
    person, ops, problem = await _near_duplicate(world, pup)
    assert problem["code"] == "likely_duplicate" and problem["candidates"] == []
    [hidden] = problem["hidden_candidates"]
    assert set(hidden) == {"candidate_id", "initials", "birth_year", "match"}
    assert (hidden["initials"], hidden["birth_year"], hidden["match"]) == (
        "A. K.",
        1985,
        "name_and_birth_date",
    )
    # Neither the registry id nor anything else of the record travels in the answer.
    text = str(problem)
    for secret in (person["id"], "Kowalska", PESEL_ANNA, "Zmyślona", str(pup.id)):
        assert secret not in text
    # What was disclosed is audited against the candidate as a duplicate check.
    [logged] = await world.log(person["id"], action="match")
    assert logged.legal_basis == "duplicate_check" and logged.institution_id == ops.id
    # Nothing of the refused registration was kept.
    assert len(await world.events(type="person.created")) == 1


async def test_a_candidate_id_is_bound_to_the_institution_and_expires(world, app):
    settings: ClientsSettings = app.state.settings
    person, ops, problem = await _near_duplicate(world, world.inst("PUP"))
    token = problem["hidden_candidates"][0]["candidate_id"]
    assert candidates.resolve(settings, token, institution_id=ops.id) is not None
    later = utcnow() + timedelta(hours=settings.candidate_token_hours, minutes=1)
    assert candidates.resolve(settings, token, institution_id=ops.id, now=later) is None
    for other, tampered in [
        (world.inst("NGO"), token),
        (ops, token[:-2] + ("AA" if token[-2:] != "AA" else "BB")),
    ]:
        response = await world.client.post(
            "/v1/access-requests",
            json={"candidate_id": tampered, "reason": REASON},
            headers=world.headers(other),
        )
        assert response.status_code == 422 and response.json()["code"] == "candidate_unknown"


# --- the flow ---------------------------------------------------------------------------------


async def test_request_and_approval_register_the_requester(world):
    pup, ops, person, request = await _request(world)
    pid = person["id"]
    assert request["state"] == "pending" and request["person"] == {
        "id": None,
        "initials": "A. K.",
        "birth_year": 1985,
        "first_name": None,
        "last_name": None,
    }
    incoming = await world.client.get(
        "/v1/access-requests", params={"box": "incoming"}, headers=world.headers(pup)
    )
    [seen] = incoming.json()["items"]
    assert seen["person"]["id"] == pid and seen["person"]["last_name"] == "Kowalska"
    assert seen["reason"] == REASON and seen["requester_institution_id"] == str(ops.id)
    counts = await world.client.get("/v1/access-requests/counts", headers=world.headers(pup))
    assert counts.json() == {"incoming_pending": 1, "outgoing_pending": 0}
    counts = await world.client.get("/v1/access-requests/counts", headers=world.headers(ops))
    assert counts.json() == {"incoming_pending": 0, "outgoing_pending": 1}

    approved = await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=world.headers(pup)
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "approved"
    read = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(ops))
    assert read.status_code == 200 and read.json()["access_basis"] == "registration"
    assert [r["how"] for r in read.json()["registrations"]] == ["created", "access_request"]
    registration = await world.session.scalar(
        select(Registration).where(Registration.institution_id == ops.id)
    )
    assert registration is not None and registration.reason == REASON
    outgoing = await world.client.get(
        "/v1/access-requests", params={"box": "outgoing"}, headers=world.headers(ops)
    )
    [mine] = outgoing.json()["items"]
    assert mine["state"] == "approved" and mine["person"]["id"] == pid
    assert [e["type"] for e in await world.events(request["id"])] == [
        "access_request.created",
        "access_request.approved",
    ]
    assert [e["type"] for e in await world.events(pid)][-1] == "person.registered"
    assert [r.reason for r in await world.log(pid, action="access_request")] == [REASON]
    [decision] = await world.log(pid, action="access_request_approve")
    assert decision.institution_id == pup.id and decision.basis_ref == request["id"]
    again = await world.client.post(
        f"/v1/access-requests/{request['id']}/decline",
        json={"reason": "changed my mind, sorry"},
        headers=world.headers(pup),
    )
    assert again.status_code == 409 and again.json()["code"] == "access_request_decided"


async def test_a_declined_request_grants_nothing(world):
    pup, ops, person, request = await _request(world)
    short = await world.client.post(
        f"/v1/access-requests/{request['id']}/decline", json={"reason": "no"}, headers=world.headers(pup)
    )
    assert short.status_code == 422
    declined = await world.client.post(
        f"/v1/access-requests/{request['id']}/decline",
        json={"reason": "we do not know this client"},
        headers=world.headers(pup, "coordinator"),
    )
    assert declined.status_code == 200 and declined.json()["state"] == "declined"
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 404
    outgoing = await world.client.get(
        "/v1/access-requests", params={"box": "outgoing"}, headers=world.headers(ops)
    )
    [mine] = outgoing.json()["items"]
    assert mine["state"] == "declined" and mine["decision_reason"] == "we do not know this client"
    assert mine["person"]["id"] is None
    approve = await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=world.headers(pup)
    )
    assert approve.status_code == 409
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 404


async def test_an_expired_request_grants_nothing_and_is_recorded(world):
    pup, ops, person, request = await _request(world)
    await world.session.execute(
        update(AccessRequest)
        .values(expires_at=utcnow() - timedelta(minutes=1))
        .where(AccessRequest.id == uuid.UUID(request["id"]))
    )
    listed = await world.client.get(
        "/v1/access-requests", params={"box": "incoming", "state": "expired"}, headers=world.headers(pup)
    )
    assert [r["state"] for r in listed.json()["items"]] == ["expired"]
    pending = await world.client.get(
        "/v1/access-requests", params={"box": "incoming", "state": "pending"}, headers=world.headers(pup)
    )
    assert pending.json()["items"] == []
    approve = await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=world.headers(pup)
    )
    assert approve.status_code == 409 and approve.json()["code"] == "access_request_expired"
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 404
    assert await access_requests.expire_due(world.session) == 1
    assert [e["type"] for e in await world.events(request["id"])][-1] == "access_request.expired"
    assert (
        await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    ).status_code == 404


async def test_the_retention_job_records_expired_requests(world):
    _, _, _, request = await _request(world)
    await world.session.execute(
        update(AccessRequest)
        .values(expires_at=utcnow() - timedelta(minutes=1))
        .where(AccessRequest.id == uuid.UUID(request["id"]))
    )
    assert await access_requests.expire_due(world.session) == 1
    assert [e["type"] for e in await world.events(request["id"])] == [
        "access_request.created",
        "access_request.expired",
    ]


async def test_a_second_pending_request_is_a_conflict_and_a_registrant_need_not_ask(world):
    pup, ops, person, request = await _request(world)
    problem = (
        await world.client.post(
            "/v1/persons",
            json={"first_name": "Anna", "last_name": "Kowalska", **NO_PESEL},
            headers=world.headers(ops),
        )
    ).json()
    body = {"candidate_id": problem["hidden_candidates"][0]["candidate_id"], "reason": REASON}
    twice = await world.client.post("/v1/access-requests", json=body, headers=world.headers(ops))
    assert twice.status_code == 409 and twice.json()["code"] == "access_request_pending"
    await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=world.headers(pup)
    )
    registered = await world.client.post("/v1/access-requests", json=body, headers=world.headers(ops))
    assert registered.status_code == 409 and registered.json()["code"] == "already_registered"


# --- who may do what --------------------------------------------------------------------------

#: caller -> (approve status, sees it in incoming)
DECIDERS = {
    "registering caseworker": (200, True),
    "registering coordinator": (200, True),
    "registering system": (200, True),
    "second registrant": (200, True),
    "requester caseworker": (403, False),
    "requester coordinator": (403, False),
    "other caseworker": (404, False),
    "other coordinator": (404, False),
    "registering institution_admin": (403, None),
    "registering analyst": (403, None),
    "registering auditor": (403, None),
    "system without write scope": (403, True),
}


def _caller(world, who, *, owner, ops, second):
    place, _, role = who.partition(" ")
    if who == "system without write scope":
        return world.system(owner, scope="clients:read")
    if who == "registering system":
        return world.system(owner)
    if who == "second registrant":
        return world.headers(second)
    inst = {"registering": owner, "requester": ops, "other": world.inst("NGO")}[place]
    return world.headers(inst, role)


@pytest.mark.parametrize("who", sorted(DECIDERS))
async def test_access_matrix_of_a_decision(world, who):
    owner = world.inst("PUP")
    _, ops, person, request = await _request(world, owner)
    second = world.inst("CUS")
    reg = await world.client.post(
        f"/v1/persons/{person['id']}/registrations",
        json={"pesel": PESEL_ANNA, "reason": REASON},
        headers=world.headers(second),
    )
    assert reg.status_code == 201
    headers = _caller(world, who, owner=owner, ops=ops, second=second)
    status, sees = DECIDERS[who]
    listed = await world.client.get("/v1/access-requests", params={"box": "incoming"}, headers=headers)
    if sees is None:
        assert listed.status_code == 403
    else:
        assert listed.status_code == 200
        assert [r["id"] for r in listed.json()["items"]] == ([request["id"]] if sees else [])
        assert person["id"] not in listed.text or sees
    decided = await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=headers
    )
    assert decided.status_code == status, decided.text
    visible = await world.client.get(f"/v1/persons/{person['id']}", headers=world.headers(ops))
    assert visible.status_code == (200 if status == 200 else 404)


@pytest.mark.parametrize("role", ["institution_admin", "analyst", "auditor"])
async def test_roles_without_person_data_neither_ask_nor_list(world, role):
    _, _, problem = await _near_duplicate(world, world.inst("PUP"))
    headers = world.headers(world.inst("OPS"), role)
    body = {"candidate_id": problem["hidden_candidates"][0]["candidate_id"], "reason": REASON}
    assert (await world.client.post("/v1/access-requests", json=body, headers=headers)).status_code == 403
    assert (await world.client.get("/v1/access-requests/counts", headers=headers)).status_code == 403


async def test_anonymisation_erases_the_declared_reasons(world):
    pup, ops, person, request = await _request(world)
    reg = await world.client.post(
        f"/v1/persons/{person['id']}/registrations",
        json={"pesel": PESEL_ANNA, "reason": REASON},
        headers=world.headers(world.inst("CUS")),
    )
    assert reg.status_code == 201
    record = await world.session.get(Person, uuid.UUID(person["id"]))
    assert record is not None
    await anonymise(world.session, person=record)
    reasons = (
        await world.session.scalars(select(Registration.reason).where(Registration.person_id == record.id))
    ).all()
    assert set(reasons) == {None}
    stored = await world.session.get(AccessRequest, uuid.UUID(request["id"]))
    await world.session.refresh(stored)
    assert stored is not None and stored.reason == "" and stored.decision_reason is None


async def test_candidate_ids_survive_a_key_rotation_and_die_with_a_dropped_key(world, app):
    settings: ClientsSettings = app.state.settings
    person, ops, problem = await _near_duplicate(world, world.inst("PUP"))
    token = problem["hidden_candidates"][0]["candidate_id"]
    current = settings.candidate_key_ring.keys[0]
    rotated = ClientsSettings(candidate_token_keys=f"a-new-key-{'x' * 40},{current}")
    assert candidates.resolve(rotated, token, institution_id=ops.id) == uuid.UUID(person["id"])
    # New tokens come from the new key: the old ring alone cannot read them.
    fresh = candidates.issue(rotated, person_id=uuid.UUID(person["id"]), institution_id=ops.id)
    assert candidates.resolve(settings, fresh, institution_id=ops.id) is None
    dropped = ClientsSettings(candidate_token_keys=f"a-new-key-{'x' * 40}")
    assert candidates.resolve(dropped, token, institution_id=ops.id) is None
    assert candidates.resolve(dropped, fresh, institution_id=ops.id) == uuid.UUID(person["id"])
    # The key has nothing to do with the service's own client secret any more.
    other_secret = ClientsSettings(service_client_secret="another-service-secret-" + "y" * 20)
    assert candidates.resolve(other_secret, token, institution_id=ops.id) == uuid.UUID(person["id"])


def test_production_refuses_an_unset_or_development_candidate_key():
    production = {
        "environment": "production",
        "database_url": "postgresql+asyncpg://clients@db/clients",
        "service_client_secret": "s3cret-for-clients-" + "x" * 20,
    }
    for keys in (None, "dev-insecure-candidate-token-key"):
        with pytest.raises(Exception, match="candidate_token_keys"):
            ClientsSettings(**production, candidate_token_keys=keys)
    assert len(ClientsSettings(**production, candidate_token_keys="k" * 48).candidate_key_ring) == 1


async def test_a_pending_request_follows_a_merge_and_goes_back_with_its_undo(world):
    pup, ops, person, request = await _request(world)
    # The PUP finds it had Anna twice and merges the requested record into the other one.
    survivor = await world.person(
        pup,
        pesel=None,
        birth_date="1985-03-14",
        sex="F",
        first_name="Anna",
        override_reason="duplicate, merge later",
    )
    coordinator = world.headers(pup, "coordinator")
    merged = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": person["id"],
            "reason": "same person: checked the ID card at the desk",
        },
        headers=coordinator,
    )
    assert merged.status_code == 201, merged.text
    moved = await world.session.get(AccessRequest, uuid.UUID(request["id"]), populate_existing=True)
    assert moved.person_id == uuid.UUID(survivor["id"]) and moved.status == "pending"
    undo = await world.client.post(
        f"/v1/persons/merges/{merged.json()['merge']['id']}/undo",
        json={"reason": "not the same person after all, sorry"},
        headers=coordinator,
    )
    assert undo.status_code == 200, undo.text
    back = await world.session.get(AccessRequest, uuid.UUID(request["id"]), populate_existing=True)
    assert back.person_id == uuid.UUID(person["id"])
    # Merged again, the request is decided on the survivor: the requester sees the survivor.
    again = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": person["id"],
            "reason": "same person: checked again",
        },
        headers=coordinator,
    )
    assert again.status_code == 201, again.text
    approved = await world.client.post(
        f"/v1/access-requests/{request['id']}/approve", json={}, headers=world.headers(pup)
    )
    assert approved.status_code == 200, approved.text
    read = await world.client.get(f"/v1/persons/{survivor['id']}", headers=world.headers(ops))
    assert read.status_code == 200 and read.json()["access_basis"] == "registration"


async def test_a_request_stays_behind_when_the_requester_already_registered_the_survivor(world):
    pup, ops, person, request = await _request(world)
    # The OPS had its own record of her, which the PUP registered too: the PUP merges the two.
    survivor = await world.person(
        ops,
        pesel=None,
        birth_date="1985-03-14",
        sex="F",
        first_name="Anna",
        override_reason="our own record, merge later",
    )
    world.session.add(
        Registration(
            person_id=uuid.UUID(survivor["id"]), institution_id=pup.id, registered_by="t", how="identifier"
        )
    )
    await world.session.flush()
    merged = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": person["id"],
            "reason": "same person: checked the ID",
        },
        headers=world.headers(pup, "coordinator"),
    )
    assert merged.status_code == 201, merged.text
    # The OPS needs nothing more: its request stays with the merged record and expires.
    kept = await world.session.get(AccessRequest, uuid.UUID(request["id"]), populate_existing=True)
    assert kept.person_id == uuid.UUID(person["id"]) and kept.status == "pending"
