"""Feed consumption: cursors, exactly-once in effect, ordering, back-off, restart, rebuild,
pseudonymisation, late dimensions, the HTTP source and the lag in /metrics."""

import json
import uuid

import httpx
import pytest
from sqlalchemy import event, func, inspect, select, text

from splot.common.http import ServiceTokenProvider
from splot.reporting import consumer, cube_sources, cubes, ingestion
from splot.reporting.models import PersonDim, ProcessedEvent, ReferralFact, SourceCursor
from splot.reporting.sources import HttpEventSource, Sources, SourceUnavailable

from sample import Feeds, fixed_dataset, ingest


async def _referrals_total(session) -> int:
    table = cubes.REGION.table
    return int(await session.scalar(select(func.coalesce(func.sum(table.c.referrals), 0))) or 0)


async def test_cursors_record_where_each_source_stands(dataset, session):
    cursors = {c.source: c for c in (await session.scalars(select(SourceCursor))).all()}
    assert set(cursors) == {"directory", "clients", "referrals"}
    feeds = dataset.feeds
    assert cursors["referrals"].last_seq == feeds.referrals.events[-1].seq == cursors["referrals"].head_seq
    assert cursors["directory"].last_seq == len(feeds.directory.events)
    assert cursors["referrals"].last_success_at is not None


async def test_redelivered_events_are_applied_once(sessionmaker, session, settings):
    data = fixed_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    before = await _referrals_total(session)
    # The feed delivers everything again (e.g. a consumer crashed after applying, before its
    # cursor was saved): rewind the cursors; the recorded event ids make it a no-op.
    await session.execute(text("UPDATE source_cursor SET last_seq = 0"))
    results = await ingest(sessionmaker, data.feeds, settings)
    assert results["referrals"].fetched == len(data.feeds.referrals.events)
    assert results["referrals"].applied == 0
    assert await _referrals_total(session) == before == 22


def _processed_lookups(engine) -> tuple[list[str], object]:
    """Record the statements that look up processed event ids."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM processed_event" in statement:
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    return seen, record


async def test_pages_beyond_every_processed_position_look_up_no_event_ids(
    engine, sessionmaker, session, settings
):
    """A feed gives each event one position: events past the highest position processed so far
    were never applied, so a first pass (every page of a rebuild) looks up no ids; a cursor moved
    back re-reads positions up to it, and those pages are looked up (and applied once)."""
    data = fixed_dataset()
    seen, record = _processed_lookups(engine)
    try:
        await ingest(sessionmaker, data.feeds, settings, batch_size=7)
        assert seen == []
        cursors = {c.source: c for c in (await session.scalars(select(SourceCursor))).all()}
        last = data.feeds.referrals.events[-1].seq
        assert cursors["referrals"].processed_through == cursors["referrals"].last_seq == last
        before = await _referrals_total(session)

        await session.execute(text("UPDATE source_cursor SET last_seq = 0"))
        results = await ingest(sessionmaker, data.feeds, settings, batch_size=7)
        assert len(seen) >= len(data.feeds.referrals.events) // 7
        assert results["referrals"].applied == 0
        assert await _referrals_total(session) == before
        session.expire_all()
        cursor = await session.get(SourceCursor, "referrals")
        assert cursor.processed_through == last  # never lowered

        new = data.feeds.referrals.events[-1]
        data.feeds.referrals.append(
            new.type, new.payload, occurred_at=new.occurred_at, aggregate_type="referral"
        )
        seen.clear()
        results = await ingest(sessionmaker, data.feeds, settings)
        assert results["referrals"].fetched == 1 and seen == []
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_an_older_snapshot_does_not_overwrite_a_newer_one(sessionmaker, session, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1219053")
    person = feeds.person(1990, "F", "1219053", pup)
    ref = feeds.referral(pup, ops, person, "social_work").send("2025-03-03", due="2025-03-10")
    ref.accept("2025-03-04").complete("2025-03-20", ["goals_met"])
    # the "accepted" snapshot is delivered again later, as a new event (same version as before)
    stale = feeds.referrals.events[1]
    feeds.referrals.append(
        stale.type, stale.payload, occurred_at=stale.occurred_at, aggregate_type="referral"
    )
    await ingest(sessionmaker, feeds, settings)
    fact = await session.get(ReferralFact, ref.id)
    assert fact.status == "completed" and fact.version == 3 and fact.outcome_codes == ["goals_met"]


async def test_consumption_resumes_from_the_cursor_after_a_restart(sessionmaker, session, settings):
    data = fixed_dataset()
    ctx = ingestion.IngestContext.from_settings(settings)
    first = await consumer.consume_batch(sessionmaker, data.feeds.referrals, ctx, batch_size=7)
    assert first.fetched == 7 and not first.caught_up
    # "restart": a new consumer, a new source object over the same feed
    fresh = Feeds(
        data.feeds.directory,
        data.feeds.clients,
        type(data.feeds.referrals)("referrals", list(data.feeds.referrals.events)),
    )
    results = await ingest(sessionmaker, fresh, settings, batch_size=20)
    assert results["referrals"].fetched == len(data.feeds.referrals.events) - 7
    assert await _referrals_total(session) == 22


async def test_a_source_that_is_down_is_retried_with_exponential_backoff(sessionmaker, session, settings):
    data = fixed_dataset()
    data.feeds.referrals.fail_next = 3
    clock = {"now": 0.0}
    sleeps = []

    async def fake_sleep(seconds):
        sleeps.append(seconds)
        clock["now"] += seconds

    attempts = []
    original = data.feeds.referrals.fetch

    async def recording_fetch(*, after, limit):
        attempts.append((clock["now"], data.feeds.referrals.fail_next > 0))
        return await original(after=after, limit=limit)

    data.feeds.referrals.fetch = recording_fetch
    settings = settings.model_copy(update={"ingest_backoff_initial_seconds": 1.0, "ingest_poll_seconds": 0.5})
    backoff = await consumer.run_worker(
        sessionmaker,
        data.feeds.sources(),
        ingestion.IngestContext.from_settings(settings),
        settings,
        sleep=fake_sleep,
        clock=lambda: clock["now"],
        max_cycles=60,
    )
    cursor = await session.get(SourceCursor, "referrals")
    assert cursor.last_seq == data.feeds.referrals.events[-1].seq  # recovered and caught up
    assert cursor.consecutive_failures == 0 and cursor.last_error == "SourceUnavailable"
    assert backoff.failures.get("referrals") is None
    # three failures, retried after ~1, ~2, ~4 s (with jitter), not on every 0.5 s poll
    failed = [t for t, failing in attempts if failing]
    first_success = next(t for t, failing in attempts if not failing)
    assert len(failed) == 3
    gaps = [b - a for a, b in zip([*failed, first_success], [*failed, first_success][1:], strict=False)]
    assert 0.8 <= gaps[0] <= 1.5 and 1.6 <= gaps[1] <= 2.9 and 3.2 <= gaps[2] <= 5.3, gaps
    assert await _referrals_total(session) == 22


def test_backoff_doubles_up_to_the_maximum():
    backoff = consumer.SourceBackoff.seconds(1.0, 10.0)
    delays = [backoff.failure("x", 0.0) for _ in range(6)]
    assert 0.8 <= delays[0] <= 1.2 and 1.6 <= delays[1] <= 2.4 and 3.2 <= delays[2] <= 4.8
    assert all(d <= 12.0 for d in delays) and delays[-1] >= 8.0
    assert not backoff.ready("x", 0.0)
    backoff.success("x")
    assert backoff.ready("x", 0.0)


async def test_a_malformed_event_is_skipped_not_blocking(sessionmaker, session, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    feeds.directory.append(
        "institution.updated", {"id": "not-a-uuid"}, occurred_at=feeds.directory.events[0].occurred_at
    )
    ngo = feeds.institution("NGO", "1219053")
    results = await ingest(sessionmaker, feeds, settings)
    assert results["directory"].skipped == 1 and results["directory"].applied == 2
    assert results["directory"].last_seq == 3
    assert pup and ngo


async def test_persons_are_pseudonymised_and_registry_ids_never_stored(dataset, session, settings):
    raw_ids = {str(p) for p in dataset.persons.values()}
    rows = (await session.scalars(select(PersonDim.pseudonym))).all()
    assert len(rows) == 5 and not raw_ids & set(rows)
    assert all(len(r) == 64 for r in rows)
    # no table holds a registry person id in any column
    for table in ("person_dim", "person_contact", "referral_fact", "consent_fact", "followup_fact"):
        dump = json.dumps(
            [list(map(str, r)) for r in (await session.execute(text(f"SELECT * FROM {table}"))).all()]
        )  # noqa: S608
        assert not any(raw in dump or raw.replace("-", "") in dump for raw in raw_ids), table


async def test_pseudonyms_depend_on_the_secret_key():
    from splot.reporting.facts import Pseudonymiser

    person = uuid.uuid4()
    assert Pseudonymiser("a")(person) == Pseudonymiser("a")(str(person).upper())
    assert Pseudonymiser("a")(person) != Pseudonymiser("b")(person)


async def test_merge_moves_facts_to_the_survivor(dataset, session, settings):
    ctx = ingestion.IngestContext.from_settings(settings)
    survivor = ctx.pseudonymise(dataset.persons["P1"])
    merged = ctx.pseudonymise(dataset.persons["P5"])
    fact = await session.get(ReferralFact, dataset.refs["R15"].id)
    assert fact.person_pseudonym == survivor
    assert (await session.get(PersonDim, merged)).merged_into == survivor
    count = await session.scalar(
        select(func.count()).select_from(ReferralFact).where(ReferralFact.person_pseudonym == merged)
    )
    assert count == 0


async def test_late_dimensions_are_applied_to_earlier_facts(sessionmaker, session, settings):
    """Referrals consumed before the institutions they name: the cubes are fixed when the
    institutions arrive."""
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1261011")
    person = feeds.person(1990, "F", "1219053", pup)
    feeds.referral(pup, ops, person, "social_work").send("2025-03-03", due="2025-03-10")
    directory_events = list(feeds.directory.events)
    feeds.directory.events.clear()
    await ingest(sessionmaker, feeds, settings)
    table = cubes.POWIAT.table
    rows = (await session.execute(select(table.c.sender_type, table.c.target_powiat))).all()
    assert rows == [("unknown", "unknown")]
    feeds.directory.events.extend(directory_events)
    await ingest(sessionmaker, feeds, settings)
    rows = (await session.execute(select(table.c.sender_type, table.c.target_powiat))).all()
    assert rows == [("PUP", "1261")]


async def test_institution_moving_updates_the_cubes(sessionmaker, session, settings):
    data = fixed_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    moved = data.inst["OPS_N"]
    moved.teryt, moved.version = "1261011", 2
    data.feeds.directory.append(
        "institution.updated",
        data.feeds.institution_payload(moved),
        occurred_at=data.feeds.directory.events[0].occurred_at,
    )
    stale = data.feeds.institution_payload(moved) | {"teryt": "1219043", "powiat_code": "1219", "version": 1}
    data.feeds.directory.append(
        "institution.updated", stale, occurred_at=data.feeds.directory.events[0].occurred_at
    )
    await ingest(sessionmaker, data.feeds, settings)
    table = cubes.POWIAT.table
    senders = dict(
        (
            await session.execute(
                select(table.c.sender_powiat, func.sum(table.c.referrals))
                .where(table.c.month == 3)
                .group_by(table.c.sender_powiat)
            )
        ).all()
    )
    assert senders == {"1219": 8, "1261": 2}  # R6 now counts for Kraków; the stale v1 was ignored


async def test_rebuild_recomputes_everything_from_the_feeds(sessionmaker, session, settings):
    data = fixed_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    snapshot = {
        cube.name: sorted(map(tuple, (await session.execute(select(cube.table))).all()))
        for cube in cubes.CUBES
    }
    await session.execute(cubes.POWIAT.table.delete())  # damage
    results = await consumer.rebuild(
        sessionmaker, data.feeds.sources(), ingestion.IngestContext.from_settings(settings), batch_size=40
    )
    assert results["referrals"].applied == len(data.feeds.referrals.events)
    again = {
        cube.name: sorted(map(tuple, (await session.execute(select(cube.table))).all()))
        for cube in cubes.CUBES
    }
    assert again == snapshot
    assert await session.scalar(select(func.count()).select_from(ProcessedEvent)) == sum(
        len(s.events) for s in (data.feeds.directory, data.feeds.clients, data.feeds.referrals)
    )


async def test_cubes_match_the_raw_facts(dataset, session, settings):
    """Every cube is the GROUP BY of the raw rows it is computed from."""
    for cube in cubes.CUBES:
        raw = cube_sources.RAW_SOURCES[cube.family]().subquery()
        groups = [raw.c.year, raw.c.month, *(raw.c[k] for k in cube.keys)]
        expected = sorted(
            tuple(r)
            for r in (
                await session.execute(
                    select(*groups, *(func.sum(raw.c[v]) for v in cube.values)).group_by(*groups)
                )
            ).all()
        )
        actual = sorted(tuple(r) for r in (await session.execute(select(cube.table))).all())
        assert actual == expected, cube.name


def _feed_app(events, *, fail: int = 0, token_status: int = 200):
    state = {"fail": fail, "tokens": 0, "seen_auth": []}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            state["tokens"] += 1
            assert request.headers["authorization"].startswith("Basic ")
            body = dict(httpx.QueryParams(request.content.decode()))
            assert body == {"grant_type": "client_credentials", "scope": "events:read"}
            return httpx.Response(
                token_status, json={"access_token": f"tok{state['tokens']}", "expires_in": 900}
            )
        state["seen_auth"].append(request.headers.get("authorization"))
        if state["fail"] > 0:
            state["fail"] -= 1
            return httpx.Response(503, json={"code": "unavailable"})
        if request.url.path.endswith("/v1/service-types"):
            return httpx.Response(200, json={"items": [{"code": "addiction_therapy", "sensitive": True}]})
        after = int(request.url.params["after"])
        limit = int(request.url.params["limit"])
        items = [e for e in events if e["seq"] > after][:limit]
        head = events[-1]["seq"] if events else 0
        return httpx.Response(
            200, json={"items": items, "last_seq": items[-1]["seq"] if items else after, "head_seq": head}
        )

    return httpx.MockTransport(handler), state


def _as_json(feed):
    return [
        {
            "seq": e.seq,
            "id": str(e.id),
            "type": e.type,
            "aggregate_type": e.aggregate_type,
            "aggregate_id": e.aggregate_id,
            "occurred_at": e.occurred_at.isoformat(),
            "payload": e.payload,
        }
        for e in feed.events
    ]


async def test_http_source_reads_the_feed_contract(sessionmaker, session, settings):
    data = fixed_dataset()
    transports = {
        name: _feed_app(_as_json(getattr(data.feeds, name))) for name in ("directory", "clients", "referrals")
    }

    class Router(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request):
            if request.url.path.endswith("/oauth/token"):
                return await transports["directory"][0].handle_async_request(request)
            name = request.url.path.split("/")[2]
            return await transports[name][0].handle_async_request(request)

    http = httpx.AsyncClient(transport=Router())
    tokens = ServiceTokenProvider(
        token_url="http://splot/api/directory/v1/oauth/token",
        client_id="reporting",
        client_secret="s",
        scope="events:read",
        http=http,
    )
    feeds = [
        HttpEventSource(n, f"http://splot/api/{n}", tokens=tokens, http=http)
        for n in ("directory", "clients", "referrals")
    ]
    results = await consumer.ingest_until_caught_up(
        sessionmaker,
        Sources(feeds=feeds, catalogue=feeds[0], http=http),
        ingestion.IngestContext.from_settings(settings),
        batch_size=25,
    )
    await http.aclose()
    assert results["referrals"].last_seq == data.feeds.referrals.events[-1].seq
    assert await _referrals_total(session) == 22
    assert transports["referrals"][1]["seen_auth"][0] == "Bearer tok1"
    assert transports["directory"][1]["tokens"] == 1  # the token is cached across sources


async def test_http_source_maps_failures_to_unavailable():
    transport, state = _feed_app([], fail=1)
    http = httpx.AsyncClient(transport=transport)
    tokens = ServiceTokenProvider(
        token_url="http://x/v1/oauth/token", client_id="r", client_secret="s", scope="events:read", http=http
    )
    source = HttpEventSource("referrals", "http://x", tokens=tokens, http=http)
    with pytest.raises(SourceUnavailable):
        await source.fetch(after=0, limit=10)
    page = await source.fetch(after=0, limit=10)
    assert page.items == [] and page.head_seq == 0
    bad_tokens = ServiceTokenProvider(
        token_url="http://x/v1/oauth/token",
        client_id="r",
        client_secret="s",
        scope="events:read",
        http=httpx.AsyncClient(transport=_feed_app([], token_status=401)[0]),
    )
    with pytest.raises(SourceUnavailable):
        await HttpEventSource("referrals", "http://x", tokens=bad_tokens, http=http).fetch(after=0, limit=10)
    await http.aclose()


@pytest.mark.parametrize(
    "body",
    [
        b"<html>maintenance</html>",  # not JSON
        b'{"items": [{"seq": 1}], "last_seq": 1, "head_seq": 1}',  # an event without its fields
        b'{"items": [{"seq": 1, "id": "5f0c1a52-0000-4000-8000-000000000001", "type": "person.created",'
        b' "aggregate_type": "person", "aggregate_id": "x", "occurred_at": "2025-03-03T09:00:00+00:00",'
        b' "payload": [1, 2]}], "last_seq": 1, "head_seq": 1}',  # a payload that is not an object
    ],
)
async def test_a_feed_page_that_is_not_the_contract_is_unavailable_not_a_crash(body):
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 300})
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    tokens = ServiceTokenProvider(
        token_url="http://x/v1/oauth/token", client_id="r", client_secret="s", scope="events:read", http=http
    )
    with pytest.raises(SourceUnavailable):
        await HttpEventSource("clients", "http://x", tokens=tokens, http=http).fetch(after=0, limit=10)
    await http.aclose()


async def test_lag_is_exposed_in_metrics_and_as_of(client, dataset, analyst, session):
    await session.execute(text("UPDATE source_cursor SET head_seq = last_seq + 7 WHERE source = 'clients'"))
    metrics = (await client.get("/metrics")).text
    assert 'splot_reporting_source_lag_events{source="clients"} 7.0' in metrics
    assert 'splot_reporting_source_lag_events{source="referrals"} 0.0' in metrics
    body = (await client.get("/v1/status", headers=analyst(""))).json()
    lags = {s["source"]: s["lag"] for s in body["as_of"]["sources"]}
    assert lags == {"clients": 7, "directory": 0, "referrals": 0}
    aggregate = (
        await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=analyst(""))
    ).json()
    assert aggregate["as_of"]["data_as_of"] is not None and len(aggregate["as_of"]["sources"]) == 3


async def test_only_one_replica_consumes_a_source(sessionmaker, engine, settings):
    if engine.dialect.name != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")
    data = fixed_dataset()
    async with engine.connect() as other:
        await other.execute(
            text("SELECT pg_advisory_lock(:k)"), {"k": ingestion.SOURCE_LOCK_KEYS["referrals"]}
        )
        try:
            result = await consumer.consume_batch(
                sessionmaker,
                data.feeds.referrals,
                ingestion.IngestContext.from_settings(settings),
                batch_size=10,
            )
        finally:
            await other.execute(
                text("SELECT pg_advisory_unlock(:k)"), {"k": ingestion.SOURCE_LOCK_KEYS["referrals"]}
            )
    assert result.locked_out and result.fetched == 0 and data.feeds.referrals.fetches == 0


def test_every_analytical_table_is_emptied_by_a_rebuild():
    from splot.reporting.models import Base

    kept = {
        "edition",
        "edition_version",
        # A results report frozen in an edition version (issue #16): never rebuilt.
        "edition_report",
        "service_type_ref",
        "programme_ref",
        "outbox_event",
        "idempotency_key",
        # Surveys (issue #16) are primary data of this service, not derived from the feeds.
        "survey_questionnaire",
        "survey_round",
        "survey_recipient",
        "survey_response",
        "survey_text_answer",
        # Good practices (issue #16) are primary data of this service too.
        "practice",
        "practice_transition",
        "practice_attachment",
    }
    emptied = {t.name for t in consumer.ANALYTICAL_TABLES}
    assert set(Base.metadata.tables) - kept == emptied
    assert inspect  # (imported for symmetry with other suites)


def _chain_parties(feeds: Feeds) -> tuple:
    """A PUP, an OPS and an NGO of one gmina, and a person."""
    pup, ops, ngo = (feeds.institution(kind, "1219053") for kind in ("PUP", "OPS", "NGO"))
    return pup, ops, ngo, feeds.person(1979, "F", "1219053", pup)


def _forwarded(feeds: Feeds, parties: tuple, month: str) -> tuple:
    """A PUP → OPS referral forwarded to the NGO in ``month``, both accepted."""
    pup, ops, ngo, person = parties
    root = feeds.referral(pup, ops, person, "social_work").send(f"{month}-03", due=f"{month}-10")
    root.accept(f"{month}-04")
    child = feeds.referral(ops, ngo, person, "cis_programme", parent=root).send(
        f"{month}-05", due=f"{month}-12"
    )
    child.accept(f"{month}-06")
    return root, child


async def test_one_employment_outcome_reported_up_a_chain_counts_once(sessionmaker, session, settings):
    """Issue #13 (defect 5): the NGO's "employed" reported again by the OPS is one outcome."""
    feeds = Feeds()
    root, child = _forwarded(feeds, _chain_parties(feeds), "2025-03")
    child.complete("2025-03-20", ["employed"])
    root.complete("2025-03-24", ["employed"])
    child.followup(3, "still_employed", "2025-06-20")
    await ingest(sessionmaker, feeds, settings)
    facts = {f.referral_id: f for f in (await session.scalars(select(ReferralFact))).all()}
    assert facts[child.id].employment_outcome == 1 and facts[root.id].employment_outcome == 0
    assert facts[child.id].followup_3m_answered == 1 and facts[root.id].followup_3m_answered == 0
    assert facts[root.id].completed == 1 and facts[root.id].outcome_codes == ["employed"]
    table = cubes.REGION.table
    total = await session.scalar(select(func.sum(table.c.employment_outcome)))
    assert total == 1


async def test_each_chain_of_a_page_counts_its_employment_outcome_once(
    engine, sessionmaker, session, settings
):
    """A page's chains are decided together (one read of the chains with several referrals):
    in each chain the first referral to end with an employment outcome counts it."""
    feeds = Feeds()
    # chain A: the child ends first; chain B: the root ends first; C: a referral on its own
    parties = _chain_parties(feeds)
    a_root, a_child = _forwarded(feeds, parties, "2025-03")
    a_child.complete("2025-03-20", ["employed"])
    a_root.complete("2025-03-24", ["employed"])
    b_root, b_child = _forwarded(feeds, parties, "2025-04")
    b_root.complete("2025-04-10", ["employed"])
    b_child.complete("2025-04-20", ["employed"])
    pup, _, ngo, person = parties
    alone = feeds.referral(pup, ngo, person, "cis_programme").send("2025-05-05", due="2025-05-12")
    alone.accept("2025-05-06").complete("2025-05-20", ["employed"])
    reads: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:
        where = " ".join(statement.split()).partition(" WHERE ")[2]
        if statement.lstrip().startswith("SELECT") and "chain_root_id" in where:
            reads.append(statement)  # a read of facts by their chain

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        await ingest(sessionmaker, feeds, settings, batch_size=1000)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    assert len(reads) == 1  # one page, one run of snapshots: one read for all its chains, not one each
    facts = {f.referral_id: f.employment_outcome for f in (await session.scalars(select(ReferralFact))).all()}
    assert facts == {a_root.id: 0, a_child.id: 1, b_root.id: 1, b_child.id: 0, alone.id: 1}
    table = cubes.REGION.table
    assert await session.scalar(select(func.sum(table.c.employment_outcome))) == 3
