"""The service-to-service API the referrals service calls (exact contract)."""

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update

from splot.clients.identity import make_pesel
from splot.clients.models import AccessGrant, Consent, Person, PersonStatus
from splot.common.db import utcnow

from conftest import PESEL_JAN


def check_body(pid, sender, target, **overrides):
    body = {
        "person_id": str(pid),
        "sender_institution_id": str(sender.id),
        "target_institution_id": str(target.id),
        "target_institution_type": target.type,
        "service_type_code": "kis",
        "sensitive": False,
        "legal_basis": "consent",
        "consent_id": None,
    }
    body.update(overrides)
    return body


async def _consent(world, pid, inst, **fields):
    body = {"purpose": "referral", "evidence_reference": "Z/2026/1", **fields}
    response = await world.client.post(f"/v1/persons/{pid}/consents", json=body, headers=world.headers(inst))
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_referral_check_answers_every_case(world):
    ops, ngo, other_ngo = world.inst("OPS"), world.inst("NGO"), world.inst("NGO")
    pid = (await world.person(ops))["id"]
    service = world.service()

    async def check(**kw):
        response = await world.client.post(
            "/v1/internal/referral-checks", json=check_body(**kw), headers=service
        )
        assert response.status_code == 200, response.text
        return response.json()

    assert await check(pid=pid, sender=ops, target=ngo, legal_basis="statutory") == {
        "allowed": True,
        "code": None,
        "detail": None,
        "consent_id": None,
    }
    assert (await check(pid=uuid.uuid4(), sender=ops, target=ngo))["code"] == "person_not_found"
    assert (await check(pid=pid, sender=other_ngo, target=ngo, legal_basis="statutory"))[
        "code"
    ] == "sender_not_allowed"
    assert (await check(pid=pid, sender=ops, target=ngo))["code"] == "consent_missing"
    # A consent for every NGO is found by type; the check returns its id.
    by_type = await _consent(world, pid, ops, recipient_institution_type="NGO")
    found = await check(pid=pid, sender=ops, target=ngo)
    assert found["allowed"] is True and found["consent_id"] == by_type
    # It does not cover sensitive data, nor a CIS.
    assert (await check(pid=pid, sender=ops, target=ngo, sensitive=True))["code"] == "consent_missing"
    cis = world.inst("CIS")
    assert (await check(pid=pid, sender=ops, target=cis))["code"] == "consent_missing"
    # An explicit consent naming another recipient does not count.
    named = await _consent(world, pid, ops, recipient_institution_id=str(other_ngo.id), covers_sensitive=True)
    assert (await check(pid=pid, sender=ops, target=ngo, consent_id=named))["code"] == "consent_missing"
    assert (await check(pid=pid, sender=ops, target=other_ngo, consent_id=named, sensitive=True))[
        "allowed"
    ] is True
    # Withdrawn and expired consents are named as such.
    withdrawn = await world.client.post(
        f"/v1/consents/{by_type}/withdraw", json={}, headers=world.headers(ops)
    )
    assert withdrawn.status_code == 200
    assert (await check(pid=pid, sender=ops, target=ngo))["code"] == "consent_withdrawn"
    assert (await check(pid=pid, sender=ops, target=ngo, consent_id=by_type))["code"] == "consent_withdrawn"
    await world.session.execute(
        update(Consent)
        .where(Consent.id == uuid.UUID(named))
        .values(expires_at=utcnow() - timedelta(minutes=1))
    )
    assert (await check(pid=pid, sender=ops, target=other_ngo, consent_id=named))["code"] == "consent_expired"
    # A service-type-specific consent covers only that service.
    specific = await _consent(world, pid, ops, recipient_institution_id=str(cis.id), service_type_code="cis")
    assert (await check(pid=pid, sender=ops, target=cis, service_type_code="cis"))["consent_id"] == specific
    assert (await check(pid=pid, sender=ops, target=cis, service_type_code="kis"))[
        "code"
    ] == "consent_missing"
    # A receiver with a grant may refer on (PUP -> OPS -> NGO chains).
    await world.grant(pid, other_ngo)
    assert (await check(pid=pid, sender=other_ngo, target=cis, legal_basis="statutory"))["allowed"] is True


async def test_internal_endpoints_need_a_service_token_with_the_scope(world):
    ops = world.inst("OPS")
    pid = (await world.person(ops))["id"]
    body = check_body(pid, ops, world.inst("NGO"), legal_basis="statutory")
    for headers in (world.headers(ops, "coordinator"), world.system(ops), world.service("events:read")):
        response = await world.client.post("/v1/internal/referral-checks", json=body, headers=headers)
        assert response.status_code == 403 and response.json()["code"] == "service_token_required"
        summary = await world.client.get(f"/v1/internal/persons/{pid}/summary", headers=headers)
        assert summary.status_code == 403
    assert (await world.client.post("/v1/internal/referral-checks", json=body)).status_code == 401


async def test_grant_state_is_idempotent_ordered_and_ending_sets_the_retention(world):
    ops, ngo = world.inst("OPS"), world.inst("NGO")
    pid = (await world.person(ops))["id"]
    referral = str(uuid.uuid4())
    body = {
        "person_id": pid,
        "institution_id": str(ngo.id),
        "referral_id": referral,
        "sender_institution_id": str(ops.id),
        "service_type_code": "kis",
        "legal_basis": "statutory",
        "consent_id": None,
        "covers_sensitive": False,
        "version": 1,
    }
    post = world.client.post
    first = await post("/v1/internal/access-grants", json=body, headers=world.service())
    assert first.status_code == 201
    grant = first.json()
    assert grant["active"] is True and grant["expires_at"] is None and grant["person_id"] == pid
    assert grant["sender_institution_id"] == str(ops.id) and grant["accepted_at"] is None
    again = await post("/v1/internal/access-grants", json=body, headers=world.service())
    assert again.status_code == 200 and again.json()["id"] == grant["id"]
    assert again.json()["version"] == grant["version"]  # the same state again writes nothing
    accepted = await post(
        "/v1/internal/access-grants", json={**body, "accepted": True, "version": 2}, headers=world.service()
    )
    assert accepted.status_code == 200
    assert accepted.json()["accepted_at"] is not None and accepted.json()["version"] == grant["version"] + 1
    # A later state of the running referral keeps the moment it was accepted.
    covering = {**body, "accepted": True, "covers_sensitive": True, "version": 2}
    covered = await post("/v1/internal/access-grants", json=covering, headers=world.service())
    assert covered.json()["covers_sensitive"] is True and covered.json()["version"] == grant["version"] + 2
    assert covered.json()["accepted_at"] == accepted.json()["accepted_at"]
    stored = await world.session.scalar(select(AccessGrant).where(AccessGrant.id == uuid.UUID(grant["id"])))
    assert stored is not None and stored.covers_sensitive and stored.source_version == 2
    ended = {**body, "active": False, "retention_days": 10, "version": 3}
    before = utcnow()
    revoked = await post("/v1/internal/access-grants", json=ended, headers=world.service())
    assert revoked.status_code == 200
    expires = datetime.fromisoformat(revoked.json()["expires_at"])
    assert before + timedelta(days=10) <= expires <= utcnow() + timedelta(days=10)
    repeat = await post("/v1/internal/access-grants", json=ended, headers=world.service())
    assert repeat.json()["expires_at"] == revoked.json()["expires_at"]
    # An update that arrives late (an older version of the referral) changes nothing.
    late = await post("/v1/internal/access-grants", json={**body, "version": 2}, headers=world.service())
    assert late.json()["expires_at"] == revoked.json()["expires_at"]
    assert [e["type"] for e in await world.events(grant["id"])] == ["access.granted", "access.revoked"]
    [granted, revoked_event] = await world.events(grant["id"])
    assert set(granted["payload"]) == {
        "grant_id",
        "person_id",
        "institution_id",
        "referral_id",
        "legal_basis",
        "consent_id",
        "covers_sensitive",
        "granted_at",
        "revoked_at",
        "expires_at",
    }
    assert revoked_event["payload"]["expires_at"] == revoked.json()["expires_at"].replace("Z", "+00:00")
    # A reopened referral (a newer version, active again) gives access back.
    reopened = await post("/v1/internal/access-grants", json={**body, "version": 4}, headers=world.service())
    assert reopened.json()["revoked_at"] is None and reopened.json()["expires_at"] is None
    assert reopened.json()["accepted_at"] is None
    assert reopened.json()["version"] == revoked.json()["version"] + 1
    types = [e["type"] for e in await world.events(grant["id"])]
    assert types == ["access.granted", "access.revoked", "access.granted"]  # access is given back
    # Ending a referral that never had a grant: nothing to end.
    unknown = {**ended, "referral_id": str(uuid.uuid4())}
    nothing = await post("/v1/internal/access-grants", json=unknown, headers=world.service())
    assert nothing.status_code == 204
    assert (await world.session.scalar(select(func.count()).select_from(AccessGrant))) == 1


async def test_consent_based_grant_needs_a_valid_consent(world):
    ops, ngo = world.inst("OPS"), world.inst("NGO")
    pid = (await world.person(ops))["id"]
    body = {
        "person_id": pid,
        "institution_id": str(ngo.id),
        "referral_id": str(uuid.uuid4()),
        "sender_institution_id": str(ops.id),
        "service_type_code": "kis",
        "legal_basis": "consent",
        "consent_id": None,
        "covers_sensitive": False,
    }
    missing = await world.client.post("/v1/internal/access-grants", json=body, headers=world.service())
    assert missing.status_code == 422
    unknown = {**body, "consent_id": str(uuid.uuid4())}
    assert (
        await world.client.post("/v1/internal/access-grants", json=unknown, headers=world.service())
    ).status_code == 422
    assert (
        await world.client.post(
            "/v1/internal/access-grants",
            json={**body, "person_id": str(uuid.uuid4())},
            headers=world.service(),
        )
    ).status_code == 404


async def test_a_grant_follows_a_merge_to_the_survivor_and_never_reaches_an_anonymised_person(world):
    ops, ngo = world.inst("OPS"), world.inst("NGO")
    survivor = (await world.person(ops))["id"]
    duplicate = (await world.person(ops, pesel=PESEL_JAN, first_name="Jan", last_name="Nowak"))["id"]
    third = make_pesel(date(1990, 7, 7), "F", 789)
    gone = (await world.person(ops, pesel=third, first_name="Ewa", last_name="Zapomniana"))["id"]
    consent = await _consent(world, survivor, ops, recipient_institution_id=str(ngo.id))
    other = await _consent(world, gone, ops, recipient_institution_id=str(ngo.id))
    await world.session.execute(
        update(Person)
        .where(Person.id == uuid.UUID(duplicate))
        .values(status=PersonStatus.merged, merged_into_id=uuid.UUID(survivor))
    )
    await world.session.execute(
        update(Person).where(Person.id == uuid.UUID(gone)).values(status=PersonStatus.anonymised)
    )
    # The referral names the merged record: the grant is the survivor's (the same human), and the
    # survivor's consent covers it.
    grant = await world.grant(duplicate, ngo, sender=ops, legal_basis="consent", consent_id=consent)
    assert grant["person_id"] == survivor
    assert (await world.client.get(f"/v1/persons/{survivor}", headers=world.headers(ngo))).status_code == 200
    # Another person's consent does not cover it.
    refused = await world.grant(
        duplicate, ngo, sender=ops, legal_basis="consent", consent_id=other, expect=(422,)
    )
    assert refused["code"] == "consent_missing"
    # Anonymised and absent persons get no grant.
    for person_id in (gone, uuid.uuid4()):
        assert (await world.grant(person_id, ngo, sender=ops, expect=(404,)))["code"] == "not_found"
    assert (
        await world.session.scalar(
            select(func.count()).select_from(AccessGrant).where(AccessGrant.person_id == uuid.UUID(gone))
        )
    ) == 0


async def test_summary_carries_no_names(world):
    ops = world.inst("OPS")
    person = await world.person(ops)
    response = await world.client.get(f"/v1/internal/persons/{person['id']}/summary", headers=world.service())
    assert response.json() == {
        "id": person["id"],
        "birth_year": 1985,
        "sex": "F",
        "gmina": "1219053",
        "status": "active",
        "merged_into": None,
    }
    assert (await world.log(person["id"], "service_read"))[0].legal_basis == "service"
    assert (
        await world.client.get(f"/v1/internal/persons/{uuid.uuid4()}/summary", headers=world.service())
    ).status_code == 404
