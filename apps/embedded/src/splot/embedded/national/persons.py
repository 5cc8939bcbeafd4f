"""The registry's persons: Faker pl_PL names, valid and unique PESELs consistent with birth date
and sex (``splot.clients.identity.make_pesel``), an address in a gmina, registered by the OPS of
their gmina or the PUP of their powiat; the registry's search forms computed with the registry's
own normalisation. Written in chunks, with their reporting dimensions and feed events."""

from __future__ import annotations

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
from splot.embedded.national.bulk import Loader, Pipeline
from splot.embedded.national.institutions import Institution, new_uuid
from splot.embedded.national.territory import Powiat

CHUNK = 50_000
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
) -> PersonsOut:
    pools = NamePools(rng.getrandbits(32))
    local = {i.teryt: i for i in institutions if i.type in ("OPS", "CUS")}
    pup = {i.powiat: i for i in institutions if i.type == "PUP"}
    gminas = [g for p in powiats for g in p.gminas]
    cumulative: list[float] = []
    total = 0.0
    for g in gminas:
        total += 8.0 if "miasto" in g.kind else (3.0 if g.urban else 1.0)
        cumulative.append(total)
    serials: dict[tuple[date, str], int] = {}
    # The demo's persons keep theirs.
    taken = {r["pesel"] for r in await clients.conn.fetch("SELECT pesel FROM person WHERE pesel IS NOT NULL")}
    refs: list[PersonRef] = []
    by_powiat: dict[str, list[int]] = {}
    span = (now - since).total_seconds()
    first_birth = date(1948, 1, 1).toordinal()
    last_birth = date(now.year - 18, 1, 1).toordinal()
    pipeline = Pipeline()
    # The registry's name-search index (when this version of the registry has one).
    tokens_table = bool(await clients.columns("person_name_token"))
    for start in range(0, count, CHUNK):
        persons: list[dict[str, Any]] = []
        registrations: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        dims: list[dict[str, Any]] = []
        contacts: dict[tuple[str, uuid.UUID, int, int], dict[str, Any]] = {}
        for _ in range(min(CHUNK, count - start)):
            gmina = gminas[bisect.bisect_left(cumulative, rng.random() * total)]
            sex = "F" if rng.random() < 0.52 else "M"
            while True:
                birth = date.fromordinal(rng.randint(first_birth, last_birth))
                serial = serials.get((birth, sex), rng.randint(0, 99))
                serials[(birth, sex)] = serial + 1
                if serial < 1000 and (pesel := make_pesel(birth, sex, serial)) not in taken:
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
            by_powiat.setdefault(gmina.powiat, []).append(len(refs))
            refs.append(PersonRef(person_id, gmina.code, registering.id, created))
        tokens = (
            [
                {"person_id": p["id"], "token": token}
                for p in persons
                for token in name_tokens(p["first_name_norm"], p["last_name_norm"])
            ]
            if tokens_table
            else []
        )
        await clients.number(outbox)
        if outbox:
            check_payload("person.created", outbox[0]["payload"])
            for row in outbox:
                row["payload"] = _json(row["payload"])
        await pipeline.submit(
            _write_clients(clients, persons, registrations, outbox, tokens),
            _write_reporting(reporting, dims, list(contacts.values())),
        )
        progress(f"  persons: {start + len(persons):,} of {count:,}")
    await pipeline.drain()
    return PersonsOut(refs, by_powiat)


async def _write_clients(
    clients: Loader,
    persons: list[dict[str, Any]],
    registrations: list[dict[str, Any]],
    outbox: list[dict[str, Any]],
    tokens: list[dict[str, Any]],
) -> None:
    await clients.copy("person", persons)
    await clients.copy("person_name_token", tokens)
    await clients.copy("registration", registrations)
    await clients.copy_outbox(outbox)


async def _write_reporting(
    reporting: Loader, dims: list[dict[str, Any]], contacts: list[dict[str, Any]]
) -> None:
    await reporting.copy("person_dim", dims)
    await reporting.copy("person_contact", contacts)


def _json(value: Any) -> str:
    from splot.embedded.national.bulk import dumps

    return dumps(value)


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
