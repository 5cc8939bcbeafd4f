"""Which case attributes each kind of access shows: the sensitive-attribute exposure matrix.

The rule, written out here independently of the implementation: the recording institution sees
its own attributes; an institution that registered the person (or a coordinator in break-glass)
sees every institution's non-sensitive ones; a referral's receiver sees only what the referral's
*sender* recorded, only attributes that travel with the referral's service type, and sensitive
ones only after it accepted a referral that covers sensitive data. Nothing recorded by a third
institution travels with someone else's referral.
"""

import itertools
import uuid

import pytest
from sqlalchemy import update

from splot.clients.models import AccessGrant

from conftest import PESEL_ANNA

SENSITIVE = {"health_restrictions", "disability_degree", "addiction_therapy"}
#: For each attribute used below, the service types it travels with (the catalogue's list, copied).
LABOUR = {
    "job_placement",
    "vocational_counselling",
    "training",
    "traineeship",
    "intervention_work",
    "public_works",
    "startup_grant",
    "socially_useful_work",
    "pai_programme",
}
SOCIAL_EMPLOYMENT = {"kis", "cis", "supported_employment", "social_cooperative"}
HEALTH = {"addiction_therapy", "mental_health_support", "psychological_counselling"}
EVERYWHERE = "*"
TRAVELS = {
    "education_level": LABOUR | SOCIAL_EMPLOYMENT,
    "unemployment_status": EVERYWHERE,
    "health_restrictions": LABOUR | SOCIAL_EMPLOYMENT | HEALTH | {"care_services"},
    "social_assistance_status": EVERYWHERE,
    "household_size": SOCIAL_EMPLOYMENT | {"social_work", "social_contract", "family_assistant"},
    "disability_degree": LABOUR | SOCIAL_EMPLOYMENT | {"care_services", "housing_support"},
    "addiction_therapy": HEALTH | SOCIAL_EMPLOYMENT,
    "notes": set(),
}
PUP_VALUES = {
    "education_level": "higher",
    "unemployment_status": "registered_unemployed",
    "health_restrictions": "x",
}
OPS_VALUES = {
    "social_assistance_status": "beneficiary",
    "household_size": 3,
    "disability_degree": "moderate",
    "addiction_therapy": True,
    "notes": "spoke on Monday",
}


def travels(code: str, service_type: str) -> bool:
    allowed = TRAVELS[code]
    return allowed == EVERYWHERE or service_type in allowed


def expected_for_receiver(
    sender: str, service_type: str, covers: bool, accepted: bool
) -> dict[str, set[str]]:
    recorded = {"PUP": PUP_VALUES, "OPS": OPS_VALUES}
    seen: dict[str, set[str]] = {}
    for recorder, values in recorded.items():
        for code in values:
            if recorder != sender or not travels(code, service_type):
                continue
            if code in SENSITIVE and not (covers and accepted):
                continue
            seen.setdefault(recorder, set()).add(code)
    return seen


@pytest.fixture
async def case(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    pid = (await world.person(pup))["id"]
    registered = await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
        headers=world.headers(ops),
    )
    assert registered.status_code == 201
    for inst, values in ((pup, PUP_VALUES), (ops, OPS_VALUES)):
        for code, value in values.items():
            put = await world.client.put(
                f"/v1/persons/{pid}/attributes/{code}", json={"value": value}, headers=world.headers(inst)
            )
            assert put.status_code == 201, put.text
    return {"PUP": pup, "OPS": ops}, pid


def _seen(person: dict, names: dict[str, str]) -> dict[str, set[str]]:
    return {names[g["institution_id"]]: set(g["values"]) for g in person["case_attributes"] if g["values"]}


@pytest.mark.parametrize(
    ("sender", "service_type", "covers", "accepted"),
    list(
        itertools.product(
            ["PUP", "OPS"],
            ["supported_employment", "job_placement", "addiction_therapy", "social_work"],
            [False, True],
            [False, True],
        )
    ),
)
async def test_a_referral_receiver_sees_the_senders_travelling_attributes(
    world, case, sender, service_type, covers, accepted
):
    institutions, pid = case
    names = {str(i.id): key for key, i in institutions.items()}
    receiver = world.inst("NGO")
    await world.grant(
        pid,
        receiver,
        sender=institutions[sender],
        service_type=service_type,
        covers_sensitive=covers,
        accepted=accepted,
    )
    person = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(receiver))
    assert person.status_code == 200
    expected = expected_for_receiver(sender, service_type, covers, accepted)
    assert _seen(person.json(), names) == expected
    listed = await world.client.get(f"/v1/persons/{pid}/attributes", headers=world.headers(receiver))
    assert {(names[a["institution_id"]], a["code"]) for a in listed.json()["items"]} == {
        (who, code) for who, codes in expected.items() for code in codes
    }
    for code in SENSITIVE:
        if all(code not in codes for codes in expected.values()):
            assert code not in person.text and code not in listed.text


async def test_acceptance_reveals_the_sensitive_attributes_it_covers(world, case):
    institutions, pid = case
    receiver = world.inst("NGO")
    referral_id = uuid.uuid4()
    common = {"sender": institutions["OPS"], "service_type": "cis", "covers_sensitive": True}
    await world.grant(pid, receiver, referral_id=referral_id, version=1, **common)
    before = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(receiver))
    assert "disability_degree" not in before.text and "addiction_therapy" not in before.text
    await world.grant(pid, receiver, referral_id=referral_id, version=2, accepted=True, **common)
    after = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(receiver))
    assert "disability_degree" in after.text and "addiction_therapy" in after.text
    # A late, older update (the referral's state before acceptance) does not hide them again.
    await world.grant(pid, receiver, referral_id=referral_id, version=1, **common)
    again = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(receiver))
    assert "disability_degree" in again.text


async def test_registrants_and_break_glass_see_non_sensitive_attributes_of_all_institutions(world, case):
    institutions, pid = case
    names = {str(i.id): key for key, i in institutions.items()}
    as_pup = (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(institutions["PUP"]))).json()
    assert _seen(as_pup, names) == {
        "PUP": set(PUP_VALUES),
        "OPS": set(OPS_VALUES) - SENSITIVE,
    }
    coordinator = world.headers(world.inst("OPS"), "coordinator")
    opened = await world.client.post(
        f"/v1/persons/{pid}/break-glass",
        json={"reason": "client collapsed in our office, need contacts"},
        headers=coordinator,
    )
    assert opened.status_code == 201, opened.text
    glass = (await world.client.get(f"/v1/persons/{pid}", headers=coordinator)).json()
    assert _seen(glass, names) == {
        "PUP": set(PUP_VALUES) - SENSITIVE,
        "OPS": set(OPS_VALUES) - SENSITIVE,
    }


async def test_a_grant_without_a_known_sender_shows_no_case_attributes(world, case):
    _, pid = case
    receiver = world.inst("NGO")
    grant = await world.grant(pid, receiver, service_type="cis", accepted=True, covers_sensitive=True)
    await world.session.execute(
        update(AccessGrant).where(AccessGrant.id == uuid.UUID(grant["id"])).values(sender_institution_id=None)
    )
    person = (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(receiver))).json()
    assert person["case_attributes"] == []


async def test_an_institution_records_only_the_attributes_of_its_kind(world, case):
    _, pid = case
    ngo = world.inst("NGO")
    await world.grant(pid, ngo)
    refused = await world.client.put(
        f"/v1/persons/{pid}/attributes/unemployment_status",
        json={"value": "job_seeker"},
        headers=world.headers(ngo),
    )
    assert refused.status_code == 403 and refused.json()["code"] == "attribute_not_for_institution"
    allowed = await world.client.put(
        f"/v1/persons/{pid}/attributes/homelessness", json={"value": True}, headers=world.headers(ngo)
    )
    assert allowed.status_code == 201
