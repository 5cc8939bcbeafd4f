"""Handing the states a change wrote to a peer right after its commit, without holding a
database connection while the peer answers.

A change records the states a peer must learn (the receiver's access for the client registry,
a place in an offer for the directory, a plan action's referral for the registry) as rows in its
own transaction (:mod:`~splot.referrals.access`, :mod:`~splot.referrals.occupancy`,
:mod:`~splot.referrals.plan_actions`). After the commit the request delivers them here:

1. **claim**: one statement takes the referral's open rows that are due and moves their
   ``next_attempt_at`` a :data:`LEASE` ahead, returning what to send. Rows another request or
   the scheduler holds are skipped, not waited for (``FOR UPDATE SKIP LOCKED`` on PostgreSQL).
   The claim commits at once and the connection goes back to the pool;
2. **hand over**: the peer is called with no connection held, so a slow peer cannot take the
   pool (or a row lock a later change of the same referral needs) for as long as it is slow;
3. **record**: one statement writes the attempt's outcome (done, or the next attempt after a
   back-off), on a row that is still open.

The scheduler retries in the same three steps (:meth:`Channel.send_due`: the row due the longest),
and only rows that are due can be claimed, so neither sends a row the other holds; if the process
dies between the claim and the record, the row is sent again when the lease has passed. Peers
keep the newest state of a referral by its version, so a state delivered twice or overtaken by a
newer one changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import structlog
from sqlalchemy import RowMapping, Table, Update, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.background import Backoff
from splot.common.db import single_statement_sessions, utcnow

log = structlog.get_logger("splot.referrals.handover")

#: How long a request's claim keeps a row from the scheduler: well past the peers' timeout
#: (``peer_timeout_seconds``: 10 s by default, at most 60), so the scheduler does not send what a
#: request is still sending, and short enough that a row a dying process claimed is soon sent.
LEASE = timedelta(minutes=2)

#: The columns every hand-over table has; a claim returns them with the table's own.
_COMMON = ("id", "version", "created_at", "attempts")

#: What one attempt wrote: the columns of the outcome and their values.
Outcome = dict[str, Any]
#: The call to the peer, given the row's columns (the channel's own) by name; raises when the
#: peer did not take the state.
Call = Callable[[Mapping[Any, Any]], Awaitable[None]]


@cache
def _claim(table: Table, columns: tuple[str, ...], *, oldest_due: bool) -> Update:
    """The claim of the given referrals' due rows, or (``oldest_due``) of the one row due the
    longest, whatever its referral (the scheduler's)."""
    due = select(table.c.id).where(
        table.c.done_at.is_(None),
        table.c.superseded_at.is_(None),
        table.c.next_attempt_at <= bindparam("now", type_=table.c.next_attempt_at.type),
    )
    if oldest_due:
        due = due.order_by(table.c.next_attempt_at, table.c.version, table.c.id).limit(1)
    else:
        due = due.where(table.c.referral_id.in_(bindparam("referral_ids", expanding=True)))
    return (
        update(table)
        .where(table.c.id.in_(due.with_for_update(skip_locked=True).scalar_subquery()))
        .values(next_attempt_at=bindparam("lease_until", type_=table.c.next_attempt_at.type))
        .returning(*(table.c[name] for name in dict.fromkeys((*_COMMON, *columns))))
    )


@cache
def _record(table: Table, columns: tuple[str, ...]) -> Update:
    return (
        update(table)
        .where(table.c.id == bindparam("p_id"), table.c.done_at.is_(None))
        .values({name: bindparam(f"p_{name}", type_=table.c[name].type) for name in columns})
    )


Maker = async_sessionmaker[AsyncSession]


async def claim(
    maker: Maker,
    table: Table,
    referral_ids: Iterable[uuid.UUID] | None,
    columns: tuple[str, ...] = (),
    *,
    now: datetime | None = None,
) -> Sequence[RowMapping]:
    """Take the referrals' open rows due at ``now`` (or, for ``None``, the one due the longest)
    for a :data:`LEASE`, oldest version first (one statement, committed at once: see
    :func:`~splot.common.db.single_statement_sessions`)."""
    now = now or utcnow()
    # The lease runs from the claim, not from ``now`` (a scheduler's run began before it).
    params: dict[str, Any] = {"now": now, "lease_until": max(now, utcnow()) + LEASE}
    if referral_ids is not None:
        params["referral_ids"] = list(referral_ids)
        if not params["referral_ids"]:
            return []
    statement = _claim(table, columns, oldest_due=referral_ids is None)
    async with single_statement_sessions(maker)() as session:
        rows = (await session.execute(statement, params)).mappings().all()
        await session.commit()
    return sorted(rows, key=lambda row: (row["version"], row["created_at"]))


async def record(maker: Maker, table: Table, row_id: uuid.UUID, outcome: Outcome) -> None:
    """Write one attempt's outcome on the row, if nothing closed it meanwhile."""
    params = {"p_id": row_id, **{f"p_{name}": value for name, value in outcome.items()}}
    async with single_statement_sessions(maker)() as session:
        await session.execute(_record(table, tuple(outcome)), params)
        await session.commit()


@dataclass(frozen=True)
class Channel:
    """What is handed to one peer: the table of pending states, the columns that make a state,
    the back-off between attempts, which refusals are final (``final``: the error to record and
    no retry, or None), and the warning logged when a request's attempt could not be recorded."""

    table: Table
    columns: tuple[str, ...]
    retry: Backoff
    deferred: str
    final: Callable[[Exception], str | None] = lambda _exc: None

    async def deliver(self, maker: Maker, referral_ids: Iterable[uuid.UUID], call: Call) -> None:
        """Right after a commit: claim, hand over and record the referrals' pending states (the
        scheduler catches anything that fails here)."""
        ids = list(referral_ids)
        try:
            for row in await claim(maker, self.table, ids, self.columns):
                await record(maker, self.table, row["id"], await self._attempt(row, call, utcnow()))
        except Exception as exc:  # the response is already decided; the scheduler retries
            log.warning(self.deferred, referral_ids=[str(i) for i in ids], error_type=type(exc).__name__)

    async def send_due(self, maker: Maker, call: Call, *, now: datetime) -> bool | None:
        """The scheduler's step: claim the row due the longest at ``now``, hand it over and record
        the outcome (the same three steps as a request's). True when the peer took the state,
        False when it did not, None when nothing is due."""
        rows = await claim(maker, self.table, None, self.columns, now=now)
        if not rows:
            return None
        outcome = await self._attempt(rows[0], call, now)
        await record(maker, self.table, rows[0]["id"], outcome)
        return "last_error" not in outcome

    async def _attempt(self, row: Mapping[Any, Any], call: Call, now: datetime) -> Outcome:
        """One attempt: done; closed for good on a final refusal; else the error and the next
        attempt after a back-off (retried by the scheduler, never dropped)."""
        attempts = row["attempts"] + 1
        try:
            await call(row)
        except Exception as exc:
            final = self.final(exc)
            if final is not None:
                return {"attempts": attempts, "last_error": final, "done_at": now}
            error = type(exc).__name__
            return {
                "attempts": attempts,
                "last_error": error,
                "next_attempt_at": now + self.retry.delay(attempts),
            }
        return {"done_at": now}
