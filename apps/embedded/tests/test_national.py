"""The synthetic country (``splot.embedded.national``) at a small scale, on PostgreSQL.

The facts it writes directly must be the facts the reporting service's own ingestion derives from
the outbox events it writes; the data must hold together (valid unique PESELs, institutions that
exist) and the services must read it."""

from __future__ import annotations

import os
import uuid

import httpx
import pytest
from sqlalchemy import text
from stdnum.pl import pesel as stdnum_pesel

from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.common.testing import RsaKey, TokenFactory, bind_app_for_tests, fresh_postgres_database
from splot.embedded.national import DATABASES, Scale, load_country
from splot.embedded.national import lifecycle as national_lifecycle
from splot.embedded.national import referrals as national_referrals
from splot.embedded.national import reporting as national_reporting
from splot.reporting.config import ReportingSettings
from splot.reporting.ingestion import IngestContext
from splot.reporting.main import SERVICE_DIR as REPORTING_DIR

SERVER = os.environ.get("SPLOT_TEST_DATABASE_URL", "")
SUFFIX = os.environ.get("SPLOT_TEST_DB_SUFFIX", "")

pytestmark = pytest.mark.skipif(
    not SERVER.startswith("postgresql"),
    reason="the synthetic country loads with COPY: PostgreSQL only (set SPLOT_TEST_DATABASE_URL)",
)

SMALL = Scale(persons=300, referrals_per_year=500, years=1)


@pytest.fixture(scope="module")
async def country() -> dict[str, str]:
    urls = {
        name: await fresh_postgres_database(SERVER, f"splot_test_national_{name}{SUFFIX}")
        for name in DATABASES
    }
    # Small chunks: three of them, played by a pool of two processes and numbered in order here.
    # Every payload compared with the service's ``transition_payload`` (the processes inherit it).
    chunk, national_referrals.CHUNK_ROOTS = national_referrals.CHUNK_ROOTS, 200
    verify, national_lifecycle._VERIFY = national_lifecycle._VERIFY, 10**9
    os.environ["SPLOT_NATIONAL_PROCESSES"] = "2"
    try:
        counts = await load_country(urls, SMALL, seed=7, progress=lambda _: None)
    finally:
        national_referrals.CHUNK_ROOTS = chunk
        national_lifecycle._VERIFY = verify
        del os.environ["SPLOT_NATIONAL_PROCESSES"]
    assert counts["referrals.referral"] == 500
    assert counts["clients.person"] == 300
    urls["counts"] = str(counts)
    return urls


async def _rows(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return [tuple(r) for r in (await conn.execute(text(sql))).all()]
    finally:
        await engine.dispose()


async def test_direct_facts_equal_the_facts_ingestion_derives_from_the_feeds(country: dict[str, str]) -> None:
    rebuilt = await fresh_postgres_database(SERVER, f"splot_test_national_rebuilt{SUFFIX}")
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
    direct, ingested = await _rows(country["reporting"], query), await _rows(rebuilt, query)
    assert len(direct) >= 500
    assert direct == ingested
    outcomes = "SELECT referral_id, outcome_code FROM referral_outcome ORDER BY 1, 2"
    assert await _rows(country["reporting"], outcomes) == await _rows(rebuilt, outcomes)
    followups = (
        "SELECT followup_id, referral_id, due_months, outcome_code, answered_at FROM followup_fact ORDER BY 1"
    )
    assert await _rows(country["reporting"], followups) == await _rows(rebuilt, followups)
    persons = (
        "SELECT pseudonym, birth_year, sex, gmina, registered_by_institution_id FROM person_dim ORDER BY 1"
    )
    assert await _rows(country["reporting"], persons) == await _rows(rebuilt, persons)


async def test_loaded_rows_have_their_parents(country: dict[str, str]) -> None:
    # The load skips the foreign-key triggers: the parents must be there all the same.
    orphans = await _rows(
        country["referrals"],
        "SELECT (SELECT count(*) FROM referral_event e WHERE NOT EXISTS"
        " (SELECT 1 FROM referral r WHERE r.id = e.referral_id)),"
        " (SELECT count(*) FROM event_party p WHERE NOT EXISTS"
        " (SELECT 1 FROM outbox_event o WHERE o.seq = p.event_seq)),"
        " (SELECT count(*) FROM follow_up f WHERE NOT EXISTS"
        " (SELECT 1 FROM referral r WHERE r.id = f.referral_id))",
    )
    assert orphans == [(0, 0, 0)]
    tokens = await _rows(
        country["clients"],
        "SELECT count(*) FROM person_name_token t WHERE NOT EXISTS"
        " (SELECT 1 FROM person p WHERE p.id = t.person_id)",
    )
    assert tokens == [(0,)]
    indexes = await _rows(
        country["referrals"], "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_referral_target_due'"
    )
    assert indexes == [(1,)], "the indexes dropped for the load are built again"


async def test_pesels_are_valid_unique_and_match_birth_date_and_sex(country: dict[str, str]) -> None:
    rows = await _rows(
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
    institutions = {r[0] for r in await _rows(country["directory"], "SELECT id FROM institution")}
    persons = {r[0] for r in await _rows(country["clients"], "SELECT id FROM person")}
    referrals = await _rows(
        country["referrals"], "SELECT sender_institution_id, target_institution_id, person_id FROM referral"
    )
    assert all(s in institutions and t in institutions and p in persons for s, t, p in referrals)
    statuses = dict(await _rows(country["referrals"], "SELECT status, count(*) FROM referral GROUP BY 1"))
    assert statuses.get("completed", 0) > statuses.get("rejected", 0) > 0
    chains = await _rows(country["referrals"], "SELECT count(*) FROM referral WHERE chain_depth > 0")
    assert chains[0][0] > 0
    versions = await _rows(
        country["referrals"],
        "SELECT r.version, max(e.version) FROM referral r JOIN referral_event e ON e.referral_id = r.id"
        " GROUP BY r.id, r.version",
    )
    assert all(version == last for version, last in versions)


async def test_the_referrals_api_reads_a_generated_referral(country: dict[str, str]) -> None:
    from splot.referrals.config import ReferralsSettings
    from splot.referrals.main import create_app

    (referral_id, number, target, target_type), *_ = await _rows(
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
    cursors = dict(await _rows(country["reporting"], "SELECT source, last_seq FROM source_cursor"))
    for source in ("directory", "clients", "referrals"):
        (head,) = (await _rows(country[source], "SELECT coalesce(max(position), 0) FROM outbox_event"))[0]
        unnumbered = await _rows(country[source], "SELECT count(*) FROM outbox_event WHERE position IS NULL")
        assert cursors[source] == head > 0
        assert unnumbered == [(0,)]


async def test_generated_persons_are_found_by_name(country: dict[str, str]) -> None:
    found = await _rows(
        country["clients"],
        "SELECT count(DISTINCT t.person_id) FROM person_name_token t JOIN registration r"
        " ON r.person_id = t.person_id WHERE r.registered_by = 'national-generator'",
    )
    assert found == [(300,)]


async def test_a_second_load_is_refused(country: dict[str, str]) -> None:
    urls = {name: country[name] for name in DATABASES}
    with pytest.raises(ValueError, match="already hold"):
        await load_country(urls, SMALL, progress=lambda _: None)
