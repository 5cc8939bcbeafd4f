"""Sign-in throttling, one request at a time: progressive waits per (login, source), per source
and per login; the same answers whether the login exists; resets. (Parallel bursts:
test_throttle_concurrency.py.) The throttle's clock is stepped by hand: no test sleeps or
asserts a duration measured by a watch."""

import hashlib

import pytest
from sqlalchemy import select

from splot.directory.models import SigninThrottle

from conftest import NEW_PASSWORD, PASSWORD, client_from, login, without_request_id

WRONG = "wrong password!"


@pytest.fixture
def settings(app):
    return app.state.settings


async def test_waits_start_after_the_free_attempts_and_double_up_to_the_cap(client, factory, clock, settings):
    settings.signin_max_delay_seconds = 3
    staff = await factory.user(await factory.institution())
    for _ in range(5):
        assert (await login(client, staff.email, WRONG)).status_code == 400
    observed = []
    for _ in range(4):
        refused = await login(client, staff.email)  # even the right password waits
        assert refused.status_code == 429 and refused.json()["code"] == "too_many_attempts"
        wait = int(refused.headers["retry-after"])
        observed.append(wait)
        clock.advance(wait - 0.5)
        assert (await login(client, staff.email)).status_code == 429  # not yet
        clock.advance(0.5)
        assert (await login(client, staff.email, WRONG)).status_code == 400
    assert observed == [1, 2, 3, 3]


async def test_unknown_and_existing_logins_get_identical_answers(app, factory, clock):
    staff = await factory.user(await factory.institution())

    async def run(source: str, username: str) -> list[tuple[int, dict, str | None]]:
        answers = []
        async with client_from(app, source) as c:
            for _ in range(7):
                r = await login(c, username, WRONG)
                answers.append((r.status_code, without_request_id(r.json()), r.headers.get("retry-after")))
        return answers

    existing = await run("10.0.1.1", staff.email)
    unknown = await run("10.0.1.2", "nobody-here@example.org")
    assert [a[0] for a in existing] == [400] * 5 + [429] * 2
    assert existing == unknown


async def test_an_inactive_account_answers_as_a_wrong_password_and_counts(client, factory, clock):
    staff = await factory.user(await factory.institution(), active=False)
    unknown = await login(client, "nobody-here@example.org", WRONG)
    for _ in range(5):
        right = await login(client, staff.email)
        assert right.status_code == 400
        assert without_request_id(right.json()) == without_request_id(unknown.json())
    assert (await login(client, staff.email)).status_code == 429


async def test_an_inactive_institution_answers_as_a_wrong_password(client, factory, session):
    inst = await factory.institution()
    staff = await factory.user(inst)
    inst.active = False
    await session.flush()
    wrong = await login(client, staff.email, WRONG)
    right = await login(client, staff.email)
    assert right.status_code == wrong.status_code == 400
    assert without_request_id(right.json()) == without_request_id(wrong.json())


async def test_a_success_starts_the_login_source_counter_over(client, factory, clock):
    staff = await factory.user(await factory.institution())
    for _ in range(4):
        assert (await login(client, staff.email, WRONG)).status_code == 400
    assert (await login(client, staff.email)).status_code == 200
    for _ in range(5):
        assert (await login(client, staff.email, WRONG)).status_code == 400
    assert (await login(client, staff.email, WRONG)).status_code == 429


async def test_a_counter_starts_over_after_quiet_time(client, factory, clock, settings):
    staff = await factory.user(await factory.institution())
    for _ in range(5):
        await login(client, staff.email, WRONG)
    assert (await login(client, staff.email, WRONG)).status_code == 429
    clock.advance(settings.signin_reset_after_seconds)
    for _ in range(5):
        assert (await login(client, staff.email, WRONG)).status_code == 400
    assert (await login(client, staff.email, WRONG)).status_code == 429


async def test_one_source_trying_many_logins_is_slowed(app, factory, clock, settings):
    settings.signin_source_free_attempts = 3
    async with client_from(app, "10.0.2.1") as guesser, client_from(app, "10.0.2.2") as elsewhere:
        for i in range(3):
            assert (await login(guesser, f"guess{i}@example.org", WRONG)).status_code == 400
        assert (await login(guesser, "guess9@example.org", WRONG)).status_code == 429
        assert (await login(elsewhere, "guess9@example.org", WRONG)).status_code == 400


async def test_successful_sign_ins_do_not_use_up_their_sources_attempts(app, factory, clock, settings):
    settings.signin_source_free_attempts = 3
    inst = await factory.institution()
    colleagues = [await factory.user(inst) for _ in range(8)]
    async with client_from(app, "10.0.3.1") as office:
        for staff in colleagues:
            assert (await login(office, staff.email)).status_code == 200
        for i in range(3):
            assert (await login(office, f"typo{i}@example.org", WRONG)).status_code == 400
        assert (await login(office, "typo9@example.org", WRONG)).status_code == 429


async def test_the_account_counter_across_sources_and_the_locked_flag(app, client, factory, clock, settings):
    settings.signin_account_free_attempts = 3
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    for i in range(3):
        async with client_from(app, f"10.0.4.{i}") as c:
            assert (await login(c, staff.email, WRONG)).status_code == 400
    async with client_from(app, "10.0.4.9") as fresh:
        assert (await login(fresh, staff.email)).status_code == 429
    shown = (await client.get(f"/v1/users/{staff.user.id}", headers=factory.headers(admin))).json()
    assert shown["locked"] is True
    listed = (await client.get("/v1/users", headers=factory.headers(admin))).json()["items"]
    assert {u["id"]: u["locked"] for u in listed} == {str(admin.user.id): False, str(staff.user.id): True}
    activated = await client.post(f"/v1/users/{staff.user.id}/activate", headers=factory.headers(admin))
    assert activated.json()["locked"] is False
    async with client_from(app, "10.0.4.9") as fresh:
        assert (await login(fresh, staff.email)).status_code == 200


async def test_an_admin_password_reset_lifts_the_waits(client, factory, clock):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    for _ in range(5):
        await login(client, staff.email, WRONG)
    assert (await login(client, staff.email)).status_code == 429
    reset = await client.post(
        f"/v1/users/{staff.user.id}/password", json={"password": NEW_PASSWORD}, headers=factory.headers(admin)
    )
    assert reset.status_code == 204
    assert (await login(client, staff.email, NEW_PASSWORD)).status_code == 200


async def test_changing_ones_own_password_is_throttled_too(app, client, factory, clock):
    staff = await factory.user(await factory.institution())
    headers = factory.headers(staff)

    async def change(c, current):
        return await c.post(
            "/v1/me/password",
            json={"current_password": current, "new_password": NEW_PASSWORD},
            headers=headers,
        )

    for _ in range(5):
        wrong = await change(client, "not my password")
        assert wrong.status_code == 422 and wrong.json()["code"] == "wrong_password"
    waiting = await change(client, PASSWORD)
    assert waiting.status_code == 429 and waiting.headers["retry-after"] == "1"
    # The user's own sign-in is a separate counter: the guesses above do not block it.
    assert (await login(client, staff.email)).status_code == 200
    async with client_from(app, "10.0.5.1") as elsewhere:
        assert (await change(elsewhere, PASSWORD)).status_code == 204
    assert (await login(client, staff.email, NEW_PASSWORD)).status_code == 200


async def test_counters_hold_neither_logins_nor_addresses(app, factory, session, clock):
    staff = await factory.user(await factory.institution())
    async with client_from(app, "10.0.6.1") as c:
        await login(c, staff.email, WRONG)
    rows = (await session.scalars(select(SigninThrottle))).all()
    assert len(rows) >= 3
    plain = {staff.email, "10.0.6.1", hashlib.sha256(staff.email.encode()).hexdigest()}
    for row in rows:
        assert not plain & {row.key, row.subject}
        assert staff.email not in row.key and "10.0.6.1" not in row.key


async def test_a_counter_deleted_between_insert_and_lock_is_recreated(client, factory, session, monkeypatch):
    """A concurrent right sign-in (or an administrator's reset) deletes the (login, source) counter
    after this attempt inserted-if-missing and before it locks the counters: the attempt inserts
    it again and is counted (it used to answer 500, a KeyError, seen by the sign-in benchmark)."""
    from sqlalchemy import delete

    from splot.directory import throttle

    staff = await factory.user(await factory.institution())
    assert (await login(client, staff.email, WRONG)).status_code == 400  # the counters exist
    real_lock = throttle._lock_counters
    deleted: list[str] = []

    async def lock_after_a_concurrent_delete(session, counters):
        if not deleted:
            key = counters[0].key
            await session.execute(delete(SigninThrottle).where(SigninThrottle.key == key))
            deleted.append(key)
        return await real_lock(session, counters)

    monkeypatch.setattr(throttle, "_lock_counters", lock_after_a_concurrent_delete)
    answer = await login(client, staff.email, WRONG)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"
    assert deleted
    recreated = await session.scalar(select(SigninThrottle).where(SigninThrottle.key == deleted[0]))
    assert recreated is not None and recreated.failures == 1


async def test_quiet_counters_are_pruned_and_nothing_else(app, factory, session, clock, settings):
    """Counters without an attempt for longer than the reset time are deleted (they would start
    over anyway); a counter with a recent attempt (here the shared per-source one) stays, and the
    pruned login starts over with its free attempts exactly as before pruning."""
    from splot.directory import throttle

    quiet = await factory.user(await factory.institution())
    busy = await factory.user(await factory.institution())
    quiet_email, busy_email = quiet.email, busy.email
    async with client_from(app, "10.0.7.1") as c:
        for _ in range(5):
            await login(c, quiet_email, WRONG)
        assert (await login(c, quiet_email, WRONG)).status_code == 429
        clock.advance(settings.signin_reset_after_seconds - 10)
        await login(c, busy_email, WRONG)
        clock.advance(20)  # quiet's counters: past the reset time; busy's and the source's: not
        before = {row.key: row.subject for row in (await session.scalars(select(SigninThrottle))).all()}
        pruned = await throttle.prune(session, settings=settings, now=app.state.clock())
        await session.commit()
        session.expire_all()
        after = {row.key: row.subject for row in (await session.scalars(select(SigninThrottle))).all()}
        assert pruned == 2 and len(before) - len(after) == 2  # quiet's (login, source) and login counters
        assert set(after) < set(before)
        quiet_subject = throttle.subject_hash(settings, throttle.login_subject(quiet_email))
        busy_subject = throttle.subject_hash(settings, throttle.login_subject(busy_email))
        assert quiet_subject not in after.values() and busy_subject in after.values()
        assert None in after.values()  # the per-source counter had an attempt 20 s ago
        for _ in range(5):
            assert (await login(c, quiet_email, WRONG)).status_code == 400
        assert (await login(c, quiet_email, WRONG)).status_code == 429
