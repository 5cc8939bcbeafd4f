"""Demo data: deterministic, valid PESELs, idempotent, with the events the API would emit."""

import uuid

from sqlalchemy import func, select
from stdnum.pl import pesel

from splot.clients.demo import DemoInstitutionRef, demo_id, seed
from splot.clients.models import AttributeDefinition, CaseAttribute, Consent, Person, Registration
from splot.common.events import outbox_event

NS = uuid.UUID("5b1e7a52-4f0e-4c7e-9a53-7370c0d0e001")
REFS = [
    DemoInstitutionRef(uuid.uuid5(NS, f"institution:{key}"), key, type_, teryt)
    for key, type_, teryt in [
        ("pup-wieliczka", "PUP", "1219053"),
        ("mgops-wieliczka", "OPS", "1219053"),
        ("cus-gdow", "CUS", "1219022"),
        ("gup-krakow", "PUP", "1261011"),
        ("fundacja-wspolny-krok", "NGO", "1219053"),
        ("stowarzyszenie-nowy-start", "CIS", "1219043"),
        ("wup-krakow", "WUP", "1261011"),
        ("ministerstwo", "MINISTRY", "1465011"),
    ]
]


async def test_seed_is_deterministic_valid_and_idempotent(session, client, tokens):
    result = await seed(session, institutions=REFS)
    assert result.created is True and len(result.persons) == 300
    assert result.persons[0].id == demo_id("person", "person-0000")
    by_id = {r.id: r for r in REFS}
    assert {by_id[p.institution_id].type for p in result.persons} <= {"PUP", "OPS", "CUS", "NGO", "CIS"}
    assert {"PUP", "OPS"} <= {by_id[p.institution_id].type for p in result.persons}
    pesels = (await session.scalars(select(Person.pesel).where(Person.pesel.is_not(None)))).all()
    assert len(pesels) > 250 and len(set(pesels)) == len(pesels)
    assert all(pesel.is_valid(p) for p in pesels)
    births = (await session.execute(select(Person.pesel, Person.birth_date, Person.sex))).all()
    assert all(pesel.get_birth_date(p) == b and pesel.get_gender(p) == s for p, b, s in births if p)
    sensitive = await session.scalar(
        select(func.count())
        .select_from(CaseAttribute)
        .join(AttributeDefinition, AttributeDefinition.code == CaseAttribute.code)
        .where(AttributeDefinition.sensitive.is_(True))
    )
    assert sensitive > 0
    assert await session.scalar(select(func.count()).select_from(Consent)) > 20
    shared = await session.scalar(
        select(func.count()).select_from(
            select(Registration.person_id)
            .group_by(Registration.person_id)
            .having(func.count() > 1)
            .subquery()
        )
    )
    assert shared > 5
    created_events = await session.scalar(
        select(func.count()).select_from(outbox_event).where(outbox_event.c.type == "person.created")
    )
    assert created_events == 300
    again = await seed(session, institutions=REFS)
    assert again.created is False and again.persons == result.persons
    assert await session.scalar(select(func.count()).select_from(Person)) == 300
    # The registering PUP sees its persons through the API.
    pup = REFS[0]
    headers = tokens.headers(institution_id=pup.id, institution_type="PUP", roles=["caseworker"])
    mine = [p for p in result.persons if p.institution_id == pup.id]
    response = await client.get(f"/v1/persons/{mine[0].id}", headers=headers)
    assert response.status_code == 200 and response.json()["registered_by_institution_id"] == str(pup.id)


def test_seed_plan_does_not_depend_on_the_run():
    from splot.clients.demo import _plan

    first = [(p.person["pesel"], p.person["last_name"]) for p in _plan(REFS)]
    assert first == [(p.person["pesel"], p.person["last_name"]) for p in _plan(REFS)]
