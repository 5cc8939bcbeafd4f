"""Sign-in throttling: progressive delays per (login, source), per source and per login.

Every attempt first *reserves* a slot on three counters, atomically and in a short transaction
of its own that is committed before the password is checked (see :mod:`splot.directory.signin`):

- (login, source): ``signin_free_attempts`` free attempts, then waits;
- source: ``signin_source_free_attempts`` (many logins tried from one address);
- login: ``signin_account_free_attempts`` from all sources together, much higher, so that
  distributed guessing is slowed while one person cannot stall a colleague's account.

Past a counter's free attempts each further attempt must wait, the wait doubling from
``signin_first_delay_seconds`` up to ``signin_max_delay_seconds``; a counter starts over after
``signin_reset_after_seconds`` without attempts. An attempt is refused (429 with Retry-After,
not counted) while any of its counters makes it wait. Because the slot is taken before the
password is verified, parallel guesses cannot slip past the count: of 30 simultaneous wrong
passwords exactly the free ones are verified.

A success starts the (login, source) counter over and gives the slot it took back to the other
two (successful sign-ins from a busy office must not add up). Unknown logins are counted exactly
like existing ones, so the answers never tell whether an account exists. Counters are keyed by a
keyed hash (HMAC with a key derived from the key-encryption key) of the login and the address:
neither is stored in clear. Counters quiet for longer than ``signin_reset_after_seconds`` are
deleted by a background job (:func:`prune`, :func:`prune_loop`): they would start over anyway.

Locking: on PostgreSQL the rows are created with ``INSERT … ON CONFLICT DO NOTHING`` and locked
with ``SELECT … FOR UPDATE``, always in key order, so concurrent reservations serialise per
counter and cannot deadlock; SQLite serialises writers anyway (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import structlog
from fastapi import FastAPI
from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.background import every
from splot.common.errors import Problem
from splot.directory.config import DirectorySettings
from splot.directory.models import SigninThrottle

log = structlog.get_logger("splot.directory.throttle")

#: The exponent of the doubling is capped well before it could overflow anything.
_MAX_DOUBLINGS = 30


@lru_cache(maxsize=8)
def _hmac_key(key_encryption_key: str) -> bytes:
    return hashlib.sha256(b"splot-signin-throttle\0" + key_encryption_key.encode()).digest()


def _hash(settings: DirectorySettings, *parts: str) -> str:
    key = _hmac_key(settings.key_ring.keys[0])
    return hmac.new(key, "\0".join(parts).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Counter:
    key: str
    subject: str | None
    free_attempts: int


@dataclass(frozen=True)
class Keys:
    """The three counters one attempt is made on."""

    subject_source: Counter
    source: Counter
    subject: Counter

    def counters(self) -> list[Counter]:
        # Always in key order: concurrent reservations lock the same rows in the same order.
        return sorted((self.subject_source, self.source, self.subject), key=lambda c: c.key)


def subject_hash(settings: DirectorySettings, subject: str) -> str:
    return _hash(settings, "subject", subject)


def login_subject(login: str) -> str:
    return "login:" + login.strip().lower()


def user_subject(user_id: object) -> str:
    return f"user:{user_id}"


def keys_for(settings: DirectorySettings, *, subject: str, source: str) -> Keys:
    """``subject`` is :func:`login_subject` (sign-in) or :func:`user_subject` (password change)."""
    hashed = subject_hash(settings, subject)
    return Keys(
        subject_source=Counter(
            _hash(settings, "subject+source", subject, source), hashed, settings.signin_free_attempts
        ),
        source=Counter(_hash(settings, "source", source), None, settings.signin_source_free_attempts),
        subject=Counter(hashed, hashed, settings.signin_account_free_attempts),
    )


@dataclass(frozen=True)
class Decision:
    allowed: bool
    #: Seconds to wait before the next attempt may be let through (when refused).
    retry_after: int = 0


def too_many_attempts(retry_after: int) -> Problem:
    # The same answer whatever the login: whether it exists must not show.
    return Problem(
        429,
        "too_many_attempts",
        "too many sign-in attempts; wait and try again",
        headers={"Retry-After": str(retry_after)},
    )


def delay_seconds(settings: DirectorySettings, failures: int, free_attempts: int) -> int:
    """The wait after the ``failures``-th attempt counted (0 while attempts are free)."""
    if failures < free_attempts:
        return 0
    factor: int = 2 ** min(failures - free_attempts, _MAX_DOUBLINGS)
    return min(settings.signin_first_delay_seconds * factor, settings.signin_max_delay_seconds)


def _insert_if_missing(dialect: str, counter: Counter, now: datetime) -> Any:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(SigninThrottle)
        .values(key=counter.key, subject=counter.subject, failures=0, last_attempt_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )


_RESERVE_ATTEMPTS = 3


def _in_key_order(counters: list[Counter]) -> list[Counter]:
    return sorted(counters, key=lambda counter: counter.key)


async def _lock_counters(session: AsyncSession, counters: list[Counter]) -> dict[str, SigninThrottle]:
    found = await session.scalars(
        select(SigninThrottle)
        .where(SigninThrottle.key.in_([c.key for c in counters]))
        .order_by(SigninThrottle.key)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {row.key: row for row in found.all()}


async def reserve(
    session: AsyncSession, *, settings: DirectorySettings, keys: Keys, now: datetime
) -> Decision:
    """Take a slot on every counter of ``keys``, or none when one of them makes the attempt wait.
    Flushes only: the caller commits this in a transaction of its own, before checking the
    password, so that the count holds whatever the attempt's outcome."""
    assert session.bind is not None
    dialect = session.bind.dialect.name
    # Every transaction touches the counters in key order (inserts, locks, updates): concurrent
    # sign-ins of one login then queue instead of deadlocking.
    counters = _in_key_order(keys.counters())
    rows: dict[str, SigninThrottle] = {}
    # A counter can vanish between our insert and our lock: a concurrent right sign-in or an
    # administrator's reset deletes it (and commits). Insert what is missing again, then lock.
    for _ in range(_RESERVE_ATTEMPTS):
        for counter in counters:
            if counter.key not in rows:
                await session.execute(_insert_if_missing(dialect, counter, now))
        rows = await _lock_counters(session, counters)
        if len(rows) == len(counters):
            break
    else:
        raise Problem(503, "busy", "sign-in is busy; retry shortly", headers={"Retry-After": "1"})
    quiet = timedelta(seconds=settings.signin_reset_after_seconds)
    waits = []
    for counter in counters:
        row = rows[counter.key]
        if now - row.last_attempt_at >= quiet:
            row.failures, row.blocked_until = 0, None
        if row.blocked_until is not None and row.blocked_until > now:
            waits.append(math.ceil((row.blocked_until - now).total_seconds()))
    if waits:
        await session.flush()
        return Decision(allowed=False, retry_after=max(1, *waits))
    for counter in counters:
        row = rows[counter.key]
        row.failures += 1
        row.last_attempt_at = now
        wait = delay_seconds(settings, row.failures, counter.free_attempts)
        row.blocked_until = now + timedelta(seconds=wait) if wait else None
    await session.flush()
    return Decision(allowed=True)


async def succeeded(session: AsyncSession, *, keys: Keys) -> None:
    """The attempt was right: its (login, source) counter starts over, the other two get their
    slot back. In the caller's transaction (the one that issues the tokens)."""
    for counter in _in_key_order(keys.counters()):
        if counter is keys.subject_source:
            # Reset, not deleted: concurrent sign-ins of the same login from the same source would
            # otherwise find their counter gone between inserting and locking it, and retry.
            await session.execute(
                update(SigninThrottle)
                .where(SigninThrottle.key == counter.key)
                .values(failures=0, blocked_until=None)
            )
            continue
        remaining = SigninThrottle.failures - 1
        await session.execute(
            update(SigninThrottle)
            .where(SigninThrottle.key == counter.key, SigninThrottle.failures > 0)
            .values(
                failures=remaining,
                blocked_until=case(
                    (remaining < counter.free_attempts, None), else_=SigninThrottle.blocked_until
                ),
            )
        )
    await session.flush()


async def clear_subjects(
    session: AsyncSession, *, settings: DirectorySettings, subjects: Iterable[str]
) -> None:
    """Forget every counter about these logins or users (an administrator activated the account
    or reset its password). Per-source counters stay: they are about the address, not the person."""
    hashed = [subject_hash(settings, s) for s in subjects]
    await session.execute(delete(SigninThrottle).where(SigninThrottle.subject.in_(hashed)))
    await session.flush()


async def delayed_logins(
    session: AsyncSession, *, settings: DirectorySettings, logins: Iterable[str], now: datetime
) -> set[str]:
    """Which of these logins are being made to wait from everywhere (their per-login counter
    is past its free attempts): shown to administrators as ``locked``."""
    by_hash = {subject_hash(settings, login_subject(login)): login for login in logins}
    if not by_hash:
        return set()
    found = await session.scalars(
        select(SigninThrottle.key).where(
            SigninThrottle.key.in_(list(by_hash)),
            SigninThrottle.blocked_until.is_not(None),
            SigninThrottle.blocked_until > now,
        )
    )
    return {by_hash[key] for key in found.all()}


async def prune(session: AsyncSession, *, settings: DirectorySettings, now: datetime) -> int:
    """Delete the counters without an attempt for longer than ``signin_reset_after_seconds``: the
    next attempt would start them over (:func:`reserve`), so no decision changes. A counter that a
    reservation has just locked and updated no longer matches and stays. Returns how many went."""
    cutoff = now - timedelta(seconds=settings.signin_reset_after_seconds)
    result = await session.execute(
        delete(SigninThrottle).where(
            SigninThrottle.last_attempt_at < cutoff,
            (SigninThrottle.blocked_until.is_(None)) | (SigninThrottle.blocked_until <= now),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def prune_loop(app: FastAPI) -> None:
    """Background task: :func:`prune` every ``signin_prune_interval_seconds`` (0: never)."""
    settings: DirectorySettings = app.state.settings

    async def run() -> None:
        async with app.state.sessionmaker() as session:
            count = await prune(session, settings=settings, now=app.state.clock())
            await session.commit()
        if count:
            log.info("signin_counters_pruned", count=count)

    await every(settings.signin_prune_interval_seconds, run, name="signin_throttle_prune")
