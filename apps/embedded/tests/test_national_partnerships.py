"""The synthetic country's local partnerships and institution surveys, on PostgreSQL.

Parties come from the partnership's own powiat; a confirmed agreement is confirmed by each of its
parties; every event is on its published contract; the reporting rows written directly are the
rows the reporting service's own handlers derive from those events; the reporting service's own
query code (partnership measures, problem areas, survey results) shows a country; no row lacks
its parent."""

from __future__ import annotations

import json
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from national_db import fetch_rows, fresh_country_databases, fresh_database, postgres_only
from sqlalchemy import select

from splot.common.db import create_engine, create_sessionmaker
from splot.common.events import check_payload
from splot.common.migrations import upgrade
from splot.common.testing import event_example
from splot.embedded.national import Scale, load_country
from splot.embedded.national import institutions as institutions_mod
from splot.embedded.national import partnerships as national_partnerships
from splot.embedded.national import surveys as national_surveys
from splot.embedded.national.territory import powiats
from splot.reporting import partnership_measures, partnerships
from splot.reporting.config import ReportingSettings
from splot.reporting.facts import Calendar
from splot.reporting.ingestion import IngestContext, handler_for
from splot.reporting.main import SERVICE_DIR as REPORTING_DIR
from splot.reporting.models import PartnershipDim
from splot.reporting.periods import month_range
from splot.reporting.practices.problem_areas import problem_area_counts
from splot.reporting.practices.search import published_practices
from splot.reporting.scopes import territory_scope
from splot.reporting.sources import FeedEvent
from splot.reporting.suppression import Policy
from splot.reporting.surveys.models import SurveyRound
from splot.reporting.surveys.responses import clean_answers, require_complete
from splot.reporting.surveys.results import round_results

pytestmark = postgres_only

SMALL = Scale(persons=300, referrals_per_year=800, years=3)
KINDS = "('partnership', 'agreement', 'evaluation')"
POLICY = Policy(threshold=3, sensitive_threshold=10, rounding_base=1, sensitive_codes=frozenset())


@pytest.fixture(scope="module")
async def country() -> dict[str, str]:
    urls = await fresh_country_databases("national_partners")
    counts = await load_country(urls, SMALL, seed=11, progress=lambda _: None)
    assert counts["directory.partnership"] > 0
    return urls


async def test_partnerships_in_most_powiats_with_parties_of_their_own_powiat(country: dict[str, str]) -> None:
    [(partnerships_n,)] = await fetch_rows(country["directory"], "SELECT count(*) FROM partnership")
    assert 0.45 * len(powiats()) <= partnerships_n <= 0.75 * len(powiats())
    strangers = await fetch_rows(
        country["directory"],
        "SELECT count(*) FROM partnership_party pp JOIN partnership p ON p.id = pp.partnership_id"
        " JOIN institution i ON i.id = pp.institution_id WHERE substr(i.teryt, 1, 4) <> (p.area_teryt->>0)",
    )
    assert strangers == [(0,)]
    # Each has a PUP and an OPS/CUS among its parties or invited, and NGOs in most.
    kinds = await fetch_rows(
        country["directory"],
        "SELECT bool_and(types @> ARRAY['PUP']), bool_and(types && ARRAY['OPS', 'CUS']),"
        " avg((types && ARRAY['NGO'])::int) FROM (SELECT pp.partnership_id, array_agg(i.type::text) AS types"
        " FROM partnership_party pp JOIN institution i ON i.id = pp.institution_id"
        " GROUP BY 1) t",
    )
    assert kinds[0][0] and kinds[0][1] and kinds[0][2] > 0.8


async def test_every_confirmed_agreement_is_confirmed_by_every_party(country: dict[str, str]) -> None:
    rows = await fetch_rows(
        country["directory"],
        "SELECT a.id, a.confirmed_on, a.partnership_id,"
        " array(SELECT institution_id::text FROM agreement_party ap WHERE ap.agreement_id = a.id ORDER BY 1),"
        " array(SELECT institution_id::text FROM agreement_confirmation c WHERE c.agreement_id = a.id ORDER BY 1),"
        " (SELECT max(confirmed_at) FROM agreement_confirmation c WHERE c.agreement_id = a.id),"
        " array(SELECT institution_id::text FROM partnership_party pp WHERE pp.partnership_id = a.partnership_id"
        "       AND pp.state = 'party' ORDER BY 1)"
        " FROM partnership_agreement a WHERE a.partnership_id IS NOT NULL",
    )
    confirmed = [r for r in rows if r[1] is not None]
    pending = [r for r in rows if r[1] is None]
    assert len(confirmed) > 100 and pending, "most agreements confirmed, a few still waiting"
    for _, confirmed_on, _, parties, confirmations, last, members in confirmed:
        assert confirmations == parties and len(parties) >= 2
        assert confirmed_on == last.astimezone(UTC).date()
        assert set(parties) <= set(members)
    for _, _, _, parties, confirmations, _, _ in pending:
        assert set(confirmations) < set(parties)
    initiatives = await fetch_rows(
        country["directory"],
        "SELECT count(*) FROM partnership p WHERE NOT EXISTS"
        " (SELECT 1 FROM partnership_agreement a WHERE a.partnership_id = p.id)",
    )
    assert initiatives[0][0] > 0, "a few partnerships are still being formed"


async def test_events_are_on_their_contracts_and_in_time_order(country: dict[str, str]) -> None:
    rows = await fetch_rows(
        country["directory"],
        f"SELECT type, payload, occurred_at FROM outbox_event WHERE aggregate_type IN {KINDS} ORDER BY position",  # noqa: S608
    )
    kinds = {r[0] for r in rows}
    assert {"partnership.created", "partnership.invitation_answered", "agreement.created",
            "agreement.confirmed", "agreement.superseded", "evaluation.submitted"} <= kinds  # fmt: skip
    now = datetime.now(UTC)
    for kind, payload, occurred_at in rows:
        payload = json.loads(payload) if isinstance(payload, str) else payload
        check_payload(kind, payload)  # the code's declaration
        assert event_example("directory", kind, **payload) == payload  # the committed contract
        assert occurred_at <= now
    loaded = [r for r in rows if r[2] < now - timedelta(hours=1)]
    assert [r[2] for r in loaded] == sorted(r[2] for r in loaded)


async def test_reporting_rows_are_what_its_handlers_derive_from_the_events(country: dict[str, str]) -> None:
    rebuilt = await fresh_database("national_partners_rebuilt")
    await upgrade(REPORTING_DIR, rebuilt)
    rows = await fetch_rows(
        country["directory"],
        "SELECT seq, id, type, aggregate_type, aggregate_id, occurred_at, payload FROM outbox_event"
        f" WHERE aggregate_type IN {KINDS} ORDER BY position",  # noqa: S608
    )
    ctx = IngestContext.from_settings(ReportingSettings())
    engine = create_engine(rebuilt)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            for seq, event_id, kind, aggregate, aggregate_id, occurred_at, payload in rows:
                event = FeedEvent(seq, event_id, kind, aggregate, aggregate_id, occurred_at,
                                  json.loads(payload) if isinstance(payload, str) else payload)  # fmt: skip
                handler = handler_for(event)
                assert handler is not None
                await handler(session, event, ctx)
    finally:
        await engine.dispose()
    for query in (
        "SELECT id, status, version, leader_institution_id, area_teryt::jsonb::text, programme FROM partnership_dim",
        "SELECT partnership_id, institution_id, joined_on, left_on FROM partnership_party",
        "SELECT id, valid_from, valid_to, version, status, confirmed_on, ended_on, partnership_id, number"
        " FROM agreement_dim",
        "SELECT agreement_id, institution_id FROM agreement_party",
        "SELECT evaluation_id, partnership_id, institution_id, period, first_day, last_day,"
        " problem_areas::jsonb::text, submitted_at FROM evaluation_area_fact",
    ):
        # The demo's own partnership is in both (its events are in the same feed).
        ingested = sorted(await fetch_rows(rebuilt, query))
        assert len(ingested) > 50
        assert sorted(await fetch_rows(country["reporting"], query)) == ingested, query


async def test_reporting_shows_partnership_measures_problem_areas_and_survey_results(
    country: dict[str, str],
) -> None:
    engine = create_engine(country["reporting"])
    calendar = Calendar.named("Europe/Warsaw")
    today = datetime.now(UTC).date()
    months = month_range("month", f"{today.year - 3}-01", f"{today.year}-{today.month:02d}")
    try:
        async with create_sessionmaker(engine)() as session:
            joint = 0
            for pid in (await session.scalars(select(PartnershipDim.id))).all():
                members = await partnerships.memberships(session, pid)
                body = await partnership_measures.measures(
                    session, members=members, months=months, period_end=today, calendar=calendar,
                    publish=partnership_measures.Publish(POLICY, exact=True),
                )  # fmt: skip
                joint += int(body["indicators"]["referrals"].value or 0)
            assert joint > 0
            areas = await problem_area_counts(
                session, scope=territory_scope(""), policy=POLICY, territory=None,
                month_from=f"{today.year - 2}-01", month_to=f"{today.year - 1}-12",
            )  # fmt: skip
            assert sum(int(a["evaluations"].value or 0) for a in areas) > 0
            assert sum(int(a["surveys"].value or 0) for a in areas) > 0
            practices = await published_practices(session, territory="", problem_areas=["information_flow"])
            assert practices and all(p["institution_name"] for p in practices)
            rounds = (await session.scalars(select(SurveyRound).order_by(SurveyRound.opened_at))).all()
            assert len(rounds) == 2 and all(r.status == "closed" for r in rounds)
            for row in rounds:
                results = await round_results(session, row.id, scope="", policy=3, owner=True)
                assert results["respondents"]["value"] > 500
                scale = next(q for q in results["questions"] if q["key"] == "ocena_partnera")
                assert 2.5 < scale["mean"]["value"] < 4.5
                assert sum(v["count"]["value"] or 0 for v in scale["distribution"]) > 500
                texts = next(q for q in results["questions"] if q["key"] == "dobre_praktyki")["texts"]
                assert texts and any(t["publishable"] for t in texts)
    finally:
        await engine.dispose()
    answers = await fetch_rows(
        country["reporting"],
        "SELECT r.status, r.answers, q.sections FROM survey_response r JOIN survey_round o ON o.id = r.round_id"
        " JOIN survey_questionnaire q ON q.id = o.questionnaire_id",
    )
    submitted = [a for a in answers if a[0] == "submitted"]
    [(recipients,)] = await fetch_rows(country["reporting"], "SELECT count(*) FROM survey_recipient")
    assert 0.55 < len(submitted) / recipients < 0.9
    for status, given, sections in answers:
        document = {"sections": json.loads(sections) if isinstance(sections, str) else sections}
        given = json.loads(given) if isinstance(given, str) else given
        assert clean_answers(document, given) == given
        if status == "submitted":
            require_complete(document, given)


async def test_no_orphan_rows(country: dict[str, str]) -> None:
    directory = await fetch_rows(
        country["directory"],
        "SELECT"
        " (SELECT count(*) FROM partnership_party x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)"
        "   OR NOT EXISTS (SELECT 1 FROM institution i WHERE i.id = x.institution_id)),"
        " (SELECT count(*) FROM partnership p WHERE NOT EXISTS (SELECT 1 FROM institution i WHERE i.id = p.leader_institution_id)),"
        " (SELECT count(*) FROM agreement_party x WHERE NOT EXISTS (SELECT 1 FROM partnership_agreement a WHERE a.id = x.agreement_id)),"
        " (SELECT count(*) FROM agreement_confirmation x WHERE NOT EXISTS"
        "   (SELECT 1 FROM agreement_party a WHERE a.agreement_id = x.agreement_id AND a.institution_id = x.institution_id)),"
        " (SELECT count(*) FROM partnership_agreement x WHERE x.partnership_id IS NOT NULL AND NOT EXISTS"
        "   (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)),"
        " (SELECT count(*) FROM partnership_agreement x WHERE x.amends_id IS NOT NULL AND NOT EXISTS"
        "   (SELECT 1 FROM partnership_agreement a WHERE a.id = x.amends_id)),"
        " (SELECT count(*) FROM partnership_task x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)"
        "   OR (x.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM partnership_meeting m WHERE m.id = x.meeting_id))"
        "   OR NOT EXISTS (SELECT 1 FROM institution i WHERE i.id = x.owner_institution_id)),"
        " (SELECT count(*) FROM partnership_meeting x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)),"
        " (SELECT count(*) FROM partnership_evaluation x WHERE NOT EXISTS"
        "   (SELECT 1 FROM partnership_party p WHERE p.partnership_id = x.partnership_id"
        "    AND p.institution_id = x.institution_id AND p.state = 'party')),"
        " (SELECT count(*) FROM partnership_criteria x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)),"
        " (SELECT count(*) FROM partnership_standard_step x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id)"
        "   OR (x.service_type_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM service_type s WHERE s.code = x.service_type_code))),"
        " (SELECT count(*) FROM partnership_target x WHERE NOT EXISTS (SELECT 1 FROM partnership p WHERE p.id = x.partnership_id))",
    )  # fmt: skip
    assert directory == [(0,) * 12]
    reporting = await fetch_rows(
        country["reporting"],
        "SELECT"
        " (SELECT count(*) FROM partnership_party x WHERE NOT EXISTS (SELECT 1 FROM partnership_dim p WHERE p.id = x.partnership_id)"
        "   OR NOT EXISTS (SELECT 1 FROM institution_dim i WHERE i.id = x.institution_id)),"
        " (SELECT count(*) FROM agreement_party x WHERE NOT EXISTS (SELECT 1 FROM agreement_dim a WHERE a.id = x.agreement_id)),"
        " (SELECT count(*) FROM evaluation_area_fact x WHERE NOT EXISTS (SELECT 1 FROM partnership_dim p WHERE p.id = x.partnership_id)),"
        " (SELECT count(*) FROM survey_round x WHERE NOT EXISTS (SELECT 1 FROM survey_questionnaire q WHERE q.id = x.questionnaire_id)),"
        " (SELECT count(*) FROM survey_recipient x WHERE NOT EXISTS (SELECT 1 FROM survey_round r WHERE r.id = x.round_id)"
        "   OR NOT EXISTS (SELECT 1 FROM institution_dim i WHERE i.id = x.institution_id)),"
        " (SELECT count(*) FROM survey_response x WHERE NOT EXISTS (SELECT 1 FROM survey_recipient r"
        "   WHERE r.round_id = x.round_id AND r.institution_id = x.institution_id)),"
        " (SELECT count(*) FROM survey_text_answer x WHERE NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.id = x.response_id))",
    )  # fmt: skip
    assert reporting == [(0,) * 7]


def test_the_same_seed_gives_the_same_partnerships() -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    institutions = institutions_mod.build(random.Random(3), powiats())

    def build(seed: int) -> list[tuple[str, object]]:
        builder = national_partnerships.Builder(
            national_partnerships.derived(random.Random(seed), "partnerships"),
            now, now - timedelta(days=3 * 365), ["PAI"], {"social_work"},
        )  # fmt: skip
        members = [i for i in institutions if i.powiat == institutions[0].powiat]
        builder.partnership(institutions[0].powiat, "bolesławiecki", members)
        return [(e["type"], e["payload"]) for e in builder.events]

    first, again, other = build(5), build(5), build(6)
    assert first == again
    assert first != other
    assert national_surveys.answers(random.Random(1), "OPS", True, 2025) == national_surveys.answers(
        random.Random(1), "OPS", True, 2025
    )
    assert uuid.UUID(str(first[0][1]["id"]))  # type: ignore[index]
