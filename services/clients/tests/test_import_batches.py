"""A bulk import processed in several batches (row-number ranges), resumed after the rows an
earlier worker processed, and written with the bulk insert path (COPY on PostgreSQL)."""

import uuid
from datetime import date

from sqlalchemy import func, select, update

from splot.clients.access import Actor
from splot.clients.config import ClientsSettings
from splot.clients.identity import make_pesel
from splot.clients.import_upload import parse_csv
from splot.clients.imports import claim_job, create_job, process_job
from splot.clients.models import AccessLog, ExternalRef, ImportRow, Person, PersonNameToken, Registration
from splot.common.auth import Principal, PrincipalKind
from splot.common.events import outbox_event

P1 = make_pesel(date(1990, 5, 17), "F", 11)
P2 = make_pesel(date(1991, 6, 18), "M", 22)
CSV = (
    "external_id;pesel;first_name;last_name;birth_date;sex;gmina\n"
    f"B-1;{P1};Ewa;Maj-Nowak;;;1219053\n"
    "B-2;;Olga;Ivanova;1980-01-02;F;\n"
    f"B-3;{P1};Ewa;Maj-Nowak;;;\n"  # the person row 1 created (an earlier batch): matched
    "B-4;12345678901;Zła;Osoba;;;\n"  # rejected
    f"B-5;{P2};Piotr;Lis;;;\n"
).encode()


def _actor(institution: uuid.UUID) -> Actor:
    principal = Principal(
        subject="system-b",
        kind=PrincipalKind.client,
        institution_id=institution,
        institution_type="PUP",
        teryt="1219",
        scopes=frozenset({"clients:write"}),
    )
    return Actor(principal, institution)


async def _outcomes(session, job_id):
    rows = await session.execute(
        select(ImportRow.row_number, ImportRow.outcome, ImportRow.data.is_(None), ImportRow.problem)
        .where(ImportRow.job_id == job_id)
        .order_by(ImportRow.row_number)
    )
    return [(n, outcome, erased, (problem or {}).get("code")) for n, outcome, erased, problem in rows]


async def _job(session, institution, settings):
    """A job of the CSV's rows, staged (not yet claimed)."""
    job = await create_job(
        session,
        actor=_actor(institution),
        rows=parse_csv(CSV),
        source_format="csv",
        dry_run=False,
        settings=settings,
    )
    await session.flush()
    return job


async def test_batches_of_two_decide_every_row_once_in_order(session):
    institution = uuid.uuid4()
    settings = ClientsSettings(database_url="sqlite://", import_batch_size=2)
    job = await _job(session, institution, settings)
    assert await claim_job(session, job_id=job.id, settings=settings)
    done = await process_job(session, job_id=job.id, settings=settings)
    assert (done.status, done.processed_rows, done.total_rows) == ("completed", 5, 5)
    assert (done.created_count, done.matched_count, done.rejected_count) == (3, 1, 1)
    assert await _outcomes(session, job.id) == [
        (1, "created", True, None),
        (2, "created", True, None),
        (3, "matched", True, None),
        (4, "rejected", False, "validation_error"),
        (5, "created", True, None),
    ]
    persons = (
        await session.execute(select(Person).where(Person.registered_by_institution_id == institution))
    ).scalars()
    by_pesel = {p.pesel: p for p in persons}
    assert set(by_pesel) == {P1, P2, None}
    ewa = by_pesel[P1]
    assert (ewa.first_name, ewa.last_name_norm, ewa.birth_date, ewa.sex, ewa.gmina, ewa.version) == (
        "Ewa",
        "maj nowak",
        date(1990, 5, 17),
        "F",
        "1219053",
        1,
    )
    assert ewa.created_at is not None and ewa.created_at.tzinfo is not None
    tokens = set(
        (
            await session.scalars(select(PersonNameToken.token).where(PersonNameToken.person_id == ewa.id))
        ).all()
    )
    assert tokens == {"ewa", "maj", "nowak"}
    refs = dict(
        (
            await session.execute(
                select(ExternalRef.external_id, ExternalRef.person_id).where(
                    ExternalRef.institution_id == institution
                )
            )
        ).all()
    )
    assert refs["B-1"] == refs["B-3"] == ewa.id and len(refs) == 4
    registrations = await session.scalar(
        select(func.count()).select_from(Registration).where(Registration.institution_id == institution)
    )
    assert registrations == 3  # Ewa once, though two rows name her
    actions = sorted(
        (
            await session.scalars(select(AccessLog.action).where(AccessLog.resource == f"import {job.id}"))
        ).all()
    )
    assert actions == ["import_create"] * 3 + ["import_match"]
    events = (
        await session.execute(
            select(outbox_event.c.type, outbox_event.c.payload).where(
                outbox_event.c.aggregate_id.in_([str(p.id) for p in by_pesel.values()])
            )
        )
    ).all()
    assert sorted(t for t, _ in events) == ["person.created"] * 3
    assert {p["birth_year"] for _, p in events} == {1990, 1991, 1980}


async def test_a_resumed_job_continues_after_the_rows_already_processed(session):
    institution = uuid.uuid4()
    settings = ClientsSettings(database_url="sqlite://", import_batch_size=2)
    job = await _job(session, institution, settings)
    # An earlier worker decided rows 1-3 (as "unchanged", to tell them apart) and died.
    await session.execute(
        update(ImportRow)
        .where(ImportRow.job_id == job.id, ImportRow.row_number <= 3)
        .values(outcome="unchanged", data=None)
    )
    job.processed_rows = 3
    done = await process_job(session, job_id=job.id, settings=settings)
    assert (done.processed_rows, done.created_count, done.rejected_count) == (5, 1, 1)
    assert [o for _, o, _, _ in await _outcomes(session, job.id)] == [
        "unchanged",
        "unchanged",
        "unchanged",
        "rejected",
        "created",
    ]
    pesels = set(
        (
            await session.scalars(
                select(Person.pesel).where(Person.registered_by_institution_id == institution)
            )
        ).all()
    )
    assert pesels == {P2}


def test_the_pesel_check_agrees_with_python_stdnum():
    import random

    from stdnum.exceptions import ValidationError
    from stdnum.pl import pesel as stdnum_pesel

    from splot.clients import identity

    def reference(value):
        try:
            number = stdnum_pesel.validate(value)
        except ValidationError:
            return None
        return (number, stdnum_pesel.get_birth_date(number), stdnum_pesel.get_gender(number))

    def ours(value):
        try:
            facts = identity.parse_pesel(value)
        except identity.IdentityError:
            return None
        return (facts.pesel, facts.birth_date, facts.sex)

    rng = random.Random(5)
    values = ["".join(rng.choice("0123456789") for _ in range(11)) for _ in range(20_000)]
    values = [v if i % 2 else v[:10] + stdnum_pesel.calc_check_digit(v[:10]) for i, v in enumerate(values)]
    values += [
        P1,
        P2,
        "00000000000",
        "99999999999",
        "4405140135",
        " " + P1,
        P1[:5] + "-" + P1[5:],
        "٤٤٠٥١٤٠١٣٥٩",
    ]
    results = [(v, ours(v), reference(v)) for v in values]
    assert [r for r in results if r[1] != r[2]] == []
    assert sum(r[2] is not None for r in results) > 1000  # valid numbers too, not only rejections
