"""Races on a real database: the same person registered, a second registration, an attribute and an
edit with one If-Match, each sent many times at once. The database keeps one; every other answer
is a 409 or 412 problem document, never a 500. Fired in parallel on PostgreSQL (SQLite has one
writer at a time and serialises them, which the other tests cover)."""

import asyncio
import os
import uuid
from datetime import date

import httpx
import pytest
from sqlalchemy import func, select

from splot.clients.identity import make_pesel
from splot.clients.models import CaseAttribute, Person, Registration

pytestmark = pytest.mark.skipif(
    not os.environ.get("SPLOT_TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="parallel writers need PostgreSQL (SQLite has one writer)",
)
PARALLEL = 8


@pytest.fixture
async def http(committed_app):
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://race") as client:
        yield client


def _headers(tokens, institution_id, institution_type="PUP", role="caseworker"):
    return tokens.headers(
        roles=[role], institution_id=institution_id, institution_type=institution_type, teryt="1219"
    )


def _fresh_pesel() -> str:
    n = uuid.uuid4().int
    return make_pesel(date(1970 + n % 40, 1 + n // 40 % 12, 1 + n // 480 % 28), "F", n // 13440 % 1000)


async def _count(committed_app, stmt) -> int:
    async with committed_app.state.sessionmaker() as session:
        return int((await session.execute(stmt)).scalar_one())


def _only_conflicts(responses, winners: int = 1) -> list[httpx.Response]:
    statuses = sorted(r.status_code for r in responses)
    assert 500 not in statuses, [r.text for r in responses if r.status_code == 500]
    ok = [r for r in responses if r.status_code in (200, 201)]
    assert len(ok) == winners, statuses
    for loser in responses:
        if loser not in ok:
            # 409: the database kept another's row; 412: another's edit came first; 428: the row
            # existed by the time this one looked, and changing it needs its ETag.
            assert loser.status_code in (409, 412, 428), loser.text
            assert loser.headers["content-type"] == "application/problem+json"
    return ok


async def test_one_person_registered_at_once_in_many_places_is_one_record(committed_app, http, tokens):
    pesel = _fresh_pesel()
    body = {"pesel": pesel, "first_name": "Ewa", "last_name": "Wyścig", "gmina": "1219053"}
    responses = await asyncio.gather(
        *(
            http.post("/v1/persons", json=body, headers=_headers(tokens, uuid.uuid4()))
            for _ in range(PARALLEL)
        )
    )
    _only_conflicts(responses)
    assert (
        await _count(committed_app, select(func.count()).select_from(Person).where(Person.pesel == pesel))
        == 1
    )


async def test_one_institution_registering_a_person_twice_at_once_keeps_one_registration(
    committed_app, http, tokens
):
    owner = uuid.uuid4()
    pesel = _fresh_pesel()
    person = await http.post(
        "/v1/persons",
        json={"pesel": pesel, "first_name": "Ala", "last_name": "Rejestr"},
        headers=_headers(tokens, owner),
    )
    assert person.status_code == 201
    ops = uuid.uuid4()
    responses = await asyncio.gather(
        *(
            http.post(
                f"/v1/persons/{person.json()['id']}/registrations",
                json={"pesel": pesel, "reason": "a walk-in client of ours"},
                headers=_headers(tokens, ops, "OPS"),
            )
            for _ in range(PARALLEL)
        )
    )
    statuses = [r.status_code for r in responses]
    assert 500 not in statuses and set(statuses) <= {200, 201, 409}, statuses
    registrations = await _count(
        committed_app,
        select(func.count()).select_from(Registration).where(Registration.institution_id == ops),
    )
    assert registrations == 1


async def test_an_attribute_written_at_once_by_two_colleagues_is_one_value(committed_app, http, tokens):
    pup = uuid.uuid4()
    person = await http.post(
        "/v1/persons",
        json={"pesel": _fresh_pesel(), "first_name": "Ola", "last_name": "Atrybut"},
        headers=_headers(tokens, pup),
    )
    url = f"/v1/persons/{person.json()['id']}/attributes/education_level"
    responses = await asyncio.gather(
        *(http.put(url, json={"value": "higher"}, headers=_headers(tokens, pup)) for _ in range(PARALLEL))
    )
    _only_conflicts(responses)
    count = select(func.count()).select_from(CaseAttribute).where(CaseAttribute.institution_id == pup)
    assert await _count(committed_app, count) == 1


async def test_edits_with_one_if_match_at_once_change_the_record_once(committed_app, http, tokens):
    pup = uuid.uuid4()
    person = await http.post(
        "/v1/persons",
        json={"pesel": _fresh_pesel(), "first_name": "Iga", "last_name": "Wersja"},
        headers=_headers(tokens, pup),
    )
    etag = person.headers["etag"]
    responses = await asyncio.gather(
        *(
            http.patch(
                f"/v1/persons/{person.json()['id']}",
                json={"city": f"Miasto {n}"},
                headers={**_headers(tokens, pup), "If-Match": etag},
            )
            for n in range(PARALLEL)
        )
    )
    [winner] = _only_conflicts(responses)
    assert winner.json()["version"] == person.json()["version"] + 1


async def test_one_access_request_asked_and_decided_at_once_counts_once(committed_app, http, tokens):
    owner, ngo = uuid.uuid4(), uuid.uuid4()
    n = uuid.uuid4().int
    born = date(1960 + n % 40, 1 + n // 40 % 12, 1 + n // 480 % 28).isoformat()
    name = {"first_name": "Ola", "last_name": f"Prośba{n % 10**6}"}
    created = await http.post(
        "/v1/persons",
        json={**name, "birth_date": born, "sex": "F"},
        headers=_headers(tokens, owner),
    )
    assert created.status_code == 201
    refused = await http.post(
        "/v1/persons", json={**name, "birth_date": born, "sex": "F"}, headers=_headers(tokens, ngo, "NGO")
    )
    candidate = refused.json()["hidden_candidates"][0]["candidate_id"]
    body = {"candidate_id": candidate, "reason": "she came to us for a training course"}
    asked = await asyncio.gather(
        *(
            http.post("/v1/access-requests", json=body, headers=_headers(tokens, ngo, "NGO"))
            for _ in range(PARALLEL)
        )
    )
    [request] = _only_conflicts(asked)
    url = f"/v1/access-requests/{request.json()['id']}"
    decided = await asyncio.gather(
        *(
            http.post(f"{url}/approve", json={}, headers=_headers(tokens, owner))
            if i % 2
            else http.post(
                f"{url}/decline", json={"reason": "not our client, sorry"}, headers=_headers(tokens, owner)
            )
            for i in range(PARALLEL)
        )
    )
    [decision] = _only_conflicts(decided)
    registrations = await _count(
        committed_app,
        select(func.count()).select_from(Registration).where(Registration.institution_id == ngo),
    )
    assert registrations == (1 if decision.json()["state"] == "approved" else 0)
