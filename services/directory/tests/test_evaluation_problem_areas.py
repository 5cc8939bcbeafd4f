"""A party's evaluation names the problem areas of cooperation (the shared catalogue, 0..5):
validated (422 unknown_problem_area), read back and carried by the ``evaluation.submitted`` event
(no texts: the score, the period and the areas)."""

from sqlalchemy import select

from splot.common.events import outbox_event

from partnership_setup import start

EVALUATION = {
    "period": "2026-H1",
    "what_works": "Szybkie skierowania",
    "barriers": "Brak wymiany danych",
    "proposals": "Wspólny rejestr",
    "score": 3,
}


async def test_problem_areas_are_validated_read_back_and_published(client, factory, session):
    s = await start(client, factory)
    url = f"/v1/partnerships/{s.id}/evaluations"
    made = await client.post(
        url,
        json={**EVALUATION, "problem_areas": ["information_flow", "staffing", "information_flow"]},
        headers=s.h(factory, "ops"),
    )
    assert made.status_code == 201, made.text
    assert made.json()["problem_areas"] == ["information_flow", "staffing"]
    plain = await client.post(url, json=EVALUATION, headers=s.h(factory, "pup"))
    assert plain.status_code == 201 and plain.json()["problem_areas"] == []

    unknown = await client.post(
        url, json={**EVALUATION, "problem_areas": ["weather"]}, headers=s.h(factory, "ops")
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_problem_area"
    too_many = ["legal", "organisational", "staffing", "financial", "communication", "other"]
    many = await client.post(url, json={**EVALUATION, "problem_areas": too_many}, headers=s.h(factory, "ops"))
    assert many.status_code == 422
    bad = await client.post(
        url, json={**EVALUATION, "problem_areas": ["Legal!"]}, headers=s.h(factory, "ops")
    )
    assert bad.status_code == 422

    listed = (await client.get(url, headers=s.h(factory, "ngo"))).json()["items"]
    assert sorted(tuple(e["problem_areas"]) for e in listed) == [(), ("information_flow", "staffing")]

    rows = (
        await session.execute(
            select(outbox_event.c.type, outbox_event.c.payload)
            .where(outbox_event.c.type == "evaluation.submitted")
            .order_by(outbox_event.c.seq)
        )
    ).all()
    assert len(rows) == 2
    first = rows[0][1]
    assert first["id"] == made.json()["id"] and first["partnership_id"] == str(s.id)
    assert first["institution_id"] == str(s.ops.id) and first["period"] == "2026-H1"
    assert first["problem_areas"] == ["information_flow", "staffing"] and first["score"] == 3
    assert "barriers" not in first and "what_works" not in first
