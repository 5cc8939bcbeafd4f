"""The registry's persons: Faker pl_PL names, valid and unique PESELs consistent with birth date
and sex (``splot.clients.identity.make_pesel``), an address in a gmina, registered by the OPS of
their gmina or the PUP of their powiat; the registry's search forms computed with the registry's
own normalisation. Written in chunks, with their reporting dimensions and feed events."""

from __future__ import annotations

import asyncio
import bisect
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from faker import Faker

import splot.clients.events  # noqa: F401 - declares the person events
from splot.clients.identity import make_pesel, name_tokens, normalise_name
from splot.common.events import check_payload
from splot.embedded.national import pool
from splot.embedded.national.bulk import Loader, Pipeline, dumps
from splot.embedded.national.institutions import Institution, new_uuid
from splot.embedded.national.pool import Counts, Numbering, add_counts, number_rows, processes, write_here
from splot.embedded.national.territory import Gmina, Powiat

CHUNK = 50_000
#: The tables a chunk writes (their indexes and keys deferred before the first chunk).
CLIENT_TABLES = ("person", "person_name_token", "registration", "outbox_event")
REPORTING_TABLES = ("person_dim", "person_contact")
WARSAW = ZoneInfo("Europe/Warsaw")


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: uuid.UUID
    gmina: str
    registered_by: uuid.UUID
    created_at: datetime


class NamePools:
    def __init__(self, seed: int) -> None:
        fake = Faker("pl_PL")
        fake.seed_instance(seed)
        self.first = {"F": sorted({fake.first_name_female() for _ in range(3000)}),
                      "M": sorted({fake.first_name_male() for _ in range(3000)})}  # fmt: skip
        self.last = {"F": sorted({fake.last_name_female() for _ in range(20000)}),
                     "M": sorted({fake.last_name_male() for _ in range(20000)})}  # fmt: skip
        self.streets = sorted({fake.street_name() for _ in range(3000)})


@dataclass
class PersonsOut:
    refs: list[PersonRef]
    by_powiat: dict[str, list[int]]


@dataclass
class _Job:
    """What every chunk of persons is played against (set before the pool forks)."""

    pools: NamePools
    gminas: list[Gmina]
    cumulative: list[float]
    local: dict[str, Institution]
    pup: dict[str, Institution]
    taken: set[str]
    since: datetime
    span: float
    births: tuple[int, int]
    pseudonymise: Callable[[object], str | None]
    events: bool
    tokens: bool
    chunks: int
    numbering: Numbering
    #: The clients and reporting databases, where the pool's processes connect.
    urls: dict[str, str] | None


_JOB: _Job | None = None


@dataclass
class Chunk:
    """A played chunk of persons, its outbox rows not numbered yet."""

    refs: list[PersonRef]
    persons: list[dict[str, Any]]
    registrations: list[dict[str, Any]]
    outbox: list[dict[str, Any]]
    tokens: list[dict[str, Any]]
    dims: list[dict[str, Any]]
    contacts: list[dict[str, Any]]


async def load(
    rng: random.Random,
    *,
    count: int,
    powiats: list[Powiat],
    institutions: list[Institution],
    clients: Loader,
    reporting: Loader,
    pseudonymise: Callable[[object], str | None],
    now: datetime,
    since: datetime,
    events: bool,
    progress: Callable[[str], None],
    workers: int | None = None,
) -> PersonsOut:
    """Play and write ``count`` persons, a chunk at a time, each chunk from its own seed (drawn
    here in order) and in the pool's processes when there are (see ``splot.embedded.national.pool``)."""
    global _JOB
    pools = NamePools(rng.getrandbits(32))
    gminas = [g for p in powiats for g in p.gminas]
    cumulative: list[float] = []
    total = 0.0
    for g in gminas:
        total += 8.0 if "miasto" in g.kind else (3.0 if g.urban else 1.0)
        cumulative.append(total)
    quotas = [min(CHUNK, count - start) for start in range(0, count, CHUNK)]
    seeds = [rng.getrandbits(64) for _ in quotas]
    workers = processes() if workers is None else workers
    if clients.url is None or reporting.url is None:
        workers = 0
    # The demo's persons keep theirs.
    taken = {r["pesel"] for r in await clients.conn.fetch("SELECT pesel FROM person WHERE pesel IS NOT NULL")}
    numbering = Numbering(*await clients.numbered())
    for loader, tables in ((clients, CLIENT_TABLES), (reporting, REPORTING_TABLES)):
        for table in tables:
            await loader.defer_constraints(table)
    _JOB = _Job(
        pools, gminas, cumulative,
        local={i.teryt: i for i in institutions if i.type in ("OPS", "CUS")},
        pup={i.powiat: i for i in institutions if i.type == "PUP"},
        taken=taken, since=since, span=(now - since).total_seconds(),
        births=(date(1948, 1, 1).toordinal(), date(now.year - 18, 1, 1).toordinal()),
        pseudonymise=pseudonymise, events=events,
        # The registry's name-search index (when this version of the registry has one).
        tokens=bool(await clients.columns("person_name_token")),
        chunks=len(quotas), numbering=numbering,
        urls={"clients": clients.url, "reporting": reporting.url} if clients.url and reporting.url else None,
    )  # fmt: skip
    refs: list[PersonRef] = []
    try:
        if workers <= 0 or len(quotas) <= 1:
            pipeline = Pipeline()
            for index, (seed, quota) in enumerate(zip(seeds, quotas, strict=True)):
                chunk = play_chunk(index, seed, quota)
                number_rows(chunk.outbox, *numbering.take(index, len(chunk.outbox)))
                refs.extend(chunk.refs)
                await pipeline.submit(
                    _write_clients(clients, chunk), _write_reporting(reporting, chunk.dims, chunk.contacts)
                )
                progress(f"  persons: {len(refs):,} of {count:,}")
            await pipeline.drain()
        else:
            loaders = {"clients": clients, "reporting": reporting}

            def done(result: tuple[list[PersonRef], Counts]) -> None:
                refs.extend(result[0])
                add_counts(loaders, result[1])
                progress(f"  persons: {len(refs):,} of {count:,}")

            calls = [
                (index, seed, quota) for index, (seed, quota) in enumerate(zip(seeds, quotas, strict=True))
            ]
            await pool.run(workers, play_and_write, calls, done, numbering)
    finally:
        clients.numbered_up_to(*numbering.last)
        _JOB = None
    by_powiat: dict[str, list[int]] = {}
    for n, ref in enumerate(refs):
        by_powiat.setdefault(ref.gmina[:4], []).append(n)
    return PersonsOut(refs, by_powiat)


def play_and_write(index: int, seed: int, quota: int) -> tuple[list[PersonRef], Counts]:
    """In a pool process: play chunk ``index``, number its events in its turn, COPY it over this
    process's own connections; returns its persons and the rows written per database and table."""
    job = _JOB
    assert job is not None and job.urls is not None
    try:
        chunk = play_chunk(index, seed, quota)
        number_rows(chunk.outbox, *job.numbering.take(index, len(chunk.outbox)))
        return chunk.refs, write_here(job.urls, lambda loaders: _write(loaders, chunk))
    except BaseException:
        job.numbering.fail()
        raise


def play_chunk(index: int, seed: int, quota: int) -> Chunk:
    """``quota`` persons from ``seed``. Their PESELs are unique across the chunks without
    knowing the others: chunk ``index`` of ``n`` takes the serials ``index + k * n`` (a birth date
    and sex whose serials run out draws another birth date)."""
    job = _JOB
    assert job is not None
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    pools, gminas, cumulative, local, pup = job.pools, job.gminas, job.cumulative, job.local, job.pup
    total, since, span, taken, stride = cumulative[-1], job.since, job.span, job.taken, job.chunks
    first_birth, last_birth = job.births
    events, pseudonymise = job.events, job.pseudonymise
    slots = len(range(index, 1000, stride))
    serials: dict[tuple[date, str], int] = {}
    refs: list[PersonRef] = []
    persons: list[dict[str, Any]] = []
    registrations: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    dims: list[dict[str, Any]] = []
    contacts: dict[tuple[str, uuid.UUID, int, int], dict[str, Any]] = {}
    for _ in range(quota):
        gmina = gminas[bisect.bisect_left(cumulative, rng.random() * total)]
        sex = "F" if rng.random() < 0.52 else "M"
        while True:
            birth = date.fromordinal(rng.randint(first_birth, last_birth))
            k = serials.get((birth, sex), rng.randrange(min(100, slots)))
            serials[(birth, sex)] = k + 1
            if k < slots and (pesel := make_pesel(birth, sex, index + k * stride)) not in taken:
                break
        first, last = rng.choice(pools.first[sex]), rng.choice(pools.last[sex])
        registering = local[gmina.code] if rng.random() < 0.55 else pup[gmina.powiat]
        # Most registered during the loaded years, a third before them.
        created = (
            since - timedelta(days=rng.randint(1, 2000))
            if rng.random() < 0.3
            else since + timedelta(seconds=rng.random() * span)
        )
        person_id = new_uuid(rng)
        persons.append(
            {
                "id": person_id,
                "version": 1,
                "created_at": created,
                "updated_at": created,
                "status": "active",
                "pesel": pesel,
                "first_name": first,
                "last_name": last,
                "first_name_norm": normalise_name(first),
                "last_name_norm": normalise_name(last),
                "birth_date": birth,
                "birth_year": birth.year,
                "sex": sex,
                "citizenship": "PL",
                "street": f"ul. {rng.choice(pools.streets)} {rng.randint(1, 120)}",
                "postal_code": f"{rng.randint(0, 99):02d}-{rng.randint(0, 999):03d}",
                "city": gmina.name,
                "gmina": gmina.code,
                "registered_by_institution_id": registering.id,
                "last_activity_at": created,
            }
        )
        registrations.append(
            {
                "id": new_uuid(rng),
                "person_id": person_id,
                "institution_id": registering.id,
                "registered_at": created,
                "registered_by": "national-generator",
                "how": "created",
                "reason": None,
            }
        )
        payload = {
            "person_id": str(person_id),
            "birth_year": birth.year,
            "sex": sex,
            "gmina": gmina.code,
            "registering_institution_id": str(registering.id),
            "status": "active",
        }
        if events:
            outbox.append(
                {
                    "id": new_uuid(rng),
                    "type": "person.created",
                    "aggregate_type": "person",
                    "aggregate_id": str(person_id),
                    "occurred_at": created,
                    "payload": payload,
                }
            )
        pseudonym = pseudonymise(person_id)
        assert pseudonym is not None
        dims.append(
            {
                "pseudonym": pseudonym,
                "birth_year": birth.year,
                "sex": sex,
                "gmina": gmina.code,
                "registered_by_institution_id": registering.id,
                "anonymised": False,
                "merged_into": None,
            }
        )
        day = created.astimezone(WARSAW)
        key = (pseudonym, registering.id, day.year, day.month)
        contacts[key] = dict(zip(("pseudonym", "institution_id", "year", "month"), key, strict=True))
        refs.append(PersonRef(person_id, gmina.code, registering.id, created))
    tokens = (
        [
            {"person_id": p["id"], "token": token}
            for p in persons
            for token in name_tokens(p["first_name_norm"], p["last_name_norm"])
        ]
        if job.tokens
        else []
    )
    if outbox:
        check_payload("person.created", outbox[0]["payload"])
        for row in outbox:
            row["payload"] = dumps(row["payload"])
    return Chunk(refs, persons, registrations, outbox, tokens, dims, list(contacts.values()))


async def _write(loaders: dict[str, Loader], chunk: Chunk) -> None:
    await asyncio.gather(
        _write_clients(loaders["clients"], chunk),
        _write_reporting(loaders["reporting"], chunk.dims, chunk.contacts),
    )


async def _write_clients(clients: Loader, chunk: Chunk) -> None:
    await clients.copy("person", chunk.persons)
    await clients.copy("person_name_token", chunk.tokens)
    await clients.copy("registration", chunk.registrations)
    await clients.copy_outbox(chunk.outbox)


async def _write_reporting(
    reporting: Loader, dims: list[dict[str, Any]], contacts: list[dict[str, Any]]
) -> None:
    await reporting.copy("person_dim", dims)
    await reporting.copy("person_contact", contacts)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
