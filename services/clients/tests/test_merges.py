"""Merges never upgrade access, never copy identity data without an explicit choice, and can be
undone within their window, exactly."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from splot.clients.merges import forget_expired_before_images
from splot.clients.models import AccessGrant, CaseAttribute, Consent, PersonMerge, Registration
from splot.common.db import utcnow

from conftest import PESEL_ANNA, PESEL_JAN

REASON = "same person: checked the ID card at the desk"
NO_PESEL = {"pesel": None, "birth_date": "1985-03-14", "sex": "F"}


async def _merge(world, headers, survivor, merged, **extra):
    return await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": survivor, "merged_id": merged, "reason": REASON, **extra},
        headers=headers,
    )


# --- who may merge: the access matrix ------------------------------------------------------------


@pytest.mark.parametrize("theirs_is", ["survivor", "merged"])
@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        ("registration", 201),
        ("statutory_grant", 403),
        ("consent_grant", 403),
        ("break_glass", 403),
        ("none", 404),
    ],
)
async def test_merging_needs_a_registration_on_both_records(world, basis, expected, theirs_is):
    """The review's attack: an NGO sees a PUP's client through a temporary grant and merges a record
    of its own into it, to keep a permanent registration (and copy its own contact data over).
    The NGO always registered its own record; ``basis`` is how it sees the PUP's."""
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    coordinator = world.headers(ngo, "coordinator", sub="ngo-coordinator")
    theirs = (await world.person(pup))["id"]
    mine = (
        await world.person(
            ngo, headers=world.headers(ngo), **NO_PESEL, override_reason="not sure it is her, merge later"
        )
    )["id"]
    if basis == "registration":
        registered = await world.client.post(
            f"/v1/persons/{theirs}/registrations",
            json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
            headers=world.headers(ngo),
        )
        assert registered.status_code == 201
    elif basis == "statutory_grant":
        await world.grant(theirs, ngo, sender=pup)
    elif basis == "consent_grant":
        consent = await world.client.post(
            f"/v1/persons/{theirs}/consents",
            json={
                "purpose": "referral",
                "recipient_institution_id": str(ngo.id),
                "evidence_reference": "Z/9",
            },
            headers=world.headers(pup),
        )
        await world.grant(theirs, ngo, sender=pup, legal_basis="consent", consent_id=consent.json()["id"])
    elif basis == "break_glass":
        opened = await world.client.post(
            f"/v1/persons/{theirs}/break-glass",
            json={"reason": "emergency, need the contact details"},
            headers=coordinator,
        )
        assert opened.status_code == 201, opened.text
    survivor, merged = (theirs, mine) if theirs_is == "survivor" else (mine, theirs)
    response = await _merge(world, coordinator, survivor, merged, take_from_merged=["phone"])
    assert response.status_code == expected, response.text
    ngo_registered = await world.session.scalar(
        select(Registration.id).where(
            Registration.person_id.in_([uuid.UUID(theirs), uuid.UUID(mine)]),
            Registration.institution_id == ngo.id,
            Registration.person_id == uuid.UUID(theirs),
        )
    )
    if expected != 201:
        # Nothing changed: the NGO gained no registration on the PUP's client, learnt nothing.
        assert ngo_registered is None
        assert "Kowalska" not in response.text and PESEL_ANNA not in response.text
        assert await world.log(theirs, "merge") == []


async def test_a_merge_takes_only_the_fields_chosen_explicitly(world):
    pup = world.inst("PUP")
    coordinator = world.headers(pup, "coordinator")
    survivor = await world.person(pup, phone=None, preferred_contact=None, street=None, city="Kraków")
    duplicate = await world.person(
        pup,
        **NO_PESEL,
        phone="+48 700 700 700",
        preferred_contact="phone",
        email="anna@example.com",
        street="ul. Druga 2",
        city="Wieliczka",
        override_reason="looks like her, will merge after checking",
    )
    merged = await _merge(world, coordinator, survivor["id"], duplicate["id"], take_from_merged=["email"])
    assert merged.status_code == 201, merged.text
    body = merged.json()["survivor"]
    # The e-mail was chosen; the phone, street and city were not, even where the survivor had none.
    assert body["email"] == "anna@example.com"
    assert body["phone"] is None and body["street"] is None and body["city"] == "Kraków"
    [row] = await world.log(survivor["id"], "merge")
    assert row.reason.endswith("fields taken: email")
    nothing = await world.person(pup, **NO_PESEL, first_name="Ann", override_reason="check later, maybe same")
    empty = await _merge(
        world, coordinator, survivor["id"], nothing["id"], take_from_merged=["document_number"]
    )
    assert empty.status_code == 422 and empty.json()["code"] == "nothing_to_take"
    bad = await _merge(world, coordinator, survivor["id"], nothing["id"], take_from_merged=["registered_by"])
    assert bad.status_code == 422


async def _merged_pair(world):
    """A survivor and a duplicate with an OPS registration, attributes, a consent and a grant."""
    pup, ops, ngo = world.inst("PUP"), world.inst("OPS"), world.inst("NGO")
    coordinator = world.headers(pup, "coordinator")
    survivor = await world.person(pup, **NO_PESEL, first_name="Anna", phone=None, preferred_contact=None)
    duplicate = await world.person(
        pup, pesel=PESEL_ANNA, first_name="Ania", override_reason="not sure yet, merge later"
    )
    dup = duplicate["id"]
    assert (
        await world.client.post(
            f"/v1/persons/{dup}/registrations",
            json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
            headers=world.headers(ops),
        )
    ).status_code == 201
    for pid, value in ((survivor["id"], "primary"), (dup, "higher")):
        put = await world.client.put(
            f"/v1/persons/{pid}/attributes/education_level", json={"value": value}, headers=world.headers(pup)
        )
        assert put.status_code == 201
    put = await world.client.put(
        f"/v1/persons/{dup}/attributes/household_size", json={"value": 4}, headers=world.headers(ops)
    )
    assert put.status_code == 201
    consent = await world.client.post(
        f"/v1/persons/{dup}/consents",
        json={"purpose": "referral", "recipient_institution_type": "NGO", "evidence_reference": "Z/5"},
        headers=world.headers(pup),
    )
    grant = await world.grant(dup, ngo, sender=pup)
    merge = await _merge(world, coordinator, survivor["id"], dup, take_from_merged=["pesel", "phone"])
    assert merge.status_code == 201, merge.text
    return pup, ops, ngo, coordinator, survivor, duplicate, consent.json(), grant, merge.json()["merge"]


async def test_undo_puts_both_records_and_their_rows_back(world):
    pup, ops, ngo, coordinator, survivor, duplicate, consent, grant, merge = await _merged_pair(world)
    sid, dup = uuid.UUID(survivor["id"]), uuid.UUID(duplicate["id"])
    after_merge = (await world.client.get(f"/v1/persons/{sid}", headers=coordinator)).json()
    assert after_merge["pesel"] == PESEL_ANNA and after_merge["phone"] == duplicate["phone"]
    # The newer education level (the duplicate's) won.
    by_institution = {g["institution_id"]: g["values"] for g in after_merge["case_attributes"]}
    assert by_institution[str(pup.id)]["education_level"] == "higher"

    undone = await world.client.post(
        f"/v1/persons/merges/{merge['id']}/undo", json={"reason": REASON}, headers=coordinator
    )
    assert undone.status_code == 200, undone.text
    assert undone.json()["undone_at"] is not None and undone.json()["undoable"] is False
    back = (await world.client.get(f"/v1/persons/{dup}", headers=coordinator)).json()
    assert back["status"] == "active" and back["pesel"] == PESEL_ANNA and back["first_name"] == "Ania"
    kept = (await world.client.get(f"/v1/persons/{sid}", headers=coordinator)).json()
    assert kept["pesel"] is None and kept["phone"] is None and kept["birth_date"] == survivor["birth_date"]
    assert {r["institution_id"] for r in back["registrations"]} == {str(pup.id), str(ops.id)}
    assert {r["institution_id"] for r in kept["registrations"]} == {str(pup.id)}
    attrs = {
        (a.person_id, a.code): a.value for a in (await world.session.scalars(select(CaseAttribute))).all()
    }
    assert attrs == {
        (sid, "education_level"): "primary",
        (dup, "education_level"): "higher",
        (dup, "household_size"): 4,
    }
    assert (await world.session.get(Consent, uuid.UUID(consent["id"]))).person_id == dup
    assert (await world.session.get(AccessGrant, uuid.UUID(grant["id"]))).person_id == dup
    # The NGO's grant follows its own record again; the PESEL finds the right one.
    assert (await world.client.get(f"/v1/persons/{dup}", headers=world.headers(ngo))).status_code == 200
    found = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=coordinator)
    assert [i["id"] for i in found.json()["items"]] == [str(dup)]
    [event] = await world.events(dup, "person.unmerged")
    assert event["payload"]["survivor_person_id"] == str(sid) and "first_name" not in event["payload"]
    assert len(await world.log(dup, "unmerge")) == 1
    again = await world.client.post(
        f"/v1/persons/merges/{merge['id']}/undo", json={"reason": REASON}, headers=coordinator
    )
    assert again.status_code == 409 and again.json()["code"] == "merge_undone"


async def test_undo_is_for_a_registrant_of_both_and_within_the_window(world):
    pup, ops, ngo, coordinator, survivor, duplicate, consent, grant, merge = await _merged_pair(world)
    url = f"/v1/persons/merges/{merge['id']}/undo"
    # The NGO (a grant) and a caseworker may not; an unrelated coordinator does not even see it.
    assert (
        await world.client.post(url, json={"reason": REASON}, headers=world.headers(ngo, "coordinator"))
    ).status_code == 404
    assert (
        await world.client.post(url, json={"reason": REASON}, headers=world.headers(pup))
    ).status_code == 403
    stranger = world.headers(world.inst("OPS"), "coordinator")
    assert (await world.client.get(f"/v1/persons/merges/{merge['id']}", headers=stranger)).status_code == 404
    read = await world.client.get(f"/v1/persons/merges/{merge['id']}", headers=coordinator)
    assert read.status_code == 200 and read.json()["undoable"] is True
    await world.session.execute(update(PersonMerge).values(undo_until=utcnow() - timedelta(seconds=1)))
    closed = await world.client.post(url, json={"reason": REASON}, headers=coordinator)
    assert closed.status_code == 409 and closed.json()["code"] == "undo_window_closed"


async def test_the_identity_copy_kept_for_undo_is_erased_when_the_window_closes(world):
    *_, merge = await _merged_pair(world)
    record = await world.session.get(PersonMerge, uuid.UUID(merge["id"]))
    assert record.merged_before["pesel"] == PESEL_ANNA
    assert await forget_expired_before_images(world.session) == 0
    assert await forget_expired_before_images(world.session, now=utcnow() + timedelta(days=31)) == 1
    await world.session.refresh(record)
    assert record.merged_before == {} and record.survivor_before == {}
    assert PESEL_JAN not in str(record.moves) and PESEL_ANNA not in str(record.moves)


# --- the merges into a person (where the undo is found later) ----------------------------------


async def test_a_person_lists_the_merges_into_it_with_their_undo_window(world):
    pup, ops, ngo, coordinator, survivor, duplicate, consent, grant, merge = await _merged_pair(world)
    url = f"/v1/persons/{survivor['id']}/merges"
    listed = await world.client.get(url, headers=coordinator)
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["id"] == merge["id"] and item["merged_id"] == duplicate["id"]
    assert item["undoable"] is True and item["taken_fields"] == ["pesel", "phone"]
    # The merged record's registrations moved to the survivor: it lists nothing, like it reads nothing.
    gone = await world.client.get(f"/v1/persons/{duplicate['id']}/merges", headers=coordinator)
    assert gone.status_code == 404
    await world.client.post(
        f"/v1/persons/merges/{merge['id']}/undo", json={"reason": REASON}, headers=coordinator
    )
    [after] = (await world.client.get(url, headers=coordinator)).json()["items"]
    assert after["undone_at"] is not None and after["undoable"] is False


@pytest.mark.parametrize(
    ("who", "basis", "expected"),
    [
        ("coordinator", "registration", 200),
        ("caseworker", "registration", 403),
        ("coordinator", "statutory_grant", 404),
        ("coordinator", "break_glass", 404),
        ("coordinator", "none", 404),
        ("auditor", "none", 403),
        ("analyst", "none", 403),
    ],
)
async def test_who_sees_the_merges_into_a_person(world, who, basis, expected):
    """Only a coordinator of an institution registered on the person; to others of another
    institution the list answers like the person: 404, without a hint."""
    pup, other = world.inst("PUP"), world.inst("OPS")
    pup_coordinator = world.headers(pup, "coordinator")
    survivor = await world.person(pup)
    duplicate = await world.person(pup, **NO_PESEL, override_reason="not sure it is her, merge later")
    assert (await _merge(world, pup_coordinator, survivor["id"], duplicate["id"])).status_code == 201
    inst = pup if basis == "registration" else other
    headers = world.role(who) if who in ("auditor", "analyst") else world.headers(inst, who)
    if basis == "statutory_grant":
        await world.grant(survivor["id"], other, sender=pup)
    elif basis == "break_glass":
        opened = await world.client.post(
            f"/v1/persons/{survivor['id']}/break-glass",
            json={"reason": "emergency, need the contact"},
            headers=headers,
        )
        assert opened.status_code == 201, opened.text
    response = await world.client.get(f"/v1/persons/{survivor['id']}/merges", headers=headers)
    assert response.status_code == expected, response.text
    if expected != 200:
        assert REASON not in response.text and duplicate["id"] not in response.text
    missing = await world.client.get(f"/v1/persons/{uuid.uuid4()}/merges", headers=pup_coordinator)
    assert missing.status_code == 404


async def test_the_survivor_shows_the_merged_records_attribute_history_until_undone(world):
    pup, ops, ngo, coordinator, survivor, duplicate, consent, grant, merge = await _merged_pair(world)
    url = f"/v1/persons/{survivor['id']}/attribute-history"
    merged = await world.client.get(url, params={"code": "education_level"}, headers=coordinator)
    assert sorted(e["value"] for e in merged.json()["items"]) == ["higher", "primary"]
    undone = await world.client.post(
        f"/v1/persons/merges/{merge['id']}/undo", json={"reason": REASON}, headers=coordinator
    )
    assert undone.status_code == 200
    kept = await world.client.get(url, params={"code": "education_level"}, headers=coordinator)
    assert [e["value"] for e in kept.json()["items"]] == ["primary"]
