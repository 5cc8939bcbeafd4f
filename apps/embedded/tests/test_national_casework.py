"""Joint casework of the synthetic country (``splot.embedded.national.casework``), on PostgreSQL.

Plans are drawn up for persons served by several institutions, their actions belong to those
institutions, referrals that serve actions obey the registry's own rule, every event is on the
published contract, the facts written directly are the facts reporting's ingestion derives from
those events, and reporting's casework measures show the country (suppressed where small)."""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import httpx
import jsonschema_rs
import pytest
from national_db import fetch_rows, fresh_country_databases, fresh_database, postgres_only

from splot.common.db import create_engine, create_sessionmaker
from splot.common.events import check_payload
from splot.common.migrations import upgrade
from splot.common.testing import (
    CONTRACTS_DIR,
    RsaKey,
    TokenFactory,
    bind_app_for_tests,
)
from splot.embedded.national import Scale, load_country
from splot.embedded.national import casework as national_casework
from splot.embedded.national import load as national_load
from splot.embedded.national import reporting as national_reporting
from splot.embedded.national.casework_stories import Casework, Ref, Setting, play
from splot.embedded.national.lifecycle import GENERATOR
from splot.reporting.config import ReportingSettings
from splot.reporting.ingestion import IngestContext
from splot.reporting.main import SERVICE_DIR as REPORTING_DIR

SMALL = Scale(persons=600, referrals_per_year=1000, years=1)
CASEWORK_EVENTS = ("diagnosis.", "plan.", "lead_worker.", "case_conference.")
FACT_TABLES = ("casework_plan", "casework_goal", "casework_action", "casework_diagnosis")


#: Both loads below play the same days up to the same moment.
NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


@contextmanager
def _loading(processes: int) -> Iterator[None]:
    """More plans than the national share gives so few persons (large cells nationally, small
    ones in a powiat), in chunks of 20 plans; "now" fixed; ``processes`` pool processes."""
    share, national_casework.SHARE = national_casework.SHARE, 0.2
    chunk, national_casework.CHUNK = national_casework.CHUNK, 20
    utcnow, national_load.utcnow = national_load.utcnow, lambda: NOW  # type: ignore[attr-defined]
    os.environ["SPLOT_NATIONAL_PROCESSES"] = str(processes)
    try:
        yield
    finally:
        national_casework.SHARE = share
        national_casework.CHUNK = chunk
        national_load.utcnow = utcnow  # type: ignore[attr-defined]
        del os.environ["SPLOT_NATIONAL_PROCESSES"]


async def _load(prefix: str, processes: int) -> dict[str, str]:
    urls = await fresh_country_databases(prefix)
    with _loading(processes):
        await load_country(urls, SMALL, seed=11, progress=lambda _: None)
    return urls


@pytest.fixture(scope="module")
async def country() -> dict[str, str]:
    """Played by a pool of two processes, each writing its own chunks of plans."""
    return await _load("national_cw", 2)


@pytest.fixture(scope="module")
async def country_in_process() -> dict[str, str]:
    """The same country played in this process (no pool)."""
    return await _load("national_cw_here", 0)


@postgres_only
async def test_the_same_seed_gives_the_same_casework_with_or_without_processes(
    country: dict[str, str], country_in_process: dict[str, str]
) -> None:
    # The generated persons' casework (the demo's own plans are not the generator's).
    persons = f"SELECT person_id FROM registration WHERE registered_by = '{GENERATOR}'"  # noqa: S608
    plans = f"SELECT id FROM plan WHERE person_id IN ({persons})"  # noqa: S608
    diagnoses = f"SELECT id FROM diagnosis WHERE person_id IN ({persons})"  # noqa: S608
    of = {"plan": ("id", plans), "diagnosis": ("id", diagnoses), "case_conference": ("person_id", persons),
          "lead_worker": ("person_id", persons), "diagnosis_contributor": ("diagnosis_id", diagnoses),
          "diagnosis_area": ("diagnosis_id", diagnoses)}  # fmt: skip
    sqls = [
        "SELECT * FROM {} WHERE {} IN ({}) ORDER BY id".format(table, *of.get(table, ("plan_id", plans)))
        for table in national_casework.CLIENT_TABLES
    ] + [
        # Numbered in the chunks' order, whichever process played them (after the persons').
        "SELECT seq, position, id, type, occurred_at, payload::text FROM outbox_event"
        " WHERE seq > (SELECT max(seq) FROM outbox_event WHERE type = 'person.created') ORDER BY seq",
    ]
    for sql in sqls:
        pooled = await fetch_rows(country["clients"], sql)
        assert pooled, sql
        assert pooled == await fetch_rows(country_in_process["clients"], sql), sql
    count = await fetch_rows(country["clients"], f"SELECT count(*) FROM ({plans}) p")  # noqa: S608
    assert count[0][0] > 3 * 20, "several chunks of plans"
    links = f"SELECT id, plan_action_id FROM referral WHERE created_by = '{GENERATOR}' ORDER BY id"  # noqa: S608
    assert await fetch_rows(country["referrals"], links) == await fetch_rows(
        country_in_process["referrals"], links
    )
    generated = {r[0] for r in await fetch_rows(country["clients"], f"{plans} UNION ALL {diagnoses}")}
    # The column of each fact that names a generated plan (or diagnosis).
    for table, column in {
        "casework_plan": 0,
        "casework_goal": 1,
        "casework_action": 1,
        "casework_diagnosis": 0,
    }.items():
        sql = f"SELECT * FROM {table} ORDER BY 1"  # noqa: S608
        pooled = [r for r in await fetch_rows(country["reporting"], sql) if r[column] in generated]
        here = [r for r in await fetch_rows(country_in_process["reporting"], sql) if r[column] in generated]
        assert pooled, table
        assert pooled == here, table


async def _served(country: dict[str, str]) -> dict[uuid.UUID, set[uuid.UUID]]:
    """The institutions each person's generated referrals connect them with."""
    served: dict[uuid.UUID, set[uuid.UUID]] = {}
    for person, sender, target in await fetch_rows(
        country["referrals"],
        f"SELECT person_id, sender_institution_id, target_institution_id FROM referral"  # noqa: S608
        f" WHERE created_by = '{GENERATOR}' AND sent_at IS NOT NULL",
    ):
        served.setdefault(person, set()).update(i for i in (sender, target) if i)
    return served


@postgres_only
async def test_plans_are_drawn_up_for_persons_served_by_several_institutions(country: dict[str, str]) -> None:
    plans = await fetch_rows(
        country["clients"],
        f"SELECT p.id, p.person_id, p.owner_institution_id, p.plan_type_code, p.status, p.diagnosis_id,"  # noqa: S608
        f" (SELECT count(*) FROM plan_goal g WHERE g.plan_id = p.id),"
        f" (SELECT count(*) FROM plan_action a WHERE a.plan_id = p.id)"
        f" FROM plan p WHERE p.created_by = '{GENERATOR}'",
    )
    assert len(plans) >= 50
    served = await _served(country)
    assert len({p[1] for p in plans}) == len(plans), "one plan per person"
    for _, person, owner, _, _, _, goals, actions in plans:
        assert len(served[person]) >= 2 and owner in served[person]
        assert 1 <= goals <= 3 and 3 <= actions <= 8
    types = {p[3] for p in plans}
    assert "joint_plan" in types and len(types) >= 2
    assert {p[4] for p in plans} == {"active", "closed"}, "some plans are closed"
    assert sum(1 for p in plans if p[5] is not None) > len(plans) // 2, "most plans rest on a diagnosis"
    joint = await fetch_rows(
        country["clients"],
        f"SELECT count(*) FROM diagnosis WHERE author_sub = '{GENERATOR}' AND joint AND status = 'signed'"  # noqa: S608
        " AND (SELECT count(*) FROM diagnosis_contributor c WHERE c.diagnosis_id = diagnosis.id) >= 2",
    )
    assert joint[0][0] > 0, "shared diagnoses signed by several institutions"


@postgres_only
async def test_actions_and_parties_belong_to_institutions_that_serve_the_person(
    country: dict[str, str],
) -> None:
    served = await _served(country)
    actions = await fetch_rows(
        country["clients"],
        f"SELECT p.person_id, a.owner_institution_id, a.status, a.created_at, p.created_at, g.plan_id"  # noqa: S608
        f" FROM plan_action a JOIN plan p ON p.id = a.plan_id JOIN plan_goal g ON g.id = a.goal_id"
        f" WHERE p.created_by = '{GENERATOR}'",
    )
    assert actions
    statuses = {a[2] for a in actions}
    assert {"planned", "in_progress", "done", "not_done"} <= statuses
    for person, owner, _, added, plan_created, _ in actions:
        assert owner in served[person]
        assert plan_created <= added <= datetime.now(UTC)
    parties = await fetch_rows(
        country["clients"],
        f"SELECT p.person_id, x.institution_id, p.owner_institution_id, p.plan_type_code FROM plan_party x"  # noqa: S608
        f" JOIN plan p ON p.id = x.plan_id WHERE p.created_by = '{GENERATOR}'",
    )
    assert parties
    for person, party, owner, plan_type in parties:
        assert party in served[person] and party != owner and plan_type == "joint_plan"


@postgres_only
async def test_referrals_serve_actions_by_the_registrys_rule(country: dict[str, str]) -> None:
    linked = await fetch_rows(
        country["referrals"],
        "SELECT id, plan_action_id, person_id, sender_institution_id, target_institution_id, status, version"  # noqa: S608
        f" FROM referral WHERE plan_action_id IS NOT NULL AND created_by = '{GENERATOR}'",
    )
    assert len(linked) >= 20
    actions = {
        r[0]: r[1:]
        for r in await fetch_rows(
            country["clients"],
            "SELECT a.id, a.referral_id, a.referral_status, a.referral_version, a.referral_receiver_institution_id,"
            " a.owner_institution_id, p.owner_institution_id, p.person_id, a.created_at,"
            " array(SELECT institution_id FROM plan_party x WHERE x.plan_id = p.id)"  # noqa: S608
            f" FROM plan_action a JOIN plan p ON p.id = a.plan_id WHERE p.created_by = '{GENERATOR}'",
        )
    }
    for referral_id, action_id, person, sender, target, status, version in linked:
        ref, ref_status, ref_version, receiver, owner, plan_owner, plan_person, _, parties = actions[
            action_id
        ]
        assert (ref, ref_status, ref_version, receiver) == (referral_id, status, version, target)
        # splot.clients.casework.linking: the plan's person, sent by the action's owner, the plan's
        # owner or a party.
        assert person == plan_person
        assert sender in {owner, plan_owner, *parties}
    assert {a[0] for a in actions.values() if a[0] is not None} == {r[0] for r in linked}


@postgres_only
async def test_every_casework_event_is_on_the_published_contract(country: dict[str, str]) -> None:
    document = json.loads((CONTRACTS_DIR / "events" / "clients.json").read_text(encoding="utf-8"))
    messages = document["components"]["messages"]
    validators = {
        kind: jsonschema_rs.Draft202012Validator({**m["payload"], "components": document["components"]})
        for kind, m in messages.items()
    }
    rows = await fetch_rows(country["clients"], "SELECT type, payload FROM outbox_event ORDER BY position")
    seen: dict[str, int] = {}
    for kind, payload in rows:
        if not kind.startswith(CASEWORK_EVENTS):
            continue
        body = payload if isinstance(payload, dict) else json.loads(payload)
        check_payload(kind, body)  # the producer's own check
        validators[kind].validate(body)  # the committed contract consumers build on
        seen[kind] = seen.get(kind, 0) + 1
    (plans,) = (await fetch_rows(country["clients"], "SELECT count(*) FROM plan"))[0]
    assert seen["plan.created"] == plans
    assert {"diagnosis.created", "diagnosis.signed", "plan.goal_added", "plan.goal_assessed", "plan.action_added",
            "plan.action_changed", "plan.reviewed", "plan.updated", "lead_worker.assigned",
            "case_conference.recorded"} <= set(seen)  # fmt: skip
    unnumbered = await fetch_rows(
        country["clients"], "SELECT count(*) FROM outbox_event WHERE position IS NULL"
    )
    assert unnumbered == [(0,)]


@postgres_only
async def test_direct_casework_facts_equal_the_facts_ingestion_derives(country: dict[str, str]) -> None:
    rebuilt = await fresh_database("national_cw_rebuilt")
    await upgrade(REPORTING_DIR, rebuilt)
    engines = {name: create_engine(country[name]) for name in ("directory", "clients", "referrals")}
    target = create_engine(rebuilt)
    try:
        ctx = IngestContext.from_settings(ReportingSettings())
        await national_reporting.ingest_feeds(target, engines, ctx, only=("clients",))
    finally:
        for engine in (*engines.values(), target):
            await engine.dispose()
    for table in FACT_TABLES:
        query = f"SELECT * FROM {table} ORDER BY 1"  # noqa: S608 - names from this module
        direct, ingested = await fetch_rows(country["reporting"], query), await fetch_rows(rebuilt, query)
        assert len(direct) > 20, table
        assert direct == ingested, table


@postgres_only
async def test_nothing_is_orphaned(country: dict[str, str]) -> None:
    checks = {
        "plan → person": "SELECT count(*) FROM plan p WHERE NOT EXISTS (SELECT 1 FROM person x WHERE x.id = p.person_id)",
        "plan → diagnosis": "SELECT count(*) FROM plan p WHERE p.diagnosis_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM diagnosis d WHERE d.id = p.diagnosis_id AND d.person_id = p.person_id)",
        "goal → plan": "SELECT count(*) FROM plan_goal g WHERE NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = g.plan_id)",
        "action → goal of its plan": "SELECT count(*) FROM plan_action a WHERE NOT EXISTS"
        " (SELECT 1 FROM plan_goal g WHERE g.id = a.goal_id AND g.plan_id = a.plan_id)",
        "action → conference": "SELECT count(*) FROM plan_action a WHERE a.conference_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM case_conference c WHERE c.id = a.conference_id)",
        "party → plan": "SELECT count(*) FROM plan_party x WHERE NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = x.plan_id)",
        "review → plan": "SELECT count(*) FROM plan_review r WHERE NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = r.plan_id)",
        "contributor → diagnosis": "SELECT count(*) FROM diagnosis_contributor c WHERE NOT EXISTS"
        " (SELECT 1 FROM diagnosis d WHERE d.id = c.diagnosis_id)",
        "area → diagnosis": "SELECT count(*) FROM diagnosis_area a WHERE NOT EXISTS"
        " (SELECT 1 FROM diagnosis d WHERE d.id = a.diagnosis_id)",
        "lead worker → person": "SELECT count(*) FROM lead_worker w WHERE NOT EXISTS"
        " (SELECT 1 FROM person x WHERE x.id = w.person_id)",
    }  # fmt: skip
    for name, sql in checks.items():
        assert await fetch_rows(country["clients"], sql) == [(0,)], name
    actions = {r[0] for r in await fetch_rows(country["clients"], "SELECT id FROM plan_action")}
    served = await fetch_rows(
        country["referrals"], "SELECT plan_action_id FROM referral WHERE plan_action_id IS NOT NULL"
    )
    assert all(a in actions for (a,) in served)
    facts = await fetch_rows(
        country["reporting"],
        "SELECT (SELECT count(*) FROM casework_action a WHERE NOT EXISTS"
        " (SELECT 1 FROM casework_plan p WHERE p.plan_id = a.plan_id)),"
        " (SELECT count(*) FROM casework_goal g WHERE NOT EXISTS"
        " (SELECT 1 FROM casework_plan p WHERE p.plan_id = g.plan_id)),"
        " (SELECT count(*) FROM casework_plan p WHERE NOT EXISTS"
        " (SELECT 1 FROM person_dim d WHERE d.pseudonym = p.person_pseudonym))",
    )
    assert facts == [(0, 0, 0)]
    indexes = await fetch_rows(
        country["referrals"], "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_referral_plan_action_id'"
    )
    assert indexes == [(1,)]


@postgres_only
async def test_the_casework_measures_show_the_country_and_suppress_small_cells(
    country: dict[str, str],
) -> None:
    from splot.reporting.main import create_app

    (first, last), *_ = await fetch_rows(
        country["reporting"], "SELECT min(created_on), max(created_on) FROM casework_plan"
    )
    powiats = await fetch_rows(
        country["reporting"],
        "SELECT substr(i.teryt, 1, 4), count(*) FROM casework_plan p JOIN institution_dim i"
        " ON i.id = p.owner_institution_id GROUP BY 1 ORDER BY 2, 1",
    )
    small = powiats[0][0]
    key = RsaKey.generate("national-casework")
    engine = create_engine(country["reporting"])
    tokens = TokenFactory(key)
    params = {"from": first.strftime("%Y-%m"), "to": last.strftime("%Y-%m")}

    def analyst(scope: str) -> dict[str, str]:
        return tokens.headers(
            roles=["analyst"], analyst_scope=scope, institution_type="MINISTRY", teryt="1465011"
        )

    try:
        app = create_app(ReportingSettings(database_url=country["reporting"], ingest_enabled=False))
        bind_app_for_tests(app, sessionmaker=create_sessionmaker(engine), test_key=key)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as client:
            national = await client.get("/v1/casework", params=params, headers=analyst(""))
            assert national.status_code == 200, national.text
            body = national.json()
            assert body["exact"] is False
            for name in ("persons_with_plan", "persons_with_joint_plan", "actions", "actions_by_other_institution",
                         "plans_with_first_action_after_diagnosis", "plans_reviewed"):  # fmt: skip
                assert body[name]["suppressed"] is False and body[name]["value"] > 0, name
            assert body["median_working_days_diagnosis_to_first_action"]["value"] is not None
            assert 0 < body["share_by_other_institution"]["value"] <= 1
            assert any(not row["value"]["suppressed"] for row in body["goals"])
            assert any(row["plan_type"] == "joint_plan" for row in body["persons_with_plan_by_type"])
            local = await client.get("/v1/casework", params=params, headers=analyst(small))
            assert local.status_code == 200, local.text
            assert local.json()["persons_with_plan"] == {"value": None, "suppressed": True}
    finally:
        await engine.dispose()


# --- the plans themselves (no database) ------------------------------------------------------------


def _setting(now: datetime, ids: list[uuid.UUID]) -> Setting:
    ops, pup, ngo = ids
    return Setting(
        types={ops: "OPS", pup: "PUP", ngo: "NGO"},
        offers={ngo: ("debt_counselling", "housing_support")},
        areas={
            "poverty": False,
            "unemployment": False,
            "debt": False,
            "housing": False,
            "care_upbringing_helplessness": False,
            "low_qualifications": False,
            "addiction": True,
        },  # fmt: skip
        plan_types={
            "joint_plan": frozenset({"OPS", "PUP", "NGO"}),
            "ops_social_contract": frozenset({"OPS"}),
            "pup_individual_action_plan": frozenset({"PUP"}),
            "ngo_support_plan": frozenset({"NGO"}),
        },  # fmt: skip
        programmes=frozenset({"PAI"}),
        now=now,
    )


def _played(seed: int) -> Casework:
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    ids = [uuid.UUID(int=n) for n in (1, 2, 3)]
    ops, pup, ngo = ids
    rng = random.Random(seed)  # noqa: S311
    out = Casework()
    for p in range(40):
        sent = now - timedelta(days=700 - 15 * p)
        refs = [
            Ref(
                uuid.UUID(int=1000 + 10 * p + k),
                sender,
                target,
                service,
                status,
                None,
                4,
                sent + timedelta(days=30 * k),
                sent + timedelta(days=30 * k, hours=1),
                None,
                None,
                None,
            )  # fmt: skip
            for k, (sender, target, service, status) in enumerate(
                [
                    (ops, pup, "job_placement", "completed"),
                    (pup, ngo, "debt_counselling", "rejected"),
                    (ops, ngo, "housing_support", "in_progress"),
                    (ngo, ops, "social_work", "sent"),
                ]  # fmt: skip
            )
        ]
        play(rng, _setting(now, ids), uuid.UUID(int=5000 + p), refs, out)
    return out


def test_the_plans_are_the_same_for_a_seed_and_differ_for_another() -> None:
    first, again, other = _played(3), _played(3), _played(4)
    assert first.rows == again.rows and first.events == again.events and first.links == again.links
    assert first.rows["plan_action"] != other.rows["plan_action"]


def test_a_plans_events_follow_each_other_and_its_actions_follow_its_referrals() -> None:
    out = _played(5)
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    plans = {p["id"]: p for p in out.rows["plan"]}
    for row in out.rows["plan_action"]:
        plan = plans[row["plan_id"]]
        assert plan["created_at"] < row["created_at"] <= row["updated_at"] <= now
    for plan_id, plan in plans.items():
        moments = [at for at, _, e in out.events if e["aggregate_id"] == str(plan_id)]
        assert moments[0] == plan["created_at"] and all(m <= now for m in moments)
    by_referral = dict(out.links)
    actions = {a["id"]: a for a in out.rows["plan_action"]}
    expected = {"completed": "done", "rejected": "not_done", "in_progress": "in_progress", "sent": "planned"}
    for referral_id, action_id in by_referral.items():
        action = actions[action_id]
        assert action["referral_id"] == referral_id
        assert action["status"] == expected[action["referral_status"]]
