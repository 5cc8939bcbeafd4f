"""Bulk import: CSV and JSON, idempotent upsert, matching by PESEL only, dry run, per-row problems."""

import json
import uuid
from datetime import date, timedelta

from sqlalchemy import func, select

from splot.clients.identity import make_pesel
from splot.clients.models import ImportRow, Person

from conftest import PESEL_ANNA, PESEL_JAN

HEADER = "external_id;pesel;first_name;last_name;birth_date;sex;gmina;phone\n"


def csv_rows(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


ROWS = csv_rows(
    f"A-1;{PESEL_ANNA};Anna;Kowalska;;;1219053;",
    f"A-2;{PESEL_JAN};Jan;Nowak;;;1219053;+48 600 000 001",
    "A-3;;Zofia;Wiśniewska;1970-02-03;F;1261011;",
    "A-4;12345678901;Zła;Osoba;;;;",  # invalid PESEL
    "A-5;;Brak;Daty;;F;;",  # no birth date without PESEL
)


async def _import(world, inst, content: bytes, media="text/csv", dry_run=False, headers=None):
    response = await world.client.post(
        "/v1/imports",
        content=content,
        params={"dry_run": str(dry_run).lower()},
        headers={**(headers or world.headers(inst, "coordinator")), "Content-Type": media},
    )
    assert response.status_code == 202, response.text
    return response.json()


async def _rows(world, inst, job_id, **params):
    response = await world.client.get(
        f"/v1/imports/{job_id}/rows", params=params, headers=world.headers(inst, "coordinator")
    )
    assert response.status_code == 200
    return response.json()["items"]


async def _count_persons(world):
    return await world.session.scalar(select(func.count()).select_from(Person))


async def test_csv_import_creates_rejects_with_problems_and_reports_progress(world):
    pup = world.inst("PUP")
    job = await _import(world, pup, ROWS)
    assert job["status"] == "completed" and job["total_rows"] == 5 and job["processed_rows"] == 5
    assert job["progress"] == 1.0 and job["source_format"] == "csv"
    assert job["counts"] == {"created": 3, "matched": 0, "updated": 0, "unchanged": 0, "rejected": 2}
    rows = await _rows(world, pup, job["id"])
    assert [r["outcome"] for r in rows] == ["created", "created", "created", "rejected", "rejected"]
    bad_pesel, no_date = rows[3]["problem"], rows[4]["problem"]
    assert bad_pesel["code"] == "validation_error" and bad_pesel["errors"][0]["loc"] == ["row", "pesel"]
    assert "12345678901" not in json.dumps(bad_pesel)
    assert no_date["code"] == "birth_date_required" and no_date["status"] == 422
    polled = await world.client.get(f"/v1/imports/{job['id']}", headers=world.headers(pup))
    assert polled.json()["counts"] == job["counts"]
    # The created persons are the institution's, with events and audit rows; the data of accepted
    # rows is erased, a rejected row's is kept (for the download of the rejected rows).
    listed = (await world.client.get("/v1/persons", headers=world.headers(pup))).json()["items"]
    assert {p["last_name"] for p in listed} == {"Kowalska", "Nowak", "Wiśniewska"}
    assert len(await world.events(type="person.created")) == 3
    kept = await world.session.scalars(select(ImportRow.row_number).where(ImportRow.data.is_not(None)))
    assert sorted(kept.all()) == [4, 5]
    rejected = await _rows(world, pup, job["id"], outcome="rejected")
    assert [r["row_number"] for r in rejected] == [4, 5]


async def test_reimport_is_idempotent_and_updates_changed_rows(world):
    pup = world.inst("PUP")
    await _import(world, pup, ROWS)
    before = await _count_persons(world)
    again = await _import(world, pup, ROWS)
    assert again["counts"] == {"created": 0, "matched": 0, "updated": 0, "unchanged": 3, "rejected": 2}
    changed = await _import(world, pup, csv_rows(f"A-2;{PESEL_JAN};Jan;Nowak-Zieliński;;;1261011;"))
    assert changed["counts"]["updated"] == 1
    assert await _count_persons(world) == before
    [row] = await _rows(world, pup, changed["id"])
    person = await world.client.get(f"/v1/persons/{row['person_id']}", headers=world.headers(pup))
    assert person.json()["last_name"] == "Nowak-Zieliński" and person.json()["gmina"] == "1261011"
    assert person.json()["phone"] == "+48 600 000 001"  # empty cells do not erase
    assert person.json()["version"] == 2
    conflict = await _import(world, pup, csv_rows(f"A-2;{PESEL_ANNA};Anna;Kowalska;;;;"))
    assert conflict["counts"]["rejected"] == 1
    assert (await _rows(world, pup, conflict["id"]))[0]["problem"]["code"] == "pesel_mismatch"


async def test_exact_pesel_matches_a_person_of_another_institution(world):
    ops, pup = world.inst("OPS"), world.inst("PUP")
    existing = await world.person(ops)
    job = await _import(world, pup, csv_rows(f"P-9;{PESEL_ANNA};Ania;Kowalska;;;;"))
    assert job["counts"]["matched"] == 1
    [row] = await _rows(world, pup, job["id"])
    assert row["person_id"] == existing["id"]
    person = await world.client.get(f"/v1/persons/{existing['id']}", headers=world.headers(pup))
    assert person.status_code == 200 and person.json()["first_name"] == "Anna"  # not overwritten
    # The external id now maps to that person: a re-import is an update, not a new match.
    again = await _import(world, pup, csv_rows(f"P-9;{PESEL_ANNA};Anna;Kowalska;;;;"))
    assert again["counts"]["unchanged"] == 1


async def test_similar_persons_without_pesel_are_refused_never_guessed(world):
    ops, pup = world.inst("OPS"), world.inst("PUP")
    await world.person(
        ops, pesel=None, birth_date="1970-02-03", sex="F", first_name="Zofia", last_name="Wisniewska"
    )
    job = await _import(world, pup, csv_rows("X-1;;Zofia;Wiśniewska;1970-02-03;F;;"))
    assert job["counts"] == {"created": 0, "matched": 0, "updated": 0, "unchanged": 0, "rejected": 1}
    [row] = await _rows(world, pup, job["id"])
    assert row["problem"]["code"] == "ambiguous_match" and row["person_id"] is None
    assert "Wisniewska" not in json.dumps(row)


async def test_dry_run_reports_without_writing(world):
    pup = world.inst("PUP")
    before = await _count_persons(world)
    twice = csv_rows(
        f"A-1;{PESEL_ANNA};Anna;Kowalska;;;;",
        f"A-1b;{PESEL_ANNA};Anna;Kowalska;;;;",
        "A-3;;Zofia;Wiśniewska;1970-02-03;F;;",
        "A-4;;Zofia;Wisniewska;1970-02-03;F;;",
    )
    job = await _import(world, pup, twice, dry_run=True)
    assert job["dry_run"] is True
    assert job["counts"] == {"created": 2, "matched": 1, "updated": 0, "unchanged": 0, "rejected": 1}
    assert await _count_persons(world) == before
    assert await world.events(type="person.created") == []
    real = await _import(world, pup, twice)
    assert real["counts"] == job["counts"]


async def test_a_dry_run_is_audited_like_a_lookup_and_needs_an_importing_role(world):
    """A dry run reveals no more than a real import (which registers the person it matches), and
    every match it reports is in the access log as an identity lookup."""
    owner, importer = world.inst("OPS"), world.inst("PUP")
    theirs = await world.person(owner)
    rows = csv_rows(f"X-1;{PESEL_ANNA};Anna;Kowalska;;;;", "X-2;;Nowa;Osoba;1990-01-01;F;;")
    for refused in (
        world.headers(importer),  # a caseworker
        world.system(importer, "clients:read"),  # a system that may only read
    ):
        response = await world.client.post(
            "/v1/imports",
            content=rows,
            params={"dry_run": "true"},
            headers={**refused, "Content-Type": "text/csv"},
        )
        assert response.status_code == 403, response.text
    job = await _import(world, importer, rows, dry_run=True)
    assert job["counts"]["matched"] == 1
    [match] = await world.log(theirs["id"], "import_dry_run_match")
    assert match.legal_basis == "identity_lookup" and match.institution_id == importer.id
    # The dry run registered nothing: the importer still does not see the person.
    assert (
        await world.client.get(f"/v1/persons/{theirs['id']}", headers=world.headers(importer))
    ).status_code == 404


async def test_json_body_and_multipart_upload(world):
    pup = world.inst("PUP")
    rows = [
        {
            "external_id": "J-1",
            "pesel": make_pesel(date(1990, 1, 1), "M", 1),
            "first_name": "Piotr",
            "last_name": "Lis",
        },
        {"external_id": "J-2", "first_name": "Bez", "last_name": "Danych", "colour": "red"},
    ]
    job = await _import(world, pup, json.dumps({"rows": rows}).encode(), media="application/json")
    assert job["source_format"] == "json"
    assert job["counts"]["created"] == 1 and job["counts"]["rejected"] == 1
    [_, extra] = await _rows(world, pup, job["id"])
    assert extra["problem"]["errors"][0]["loc"] == ["row", "colour"]
    plain_list = await _import(world, pup, json.dumps(rows[:1]).encode(), media="application/json")
    assert plain_list["counts"]["unchanged"] == 1
    not_objects = await world.client.post(
        "/v1/imports",
        content=json.dumps({"rows": [rows[0], "text"]}).encode(),
        headers={**world.headers(pup, "coordinator"), "Content-Type": "application/json"},
    )
    assert not_objects.status_code == 422 and not_objects.json()["code"] == "invalid_file"
    upload = await world.client.post(
        "/v1/imports",
        files={"file": ("export.csv", ROWS, "text/csv")},
        headers=world.system(pup, "clients:write"),
    )
    assert upload.status_code == 202, upload.text
    assert upload.json()["counts"]["created"] == 3


async def test_import_input_and_permissions(world):
    pup = world.inst("PUP")
    coordinator = world.headers(pup, "coordinator")
    cases = [
        (b"external_id;shoe_size\nA;42\n", "text/csv", 422, "unknown_columns"),
        (b"first_name\nAnna\n", "text/csv", 422, "missing_columns"),
        (b"", "text/csv", 422, "empty_import"),
        (b"{nope", "application/json", 400, "malformed_json"),
        (b'{"rows": []}', "application/json", 422, "empty_import"),
        (b"<rows/>", "application/xml", 415, "unsupported_media_type"),
    ]
    for content, media, status, code in cases:
        response = await world.client.post(
            "/v1/imports", content=content, headers={**coordinator, "Content-Type": media}
        )
        assert (response.status_code, response.json()["code"]) == (status, code), content
    caseworker = await world.client.post(
        "/v1/imports", content=ROWS, headers={**world.headers(pup), "Content-Type": "text/csv"}
    )
    assert caseworker.status_code == 403
    job = await _import(world, pup, ROWS)
    other = world.headers(world.inst("PUP"), "coordinator")
    assert (await world.client.get(f"/v1/imports/{job['id']}", headers=other)).status_code == 404
    assert (await world.client.get(f"/v1/imports/{job['id']}/rows", headers=other)).status_code == 404
    assert (await world.client.get("/v1/imports", headers=other)).json()["items"] == []
    assert [
        j["id"] for j in (await world.client.get("/v1/imports", headers=coordinator)).json()["items"]
    ] == [job["id"]]


async def test_background_processing_and_claiming(world, app):
    from sqlalchemy import update

    from splot.clients.imports import claim_job, run_job
    from splot.clients.models import ImportJob
    from splot.common.db import utcnow

    app.state.settings = app.state.settings.model_copy(update={"import_inline": False})
    pup = world.inst("PUP")
    response = await world.client.post(
        "/v1/imports", content=ROWS, headers={**world.headers(pup, "coordinator"), "Content-Type": "text/csv"}
    )
    assert response.status_code == 202 and response.json()["status"] == "queued"
    assert response.json()["processed_rows"] == 0
    job_id = response.json()["id"]
    # The background task ran after the response: poll the job.
    polled = (await world.client.get(f"/v1/imports/{job_id}", headers=world.headers(pup))).json()
    assert polled["status"] == "completed" and polled["progress"] == 1.0 and polled["counts"]["created"] == 3
    # A finished job is never claimed again; an abandoned running one is, by another worker.
    settings = app.state.settings
    assert await claim_job(world.session, job_id=uuid_of(job_id), settings=settings) is False
    await world.session.execute(
        update(ImportJob).values(status="running", heartbeat_at=utcnow() - timedelta(hours=1))
    )
    assert await claim_job(world.session, job_id=uuid_of(job_id), settings=settings) is True
    assert await claim_job(world.session, job_id=uuid_of(job_id), settings=settings) is False
    await run_job(app.state.sessionmaker, uuid_of(job_id), settings)  # not claimable: a no-op
    assert await _count_persons(world) == 3


def uuid_of(value: str) -> uuid.UUID:
    return uuid.UUID(value)
