"""The synthetic country (``splot.embedded.national``) at a small scale, on PostgreSQL.

The facts it writes directly must be the facts the reporting service's own ingestion derives from
the outbox events it writes; the data must hold together (valid unique PESELs, institutions that
exist) and the services must read it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import httpx
import pytest
from national_db import fetch_rows, fresh_country_databases, fresh_database, postgres_only
from stdnum.pl import pesel as stdnum_pesel

from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.common.testing import RsaKey, TokenFactory, bind_app_for_tests
from splot.embedded.national import DATABASES, Scale, load_country
from splot.embedded.national import lifecycle as national_lifecycle
from splot.embedded.national import load as national_load
from splot.embedded.national import persons as national_persons
from splot.embedded.national import referrals as national_referrals
from splot.embedded.national import reporting as national_reporting
from splot.reporting.config import ReportingSettings
from splot.reporting.ingestion import IngestContext
from splot.reporting.main import SERVICE_DIR as REPORTING_DIR

pytestmark = postgres_only

SMALL = Scale(persons=300, referrals_per_year=500, years=1)


#: Both loads below play the same days up to the same moment.
NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


@contextmanager
def _loading(processes: int) -> Iterator[None]:
    """Small chunks (three of referrals, three of persons, numbered in order); every payload
    compared with the service's ``transition_payload`` (the processes inherit it); "now" fixed;
    ``processes`` pool processes."""
    chunk, national_referrals.CHUNK_ROOTS = national_referrals.CHUNK_ROOTS, 200
    persons_chunk, national_persons.CHUNK = national_persons.CHUNK, 100
    verify, national_lifecycle._VERIFY = national_lifecycle._VERIFY, 10**9
    utcnow, national_load.utcnow = national_load.utcnow, lambda: NOW  # type: ignore[attr-defined]
    os.environ["SPLOT_NATIONAL_PROCESSES"] = str(processes)
    try:
        yield
    finally:
        national_referrals.CHUNK_ROOTS = chunk
        national_persons.CHUNK = persons_chunk
        national_lifecycle._VERIFY = verify
        national_load.utcnow = utcnow  # type: ignore[attr-defined]
        del os.environ["SPLOT_NATIONAL_PROCESSES"]


async def _load(prefix: str, processes: int) -> dict[str, str]:
    urls = await fresh_country_databases(prefix)
    with _loading(processes):
        counts = await load_country(urls, SMALL, seed=7, progress=lambda _: None)
    assert counts["referrals.referral"] == 500
    assert counts["clients.person"] == 300
    urls["counts"] = str(counts)
    return urls


@pytest.fixture(scope="module")
async def country() -> dict[str, str]:
    """Played by a pool of two processes, each writing its own chunks."""
    return await _load("national", 2)


@pytest.fixture(scope="module")
async def country_in_process() -> dict[str, str]:
    """The same country played in this process (no pool)."""
    return await _load("national_here", 0)


async def test_direct_facts_equal_the_facts_ingestion_derives_from_the_feeds(country: dict[str, str]) -> None:
    rebuilt = await fresh_database("national_rebuilt")
    await upgrade(REPORTING_DIR, rebuilt)
    engines = {name: create_engine(country[name]) for name in ("directory", "clients", "referrals")}
    target = create_engine(rebuilt)
    try:
        # The directory's feed only names dimensions (thousands of institutions and offers); the
        # facts come from the clients' and referrals' feeds, consumed by the service's own code.
        ctx = IngestContext.from_settings(ReportingSettings())
        await national_reporting.ingest_feeds(target, engines, ctx, only=("clients", "referrals"))
    finally:
        for engine in (*engines.values(), target):
            await engine.dispose()
    query = "SELECT * FROM referral_fact ORDER BY referral_id"
    direct, ingested = await fetch_rows(country["reporting"], query), await fetch_rows(rebuilt, query)
    assert len(direct) >= 500
    assert direct == ingested
    outcomes = "SELECT referral_id, outcome_code FROM referral_outcome ORDER BY 1, 2"
    assert await fetch_rows(country["reporting"], outcomes) == await fetch_rows(rebuilt, outcomes)
    followups = (
        "SELECT followup_id, referral_id, due_months, outcome_code, answered_at FROM followup_fact ORDER BY 1"
    )
    assert await fetch_rows(country["reporting"], followups) == await fetch_rows(rebuilt, followups)
    persons = (
        "SELECT pseudonym, birth_year, sex, gmina, registered_by_institution_id FROM person_dim ORDER BY 1"
    )
    assert await fetch_rows(country["reporting"], persons) == await fetch_rows(rebuilt, persons)


async def test_loaded_rows_have_their_parents(country: dict[str, str]) -> None:
    # The load skips the foreign-key triggers: the parents must be there all the same.
    orphans = await fetch_rows(
        country["referrals"],
        "SELECT (SELECT count(*) FROM referral_event e WHERE NOT EXISTS"
        " (SELECT 1 FROM referral r WHERE r.id = e.referral_id)),"
        " (SELECT count(*) FROM event_party p WHERE NOT EXISTS"
        " (SELECT 1 FROM outbox_event o WHERE o.seq = p.event_seq)),"
        " (SELECT count(*) FROM follow_up f WHERE NOT EXISTS"
        " (SELECT 1 FROM referral r WHERE r.id = f.referral_id))",
    )
    assert orphans == [(0, 0, 0)]
    tokens = await fetch_rows(
        country["clients"],
        "SELECT count(*) FROM person_name_token t WHERE NOT EXISTS"
        " (SELECT 1 FROM person p WHERE p.id = t.person_id)",
    )
    assert tokens == [(0,)]
    indexes = await fetch_rows(
        country["referrals"], "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_referral_target_due'"
    )
    assert indexes == [(1,)], "the indexes dropped for the load are built again"


async def test_pesels_are_valid_unique_and_match_birth_date_and_sex(country: dict[str, str]) -> None:
    rows = await fetch_rows(
        country["clients"],
        "SELECT p.pesel, p.birth_date, p.sex, p.last_name_norm FROM person p JOIN registration r"
        " ON r.person_id = p.id WHERE r.registered_by = 'national-generator'",
    )
    assert len(rows) == 300
    pesels = [r[0] for r in rows]
    assert len(set(pesels)) == len(pesels)
    for pesel, birth_date, sex, last_name_norm in rows:
        assert stdnum_pesel.is_valid(pesel)
        assert stdnum_pesel.get_birth_date(pesel) == birth_date
        assert stdnum_pesel.get_gender(pesel) == sex
        assert last_name_norm and last_name_norm == last_name_norm.lower()


async def test_every_referral_names_institutions_and_persons_that_exist(country: dict[str, str]) -> None:
    institutions = {r[0] for r in await fetch_rows(country["directory"], "SELECT id FROM institution")}
    persons = {r[0] for r in await fetch_rows(country["clients"], "SELECT id FROM person")}
    referrals = await fetch_rows(
        country["referrals"], "SELECT sender_institution_id, target_institution_id, person_id FROM referral"
    )
    assert all(s in institutions and t in institutions and p in persons for s, t, p in referrals)
    statuses = dict(
        await fetch_rows(country["referrals"], "SELECT status, count(*) FROM referral GROUP BY 1")
    )
    assert statuses.get("completed", 0) > statuses.get("rejected", 0) > 0
    chains = await fetch_rows(country["referrals"], "SELECT count(*) FROM referral WHERE chain_depth > 0")
    assert chains[0][0] > 0
    versions = await fetch_rows(
        country["referrals"],
        "SELECT r.version, max(e.version) FROM referral r JOIN referral_event e ON e.referral_id = r.id"
        " GROUP BY r.id, r.version",
    )
    assert all(version == last for version, last in versions)


async def test_the_referrals_api_reads_a_generated_referral(country: dict[str, str]) -> None:
    from splot.referrals.config import ReferralsSettings
    from splot.referrals.main import create_app

    (referral_id, number, target, target_type), *_ = await fetch_rows(
        country["referrals"],
        "SELECT id, number, target_institution_id, target_institution_type FROM referral"
        " WHERE created_by = 'national-generator' AND status = 'completed' ORDER BY id LIMIT 1",
    )
    key = RsaKey.generate("national-test")
    engine = create_engine(country["referrals"])
    try:
        app = create_app(ReferralsSettings(database_url=country["referrals"], scheduler_enabled=False))
        bind_app_for_tests(app, sessionmaker=create_sessionmaker(engine), test_key=key)
        headers = TokenFactory(key).headers(
            institution_id=target, institution_type=target_type, roles=("caseworker", "coordinator")
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as client:
            detail = await client.get(f"/v1/referrals/{referral_id}", headers=headers)
            assert detail.status_code == 200, detail.text
            assert detail.json()["number"] == number
            assert detail.json()["status"] == "completed"
            assert detail.headers.get("etag")
            inbox = await client.get("/v1/referrals/inbox", headers=headers)
            assert inbox.status_code == 200, inbox.text
            assert inbox.json()["items"], "the receiver's inbox lists generated referrals"
            assert all(uuid.UUID(i["id"]) for i in inbox.json()["items"])
    finally:
        await engine.dispose()


async def test_the_consumer_stands_at_each_feeds_head(country: dict[str, str]) -> None:
    cursors = dict(await fetch_rows(country["reporting"], "SELECT source, last_seq FROM source_cursor"))
    for source in ("directory", "clients", "referrals"):
        (head,) = (await fetch_rows(country[source], "SELECT coalesce(max(position), 0) FROM outbox_event"))[
            0
        ]
        unnumbered = await fetch_rows(
            country[source], "SELECT count(*) FROM outbox_event WHERE position IS NULL"
        )
        assert cursors[source] == head > 0
        assert unnumbered == [(0,)]


async def test_generated_persons_are_found_by_name(country: dict[str, str]) -> None:
    found = await fetch_rows(
        country["clients"],
        "SELECT count(DISTINCT t.person_id) FROM person_name_token t JOIN registration r"
        " ON r.person_id = t.person_id WHERE r.registered_by = 'national-generator'",
    )
    assert found == [(300,)]


async def test_a_second_load_is_refused(country: dict[str, str]) -> None:
    urls = {name: country[name] for name in DATABASES}
    with pytest.raises(ValueError, match="already hold"):
        await load_country(urls, SMALL, progress=lambda _: None)


async def test_the_same_seed_gives_the_same_country_with_or_without_processes(
    country: dict[str, str], country_in_process: dict[str, str]
) -> None:
    assert country["counts"] == country_in_process["counts"]
    generated = "SELECT id FROM referral WHERE created_by = 'national-generator'"
    queries = {
        "referrals": [
            "SELECT * FROM referral WHERE created_by = 'national-generator' ORDER BY id",
            f"SELECT * FROM referral_event WHERE referral_id IN ({generated}) ORDER BY id",
            f"SELECT * FROM follow_up WHERE referral_id IN ({generated}) ORDER BY id",
            # The numbers too: the chunks take theirs in order, whichever process played them.
            "SELECT o.seq, o.position, o.id, o.type, o.occurred_at, o.payload::text FROM outbox_event o"
            " WHERE o.aggregate_id IN (SELECT id::text FROM referral WHERE created_by = 'national-generator')"
            " ORDER BY o.seq",
            "SELECT p.* FROM event_party p JOIN outbox_event o ON o.seq = p.event_seq"
            " WHERE o.aggregate_id IN (SELECT id::text FROM referral WHERE created_by = 'national-generator')"
            " ORDER BY 1, 2",
        ],
        "clients": ["SELECT * FROM person WHERE pesel IN (SELECT p.pesel FROM person p JOIN registration r"
                    " ON r.person_id = p.id WHERE r.registered_by = 'national-generator') ORDER BY id",
                    "SELECT * FROM registration WHERE registered_by = 'national-generator' ORDER BY id",
                    # Played in three chunks, numbered in their order whichever process played them.
                    "SELECT seq, position, id, type, occurred_at, payload::text FROM outbox_event"
                    " WHERE type = 'person.created' AND aggregate_id IN (SELECT person_id::text FROM registration"
                    " WHERE registered_by = 'national-generator') ORDER BY seq"],
        "reporting": ["SELECT * FROM person_dim ORDER BY pseudonym", "SELECT * FROM person_contact ORDER BY 1, 2, 3, 4"],
    }  # fmt: skip
    for database, sqls in queries.items():
        for sql in sqls:
            pooled, here = (
                await fetch_rows(country[database], sql),
                await fetch_rows(country_in_process[database], sql),
            )
            assert pooled, sql
            assert pooled == here, sql
    ids = {r[0] for r in await fetch_rows(country["referrals"], generated)}
    facts = "SELECT * FROM referral_fact ORDER BY referral_id"
    pooled = [r for r in await fetch_rows(country["reporting"], facts) if r[0] in ids]
    assert len(pooled) == 500
    assert pooled == [r for r in await fetch_rows(country_in_process["reporting"], facts) if r[0] in ids]


async def test_no_loaded_row_is_an_orphan_and_every_event_is_numbered_once(country: dict[str, str]) -> None:
    referral_ids = {r[0] for r in await fetch_rows(country["referrals"], "SELECT id FROM referral")}
    fact_ids = [r[0] for r in await fetch_rows(country["reporting"], "SELECT referral_id FROM referral_fact")]
    assert set(fact_ids) <= referral_ids and len(fact_ids) == len(set(fact_ids))
    outcome_ids = {
        r[0] for r in await fetch_rows(country["reporting"], "SELECT referral_id FROM referral_outcome")
    }
    assert outcome_ids <= set(fact_ids)
    numbers = await fetch_rows(
        country["referrals"],
        "SELECT count(*), count(DISTINCT seq), count(DISTINCT position), max(seq) - min(seq) + 1,"
        " max(position) - min(position) + 1 FROM outbox_event",
    )
    total, seqs, positions, seq_span, position_span = numbers[0]
    assert total == seqs == positions == seq_span == position_span, "no gaps, no duplicates"
    # Each fact's last event is a referral event of that referral, at the position it names.
    last = await fetch_rows(
        country["referrals"],
        "SELECT aggregate_id, max(position) FROM outbox_event WHERE aggregate_type = 'referral'"
        " AND payload::jsonb -> 'referral' IS NOT NULL GROUP BY aggregate_id",
    )
    facts = await fetch_rows(
        country["reporting"], "SELECT referral_id::text, last_event_seq FROM referral_fact"
    )
    expected = dict(last)
    assert all(expected[referral_id] == seq for referral_id, seq in facts if referral_id in expected)


async def test_the_cubes_are_those_the_services_refresh_computes(country: dict[str, str]) -> None:
    from splot.reporting import cubes

    def snapshot_sql(table: str, width: int) -> str:
        return f"SELECT * FROM {table} ORDER BY {', '.join(str(n) for n in range(1, width + 1))}"  # noqa: S608

    widths = {cube.table.name: len(cube.table.columns) for cube in cubes.CUBES}
    loaded = {t: await fetch_rows(country["reporting"], snapshot_sql(t, w)) for t, w in widths.items()}
    assert loaded["agg_referral_powiat"], "the loader built the cubes"
    engine = create_engine(country["reporting"])
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            assert await cubes.refresh_dirty(session) == 0, "no month left dirty"
            await cubes.mark_all_dirty(session)
            assert await cubes.refresh_dirty(session) > 0
    finally:
        await engine.dispose()
    for table, width in widths.items():
        assert await fetch_rows(country["reporting"], snapshot_sql(table, width)) == loaded[table], table
