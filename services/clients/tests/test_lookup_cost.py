"""The global identity lookup (``POST /v1/persons/lookup``): what it writes to the access log,
column by column, and what it costs the database — the statements of one lookup, counted with a
SQLAlchemy ``before_cursor_execute`` listener (a regression bound on behaviour, issue #17, not a
timing). On PostgreSQL the search and its audit rows are one statement."""

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from splot.clients.models import AccessLog
from splot.common.statement_log import recorded_statements

from conftest import PESEL_ANNA, PESEL_JAN

#: Statements of one lookup (the tests' SAVEPOINTs stand for BEGIN/COMMIT and are not counted).
BOUND = {"postgresql": 1, "sqlite": 2}
LOG_COLUMNS = [c.name for c in AccessLog.__table__.columns]


@pytest.fixture
def statements(engine):
    with recorded_statements(engine) as seen:
        yield seen


async def _rows(world, request_id: str) -> list[dict]:
    rows = (
        await world.session.scalars(
            select(AccessLog).where(AccessLog.request_id == request_id).order_by(AccessLog.person_id)
        )
    ).all()
    return [{name: getattr(row, name) for name in LOG_COLUMNS} for row in rows]


def _assert_fresh(rows: list[dict], before: datetime) -> None:
    """Each row a new random id; all of one lookup at one moment, during the request."""
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(isinstance(r["id"], uuid.UUID) and r["id"].version == 4 for r in rows)
    assert len({r["occurred_at"] for r in rows}) == 1
    assert all(before <= r["occurred_at"] <= datetime.now(UTC) for r in rows)
    assert all(r["occurred_at"].tzinfo is not None for r in rows)


async def test_a_lookup_logs_the_person_found_and_nothing_else(world):
    person = await world.person(world.inst("PUP"))
    ops = world.inst("OPS")
    headers = {**world.headers(ops, sub="caseworker-of-ops"), "X-Request-ID": "lookup-1"}
    before = datetime.now(UTC)
    response = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "items": [{"id": person["id"], "initials": "A. K.", "birth_year": 1985, "visible": False}]
    }
    rows = await _rows(world, "lookup-1")
    _assert_fresh(rows, before)
    assert [{k: v for k, v in r.items() if k not in ("id", "occurred_at")} for r in rows] == [
        {
            "subject": "caseworker-of-ops",
            "subject_kind": "user",
            "institution_id": ops.id,
            "person_id": uuid.UUID(person["id"]),
            "action": "lookup",
            "resource": "POST /v1/persons/lookup",
            "legal_basis": "identity_lookup",
            "basis_ref": None,
            "reason": None,
            "request_id": "lookup-1",
        }
    ]
    # Nobody found: nothing logged (there is no person to log the lookup against).
    headers["X-Request-ID"] = "lookup-2"
    none = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_JAN}, headers=headers)
    assert none.status_code == 200 and none.json() == {"items": []}
    assert await _rows(world, "lookup-2") == []


async def test_a_document_lookup_logs_every_person_found_for_a_system_caller(world):
    pup = world.inst("PUP")
    first = await world.person(pup, pesel=None, document_number="ZZ 998877", birth_date="1990-01-02", sex="M")
    second = await world.person(
        pup,
        pesel=None,
        document_number="ZZ998877",
        first_name="Jan",
        last_name="Zieliński",
        birth_date="1971-05-06",
        sex="M",
        override_reason="another person holding the same document number",
    )
    ngo = world.inst("NGO")
    headers = {**world.system(ngo, scope="clients:read"), "X-Request-ID": "lookup-3"}
    before = datetime.now(UTC)
    response = await world.client.post(
        "/v1/persons/lookup", json={"document_number": "zz-998877"}, headers=headers
    )
    assert response.status_code == 200, response.text
    found = sorted(response.json()["items"], key=lambda i: i["id"])
    assert [i["id"] for i in found] == sorted([first["id"], second["id"]])
    rows = await _rows(world, "lookup-3")
    _assert_fresh(rows, before)
    assert [r["person_id"] for r in rows] == sorted(uuid.UUID(i["id"]) for i in found)
    assert {(r["subject"], r["subject_kind"], r["institution_id"]) for r in rows} == {
        (f"client-{ngo.id.hex[:8]}", "client", ngo.id)
    }
    assert {(r["action"], r["legal_basis"], r["resource"], r["basis_ref"], r["reason"]) for r in rows} == {
        ("lookup", "identity_lookup", "POST /v1/persons/lookup", None, None)
    }


async def test_a_lookup_takes_few_statements(world, engine, statements):
    person = await world.person(world.inst("PUP"))
    headers = world.headers(world.inst("OPS"))
    statements.clear()
    response = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=headers)
    assert response.status_code == 200 and response.json()["items"][0]["id"] == person["id"]
    listing = "\n".join(s[:120] for s in statements)
    assert len(statements) <= BOUND[engine.dialect.name], listing
    assert sum("INSERT INTO access_log" in s for s in statements) == 1, listing
    if engine.dialect.name == "postgresql":
        [statement] = statements
        assert statement.startswith("WITH found AS") and "person.pesel =" in statement
