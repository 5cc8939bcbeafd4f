"""The back-off policy and the periodic loop every service's background work uses."""

import asyncio
from datetime import timedelta

import pytest

from splot.common.background import Backoff, every


def test_the_backoff_doubles_and_is_capped():
    policy = Backoff.seconds(30, cap=600)
    assert [policy.delay(n).total_seconds() for n in (0, 1, 2, 3, 4, 5, 6)] == [
        30,
        30,
        60,
        120,
        240,
        480,
        600,
    ]
    assert policy.delay(10_000) == timedelta(seconds=600)
    assert Backoff(timedelta(seconds=1), factor=3).delay(3) == timedelta(seconds=9)


async def test_a_periodic_job_survives_a_failing_run_and_stops_when_cancelled():
    runs: list[int] = []
    sleeps: list[float] = []

    async def job() -> None:
        runs.append(len(runs))
        if len(runs) == 2:
            raise RuntimeError("boom")
        if len(runs) == 4:
            raise asyncio.CancelledError

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    with pytest.raises(asyncio.CancelledError):
        await every(5, job, name="test", first_delay=1, sleep=sleep)
    assert runs == [0, 1, 2, 3]  # the failure of the second run did not stop the third
    assert sleeps == [1, 5, 5, 5]


async def test_a_zero_interval_schedules_nothing():
    async def job() -> None:
        raise AssertionError("must not run")

    await every(0, job, name="off")


def test_a_serving_process_freezes_its_start_up_objects_before_uvicorn_runs(app, monkeypatch):
    """``serve`` moves the start-up objects out of the collector's reach before serving (full
    collections walking them were the aggregate API's p95 outliers); a test app is not frozen."""
    import gc

    import uvicorn

    from splot.common.app import serve

    seen: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: seen.append(gc.get_freeze_count()))
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        serve(app, app.state.settings, host="127.0.0.1", port=1)
        assert seen and seen[0] > 10_000
    finally:
        gc.unfreeze()
