"""Casework events applied in bulk (issue #17: a rebuild replays millions of them): a run of a
page must give exactly what applying its events one by one gives, with a number of statements
that does not grow with the run."""

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from splot.common.statement_log import recorded_statements
from splot.reporting import casework, consumer, page_events
from splot.reporting.models import (
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
)
from splot.reporting.sources import FeedEvent

from casework_sample import Casework, march_dataset
from sample import Feeds, ingest

_TABLES = (CaseworkPlanFact, CaseworkGoalFact, CaseworkActionFact, CaseworkDiagnosisFact)


async def _store(session) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for model in _TABLES:
        rows = (await session.execute(select(model.__table__))).all()
        out[model.__tablename__] = sorted((tuple(str(v) for v in row) for row in rows), key=repr)
    return out


class _Runs:
    """Records the runs handed to the bulk applier and any that fell back."""

    def __init__(self, monkeypatch) -> None:
        self.sizes: list[int] = []
        self.failures: list[BaseException] = []
        original = casework.apply_casework

        async def spy(session, source, events, ctx, **kw):
            try:
                result = await original(session, source, events, ctx, **kw)
            except BaseException as exc:
                self.failures.append(exc)
                raise
            self.sizes.append(len(events))
            return result

        monkeypatch.setattr(casework, "apply_casework", spy)


def _tricky_dataset() -> Feeds:
    """The March dataset plus what a bulk run must get right: a person merged before their plan
    is written, a plan closed, reopened and closed again (its closing day is the last one), a
    malformed event right after that, a diagnosis updated after it was signed, and events that
    count for nothing between casework events."""
    feeds, inst, persons = march_dataset()
    cw = Casework(feeds)
    merged = feeds.person(1985, "M", "1219053", inst["OPS_W"])
    feeds.merge(persons["P4"], merged, when="2025-03-01")
    plan = cw.plan(merged, inst["OPS_W"], "2025-03-02", parties=(inst["PUP_W"],))
    plan.update("2025-03-20", status="closed")
    feeds.access(persons["P1"], inst["NGO_W"], when="2025-03-21")  # a contact: applied on its own
    plan.update("2025-03-25", status="active").update("2025-04-01", status="closed")
    good = feeds.clients.events[-1]
    broken = {**good.payload}
    del broken["plan_type_code"]
    feeds.clients.events.append(
        FeedEvent(good.seq + 1, uuid.uuid4(), "plan.updated", "plan", str(plan.id), good.occurred_at, broken)
    )
    plan.goal("housing", "2025-04-02", assessed=("achieved", "2025-04-20"))
    diagnosis = cw.diagnosis(merged, inst["OPS_W"], "2025-03-03", signed="2025-03-04")
    feeds.clients.append(
        "lead_worker.assigned",
        {"person_id": str(merged), "institution_id": str(inst["OPS_W"].id)},
        occurred_at=good.occurred_at,
    )
    cw._emit(  # noqa: SLF001 - the sample's own emitter
        "diagnosis.updated",
        {
            "diagnosis_id": str(diagnosis),
            "person_id": str(merged),
            "owner_institution_id": str(inst["OPS_W"].id),
            "diagnosed_on": "2025-03-05",
            "joint": False,
            "status": "signed",
            "contributor_institution_ids": [],
            "signed_institution_ids": [],
            "signed_at": "2025-03-06T10:00:00+01:00",
        },
        "2025-03-06",
        "diagnosis",
        diagnosis,
    )
    return feeds


@pytest.mark.parametrize("batch_size", [7, 1000])
async def test_bulk_gives_the_same_facts_as_event_by_event(
    sessionmaker, session, settings, monkeypatch, batch_size
):
    feeds = _tricky_dataset()
    monkeypatch.setattr(page_events, "BATCHED", False)
    reference_results = await ingest(sessionmaker, feeds, settings, batch_size=1)
    reference = await _store(session)
    await session.commit()
    async with sessionmaker() as fresh, fresh.begin():
        await consumer.reset(fresh)

    monkeypatch.setattr(page_events, "BATCHED", True)
    runs = _Runs(monkeypatch)
    results = await ingest(sessionmaker, feeds, settings, batch_size=batch_size)
    assert runs.failures == [] and max(runs.sizes) > 5
    assert reference_results["clients"].skipped == results["clients"].skipped == 1
    assert results["clients"].applied == reference_results["clients"].applied
    assert await _store(session) == reference
    assert {name: len(rows) for name, rows in reference.items()} == {
        "casework_plan": 8,
        "casework_goal": 5,
        "casework_action": 10,
        "casework_diagnosis": 3,
    }

    # and the rules held: the merged person's plan is kept under the survivor, the closing day is
    # the last one and the malformed event changed nothing, the diagnosis is the updated one
    pseudonyms = {
        row.person_pseudonym
        for row in (
            await session.scalars(
                select(CaseworkPlanFact).where(CaseworkPlanFact.created_on < date(2025, 3, 3))
            )
        )
    }
    survivor = (
        await session.scalars(
            select(CaseworkPlanFact.person_pseudonym).where(CaseworkPlanFact.created_on == date(2025, 3, 10))
        )
    ).one()
    assert pseudonyms == {survivor}
    closed = (
        await session.scalars(select(CaseworkPlanFact).where(CaseworkPlanFact.created_on == date(2025, 3, 2)))
    ).one()
    assert (closed.status, str(closed.closed_on)) == ("closed", "2025-04-01")
    updated = (
        await session.scalars(
            select(CaseworkDiagnosisFact).where(CaseworkDiagnosisFact.person_pseudonym == survivor)
        )
    ).one()
    assert (str(updated.diagnosed_on), updated.joint, str(updated.signed_on)) == (
        "2025-03-05",
        False,
        "2025-03-06",
    )


def _plans(count: int) -> Feeds:
    """``count`` plans, each with a goal assessed and an action done: seven events a plan."""
    feeds = Feeds()
    ops = feeds.institution("OPS", "1219053")
    pup = feeds.institution("PUP", "1219053")
    people = [feeds.person(1990, "F", "1219053", ops) for _ in range(count)]
    cw = Casework(feeds)
    for person in people:
        diagnosis = cw.diagnosis(person, ops, "2025-03-03", signed="2025-03-04")
        plan = cw.plan(person, ops, "2025-03-05", parties=(pup,), diagnosis=diagnosis)
        plan.goal("unemployment", "2025-03-05", assessed=("achieved", "2025-03-20"))
        plan.action(pup, "2025-03-06", status="done")
    return feeds


async def test_the_statements_of_a_run_do_not_grow_with_it(sessionmaker, session, settings, engine):
    counted = {}
    for count in (5, 60):
        feeds = _plans(count)
        casework_events = sum(1 for e in feeds.clients.events if e.type in casework.KINDS)
        assert casework_events == 7 * count
        with recorded_statements(engine) as seen:
            await ingest(sessionmaker, feeds, settings, batch_size=5000)
        counted[count] = len(seen)
        plans = (await session.scalars(select(CaseworkPlanFact.plan_id))).all()
        assert len(plans) == count
        await session.commit()
        async with sessionmaker() as fresh, fresh.begin():
            await consumer.reset(fresh)
    # one run per page, whatever its length: 12 times the events, the same statements
    assert counted[60] == counted[5], counted
