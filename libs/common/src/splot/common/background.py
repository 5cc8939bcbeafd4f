"""Background work every service does the same way: retrying with a capped exponential back-off,
and running a job periodically for the app's lifetime without letting one failure stop it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import structlog

log = structlog.get_logger("splot.background")

#: Peers start together with us (Compose, Kubernetes, the embedded mode's one server that is not
#: listening yet while the services start): for this long after the process started, a peer that
#: cannot be reached is expected, not worth a warning.
STARTUP_GRACE_SECONDS = 30.0
_STARTED = time.monotonic()


def peer_failure_level(*, ever_reached: bool) -> str:
    """The log level of a failed call to a peer from a background loop: ``debug`` while the
    process is starting and the peer was never reached yet, else ``warning``."""
    starting = time.monotonic() - _STARTED < STARTUP_GRACE_SECONDS
    return "debug" if starting and not ever_reached else "warning"


@dataclass(frozen=True)
class Backoff:
    """``base · factor^(attempts-1)``, never more than ``cap``: the wait before the next attempt
    after ``attempts`` failed ones (e-mails, webhook deliveries, access states, revocations)."""

    base: timedelta
    cap: timedelta = timedelta(hours=1)
    factor: float = 2.0

    def delay(self, attempts: int) -> timedelta:
        exponent = max(0, attempts - 1)
        # Stop growing long before the float overflows: the cap decides anyway.
        if exponent > 64:
            return self.cap
        return min(self.cap, self.base * (self.factor**exponent))

    @classmethod
    def seconds(cls, base: float, *, cap: float = 3600.0, factor: float = 2.0) -> Backoff:
        return cls(timedelta(seconds=base), timedelta(seconds=cap), factor)


async def every(
    interval: float,
    job: Callable[[], Awaitable[object]],
    *,
    name: str,
    first_delay: float | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Run ``job`` every ``interval`` seconds until cancelled. A failing run is logged (its type and
    frames, never its message: it may quote personal data) and the schedule goes on. ``interval``
    0 or less: nothing is scheduled (the job runs on demand only)."""
    if interval <= 0:
        return
    await sleep(interval if first_delay is None else first_delay)
    while True:
        try:
            await job()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one failed run must not end the schedule
            log.error("background_job_failed", job=name, exc_info=exc)
        await sleep(interval)
