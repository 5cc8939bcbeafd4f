"""Issue #16: a referral's programme is a code of the directory's programme catalogue: checked
when set (unknown or inactive: 422), inherited by a forwarded referral unless the forward names
one, carried by the referral's events."""

from sqlalchemy import select

from splot.common.events import outbox_event

from conftest import create, referral_body, step


async def _payloads(session, referral_id: str) -> list[dict]:
    return list(
        (
            await session.scalars(
                select(outbox_event.c.payload)
                .where(outbox_event.c.aggregate_id == referral_id)
                .order_by(outbox_event.c.seq)
            )
        ).all()
    )


async def test_a_referral_belongs_to_an_active_programme(client, world, session):
    sent, _ = await create(client, world, programme="PAI")
    assert sent["programme"] == "PAI"
    read = await client.get(f"/v1/referrals/{sent['id']}", headers=world.headers(world.ops_co))
    assert read.json()["programme"] == "PAI"
    assert [p["referral"]["programme"] for p in await _payloads(session, sent["id"])] == ["PAI"]
    for code in ("NOPE", "OLD-EU"):  # unknown; no longer active
        response = await client.post(
            "/v1/referrals", json=referral_body(world, programme=code), headers=world.headers(world.pup_cw)
        )
        assert response.status_code == 422, response.text
        assert response.json()["code"] == "unknown_programme" and response.json()["programme"] == code
    bad = await client.post(
        "/v1/referrals", json=referral_body(world, programme="no spaces"), headers=world.headers(world.pup_cw)
    )
    assert bad.status_code == 422


async def test_a_draft_changes_its_programme_within_the_catalogue(client, world):
    draft, etag = await create(client, world, send=False)
    assert draft["programme"] is None
    refused = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"programme": "OLD-EU"},
        headers=world.headers(world.pup_cw, **{"If-Match": etag}),
    )
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_programme"
    changed = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"programme": "CIS-REINTEGRACJA"},
        headers=world.headers(world.pup_cw, **{"If-Match": etag}),
    )
    assert changed.status_code == 200 and changed.json()["programme"] == "CIS-REINTEGRACJA"


async def test_a_programme_deactivated_later_stays_on_the_referral(client, world, peers):
    sent, etag = await create(client, world, programme="PAI")
    peers.programme_catalogue.pop("PAI")
    accepted, _ = await step(client, world, world.ops_cw, sent, etag, "accept")
    assert accepted["programme"] == "PAI"


async def _forward(client, world, peers, root, etag, **extra):
    peers.add_consent(world.person, world.ngo)
    return await client.post(
        f"/v1/referrals/{root['id']}/forward",
        json={
            "target_institution_id": str(world.ngo),
            "service_type_code": "kis",
            "legal_basis": {"kind": "consent"},
            **extra,
        },
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )


async def test_a_forwarded_referral_inherits_the_programme_unless_given(client, world, peers, session):
    root, etag = await create(client, world, programme="PAI")
    root, etag = await step(client, world, world.ops_cw, root, etag, "accept")
    inherited = await _forward(client, world, peers, root, etag)
    assert inherited.status_code == 201, inherited.text
    assert inherited.json()["programme"] == "PAI"
    assert (await _payloads(session, inherited.json()["id"]))[0]["referral"]["programme"] == "PAI"

    root, etag = await create(client, world, programme="PAI")
    root, etag = await step(client, world, world.ops_cw, root, etag, "accept")
    unknown = await _forward(client, world, peers, root, etag, programme="NOPE")
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_programme"
    own = await _forward(client, world, peers, root, etag, programme="CIS-REINTEGRACJA")
    assert own.status_code == 201 and own.json()["programme"] == "CIS-REINTEGRACJA"


async def test_without_the_directory_a_programme_cannot_be_checked(client, world, peers):
    peers.down.add("programmes")
    response = await client.post(
        "/v1/referrals", json=referral_body(world, programme="PAI"), headers=world.headers(world.pup_cw)
    )
    assert response.status_code == 503
    plain = await client.post("/v1/referrals", json=referral_body(world), headers=world.headers(world.pup_cw))
    assert plain.status_code == 201  # no programme: no call
