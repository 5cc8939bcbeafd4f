"""An attribute's history: every recorded, changed and removed value, seen by the same rule as the
current values, audited, following a merge, erased with the person."""

import uuid

from sqlalchemy import select

from splot.clients.models import AccessLog, AttributeChange

from conftest import PESEL_ANNA


async def _history(world, pid, headers, **params):
    response = await world.client.get(f"/v1/persons/{pid}/attribute-history", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def _put(world, pid, code, value, headers, etag=None):
    extra = {"If-Match": etag} if etag else {}
    response = await world.client.put(
        f"/v1/persons/{pid}/attributes/{code}", json={"value": value}, headers={**headers, **extra}
    )
    assert response.status_code in (200, 201), response.text
    return response.headers["etag"]


async def test_every_value_is_kept_newest_first_with_the_author_for_its_own_institution(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    pid = (await world.person(pup))["id"]
    await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
        headers=world.headers(ops),
    )
    mine = world.headers(pup, sub="doradca-1")
    etag = await _put(world, pid, "education_level", "primary", mine)
    etag = await _put(world, pid, "education_level", "secondary_general", mine, etag)
    removed = await world.client.delete(
        f"/v1/persons/{pid}/attributes/education_level", headers={**mine, "If-Match": etag}
    )
    assert removed.status_code == 204
    await _put(world, pid, "education_level", "higher", mine)

    own = await _history(world, pid, world.headers(pup), code="education_level")
    assert [(e["change"], e["value"]) for e in own] == [
        ("recorded", "higher"),
        ("removed", None),
        ("changed", "secondary_general"),
        ("recorded", "primary"),
    ]
    assert {e["changed_by"] for e in own} == {"doradca-1"}
    # The other registrant sees the non-sensitive history, not who typed it.
    theirs = await _history(world, pid, world.headers(ops))
    assert [e["value"] for e in theirs] == ["higher", None, "secondary_general", "primary"]
    assert {e["changed_by"] for e in theirs} == {None}
    assert {e["institution_id"] for e in theirs} == {str(pup.id)}
    # Paging walks the same order.
    first = await world.client.get(
        f"/v1/persons/{pid}/attribute-history", params={"limit": 3}, headers=world.headers(pup)
    )
    rest = await _history(world, pid, world.headers(pup), cursor=first.json()["next_cursor"], limit=3)
    assert [e["value"] for e in first.json()["items"] + rest] == [
        "higher",
        None,
        "secondary_general",
        "primary",
    ]


async def test_sensitive_history_follows_the_sensitive_data_rules_and_reads_are_audited(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    pid = (await world.person(pup))["id"]
    await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "a walk-in client of ours"},
        headers=world.headers(ops),
    )
    ops_headers = world.headers(ops)
    etag = await _put(world, pid, "disability_degree", "mild", ops_headers)
    await _put(world, pid, "disability_degree", "moderate", ops_headers, etag)
    await _put(world, pid, "social_assistance_status", "beneficiary", ops_headers)

    as_pup = await world.client.get(f"/v1/persons/{pid}/attribute-history", headers=world.headers(pup))
    assert [e["code"] for e in as_pup.json()["items"]] == ["social_assistance_status"]
    assert "moderate" not in as_pup.text and "mild" not in as_pup.text
    narrowed = await _history(world, pid, world.headers(pup), code="disability_degree")
    assert narrowed == []
    as_ops = await _history(world, pid, ops_headers, code="disability_degree")
    assert [e["value"] for e in as_ops] == ["moderate", "mild"] and as_ops[0]["sensitive"] is True
    # A referral receiver sees the sender's sensitive history only once it accepted a covering grant.
    ngo = world.inst("NGO")
    await world.grant(pid, ngo, sender=ops, service_type="supported_employment", covers_sensitive=True)
    before = await _history(world, pid, world.headers(ngo))
    assert "disability_degree" not in {e["code"] for e in before}
    await world.grant(
        pid,
        ngo,
        sender=ops,
        service_type="supported_employment",
        covers_sensitive=True,
        accepted=True,
        version=1,
    )
    after = await _history(world, pid, world.headers(ngo))
    assert [e["value"] for e in after if e["code"] == "disability_degree"] == ["moderate", "mild"]
    # An institution without access learns nothing, not even that the person exists.
    outsider = await world.client.get(
        f"/v1/persons/{pid}/attribute-history", headers=world.headers(world.inst("OPS", "1465011"))
    )
    assert outsider.status_code == 404
    reads = (
        await world.session.scalars(
            select(AccessLog).where(AccessLog.person_id == uuid.UUID(pid), AccessLog.action == "read")
        )
    ).all()
    assert {r.institution_id for r in reads} >= {pup.id, ops.id, ngo.id}


async def test_a_bad_code_filter_is_a_problem_and_anonymisation_erases_the_history(world):
    pup = world.inst("PUP")
    pid = (await world.person(pup))["id"]
    await _put(world, pid, "education_level", "primary", world.headers(pup))
    bad = await world.client.get(
        f"/v1/persons/{pid}/attribute-history", params={"code": "Robert'); DROP"}, headers=world.headers(pup)
    )
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
    from splot.clients.models import Person
    from splot.clients.retention import anonymise

    person = await world.session.get(Person, uuid.UUID(pid))
    await anonymise(world.session, person=person)
    left = await world.session.scalars(select(AttributeChange).where(AttributeChange.person_id == person.id))
    assert left.all() == []
