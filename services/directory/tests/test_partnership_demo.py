"""The demo's Wieliczka partnership: an agreement confirmed by all, an amendment pending, plan,
standard, targets and two meetings; the older demo agreements count as confirmed."""

from splot.directory import demo
from splot.directory.models import Institution, User

from conftest import Staff


async def test_the_demo_partnership(client, session, factory, tokens):
    await demo.seed(session, service_secrets={})
    user = await session.get(User, demo.demo_id("user", "ops.koordynator@splot.example"))
    ops = await session.get(Institution, user.institution_id)
    h = factory.headers(Staff(user, ops))
    listed = (await client.get("/v1/partnerships", headers=h)).json()["items"]
    assert [p["status"] for p in listed] == ["in_force"]
    pid = listed[0]["id"]
    read = (await client.get(f"/v1/partnerships/{pid}", headers=h)).json()
    assert [(a["number"], a["status"], len(a["confirmations"])) for a in read["agreements"]] == [
        (1, "in_force", 4),
        (2, "pending", 2),
    ]
    assert sorted(p["state"] for p in read["parties"]) == ["invited", "party", "party", "party", "party"]
    plan = (await client.get(f"/v1/partnerships/{pid}/plan", headers=h)).json()
    assert len(plan["standard"]) == 5 and len(plan["targets"]) == 3 and plan["criteria"]["age_min"] == 18
    meetings = (await client.get(f"/v1/partnerships/{pid}/meetings", headers=h)).json()["items"]
    assert [m["held_on"] for m in meetings] == ["2026-06-16", "2026-03-10"]
    tasks = (await client.get(f"/v1/partnerships/{pid}/tasks", headers=h)).json()["items"]
    assert len(tasks) == 4
    pup = demo.demo_id("institution", "pup-wieliczka")
    query = {
        "sender_institution_id": str(ops.id),
        "receiver_institution_id": str(pup),
        "service_type": "job_placement",
    }
    deadline = await client.get(
        "/v1/partnerships/standard-deadline",
        params=query,
        headers=tokens.service_headers("referrals", "directory:read"),
    )
    assert deadline.json()["deadline_working_days"] == 7
    in_force = (await client.get("/v1/agreements", params={"in_force_on": "2026-06-01"}, headers=h)).json()[
        "items"
    ]
    assert len(in_force) == 3  # the two older demo agreements and the partnership's first
