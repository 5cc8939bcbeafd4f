"""Sign-in throttling under parallel requests, on a database the app really commits to.

Each attempt reserves its slot in a committed transaction before the password is checked, so a
burst of wrong passwords gets exactly the free attempts verified, however many arrive at once;
and the password hash runs outside any transaction, so a burst of right passwords does not queue
behind SQLite's single write lock. The throttle's clock is frozen by hand (no test sleeps or
measures time). Every test uses its own logins and source addresses: the database is shared.
"""

import asyncio
import uuid
from collections import Counter

import httpx
import pytest

from splot.directory.models import Institution, User

from conftest import PASSWORD, PASSWORD_HASH, Clock, login, without_request_id

BURST = 30
WRONG = "wrong password!"


@pytest.fixture
def capp(committed_app):
    """The committed app with a hand-stepped clock and its settings restored afterwards."""
    settings = committed_app.state.settings
    saved = settings.model_dump()
    committed_app.state.clock = Clock()
    yield committed_app
    for name, value in saved.items():
        setattr(settings, name, value)


def _client(app, source: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(source, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=120)


def _source() -> str:
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


async def _users(app, count: int) -> list[str]:
    async with app.state.sessionmaker() as session:
        inst = Institution(type="PUP", teryt="1219053", name=f"PUP {uuid.uuid4().hex[:6]}")
        session.add(inst)
        await session.flush()
        emails = [f"{uuid.uuid4().hex[:12]}@example.org" for _ in range(count)]
        session.add_all(
            User(
                institution_id=inst.id,
                email=e,
                full_name="Test",
                roles=["caseworker"],
                password_hash=PASSWORD_HASH,
            )
            for e in emails
        )
        await session.commit()
    return emails


async def _burst(app, source: str, username: str, password: str = WRONG) -> list[httpx.Response]:
    async with _client(app, source) as c:
        return list(await asyncio.gather(*(login(c, username, password) for _ in range(BURST))))


async def test_a_burst_of_wrong_passwords_gets_exactly_the_free_attempts(capp):
    (email,) = await _users(capp, 1)
    source = _source()
    existing = await _burst(capp, source, email)
    assert Counter(r.status_code for r in existing) == {400: 5, 429: BURST - 5}, [r.text for r in existing]

    # An unknown login, from another address, gets the very same answers.
    unknown = await _burst(capp, _source(), f"nobody-{uuid.uuid4().hex[:8]}@example.org")
    assert sorted(r.status_code for r in unknown) == sorted(r.status_code for r in existing)

    def answers(responses):
        return sorted(
            {
                (
                    r.status_code,
                    str(sorted(without_request_id(r.json()).items())),
                    r.headers.get("retry-after"),
                )
                for r in responses
            }
        )

    assert answers(existing) == answers(unknown)
    assert len(answers(existing)) == 2  # one 400 body, one 429 body and wait

    # The right password waits too, and is let in once the wait is over.
    async with _client(capp, source) as c:
        waiting = await login(c, email)
        assert waiting.status_code == 429 and waiting.headers["retry-after"] == "1"
        capp.state.clock.advance(1)
        assert (await login(c, email)).status_code == 200


async def test_another_source_is_slowed_only_past_the_accounts_threshold(capp):
    capp.state.settings.signin_account_free_attempts = 8
    (email,) = await _users(capp, 1)
    first = await _burst(capp, _source(), email)
    assert Counter(r.status_code for r in first) == {400: 5, 429: BURST - 5}
    async with _client(capp, _source()) as other:
        statuses = [(await login(other, email, WRONG)).status_code for _ in range(4)]
    # 5 from the first source + 3 from this one reach the account's 8; the next one waits.
    assert statuses == [400, 400, 400, 429]


async def test_a_burst_of_right_passwords_all_get_in(capp):
    """30 colleagues behind one address sign in at once (the same account 30 times at once
    would rightly be slowed: each attempt is counted until it has succeeded)."""
    emails = await _users(capp, BURST)
    async with _client(capp, _source()) as c:
        responses = await asyncio.gather(*(login(c, e) for e in emails))
    assert [r.status_code for r in responses] == [200] * BURST, [
        r.text for r in responses if r.status_code != 200
    ]


async def test_a_burst_of_wrong_current_passwords_gets_exactly_the_free_attempts(capp):
    (email,) = await _users(capp, 1)
    async with _client(capp, _source()) as c:
        token = (await login(c, email, PASSWORD)).json()["access_token"]
        responses = await asyncio.gather(
            *(
                c.post(
                    "/v1/me/password",
                    json={"current_password": "not it", "new_password": "długie nowe hasło 123"},
                    headers={"Authorization": f"Bearer {token}"},
                )
                for _ in range(BURST)
            )
        )
    assert Counter(r.status_code for r in responses) == {422: 5, 429: BURST - 5}


async def test_bursts_of_one_account_signing_in_never_fail(capp):
    """One login signing in many times at once from one address (a script, the sign-in benchmark),
    with waits far away: every attempt is let in. Each success resets its (login, source) counter
    while the next attempts insert and lock the same counters; they touch them in key order, so they
    queue instead of deadlocking (503s on PostgreSQL before) or finding a counter gone (a 500)."""
    settings = capp.state.settings
    settings.signin_free_attempts = settings.signin_account_free_attempts = 1000
    settings.signin_source_free_attempts = 10_000
    (email,) = await _users(capp, 1)
    source = _source()
    statuses: list[int] = []
    for _ in range(3):
        async with _client(capp, source) as c:
            statuses += [
                r.status_code for r in await asyncio.gather(*(login(c, email) for _ in range(BURST)))
            ]
    assert Counter(statuses) == {200: 3 * BURST}
