"""A partnership's life through the API: initiative, invitations, the agreement confirmed by
every party (pending until the last), amendments superseding, termination; roles; the plan,
the standard and its deadline between two parties; targets; meetings; evaluations; events."""

import uuid

from sqlalchemy import select

from splot.common.events import outbox_event
from splot.directory.models import DirectoryAudit

from partnership_setup import AGREEMENT, agreement, start


async def _events(session, aggregate_id) -> list[tuple[str, dict]]:
    rows = (
        await session.execute(
            select(outbox_event.c.type, outbox_event.c.payload)
            .where(outbox_event.c.aggregate_id == str(aggregate_id))
            .order_by(outbox_event.c.seq)
        )
    ).all()
    return [(r[0], r[1]) for r in rows]


async def test_initiative_invitations_and_the_agreement_confirmed_by_every_party(client, factory, session):
    s = await start(client, factory, join=False)
    read = (await client.get(f"/v1/partnerships/{s.id}", headers=s.h(factory, "ops"))).json()
    assert read["status"] == "initiative" and read["party_ids"] == [str(s.ops.id)]
    assert {p["institution_id"]: p["state"] for p in read["parties"]} == {
        str(s.ops.id): "party",
        str(s.pup.id): "invited",
        str(s.ngo.id): "invited",
    }
    # A caseworker of the invited institution cannot answer; its administrator can.
    refused = await client.put(
        f"/v1/partnerships/{s.id}/invitation", json={"accept": True}, headers=s.h(factory, "pup_cw")
    )
    assert refused.status_code == 403
    for key in ("pup", "ngo"):
        ok = await client.put(
            f"/v1/partnerships/{s.id}/invitation", json={"accept": True}, headers=s.h(factory, key)
        )
        assert ok.status_code == 200
    again = await client.put(
        f"/v1/partnerships/{s.id}/invitation", json={"accept": True}, headers=s.h(factory, "pup")
    )
    assert again.status_code == 409

    version = await agreement(client, factory, s, confirm=False)
    assert version["status"] == "pending" and version["confirmations"] == []
    assert version["annexes"] == [{"title": "Standard usługi", "text": "Kroki i terminy", "attachment": None}]
    staff_only = await client.post(
        f"/v1/agreements/{version['id']}/confirmations", headers=s.h(factory, "pup_cw")
    )
    assert staff_only.status_code == 403
    for n, key in enumerate(("ops", "pup", "ngo"), start=1):
        confirmed = (
            await client.post(f"/v1/agreements/{version['id']}/confirmations", headers=s.h(factory, key))
        ).json()
        assert len(confirmed["confirmations"]) == n
        assert confirmed["status"] == ("in_force" if n == 3 else "pending")
    twice = await client.post(f"/v1/agreements/{version['id']}/confirmations", headers=s.h(factory, "ngo"))
    assert twice.status_code == 409 and twice.json()["code"] == "invalid_transition"
    read = (await client.get(f"/v1/partnerships/{s.id}", headers=s.h(factory, "ngo"))).json()
    assert read["status"] == "in_force"

    audit = (
        await session.scalars(select(DirectoryAudit).where(DirectoryAudit.target_id == version["id"]))
    ).all()
    assert sorted(str(a.actor_institution_id) for a in audit) == sorted(
        str(i.id) for i in (s.ops, s.pup, s.ngo)
    )
    assert {a.action for a in audit} == {"agreement_confirmed"}
    events = await _events(session, version["id"])
    assert [t for t, _ in events] == ["agreement.created", *["agreement.confirmed"] * 3]
    assert [p["confirmed_on"] is not None for _, p in events] == [False, False, False, True]
    assert events[-1][1]["status"] == "in_force" and events[-1][1]["partnership_id"] == s.id
    assert [t for t, _ in await _events(session, s.id)] == [
        "partnership.created",
        "partnership.invitation_answered",
        "partnership.invitation_answered",
    ]


async def test_a_second_agreement_must_amend_and_the_amendment_supersedes(client, factory, session):
    s = await start(client, factory)
    first = await agreement(client, factory, s)
    second = await client.post(
        f"/v1/partnerships/{s.id}/agreements", json=AGREEMENT, headers=s.h(factory, "ops")
    )
    assert second.status_code == 409 and second.json()["code"] == "agreement_exists"
    amendment = await agreement(client, factory, s, confirm=False, amends_id=first["id"], text="Nowy tekst")
    assert amendment["number"] == 2
    old = (await client.get(f"/v1/agreements/{first['id']}/version", headers=s.h(factory, "pup"))).json()
    assert old["status"] == "in_force"  # until the amendment is confirmed by all
    for key in ("ops", "pup", "ngo"):
        await client.post(f"/v1/agreements/{amendment['id']}/confirmations", headers=s.h(factory, key))
    old = (await client.get(f"/v1/agreements/{first['id']}/version", headers=s.h(factory, "pup"))).json()
    new = (await client.get(f"/v1/agreements/{amendment['id']}/version", headers=s.h(factory, "pup"))).json()
    assert (old["status"], new["status"]) == ("superseded", "in_force")
    assert [t for t, _ in await _events(session, first["id"])][-1] == "agreement.superseded"
    confirm_old = await client.post(
        f"/v1/agreements/{first['id']}/confirmations", headers=s.h(factory, "pup")
    )
    assert confirm_old.status_code == 409
    # The older API cannot change a partnership's text behind the parties' backs.
    patched = await client.patch(
        f"/v1/agreements/{amendment['id']}",
        json={"title": "Inny"},
        headers={**s.h(factory, "ops"), "If-Match": '"x.1"'},
    )
    assert patched.status_code == 409 and patched.json()["code"] == "partnership_agreement"

    no_reason = await client.post(
        f"/v1/agreements/{amendment['id']}/termination", json={}, headers=s.h(factory, "ngo")
    )
    assert no_reason.status_code == 422
    by_caseworker = await client.post(
        f"/v1/agreements/{amendment['id']}/termination",
        json={"reason": "koniec"},
        headers=s.h(factory, "pup_cw"),
    )
    assert by_caseworker.status_code == 403
    ended = await client.post(
        f"/v1/agreements/{amendment['id']}/termination",
        json={"reason": "Koniec projektu"},
        headers=s.h(factory, "ngo"),
    )
    assert ended.status_code == 200
    assert ended.json()["status"] == "terminated" and ended.json()["termination_reason"] == "Koniec projektu"
    last = (await _events(session, amendment["id"]))[-1]
    assert last[0] == "agreement.terminated" and last[1]["ended_on"] is not None
    # After termination a new agreement (not an amendment) may be recorded again.
    third = await client.post(
        f"/v1/partnerships/{s.id}/agreements", json=AGREEMENT, headers=s.h(factory, "ops")
    )
    assert third.status_code == 201 and third.json()["number"] == 3


async def test_roles_contacts_and_leaving(client, factory):
    s = await start(client, factory)
    etag = (await client.get(f"/v1/partnerships/{s.id}", headers=s.h(factory, "ops"))).headers["etag"]
    coordinator = s.staff["ngo"].user
    body = {"leader_institution_id": str(s.pup.id), "coordinator_subject": str(coordinator.id)}
    stale = await client.patch(
        f"/v1/partnerships/{s.id}", json=body, headers={**s.h(factory, "ops"), "If-Match": '"x.1"'}
    )
    assert stale.status_code == 412
    changed = await client.patch(
        f"/v1/partnerships/{s.id}", json=body, headers={**s.h(factory, "ops"), "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    read = changed.json()
    assert read["leader_institution_id"] == str(s.pup.id) and read["coordinator_name"] == "Test User"
    outsider_user = await factory.user(await factory.institution("NGO"), "coordinator")
    bad = await client.patch(
        f"/v1/partnerships/{s.id}",
        json={"coordinator_subject": str(outsider_user.user.id)},
        headers={**s.h(factory, "ops"), "If-Match": changed.headers["etag"]},
    )
    assert bad.status_code == 422
    contact = await client.patch(
        f"/v1/partnerships/{s.id}/parties/{s.ngo.id}",
        json={"contact_name": "Jan Prezes", "contact_email": "jan@example.org"},
        headers=s.h(factory, "ngo"),
    )
    assert contact.status_code == 200
    assert [p["contact_name"] for p in contact.json()["parties"] if p["institution_id"] == str(s.ngo.id)] == [
        "Jan Prezes"
    ]
    not_own = await client.patch(
        f"/v1/partnerships/{s.id}/parties/{s.ngo.id}", json={"contact_name": "X"}, headers=s.h(factory, "ops")
    )
    assert not_own.status_code == 403
    past = await client.patch(
        f"/v1/partnerships/{s.id}/parties/{s.ngo.id}",
        json={"left_on": "2020-01-01"},
        headers=s.h(factory, "ngo"),
    )
    assert past.status_code == 422
    leader_leaves = await client.patch(
        f"/v1/partnerships/{s.id}/parties/{s.pup.id}",
        json={"left_on": "2099-01-01"},
        headers=s.h(factory, "pup"),
    )
    assert leader_leaves.status_code == 409


async def test_plan_standard_deadline_targets_meetings_and_evaluations(client, factory, tokens):
    s = await start(client, factory)
    query = {
        "sender_institution_id": str(s.ops.id),
        "receiver_institution_id": str(s.pup.id),
        "service_type": "job_placement",
    }
    service = tokens.service_headers("referrals", "directory:read")
    etag = (await client.get(f"/v1/partnerships/{s.id}/plan", headers=s.h(factory, "ops"))).headers["etag"]
    steps = {
        "steps": [
            {"name": "Diagnoza", "performer_institution_id": str(s.ops.id), "deadline_working_days": 5},
            {
                "name": "Pośrednictwo",
                "performer_type": "PUP",
                "service_type_code": "job_placement",
                "deadline_working_days": 7,
            },
            {
                "name": "Pośrednictwo pilne",
                "performer_institution_id": str(s.pup.id),
                "service_type_code": "job_placement",
                "deadline_working_days": 3,
            },
        ]
    }
    plan = await client.put(
        f"/v1/partnerships/{s.id}/standard", json=steps, headers={**s.h(factory, "ops"), "If-Match": etag}
    )
    assert plan.status_code == 200, plan.text
    assert [x["position"] for x in plan.json()["standard"]] == [1, 2, 3]
    # No agreement in force yet: no standard applies.
    assert (
        await client.get("/v1/partnerships/standard-deadline", params=query, headers=service)
    ).status_code == 404
    await agreement(client, factory, s)
    answer = await client.get("/v1/partnerships/standard-deadline", params=query, headers=service)
    assert answer.status_code == 200 and answer.json()["deadline_working_days"] == 3
    staff = await client.get(
        "/v1/partnerships/standard-deadline", params=query, headers=s.h(factory, "pup_cw")
    )
    assert staff.status_code == 200
    wrong_scope = tokens.service_headers("referrals", "events:read")
    assert (
        await client.get("/v1/partnerships/standard-deadline", params=query, headers=wrong_scope)
    ).status_code == 403
    other = {**query, "service_type": "training"}
    assert (
        await client.get("/v1/partnerships/standard-deadline", params=other, headers=service)
    ).status_code == 404
    outsider = await factory.institution("PUP")
    stranger = {**query, "receiver_institution_id": str(outsider.id)}
    assert (
        await client.get("/v1/partnerships/standard-deadline", params=stranger, headers=service)
    ).status_code == 404

    bad_step = {"steps": [{"name": "X", "performer_institution_id": str(outsider.id)}]}
    refused = await client.put(
        f"/v1/partnerships/{s.id}/standard",
        json=bad_step,
        headers={**s.h(factory, "ops"), "If-Match": plan.headers["etag"]},
    )
    assert refused.status_code == 422
    criteria = {
        "teryt_codes": ["1219"],
        "age_min": 18,
        "age_max": 29,
        "labour_office_status": "unemployed",
        "social_assistance_use": "current",
        "notes": "NEET",
    }
    stale = await client.put(
        f"/v1/partnerships/{s.id}/criteria", json=criteria, headers={**s.h(factory, "ops"), "If-Match": etag}
    )
    assert stale.status_code == 412
    put = await client.put(
        f"/v1/partnerships/{s.id}/criteria",
        json=criteria,
        headers={**s.h(factory, "ops"), "If-Match": plan.headers["etag"]},
    )
    assert put.status_code == 200 and put.json()["criteria"] == criteria
    targets = {
        "targets": [
            {"indicator_code": "sla_compliance", "period": "2026", "baseline": 0.7, "target_value": 0.9}
        ]
    }
    unknown = {"targets": [{"indicator_code": "happiness", "period": "2026", "target_value": 1}]}
    headers = {**s.h(factory, "ngo"), "If-Match": put.headers["etag"]}
    assert (
        await client.put(f"/v1/partnerships/{s.id}/targets", json=unknown, headers=headers)
    ).status_code == 422
    set_targets = await client.put(f"/v1/partnerships/{s.id}/targets", json=targets, headers=headers)
    assert set_targets.status_code == 200
    assert [(t["indicator_code"], t["target_value"]) for t in set_targets.json()["targets"]] == [
        ("sla_compliance", 0.9)
    ]
    by_caseworker = await client.put(
        f"/v1/partnerships/{s.id}/targets",
        json=targets,
        headers={**s.h(factory, "pup_cw"), "If-Match": set_targets.headers["etag"]},
    )
    assert by_caseworker.status_code == 403

    meeting = {
        "held_on": "2026-02-10",
        "present_institution_ids": [str(s.ops.id), str(s.pup.id)],
        "agenda": "Standard i plan",
        "decisions": [
            {"text": "Przyjęto standard"},
            {
                "text": "Szkolenie",
                "task": {
                    "title": "Szkolenie kadr",
                    "owner_institution_id": str(s.ngo.id),
                    "due_on": "2026-03-31",
                },
            },
        ],
        "minutes": {
            "title": "Protokół 1/2026",
            "file_name": "protokol.pdf",
            "media_type": "application/pdf",
            "size_bytes": 1200,
        },
        "next_meeting_on": "2026-04-10",
    }
    recorded = await client.post(
        f"/v1/partnerships/{s.id}/meetings", json=meeting, headers=s.h(factory, "ops")
    )
    assert recorded.status_code == 201, recorded.text
    decisions = recorded.json()["decisions"]
    assert decisions[0]["task_id"] is None and decisions[1]["task_id"] is not None
    tasks = (await client.get(f"/v1/partnerships/{s.id}/tasks", headers=s.h(factory, "pup_cw"))).json()[
        "items"
    ]
    assert [(t["title"], t["meeting_id"], t["owner_institution_id"]) for t in tasks] == [
        ("Szkolenie kadr", recorded.json()["id"], str(s.ngo.id))
    ]
    task = await client.get(f"/v1/partnerships/{s.id}/tasks", headers=s.h(factory, "ngo"))
    done = await client.patch(
        f"/v1/partnerships/{s.id}/tasks/{tasks[0]['id']}",
        json={"status": "done"},
        headers={**s.h(factory, "ngo"), "If-Match": f'"{tasks[0]["id"]}.{tasks[0]["version"]}"'},
    )
    assert task.status_code == 200 and done.status_code == 200 and done.json()["status"] == "done"
    stranger_present = {**meeting, "present_institution_ids": [str(outsider.id)]}
    assert (
        await client.post(
            f"/v1/partnerships/{s.id}/meetings", json=stranger_present, headers=s.h(factory, "ops")
        )
    ).status_code == 422
    listed = (await client.get(f"/v1/partnerships/{s.id}/meetings", headers=s.h(factory, "ngo"))).json()
    assert [m["id"] for m in listed["items"]] == [recorded.json()["id"]]

    evaluation = {
        "period": "2026-H1",
        "what_works": "Szybkie skierowania",
        "barriers": "Kadry",
        "proposals": "Szkolenia",
        "score": 4,
    }
    for key, score in (("ops", 4), ("pup", 2), ("pup", 3)):
        made = await client.post(
            f"/v1/partnerships/{s.id}/evaluations",
            json={**evaluation, "score": score},
            headers=s.h(factory, key),
        )
        assert made.status_code == 201
    assert (
        await client.post(
            f"/v1/partnerships/{s.id}/evaluations",
            json={**evaluation, "score": 6},
            headers=s.h(factory, "ngo"),
        )
    ).status_code == 422
    summary = (
        await client.get(
            f"/v1/partnerships/{s.id}/evaluations/summary",
            params={"period": "2026-H1"},
            headers=s.h(factory, "ngo"),
        )
    ).json()
    assert summary["parties_answered"] == 2 and summary["mean_score"] == 3.5  # the PUP's newest (3) counts
    history = (await client.get(f"/v1/partnerships/{s.id}/evaluations", headers=s.h(factory, "ngo"))).json()[
        "items"
    ]
    assert sorted(e["score"] for e in history) == [2, 3, 4]


async def test_a_left_party_loses_the_standard(client, factory, tokens):
    s = await start(client, factory)
    await agreement(client, factory, s)
    etag = (await client.get(f"/v1/partnerships/{s.id}/plan", headers=s.h(factory, "ops"))).headers["etag"]
    steps = {"steps": [{"name": "Przyjęcie", "performer_type": "NGO", "deadline_working_days": 10}]}
    await client.put(
        f"/v1/partnerships/{s.id}/standard", json=steps, headers={**s.h(factory, "ops"), "If-Match": etag}
    )
    query = {
        "sender_institution_id": str(s.ops.id),
        "receiver_institution_id": str(s.ngo.id),
        "service_type": "kis",
    }
    service = tokens.service_headers("referrals", "directory:read")
    assert (await client.get("/v1/partnerships/standard-deadline", params=query, headers=service)).json()[
        "deadline_working_days"
    ] == 10
    from splot.common.db import utcnow

    today = utcnow().date().isoformat()
    left = await client.patch(
        f"/v1/partnerships/{s.id}/parties/{s.ngo.id}", json={"left_on": today}, headers=s.h(factory, "ngo")
    )
    assert left.status_code == 200
    assert (
        await client.get("/v1/partnerships/standard-deadline", params=query, headers=service)
    ).status_code == 404
    assert (await client.get(f"/v1/partnerships/{s.id}", headers=s.h(factory, "ngo"))).status_code == 404


async def test_malformed_input_is_a_client_error(client, factory):
    s = await start(client, factory, join=False)
    bad = [
        {"name": "X", "purpose": "Y", "area_teryt": ["12x"], "invited_institution_ids": [str(s.pup.id)]},
        {
            "name": "X",
            "purpose": "Y",
            "area_teryt": ["12"],
            "invited_institution_ids": [str(s.pup.id), str(s.pup.id)],
        },
        {"name": "X", "purpose": "Y", "area_teryt": ["12"], "invited_institution_ids": [str(uuid.uuid4())]},
        {"name": "X", "purpose": "Y", "area_teryt": ["12"], "invited_institution_ids": [str(s.ops.id)]},
        {"name": "X\u0007", "purpose": "Y", "area_teryt": ["12"], "invited_institution_ids": [str(s.pup.id)]},
    ]
    for body in bad:
        assert (
            await client.post("/v1/partnerships", json=body, headers=s.h(factory, "ops"))
        ).status_code == 422
    by_caseworker = await client.post(
        "/v1/partnerships",
        json={"name": "X", "purpose": "Y", "area_teryt": ["12"], "invited_institution_ids": [str(s.pup.id)]},
        headers=s.h(factory, "ops_cw"),
    )
    assert by_caseworker.status_code == 403
    too_few = await client.post(
        f"/v1/partnerships/{s.id}/agreements", json=AGREEMENT, headers=s.h(factory, "ops")
    )
    assert too_few.status_code == 409 and too_few.json()["code"] == "too_few_parties"
    reversed_dates = {**AGREEMENT, "valid_to": "2025-01-01"}
    assert (
        await client.post(
            f"/v1/partnerships/{s.id}/agreements", json=reversed_dates, headers=s.h(factory, "ops")
        )
    ).status_code == 422
