"""Issue #16: ``programme`` as a reporting dimension. Referral events carry the programme code;
ingestion keeps it on the fact (and on casework plans and partnerships), the aggregate API
groups and filters by it from the programme cube (no programme: ``none``) with the usual
small-cell protection, a rebuild keeps it, and the catalogue names the programmes from the
directory's catalogue."""

import uuid

from sqlalchemy import select

from splot.reporting import consumer
from splot.reporting.ingestion import IngestContext
from splot.reporting.models import CaseworkPlanFact, PartnershipDim, ReferralFact
from splot.reporting.programmes import ProgrammeRef
from splot.reporting.sources import Sources, StaticServiceTypes

from casework_sample import Casework
from sample import CATALOGUE, Feeds, ingest

PROGRAMMES = [
    {"code": "PAI", "name": "Program Aktywizacja i Integracja", "kind": "joint_activation", "active": True},
    {"code": "CIS-REINTEGRACJA", "name": "Reintegracja w CIS", "kind": "cis_kis", "active": True},
]


class Catalogue(StaticServiceTypes):
    async def programmes(self):
        return [dict(p) for p in PROGRAMMES]


class ProgrammeFeeds(Feeds):
    def sources(self) -> Sources:
        return Sources(feeds=[self.directory, self.clients, self.referrals], catalogue=Catalogue(CATALOGUE))


def _feeds() -> tuple[ProgrammeFeeds, dict]:
    """In powiat 1219 in March 2025: 12 PUP→OPS referrals in PAI, 2 in the CIS programme, 6 with
    none; 3 of the PAI ones accepted."""
    f = ProgrammeFeeds()
    pup = f.institution("PUP", "1219053", "PUP Wieliczka")
    ops = f.institution("OPS", "1219053", "MOPS Wieliczka")
    person = f.person(1980, "F", "1219053", pup)
    counts = {"PAI": 12, "CIS-REINTEGRACJA": 2, None: 6}
    refs = {}
    for programme, n in counts.items():
        refs[programme] = []
        for day in range(n):
            ref = f.referral(pup, ops, person, "social_work")
            ref.snapshot["programme"] = programme
            ref.send(f"2025-03-{day + 3:02d}")
            refs[programme].append(ref)
    for ref in refs["PAI"][:3]:
        ref.accept("2025-03-25")
    return f, {"pup": pup, "ops": ops, "person": person, "refs": refs}


async def _aggregate(client, headers, **params):
    response = await client.get("/v1/aggregate", params={"granularity": "month", **params}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_ingestion_fills_the_programme_and_the_names(sessionmaker, session, settings):
    feeds, world = _feeds()
    await ingest(sessionmaker, feeds, settings)
    facts = (await session.scalars(select(ReferralFact))).all()
    by_programme: dict[str | None, int] = {}
    for fact in facts:
        by_programme[fact.programme] = by_programme.get(fact.programme, 0) + 1
    assert by_programme == {"PAI": 12, "CIS-REINTEGRACJA": 2, None: 6}
    names = {r.code: r.name for r in (await session.scalars(select(ProgrammeRef))).all()}
    assert names["PAI"] == "Program Aktywizacja i Integracja"


async def test_the_aggregate_groups_and_filters_by_programme(client, sessionmaker, settings, analyst):
    feeds, _ = _feeds()
    await ingest(sessionmaker, feeds, settings)
    headers = analyst("1219")
    body = await _aggregate(client, headers, measures=["referrals", "accepted"], dimensions=["programme"])
    cells = {r["dimensions"]["programme"]: r["values"] for r in body["rows"] if r["period"] == "2025-03"}
    assert cells["PAI"]["referrals"] == {"value": 10, "suppressed": False}  # 12, rounded to 5
    assert cells["PAI"]["accepted"]["suppressed"] is True  # 3: a small cell
    assert cells["CIS-REINTEGRACJA"]["referrals"] == {"value": None, "suppressed": True}
    assert cells["none"]["referrals"] == {"value": 5, "suppressed": False}  # 6, rounded
    filtered = await _aggregate(client, headers, measures=["referrals"], programme="PAI")
    assert filtered["filters"] == {"programme": "PAI"}
    march = [r for r in filtered["rows"] if r["period"] == "2025-03"]
    assert march[0]["values"]["referrals"] == {"value": 10, "suppressed": False}
    none = await _aggregate(client, headers, measures=["referrals"], programme="none")
    assert [r["values"]["referrals"]["value"] for r in none["rows"] if r["period"] == "2025-03"] == [5]
    # With other dimensions too (from the same cube).
    by_route = await _aggregate(client, headers, measures=["referrals"], dimensions=["programme", "route"])
    assert {r["dimensions"]["route"] for r in by_route["rows"]} == {"PUP->OPS"}


async def test_the_programme_dimension_is_exact_for_the_institution_and_protected_otherwise(
    client, sessionmaker, settings, staff, analyst
):
    feeds, world = _feeds()
    await ingest(sessionmaker, feeds, settings)
    own = await _aggregate(
        client, staff(world["pup"], "coordinator"), measures=["referrals"], dimensions=["programme"]
    )
    cells = {r["dimensions"]["programme"]: r["values"]["referrals"] for r in own["rows"]}
    assert cells == {
        "PAI": {"value": 12, "suppressed": False},
        "CIS-REINTEGRACJA": {"value": 2, "suppressed": False},
        "none": {"value": 6, "suppressed": False},
    }
    # Differencing: the total minus the other programmes does not reveal the hidden cell exactly.
    total = await _aggregate(client, analyst("1219"), measures=["referrals"], period_from="2025-03")
    assert total["rows"][0]["values"]["referrals"]["value"] == 20


async def test_bad_programme_input_is_a_422(client, analyst):
    for params in (
        {"measures": "referrals", "programme": "bad code"},
        {"measures": "referrals", "programme": "x" * 41},
        {"measures": "referrals", "dimensions": ["programme"], "programme": "PAI"},
        {"measures": "median_response_days", "dimensions": ["programme"]},
    ):
        response = await client.get("/v1/aggregate", params=params, headers=analyst(""))
        assert response.status_code == 422, (params, response.text)


async def test_a_rebuild_keeps_the_programme(client, sessionmaker, settings, analyst):
    feeds, _ = _feeds()
    await ingest(sessionmaker, feeds, settings)
    await consumer.rebuild(
        sessionmaker, feeds.sources(), IngestContext.from_settings(settings), batch_size=50
    )
    body = await _aggregate(client, analyst(""), measures=["referrals"], dimensions=["programme"])
    assert {r["dimensions"]["programme"]: r["values"]["referrals"]["value"] for r in body["rows"]} == {
        "PAI": 10,
        "CIS-REINTEGRACJA": None,
        "none": 5,
    }


async def test_the_catalogue_names_the_programmes(client, sessionmaker, settings, analyst):
    feeds, _ = _feeds()
    await ingest(sessionmaker, feeds, settings)
    response = await client.get("/v1/catalogue", headers=analyst(""))
    dims = {d["name"]: d for d in response.json()["dimensions"]}
    assert dims["programme"]["labels"]["CIS-REINTEGRACJA"] == "Reintegracja w CIS"
    assert dims["sex"]["labels"] is None


async def test_plans_and_partnerships_keep_their_programme(sessionmaker, session, settings):
    feeds, world = _feeds()
    plan = Casework(feeds).plan(world["person"], world["ops"], "2025-03-01", programme="PAI")
    plain = Casework(feeds).plan(world["person"], world["ops"], "2025-03-02", programme=None)
    partnership_id = uuid.uuid4()
    feeds.partnership(
        "partnership.created",
        partnership_id,
        [world["ops"], world["pup"]],
        version=1,
        when="2025-03-01",
        programme="CIS-REINTEGRACJA",
    )
    await ingest(sessionmaker, feeds, settings)
    assert (await session.get(CaseworkPlanFact, plan.id)).programme == "PAI"
    assert (await session.get(CaseworkPlanFact, plain.id)).programme is None
    assert (await session.get(PartnershipDim, partnership_id)).programme == "CIS-REINTEGRACJA"
