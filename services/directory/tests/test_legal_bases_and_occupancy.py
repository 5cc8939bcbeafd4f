"""Issue #13: the legal-basis catalogue (reference data any caller may read, filtered by
institution and service type) and the places referrals occupy in offers (delivered by the
referrals service only; idempotent by the referral's version)."""

import uuid

import pytest
from sqlalchemy import select

from splot.common.events import outbox_event
from splot.directory.models import LegalBasis, ServiceOffer, ServiceType
from splot.directory.schemas import InstitutionType

OCCUPANCY = "directory:occupancy"


async def test_the_catalogue_is_read_by_any_caller(client, factory, tokens):
    ngo = await factory.user(await factory.institution("NGO"))
    institution_client = tokens.headers(ptype="client", roles=(), scope="referrals:write")
    for headers in (factory.headers(ngo), institution_client, tokens.service_headers("referrals", "")):
        response = await client.get("/v1/legal-bases", headers=headers)
        assert response.status_code == 200, response.text
    assert (await client.get("/v1/legal-bases")).status_code == 401
    items = response.json()["items"]
    by_code = {i["code"]: i for i in items}
    assert by_code["ups_art108_contract"]["citation"] == "art. 108 ustawy o pomocy społecznej"
    assert by_code["uzs_art12_cis"]["citation"] == "art. 12 ust. 1 ustawy o zatrudnieniu socjalnym"
    # Provisions of the 2025 labour-market act are cited by the act and the task.
    assert by_code["rp_pup_services"]["article"] is None
    assert by_code["rp_pup_services"]["citation"] == (
        "ustawa o rynku pracy i służbach zatrudnienia: Usługi rynku pracy powiatowego urzędu pracy: "
        "pośrednictwo pracy i poradnictwo zawodowe"
    )
    assert by_code["rp_pup_services"]["act_journal"] == "Dz.U. 2025 poz. 620"
    assert by_code["upz_art62a_pai"]["active"] is False


async def test_the_seeded_catalogue_is_consistent(session):
    service_types = set((await session.scalars(select(ServiceType.code))).all())
    bases = (await session.scalars(select(LegalBasis))).all()
    assert len(bases) >= 15
    institution_types = {t.value for t in InstitutionType}
    for basis in bases:
        assert basis.institution_types and set(basis.institution_types) <= institution_types, basis.code
        assert set(basis.service_types) <= service_types, basis.code
        assert basis.title_pl and basis.title_en and basis.act_title.startswith("Ustawa z dnia")
        assert len(basis.citation) <= 300, basis.code  # what a referral keeps of it


async def test_filters_by_institution_type_service_type_and_active(client, factory):
    headers = factory.headers(await factory.user(await factory.institution()))

    async def codes(**params) -> set[str]:
        response = await client.get("/v1/legal-bases", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return {i["code"] for i in response.json()["items"]}

    pup_social_work = await codes(institution_type="PUP", service_type="social_work", active="true")
    assert "rp_pup_referral_to_social_services" in pup_social_work
    assert "ups_art45_social_work" not in pup_social_work  # a task of social assistance
    ops_cis = await codes(institution_type="OPS", service_type="cis")
    assert {"uzs_art12_cis", "ups_social_assistance"} <= ops_cis  # the general task covers every service type
    assert "rp_pup_services" not in ops_cis
    assert "upz_art62a_pai" not in await codes(active="true")
    assert "upz_art62a_pai" in await codes(active="false")
    for bad in ({"institution_type": "XYZ"}, {"service_type": "Not A Code"}, {"kind": "x"}):
        response = await client.get("/v1/legal-bases", params=bad, headers=headers)
        assert response.status_code == 422, bad


# ---------------------------------------------------------------------------------------------
# Occupancy


@pytest.fixture
async def offer(session, factory) -> ServiceOffer:
    inst = await factory.institution("NGO")
    offer = ServiceOffer(
        institution_id=inst.id,
        service_type_code="kis",
        name="KIS",
        teryt=inst.teryt,
        capacity_available=2,
        capacity_max=3,
    )
    session.add(offer)
    await session.flush()
    return offer


def _state(offer_id, occupying: bool, version: int) -> dict:
    return {"offer_id": str(offer_id), "occupying": occupying, "version": version}


async def test_only_the_referrals_service_reports_occupancy(client, factory, sysadmin, tokens, offer):
    url = f"/v1/internal/offer-occupancy/{uuid.uuid4()}"
    body = _state(offer.id, True, 2)
    staff = await factory.user(await factory.institution("NGO"), "coordinator")
    refused = (
        factory.headers(staff),
        factory.headers(sysadmin),
        tokens.headers(ptype="client", roles=(), scope=f"directory:read offers:write {OCCUPANCY}"),
        tokens.service_headers("referrals", "directory:read clients:internal"),
    )
    for headers in refused:
        response = await client.put(url, json=body, headers=headers)
        assert response.status_code == 403 and response.json()["code"] == "service_token_required"
    assert (await client.put(url, json=body)).status_code == 401
    ok = await client.put(url, json=body, headers=tokens.service_headers("referrals", OCCUPANCY))
    assert ok.status_code == 200, ok.text


async def test_occupancy_follows_the_referrals_and_moves_free_places(client, tokens, offer, session):
    headers = tokens.service_headers("referrals", OCCUPANCY)
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()

    async def put(referral_id, occupying, version):
        response = await client.put(
            f"/v1/internal/offer-occupancy/{referral_id}",
            json=_state(offer.id, occupying, version),
            headers=headers,
        )
        assert response.status_code == 200, response.text
        return response.json()

    taken = await put(first, True, 2)
    assert (taken["applied"], taken["occupied"], taken["capacity_available"]) == (True, 1, 1)
    repeated = await put(first, True, 2)
    assert (repeated["applied"], repeated["occupied"], repeated["capacity_available"]) == (False, 1, 1)
    assert (await put(second, True, 3))["capacity_available"] == 0
    full = await put(third, True, 2)
    assert (full["occupied"], full["capacity_available"]) == (3, 0)  # never below 0
    freed = await put(first, False, 5)
    assert (freed["occupied"], freed["capacity_available"]) == (2, 1)
    stale = await put(first, True, 3)  # an older state arriving late changes nothing
    assert (stale["applied"], stale["occupying"], stale["version"], stale["occupied"]) == (False, False, 5, 2)
    await put(second, False, 6)
    back = await put(third, False, 4)
    assert (back["occupied"], back["capacity_available"]) == (0, 3)  # never above the maximum

    read = await client.get(f"/v1/offers/{offer.id}", headers=headers)
    assert read.json()["occupied"] == 0 and read.json()["capacity_available"] == 3
    events = (
        await session.execute(
            select(outbox_event.c.payload).where(
                outbox_event.c.type == "offer.capacity_changed",
                outbox_event.c.aggregate_id == str(offer.id),
            )
        )
    ).all()
    assert len(events) == 6  # one per place taken or freed, none for repeats


async def test_an_offer_with_only_a_maximum_gets_its_free_places(client, tokens, offer, session):
    offer.capacity_available = None
    await session.flush()
    response = await client.put(
        f"/v1/internal/offer-occupancy/{uuid.uuid4()}",
        json=_state(offer.id, True, 2),
        headers=tokens.service_headers("referrals", OCCUPANCY),
    )
    assert response.json()["capacity_available"] == 2


async def test_unknown_offers_and_bad_states_are_refused(client, tokens, offer, session):
    headers = tokens.service_headers("referrals", OCCUPANCY)
    url = f"/v1/internal/offer-occupancy/{uuid.uuid4()}"
    unknown = await client.put(url, json=_state(uuid.uuid4(), True, 2), headers=headers)
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_offer"
    for body in (
        {**_state(offer.id, True, 2), "occupying": "yes"},
        {**_state(offer.id, True, 2), "version": 0},
        {**_state(offer.id, True, 2), "extra": 1},
    ):
        assert (await client.put(url, json=body, headers=headers)).status_code == 422
    await client.put(url, json=_state(offer.id, True, 2), headers=headers)
    another = ServiceOffer(
        institution_id=offer.institution_id, service_type_code="kis", name="KIS 2", teryt=offer.teryt
    )
    session.add(another)
    await session.flush()
    moved = await client.put(url, json=_state(another.id, True, 3), headers=headers)
    assert moved.status_code == 409 and moved.json()["code"] == "offer_mismatch"
