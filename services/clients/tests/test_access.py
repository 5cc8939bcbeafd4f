"""The access model at read time: registrations, grants, consents, break-glass, sensitive data,
and the roles that see no person data at all."""

from datetime import timedelta

from sqlalchemy import update

from splot.clients.models import AccessGrant, BreakGlass
from splot.common.db import utcnow

from conftest import PESEL_ANNA


async def _person_with_attributes(world):
    """A person registered by a PUP and by an OPS; the OPS records a sensitive attribute."""
    pup, ops = world.inst("PUP"), world.inst("OPS")
    person = await world.person(pup)
    pid = person["id"]
    await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
        headers=world.headers(ops),
    )
    for inst, code, value in [
        (pup, "education_level", "higher"),
        (ops, "social_assistance_status", "beneficiary"),
        (ops, "disability_degree", "moderate"),
    ]:
        response = await world.client.put(
            f"/v1/persons/{pid}/attributes/{code}", json={"value": value}, headers=world.headers(inst)
        )
        assert response.status_code == 201, response.text
    return pup, ops, pid


def _values(person):
    return {g["institution_id"]: g["values"] for g in person["case_attributes"]}


async def test_sensitive_attributes_are_absent_unless_allowed(world):
    pup, ops, pid = await _person_with_attributes(world)
    as_ops = (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(ops))).json()
    assert _values(as_ops)[str(ops.id)] == {
        "social_assistance_status": "beneficiary",
        "disability_degree": "moderate",
    }
    # The PUP registered the person too, but the disability degree is the OPS's special-category data.
    as_pup = await world.client.get(f"/v1/persons/{pid}", headers=world.headers(pup))
    assert _values(as_pup.json()) == {
        str(pup.id): {"education_level": "higher"},
        str(ops.id): {"social_assistance_status": "beneficiary"},
    }
    assert "disability" not in as_pup.text and "moderate" not in as_pup.text
    listed = await world.client.get(f"/v1/persons/{pid}/attributes", headers=world.headers(pup))
    assert sorted(a["code"] for a in listed.json()["items"]) == [
        "education_level",
        "social_assistance_status",
    ]
    # A receiver of the OPS's referral sees the OPS's travelling attributes; the sensitive one only
    # once it accepted a referral that covers sensitive data.
    plain, covered = world.inst("NGO"), world.inst("NGO")
    await world.grant(pid, plain, sender=ops, service_type="supported_employment", accepted=True)
    await world.grant(
        pid, covered, sender=ops, service_type="supported_employment", covers_sensitive=True, accepted=True
    )
    assert (
        "disability_degree"
        not in (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(plain))).text
    )
    seen = (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(covered))).json()
    assert _values(seen) == {
        str(ops.id): {"social_assistance_status": "beneficiary", "disability_degree": "moderate"}
    }
    assert seen["access_basis"] == "access_grant"
    covered_list = await world.client.get(f"/v1/persons/{pid}/attributes", headers=world.headers(covered))
    assert sorted(a["code"] for a in covered_list.json()["items"]) == [
        "disability_degree",
        "social_assistance_status",
    ]


async def test_only_the_recording_institution_writes_its_attributes(world):
    pup, ops, pid = await _person_with_attributes(world)
    url = f"/v1/persons/{pid}/attributes/disability_degree"
    # The PUP writes its own value; it never touches the OPS's.
    mine = await world.client.put(url, json={"value": "mild"}, headers=world.headers(pup))
    assert mine.status_code == 201
    ops_view = (await world.client.get(f"/v1/persons/{pid}", headers=world.headers(ops))).json()
    assert _values(ops_view)[str(ops.id)]["disability_degree"] == "moderate"
    # Updating needs the attribute's ETag.
    assert (
        await world.client.put(url, json={"value": "severe"}, headers=world.headers(pup))
    ).status_code == 428
    etag = mine.headers["etag"]
    changed = await world.client.put(
        url, json={"value": "severe"}, headers={**world.headers(pup), "If-Match": etag}
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    # Values are typed by the catalogue.
    for inst, code, value in [
        (pup, "disability_degree", "very"),
        (ops, "household_size", "3"),
        (pup, "unemployed_since", "2025-13-01"),
    ]:
        bad = await world.client.put(
            f"/v1/persons/{pid}/attributes/{code}", json={"value": value}, headers=world.headers(inst)
        )
        assert bad.status_code == 422 and bad.json()["code"] == "invalid_attribute_value", code
    unknown = await world.client.put(
        f"/v1/persons/{pid}/attributes/shoe_size", json={"value": 42}, headers=world.headers(pup)
    )
    assert unknown.status_code == 404
    gone = await world.client.delete(url, headers={**world.headers(pup), "If-Match": changed.headers["etag"]})
    assert gone.status_code == 204
    assert (
        await world.client.delete(url, headers={**world.headers(pup), "If-Match": "*"})
    ).status_code == 404


async def test_grants_give_access_until_retention_ends(world):
    pid = (await world.person(world.inst("PUP")))["id"]
    ngo = world.inst("NGO")
    headers = world.headers(ngo)
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 404
    grant = await world.grant(pid, ngo, version=1)
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 200
    listed = (await world.client.get("/v1/persons", headers=headers)).json()["items"]
    assert [(p["id"], p["access_basis"]) for p in listed] == [(pid, "access_grant")]
    revoked = await world.grant(pid, ngo, referral_id=grant["referral_id"], active=False, version=2)
    assert revoked["active"] is True and revoked["revoked_at"] is not None
    # Within the retention window the receiver still sees the person; after it, nothing.
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 200
    await world.session.execute(update(AccessGrant).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 404
    assert (await world.client.get("/v1/persons", headers=headers)).json()["items"] == []


async def test_withdrawing_a_consent_stops_consent_based_access_at_once(world):
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    pid = (await world.person(pup))["id"]
    consent = await world.client.post(
        f"/v1/persons/{pid}/consents",
        json={
            "purpose": "referral",
            "recipient_institution_id": str(ngo.id),
            "evidence_reference": "ZGODA/2026/17",
            "covers_sensitive": True,
        },
        headers=world.headers(pup),
    )
    assert consent.status_code == 201 and consent.json()["state"] == "valid"
    cid = consent.json()["id"]
    await world.grant(pid, ngo, legal_basis="consent", consent_id=cid, covers_sensitive=True)
    headers = world.headers(ngo)
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 200
    # The receiver sees the consent, but only the recording institution withdraws it.
    assert (await world.client.get(f"/v1/consents/{cid}", headers=headers)).status_code == 200
    assert (
        await world.client.post(f"/v1/consents/{cid}/withdraw", json={}, headers=headers)
    ).status_code == 403
    withdrawn = await world.client.post(
        f"/v1/consents/{cid}/withdraw", json={"reason": "client asked"}, headers=world.headers(pup)
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["state"] == "withdrawn"
    assert (await world.client.get(f"/v1/persons/{pid}", headers=headers)).status_code == 404
    grants = await world.client.get(f"/v1/persons/{pid}/access-grants", headers=world.headers(pup))
    assert [g["active"] for g in grants.json()["items"]] == [False]
    [event] = await world.events(cid, "consent.withdrawn")
    assert event["payload"]["person_id"] == pid and event["payload"]["withdrawn_at"]
    assert "evidence_reference" not in event["payload"]
    listed = await world.client.get(f"/v1/persons/{pid}/consents", headers=world.headers(pup))
    assert [c["state"] for c in listed.json()["items"]] == ["withdrawn"]


async def test_consent_input_is_checked(world):
    pup = world.inst()
    pid = (await world.person(pup))["id"]
    url = f"/v1/persons/{pid}/consents"
    headers = world.headers(pup)
    base = {"purpose": "referral", "evidence_reference": "Z/1"}
    both = await world.client.post(
        url,
        json={**base, "recipient_institution_type": "NGO", "recipient_institution_id": str(pup.id)},
        headers=headers,
    )
    assert both.status_code == 422
    future = (utcnow() + timedelta(days=2)).isoformat()
    ahead = await world.client.post(
        url, json={**base, "recipient_institution_type": "NGO", "given_at": future}, headers=headers
    )
    assert ahead.status_code == 422 and ahead.json()["code"] == "consent_in_future"
    past = (utcnow() - timedelta(days=2)).isoformat()
    expired = await world.client.post(
        url, json={**base, "recipient_institution_type": "NGO", "expires_at": past}, headers=headers
    )
    assert expired.status_code == 422


async def test_break_glass_is_personal_time_boxed_and_visible_to_the_owner(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    pid = (await world.person(pup))["id"]
    reason = "client in crisis at our office, needs urgent help"
    caseworker = await world.client.post(
        f"/v1/persons/{pid}/break-glass", json={"reason": reason}, headers=world.headers(ops)
    )
    assert caseworker.status_code == 403
    opener = world.headers(ops, "coordinator", sub="coordinator-1")
    too_long = await world.client.post(
        f"/v1/persons/{pid}/break-glass", json={"reason": reason, "hours": 100}, headers=opener
    )
    assert too_long.status_code == 422
    opened = await world.client.post(
        f"/v1/persons/{pid}/break-glass", json={"reason": reason}, headers=opener
    )
    assert opened.status_code == 201, opened.text
    glass = opened.json()
    assert glass["active"] is True and glass["subject"] == "coordinator-1"
    span = __import__("datetime").datetime.fromisoformat(glass["expires_at"]) - __import__(
        "datetime"
    ).datetime.fromisoformat(glass["opened_at"])
    assert span == timedelta(hours=6)
    seen = await world.client.get(f"/v1/persons/{pid}", headers=opener)
    assert seen.status_code == 200 and seen.json()["access_basis"] == "break_glass"
    # Personal: a colleague at the same institution does not get in.
    colleague = world.headers(ops, "coordinator", sub="coordinator-2")
    assert (await world.client.get(f"/v1/persons/{pid}", headers=colleague)).status_code == 404
    # Read-only: no attributes, no consents through break-glass.
    assert (
        await world.client.put(f"/v1/persons/{pid}/attributes/notes", json={"value": "x"}, headers=opener)
    ).status_code == 403
    # The owner sees who broke the glass and why.
    owner_view = await world.client.get("/v1/break-glass", headers=world.headers(pup))
    assert [(g["person_id"], g["reason"]) for g in owner_view.json()["items"]] == [(pid, reason)]
    assert (await world.client.get("/v1/break-glass", headers=world.headers(world.inst()))).json()[
        "items"
    ] == []
    [row] = await world.log(pid, "break_glass")
    assert row.reason == reason and row.legal_basis == "break_glass"
    await world.session.execute(update(BreakGlass).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert (await world.client.get(f"/v1/persons/{pid}", headers=opener)).status_code == 404
    # The owner itself has no use for break-glass.
    own = await world.client.post(
        f"/v1/persons/{pid}/break-glass", json={"reason": reason}, headers=world.headers(pup, "coordinator")
    )
    assert own.status_code == 409


async def test_roles_without_case_work_see_no_person_data(world):
    pup = world.inst()
    pid = (await world.person(pup))["id"]
    for role in ("analyst", "institution_admin", "system_admin", "auditor"):
        headers = world.headers(pup, role)
        for url in ("/v1/persons", f"/v1/persons/{pid}", f"/v1/persons/{pid}/attributes"):
            assert (await world.client.get(url, headers=headers)).status_code == 403, (role, url)
    # The institution's own system reads with clients:read, writes only with clients:write.
    reader = world.system(pup, "clients:read")
    assert (await world.client.get(f"/v1/persons/{pid}", headers=reader)).status_code == 200
    assert (
        await world.client.put(f"/v1/persons/{pid}/attributes/notes", json={"value": "x"}, headers=reader)
    ).status_code == 403
    assert (
        await world.client.get(f"/v1/persons/{pid}", headers=world.system(pup, "referrals:read"))
    ).status_code == 403
