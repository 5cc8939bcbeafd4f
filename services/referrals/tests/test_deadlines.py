"""Deadlines, escalation, expiry, follow-ups, revocations and e-mail: the scheduler's work."""

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from splot.common import workdays
from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals import drafts, schemas
from splot.referrals.emailer import FileSender, OutgoingEmail
from splot.referrals.models import AccessSync, EmailMessage, FollowUp, Notification, Referral
from splot.referrals.peers_partnerships import StandardDeadline

from conftest import act, create, referral_body, run_scheduler, step


async def _send_at(session, world, app, moment, **overrides):
    data = schemas.ReferralCreate.model_validate(referral_body(world, **overrides))
    return await drafts.create_referral(
        session,
        data=data,
        actor=world.pup_cw.actor(),
        peers=app.state.peers,
        settings=app.state.settings,
        now=moment,
    )


async def test_due_date_counts_polish_working_days(session, world, app):
    sent = datetime(2026, 12, 23, 10, 0, tzinfo=UTC)
    routine = await _send_at(session, world, app, sent)
    expected_day = workdays.add_working_days(sent.date(), 5)
    assert expected_day.isoformat() == "2027-01-04"
    assert routine.due_at == datetime(2027, 1, 4, 23, 0, tzinfo=UTC)  # end of 4 Jan in Warsaw
    assert routine.expires_at == workdays.end_of_day(
        workdays.add_working_days(sent.date(), 14), "Europe/Warsaw"
    )
    urgent = await _send_at(session, world, app, sent, priority="urgent")
    assert urgent.due_at == datetime(2026, 12, 29, 23, 0, tzinfo=UTC)
    # The catalogue overrides the defaults per service type (crisis intervention: 2 / 1 days).
    crisis = await _send_at(session, world, app, sent, service_type_code="crisis_intervention")
    assert crisis.due_at == datetime(2026, 12, 29, 23, 0, tzinfo=UTC)
    crisis_urgent = await _send_at(
        session, world, app, sent, service_type_code="crisis_intervention", priority="urgent"
    )
    assert crisis_urgent.due_at == datetime(2026, 12, 28, 23, 0, tzinfo=UTC)
    assert routine.overdue_at(datetime(2027, 1, 4, 22, 59, tzinfo=UTC)) is False
    assert routine.overdue_at(datetime(2027, 1, 4, 23, 0, tzinfo=UTC)) is True


async def test_a_partnership_standard_sets_the_deadline_between_its_parties(session, world, app):
    sent = datetime(2026, 12, 23, 10, 0, tzinfo=UTC)
    body = referral_body(world)
    partnership = uuid.uuid4()
    app.state.peers.standards[
        (world.pup_cw.institution_id, uuid.UUID(body["target_institution_id"]), body["service_type_code"])
    ] = StandardDeadline(partnership_id=partnership, working_days=3)
    try:
        routine = await _send_at(session, world, app, sent)
        # 3 working days of the standard instead of the default 5 (24-31 Dec: holidays and a weekend).
        assert routine.due_at == workdays.deadline(sent, 3, "Europe/Warsaw")
        assert routine.due_at < datetime(2027, 1, 4, 23, 0, tzinfo=UTC)
        assert routine.deadline_partnership_id == partnership
        urgent = await _send_at(session, world, app, sent, priority="urgent")
        assert urgent.due_at == datetime(2026, 12, 29, 23, 0, tzinfo=UTC)  # the shorter urgent one stays
        # Another service type between the same parties: the usual deadline.
        other = await _send_at(session, world, app, sent, service_type_code="crisis_intervention")
        assert other.deadline_partnership_id is None
        assert other.due_at == datetime(2026, 12, 29, 23, 0, tzinfo=UTC)
    finally:
        app.state.peers.standards.clear()


async def test_overdue_flag_filter_and_counts(client, world, session):
    late, _ = await create(client, world)
    fresh, _ = await create(client, world)
    answered, etag = await create(client, world)
    await step(client, world, world.ops_cw, answered, etag, "accept")
    past = utcnow() - timedelta(hours=1)
    await session.execute(
        update(Referral)
        .where(Referral.id.in_([uuid.UUID(late["id"]), uuid.UUID(answered["id"])]))
        .values(due_at=past)
    )
    inbox = await client.get("/v1/referrals/inbox?overdue=true", headers=world.headers(world.ops_cw))
    assert [r["id"] for r in inbox.json()["items"]] == [late["id"]]
    assert inbox.json()["items"][0]["overdue"] is True
    not_overdue = await client.get("/v1/referrals/inbox?overdue=false", headers=world.headers(world.ops_cw))
    assert {r["id"] for r in not_overdue.json()["items"]} == {fresh["id"], answered["id"]}
    counts = await client.get("/v1/referrals/counts?box=inbox", headers=world.headers(world.ops_cw))
    assert counts.json()["overdue"] == 1 and counts.json()["by_status"]["requested"] == 2
    outbox = await client.get("/v1/referrals/counts?box=outbox", headers=world.headers(world.pup_cw))
    assert outbox.json()["overdue"] == 1 and outbox.json()["total"] == 3
    metrics = (await client.get("/metrics")).text
    assert "splot_referrals_overdue 1.0" in metrics
    assert 'splot_webhook_deliveries{status="dead"} 0.0' in metrics


async def test_escalation_happens_once_to_the_receivers_coordinators(client, world, session, app):
    body, etag = await create(client, world)
    later = utcnow() + timedelta(days=10)  # past the 5-working-day deadline, before expiry
    report = await run_scheduler(app, now=later)
    assert report.escalated == 1 and report.expired == 0
    again = await run_scheduler(app, now=later + timedelta(hours=1))
    assert again.escalated == 0
    notes = (
        await session.scalars(
            select(Notification).where(
                Notification.referral_id == uuid.UUID(body["id"]), Notification.kind == "referral.overdue"
            )
        )
    ).all()
    assert [(n.recipient_institution_id, n.recipient_role) for n in notes] == [(world.ops, "coordinator")]
    events = (
        (await session.execute(select(outbox_event).where(outbox_event.c.type == "referral.overdue")))
        .mappings()
        .all()
    )
    assert len(events) == 1
    payload = events[0]["payload"]
    assert (
        payload["actor_institution_id"] is None
        and payload["from_status"] == payload["to_status"] == "requested"
    )
    assert payload["referral"]["overdue"] is True
    # The escalation does not move the ETag: the receiver's If-Match is still good.
    accepted = await act(client, world, world.ops_cw, body, etag, "accept")
    assert accepted.status_code == 200
    # Coordinators see it; a caseworker's list does not show the coordinators' note.
    coord = await client.get("/v1/notifications", headers=world.headers(world.ops_co))
    assert "referral.overdue" in [n["kind"] for n in coord.json()["items"]]
    cw = await client.get("/v1/notifications", headers=world.headers(world.ops_cw))
    assert "referral.overdue" not in [n["kind"] for n in cw.json()["items"]]


async def test_unanswered_referrals_expire_with_no_response(client, world, session, app, peers):
    body, etag = await create(client, world)
    report = await run_scheduler(app, now=utcnow() + timedelta(days=30))
    assert report.expired == 1 and report.escalated == 1
    view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.pup_cw))
    expired = view.json()
    assert expired["status"] == "cancelled" and expired["reason_code"] == "no_response"
    assert expired["ended_at"] is not None
    types = (
        await session.scalars(
            select(outbox_event.c.type)
            .where(outbox_event.c.aggregate_id == body["id"])
            .order_by(outbox_event.c.seq)
        )
    ).all()
    assert types == ["referral.sent", "referral.overdue", "referral.expired"]
    payload = (
        (
            await session.execute(
                select(outbox_event.c.payload).where(outbox_event.c.type == "referral.expired")
            )
        )
        .scalars()
        .one()
    )
    assert payload["action"] == "expire" and payload["actor_institution_id"] is None
    assert payload["referral"]["reason_code"] == "no_response"
    history = await client.get(f"/v1/referrals/{body['id']}/events", headers=world.headers(world.pup_cw))
    assert history.json()["items"][-1]["actor_kind"] == "system"
    # Both sides are told; the receiver's access is revoked by the scheduler (the same run).
    kinds = (
        await session.scalars(
            select(Notification.recipient_institution_id).where(Notification.kind == "referral.expired")
        )
    ).all()
    assert set(kinds) == {world.pup, world.ops}
    assert (uuid.UUID(body["id"]), world.ops, 30) in peers.revocations
    # The sender's coordinator may reopen it.
    reopened = await act(client, world, world.pup_co, body, view.headers["etag"], "reopen", text="ponownie")
    assert reopened.status_code == 200 and reopened.json()["status"] == "requested"


async def test_only_the_newest_pending_access_state_reaches_the_registry(client, world, session, app, peers):
    body, etag = await create(client, world)
    delivered = len(peers.access)
    peers.down = {"put_access"}
    # The registry is down while the sender withdraws and then reopens: two states, neither taken.
    withdrawn, etag = await step(
        client, world, world.pup_cw, body, etag, "withdraw", reason_code="duplicate", text="x"
    )
    reopened, _ = await step(client, world, world.pup_co, withdrawn, etag, "reopen", text="jednak tak")
    rows = (
        await session.scalars(
            select(AccessSync)
            .where(AccessSync.referral_id == uuid.UUID(body["id"]))
            .order_by(AccessSync.version)
            .execution_options(populate_existing=True)
        )
    ).all()
    # The withdrawal's state was superseded by the reopening's (written in one statement on
    # PostgreSQL): only the newest is pending, with the request's failed attempt recorded.
    assert [(r.version, r.state["active"], r.done_at is None) for r in rows] == [
        (rows[0].version, True, False),
        (withdrawn["version"], False, True),
        (reopened["version"], True, True),
    ]
    assert [r.superseded_at is not None for r in rows] == [False, True, False]
    assert (rows[2].attempts, rows[2].last_error, rows[1].attempts) == (1, "PeerUnavailable", 1)
    peers.down = set()
    report = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    # Exactly one hand-over, of the newest state; the superseded one is never sent.
    assert report.access_synced == 1 and len(peers.access) == delivered + 1
    assert (peers.access[-1].version, peers.access[-1].active) == (reopened["version"], True)
    assert (await run_scheduler(app, now=utcnow() + timedelta(hours=3))).access_synced == 0


async def test_access_states_are_retried_until_the_registry_takes_them(client, world, session, app, peers):
    body, etag = await create(client, world)
    peers.down = {"put_access"}
    # The registry is down: the withdrawal still succeeds; the ended access waits for it.
    await step(client, world, world.pup_cw, body, etag, "withdraw", reason_code="duplicate", text="x")
    assert peers.revocations == []
    row = (
        await session.scalars(
            select(AccessSync).where(
                AccessSync.referral_id == uuid.UUID(body["id"]), AccessSync.done_at.is_(None)
            )
        )
    ).one()
    await session.refresh(row)
    assert row.state["active"] is False and row.done_at is None and row.attempts == 1
    assert row.next_attempt_at > utcnow()
    peers.down = set()
    assert (await run_scheduler(app)).access_synced == 0  # not before its next attempt
    done = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    assert done.access_synced == 1 and peers.revocations == [(uuid.UUID(body["id"]), world.ops, 30)]
    assert (await run_scheduler(app, now=utcnow() + timedelta(hours=3))).access_synced == 0


async def test_follow_ups_fall_due_and_are_answered_once(client, world, session, app):
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    await step(
        client, world, world.ops_cw, body, etag, "complete", outcome_codes=["employed"], delivered="Praca"
    )
    listed = await client.get("/v1/follow-ups?status=open", headers=world.headers(world.pup_cw))
    items = listed.json()["items"]
    assert [f["due_months"] for f in items] == [3, 6]
    first = items[0]
    early = await client.post(
        f"/v1/follow-ups/{first['id']}/answer",
        json={"outcome_code": "still_employed"},
        headers=world.headers(world.pup_cw),
    )
    assert early.status_code == 409 and early.json()["code"] == "followup_not_due"
    report = await run_scheduler(app, now=utcnow() + timedelta(days=100))
    assert report.followups_due == 1
    assert (await run_scheduler(app, now=utcnow() + timedelta(days=101))).followups_due == 0
    note = (await session.scalars(select(Notification).where(Notification.kind == "followup.due"))).one()
    assert note.recipient_institution_id == world.pup and note.followup_id == uuid.UUID(first["id"])
    await session.execute(
        update(FollowUp)
        .where(FollowUp.id == uuid.UUID(first["id"]))
        .values(due_at=utcnow() - timedelta(days=1))
    )
    # Only the sender answers, with a follow-up outcome.
    receiver = await client.post(
        f"/v1/follow-ups/{first['id']}/answer",
        json={"outcome_code": "still_employed"},
        headers=world.headers(world.ops_cw),
    )
    assert receiver.status_code == 404
    wrong_code = await client.post(
        f"/v1/follow-ups/{first['id']}/answer",
        json={"outcome_code": "employed"},
        headers=world.headers(world.pup_cw),
    )
    assert wrong_code.status_code == 422 and wrong_code.json()["code"] == "invalid_outcome_code"
    answered = await client.post(
        f"/v1/follow-ups/{first['id']}/answer",
        json={"outcome_code": "still_employed", "note": "Rozmowa telefoniczna"},
        headers=world.headers(world.pup_cw),
    )
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    twice = await client.post(
        f"/v1/follow-ups/{first['id']}/answer",
        json={"outcome_code": "not_employed"},
        headers=world.headers(world.pup_cw),
    )
    assert twice.status_code == 409 and twice.json()["code"] == "followup_closed"
    event = (
        (await session.execute(select(outbox_event).where(outbox_event.c.type == "followup.answered")))
        .mappings()
        .one()
    )
    assert event["aggregate_type"] == "referral"
    assert set(event["payload"]) == {
        "followup_id",
        "referral_id",
        "due_months",
        "outcome_code",
        "answered_at",
    }
    assert event["payload"]["due_months"] == 3 and event["payload"]["outcome_code"] == "still_employed"
    assert "Rozmowa" not in str(event["payload"])


async def test_emails_carry_a_link_and_a_number_only_and_are_retried(
    client, world, session, app, mailer, peers
):
    body, _ = await create(client, world, needs_description="Anna Nowak, PESEL 90010112345")
    mailer.failing = True
    failed = await run_scheduler(app)
    assert failed.emails_failed == 1 and mailer.sent == []
    message = (await session.scalars(select(EmailMessage))).one()
    await session.refresh(message)
    assert message.status == "pending" and message.attempts == 1
    mailer.failing = False
    sent = await run_scheduler(app, now=utcnow() + timedelta(hours=1))
    assert sent.emails_sent == 1
    email = mailer.sent[0]
    assert email.to == peers.institutions[world.ops].email
    assert body["number"] in email.subject and f"/skierowania/{body['id']}" in email.body
    assert "Nowak" not in email.body + email.subject and "90010112345" not in email.body
    assert (await run_scheduler(app, now=utcnow() + timedelta(hours=2))).emails_sent == 0


async def test_emails_give_up_after_the_limit_and_without_an_address(
    client, world, session, app, mailer, peers
):
    no_mail = peers.add_institution("OPS", email=None)
    await create(client, world, target=no_mail)
    report = await run_scheduler(app)
    assert report.emails_failed == 1
    message = (await session.scalars(select(EmailMessage))).one()
    await session.refresh(message)
    assert message.status == "failed" and message.last_error == "no_address"
    await create(client, world)
    mailer.failing = True
    moment = utcnow()
    for _ in range(app.state.settings.email_max_attempts):
        moment += timedelta(hours=2)
        await run_scheduler(app, now=moment)
    statuses = (
        await session.execute(select(EmailMessage.status, func.count()).group_by(EmailMessage.status))
    ).all()
    assert dict(statuses) == {"failed": 2}


async def test_file_sender_writes_eml_files(tmp_path: Path):
    sender = FileSender(tmp_path / "mail", "splot@example.org")
    await sender.send(
        OutgoingEmail(id="abc", to="ops@example.org", subject="Splot: Nowe skierowanie", body="Link")
    )
    text = (tmp_path / "mail" / "abc.eml").read_text()
    assert "To: ops@example.org" in text and "Nowe skierowanie" in text or "=?utf-8?" in text
