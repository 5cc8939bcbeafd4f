"""Person search by name: a prefix of any name word, diacritics folded, read from the name-token
index that follows every write of the names (create, rename, merge, undo, import, anonymisation)."""

import random
import uuid
from datetime import date, timedelta

from sqlalchemy import or_, select, update

from splot.clients.identity import make_pesel, name_tokens, next_prefix, normalise_name
from splot.clients.models import Person, PersonNameToken, Registration
from splot.clients.retention import anonymise_due
from splot.common.db import utcnow

from conftest import PESEL_ANNA, PESEL_JAN

NO_PESEL = {"pesel": None, "birth_date": "1985-03-14", "sex": "F"}


async def _search(world, headers, q):
    response = await world.client.get("/v1/persons", params={"q": q, "limit": 200}, headers=headers)
    assert response.status_code == 200, response.text
    return [p["id"] for p in response.json()["items"]]


async def _tokens(world, person_id):
    return sorted(
        (
            await world.session.scalars(
                select(PersonNameToken.token).where(PersonNameToken.person_id == uuid.UUID(str(person_id)))
            )
        ).all()
    )


def test_name_tokens_are_the_first_given_name_and_every_surname_word():
    assert name_tokens("anna maria", "nowak kowalska") == ["anna", "nowak", "kowalska"]
    assert name_tokens("jan", "jan") == ["jan"]
    assert name_tokens(None, None) == []
    assert next_prefix("kow") == "kox" and next_prefix("z") == "{"


async def test_search_finds_a_prefix_of_any_surname_word_with_diacritics_folded(world):
    pup = world.inst("PUP")
    headers = world.headers(pup)
    anna = await world.person(pup, first_name="Anna Maria", last_name="Nowak-Żółkiewska")
    jan = await world.person(pup, pesel=PESEL_JAN, first_name="Jan", last_name="Zielony")
    for q in ("now", "zolk", "ŻÓŁKIEWSKA", "anna", "an now", "anna nowak-zolkiewska"):
        assert await _search(world, headers, q) == [anna["id"]], q
    assert await _search(world, headers, "maria") == []  # a second given name is not a search word
    assert await _search(world, headers, "kiewska") == []  # a prefix, not any substring
    assert await _search(world, headers, "z z") == [anna["id"], jan["id"]]  # by surname: nowak…, zielony
    assert await _tokens(world, anna["id"]) == ["anna", "nowak", "zolkiewska"]
    refused = await world.client.get("/v1/persons", params={"q": "--"}, headers=headers)
    assert refused.status_code == 422 and refused.json()["code"] == "invalid_query"


async def test_search_follows_a_rename(world):
    pup = world.inst("PUP")
    headers = world.headers(pup)
    person = await world.person(pup)
    url = f"/v1/persons/{person['id']}"
    etag = (await world.client.get(url, headers=headers)).headers["etag"]
    renamed = await world.client.patch(
        url, json={"last_name": "Dąbrowska"}, headers={**headers, "If-Match": etag}
    )
    assert renamed.status_code == 200, renamed.text
    assert await _search(world, headers, "kowal") == []
    assert await _search(world, headers, "dabrow") == [person["id"]]
    assert await _tokens(world, person["id"]) == ["anna", "dabrowska"]


async def test_search_after_a_merge_and_its_undo(world):
    pup = world.inst("PUP")
    coordinator = world.headers(pup, "coordinator")
    survivor = await world.person(pup, last_name="Kowalska")
    merged = await world.person(
        pup, **NO_PESEL, last_name="Kowalska-Wrona", override_reason="unsure, will merge"
    )
    done = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": merged["id"],
            "reason": "same person: checked the ID card at the desk",
            "take_from_merged": ["last_name"],
        },
        headers=coordinator,
    )
    assert done.status_code == 201, done.text
    assert await _search(world, coordinator, "wrona") == [survivor["id"]]
    assert await _tokens(world, merged["id"]) == []  # the merged record's names are cleared
    undone = await world.client.post(
        f"/v1/persons/merges/{done.json()['merge']['id']}/undo",
        json={"reason": "merged by mistake: two different persons"},
        headers=coordinator,
    )
    assert undone.status_code == 200, undone.text
    assert sorted(await _search(world, coordinator, "kowalska")) == sorted([survivor["id"], merged["id"]])
    assert await _search(world, coordinator, "wrona") == [merged["id"]]


async def test_import_writes_and_renames_search_words(world):
    pup = world.inst("PUP")
    headers = world.headers(pup, "coordinator")
    header = "external_id;pesel;first_name;last_name;birth_date;sex;gmina;phone\n"
    for last in ("Wiśniewska", "Lewandowska"):
        job = await world.client.post(
            "/v1/imports",
            content=f"{header}A-1;{PESEL_ANNA};Anna;{last};;;1219053;\n".encode(),
            headers={**headers, "Content-Type": "text/csv"},
        )
        assert job.status_code == 202, job.text
    [found] = await _search(world, headers, "lewand")
    assert await _search(world, headers, "wisn") == []
    assert await _tokens(world, found) == ["anna", "lewandowska"]


async def test_anonymisation_removes_the_search_words(world):
    pup = world.inst("PUP")
    person = await world.person(pup)
    await world.session.execute(
        update(Person)
        .where(Person.id == uuid.UUID(person["id"]))
        .values(last_activity_at=utcnow() - timedelta(days=11))
    )
    from splot.clients.config import ClientsSettings

    assert await anonymise_due(world.session, settings=ClientsSettings(retention_days=10)) == [
        uuid.UUID(person["id"])
    ]
    await world.session.flush()
    assert await _tokens(world, person["id"]) == []


async def test_results_are_those_of_the_former_like_query_on_a_sample(world):
    """The token index answers exactly what ``LIKE 'x%' OR LIKE '% x%'`` on the normalised names
    answered (first name: its start only)."""
    pup = world.inst("PUP")
    rng = random.Random(17)  # noqa: S311 - test data
    firsts = ["Anna", "Anna Maria", "Łucja", "Jan", "Józef", "Zofia Ewa", "Kazimierz"]
    lasts = ["Kowalska", "Nowak-Kowalska", "Żółć", "Zieliński", "Kowal", "de la Cruz", "Wiśniewska Nowak"]
    for i in range(60):
        born = date(1960, 1, 1) + timedelta(days=i * 97)
        first, last = rng.choice(firsts), rng.choice(lasts)
        person = Person(
            pesel=make_pesel(born, "F", i),
            first_name=first,
            last_name=last,
            first_name_norm=normalise_name(first),
            last_name_norm=normalise_name(last),
            birth_date=born,
            birth_year=born.year,
            sex="F",
            registered_by_institution_id=pup.id,
        )
        world.session.add(person)
        await world.session.flush()
        world.session.add(
            Registration(person_id=person.id, institution_id=pup.id, registered_by="test", how="created")
        )
    await world.session.flush()
    headers = world.headers(pup)
    for q in ("kow", "kowalska", "nowak", "z z", "zol", "anna", "maria", "la cr", "de", "cruz", "j k", "ewa"):
        old = select(Person.id).where(Person.registered_by_institution_id == pup.id)
        for token in normalise_name(q).split():
            old = old.where(
                or_(
                    Person.first_name_norm.startswith(token),
                    Person.last_name_norm.startswith(token),
                    Person.last_name_norm.contains(" " + token),
                )
            )
        expected = {str(i) for i in (await world.session.scalars(old)).all()}
        assert set(await _search(world, headers, q)) == expected, q
