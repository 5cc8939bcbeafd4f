"""The synthetic country's persons played in chunks (``splot.embedded.national.persons``), without a
database: chunks played apart (as the pool's processes play them) give unique PESELs, and a
chunk is the same whichever process plays it."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from splot.embedded.national import institutions as national_institutions
from splot.embedded.national import persons as national_persons
from splot.embedded.national.pool import Numbering
from splot.embedded.national.territory import powiats

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def job() -> Iterator[national_persons._Job]:
    """Four chunks of persons all born on one day: their serials would collide without the
    chunks' shares of them."""
    territory = powiats()
    institutions = national_institutions.build(random.Random(1), territory)  # noqa: S311
    gminas = [g for p in territory for g in p.gminas]
    day = date(1980, 5, 17).toordinal()
    job = national_persons._Job(
        national_persons.NamePools(3), gminas, [float(n + 1) for n in range(len(gminas))],
        local={i.teryt: i for i in institutions if i.type in ("OPS", "CUS")},
        pup={i.powiat: i for i in institutions if i.type == "PUP"},
        taken=set(), since=NOW - timedelta(days=365), span=365 * 86400.0, births=(day, day),
        pseudonymise=lambda value: f"p-{value}", events=True, tokens=True, chunks=4,
        numbering=Numbering(0, 0), urls=None,
    )  # fmt: skip
    national_persons._JOB = job
    try:
        yield job
    finally:
        national_persons._JOB = None


def test_chunks_played_apart_give_unique_pesels(job: national_persons._Job) -> None:
    chunks = [national_persons.play_chunk(index, 1000 + index, 100) for index in range(4)]
    pesels = [p["pesel"] for chunk in chunks for p in chunk.persons]
    assert len(pesels) == 400
    assert len(set(pesels)) == 400
    # Chunk i of 4 takes the serials i, i + 4, i + 8…: the serial's last digits tell whose it is.
    for index, chunk in enumerate(chunks):
        assert {int(p["pesel"][6:9]) % 4 for p in chunk.persons} == {index}


def test_a_chunk_is_the_same_whoever_plays_it_and_when(job: national_persons._Job) -> None:
    later = national_persons.play_chunk(2, 77, 50)
    national_persons.play_chunk(0, 5, 50)  # another chunk played first, in the same process
    again = national_persons.play_chunk(2, 77, 50)
    assert later.persons == again.persons and later.outbox == again.outbox and later.refs == again.refs
    assert later.persons != national_persons.play_chunk(2, 78, 50).persons
