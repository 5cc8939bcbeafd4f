"""Operator commands and the in-service scheduler loop."""

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy import select, update

from splot.common.db import utcnow
from splot.referrals import cli
from splot.referrals.models import Notification, Referral
from splot.referrals.scheduler import scheduler_loop

from conftest import create


def test_migrate_and_run_the_scheduler_once(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPLOT_REFERRALS_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'referrals.db'}")
    monkeypatch.setenv("SPLOT_REFERRALS_EMAIL_DIR", str(tmp_path / "mail"))
    assert cli.main(["migrate"]) == 0
    assert cli.main(["run-scheduler", "--once"]) == 0
    assert "escalated=0 expired=0" in capsys.readouterr().out


async def test_the_background_loop_runs_the_jobs(client, world, app, session):
    body, _ = await create(client, world)
    await session.execute(
        update(Referral)
        .where(Referral.id == uuid.UUID(body["id"]))
        .values(due_at=utcnow() - timedelta(minutes=1))
    )
    app.state.settings.scheduler_interval_seconds = 0.05
    app.state.settings.scheduler_enabled = True
    task = asyncio.create_task(scheduler_loop(app))
    try:
        for _ in range(100):
            await asyncio.sleep(0.02)
            found = (
                await session.scalars(select(Notification).where(Notification.kind == "referral.overdue"))
            ).first()
            if found is not None:
                break
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert found is not None and found.recipient_role == "coordinator"
