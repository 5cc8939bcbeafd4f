"""The surveys' periodic job: close open rounds after their deadline day, and remind once per
round (automatically) the recipients without a submitted response when the deadline is within
``reminder_days`` working days (0: no automatic reminder). The owner can remind again at any
time (``POST /v1/survey-rounds/{id}/reminders``). Idempotent: run it as often as you like."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.background import every
from splot.common.db import utcnow
from splot.common.workdays import local_date, working_days_between
from splot.reporting.surveys.models import SurveyRound
from splot.reporting.surveys.rounds import close, remind


async def run_once(session: AsyncSession, *, today: date, now: datetime) -> dict[str, int]:
    """One pass over the open rounds; returns how many were closed and reminded."""
    closed = reminded = 0
    for row in (await session.scalars(select(SurveyRound).where(SurveyRound.status == "open"))).all():
        if today > row.deadline:
            close(row, now)
            closed += 1
        elif (
            not row.auto_reminded
            and row.reminder_days > 0
            and working_days_between(today, row.deadline) <= row.reminder_days
        ):
            await remind(session, row, now)
            row.auto_reminded = True
            reminded += 1
    await session.flush()
    return {"closed": closed, "reminded": reminded}


async def surveys_in_background(app: FastAPI) -> None:
    settings = app.state.settings

    async def job() -> None:
        now = utcnow()
        async with app.state.sessionmaker() as session:
            await run_once(session, today=local_date(now, settings.timezone), now=now)
            await session.commit()

    await every(settings.survey_jobs_interval_seconds, job, name="survey_reminders")
