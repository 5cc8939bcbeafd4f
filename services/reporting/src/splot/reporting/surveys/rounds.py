"""Rounds: opening one (recipients frozen from the institution dimension, the questionnaire
frozen), reading it within the analyst's scope, closing it, reminding, the response rate by
territory, and :func:`rounds_for` for the results report."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import teryt
from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.common.pagination import paginate
from splot.reporting.catalogue import INSTITUTION_TYPES
from splot.reporting.models import InstitutionDim
from splot.reporting.surveys.access import Analyst
from splot.reporting.surveys.models import SurveyQuestionnaire, SurveyRecipient, SurveyResponse, SurveyRound
from splot.reporting.surveys.schemas import RoundCreate


async def load_round(session: AsyncSession, round_id: uuid.UUID) -> SurveyRound:
    row = await session.get(SurveyRound, round_id)
    if row is None:
        raise not_found("survey round")
    return row


async def readable_round(session: AsyncSession, round_id: uuid.UUID, analyst: Analyst) -> SurveyRound:
    """The round, when the analyst's scope covers its territory (else the same 404 as absent)."""
    row = await load_round(session, round_id)
    if not analyst.covers(row.territory):
        raise not_found("survey round")
    return row


def is_owner(row: SurveyRound, analyst: Analyst) -> bool:
    return row.owner_scope == analyst.scope and row.owner_user_id == analyst.subject


async def owned_round(session: AsyncSession, round_id: uuid.UUID, analyst: Analyst) -> SurveyRound:
    row = await readable_round(session, round_id, analyst)
    if not is_owner(row, analyst):
        raise Problem(403, "forbidden", "only the analyst who opened the round may do this")
    return row


async def counts(session: AsyncSession, round_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, int]]:
    result = {rid: {"invited": 0, "drafts": 0, "submitted": 0} for rid in round_ids}
    if not round_ids:
        return result
    invited = await session.execute(
        select(SurveyRecipient.round_id, func.count())
        .where(SurveyRecipient.round_id.in_(round_ids))
        .group_by(SurveyRecipient.round_id)
    )
    for rid, n in invited.all():
        result[rid]["invited"] = int(n)
    states = await session.execute(
        select(SurveyResponse.round_id, SurveyResponse.status, func.count())
        .where(SurveyResponse.round_id.in_(round_ids))
        .group_by(SurveyResponse.round_id, SurveyResponse.status)
    )
    for rid, state, n in states.all():
        result[rid]["submitted" if state == "submitted" else "drafts"] += int(n)
    return result


def _rate(submitted: int, invited: int) -> float:
    return round(submitted / invited, 4) if invited else 0.0


async def round_read(session: AsyncSession, row: SurveyRound, analyst: Analyst) -> dict[str, Any]:
    n = (await counts(session, [row.id]))[row.id]
    questionnaire = await session.get(SurveyQuestionnaire, row.questionnaire_id)
    return {
        "id": row.id,
        "title": row.title,
        "questionnaire_id": row.questionnaire_id,
        "questionnaire_title": questionnaire.title if questionnaire else "",
        "status": row.status,
        "territory": row.territory,
        "institution_types": row.institution_types,
        "period_from": row.period_from,
        "period_to": row.period_to,
        "deadline": row.deadline,
        "reminder_days": row.reminder_days,
        "owner_scope": row.owner_scope,
        "is_owner": is_owner(row, analyst),
        "opened_at": row.opened_at,
        "closed_at": row.closed_at,
        **n,
        "response_rate": _rate(n["submitted"], n["invited"]),
        "reminders_sent_at": row.reminders_sent_at,
    }


async def open_round(
    session: AsyncSession, data: RoundCreate, analyst: Analyst, *, today: date
) -> SurveyRound:
    if not analyst.covers(data.territory):
        raise Problem(403, "territory_out_of_scope", "the territory is outside your analyst scope")
    questionnaire = await session.get(SurveyQuestionnaire, data.questionnaire_id)
    if questionnaire is None or not analyst.covers(questionnaire.owner_scope):
        raise not_found("questionnaire")
    unknown = sorted(set(data.institution_types) - set(INSTITUTION_TYPES))
    if unknown:
        raise Problem(422, "invalid_institution_type", "unknown institution types", types=unknown)
    if data.period_from > data.period_to:
        raise Problem(422, "invalid_period", "period_from must not be after period_to")
    if data.deadline <= today:
        raise Problem(422, "invalid_deadline", "the deadline must be after today")
    institutions = (
        await session.scalars(
            select(InstitutionDim)
            .where(
                InstitutionDim.active.is_(True),
                InstitutionDim.type.in_(sorted(set(data.institution_types))),
                InstitutionDim.teryt.startswith(data.territory, autoescape=True),
            )
            .order_by(InstitutionDim.id)
        )
    ).all()
    if not institutions:
        raise Problem(422, "no_recipients", "no active institution of these types in the territory")
    now = utcnow()
    row = SurveyRound(
        id=uuid.uuid4(),
        questionnaire_id=questionnaire.id,
        title=data.title,
        territory=data.territory,
        institution_types=sorted(set(data.institution_types)),
        period_from=data.period_from,
        period_to=data.period_to,
        deadline=data.deadline,
        reminder_days=data.reminder_days,
        owner_scope=analyst.scope,
        owner_user_id=analyst.subject,
        status="open",
        opened_at=now,
        auto_reminded=False,
    )
    session.add(row)
    await session.flush()
    for inst in institutions:
        session.add(
            SurveyRecipient(
                round_id=row.id,
                institution_id=inst.id,
                institution_type=inst.type,
                name=inst.name,
                teryt=inst.teryt,
                powiat_code=inst.powiat_code,
                voivodeship_code=inst.voivodeship_code,
            )
        )
    if questionnaire.status != "frozen":
        questionnaire.status = "frozen"
        questionnaire.version += 1
        questionnaire.updated_at = now
    await session.flush()
    return row


async def list_rounds(
    session: AsyncSession, analyst: Analyst, *, status: str | None, cursor: str | None, limit: int | None
) -> tuple[list[dict[str, Any]], str | None]:
    stmt = select(SurveyRound).where(SurveyRound.territory.startswith(analyst.scope, autoescape=True))
    if status is not None:
        stmt = stmt.where(SurveyRound.status == status)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[SurveyRound.opened_at, SurveyRound.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    n = await counts(session, [r.id for r in rows])
    items = [
        {
            "id": r.id,
            "title": r.title,
            "status": r.status,
            "territory": r.territory,
            "deadline": r.deadline,
            "invited": n[r.id]["invited"],
            "submitted": n[r.id]["submitted"],
            "response_rate": _rate(n[r.id]["submitted"], n[r.id]["invited"]),
        }
        for r in rows
    ]
    return items, next_cursor


def close(row: SurveyRound, now: datetime) -> None:
    if row.status != "closed":
        row.status = "closed"
        row.closed_at = now


async def remind(session: AsyncSession, row: SurveyRound, now: datetime) -> int:
    """Mark every recipient without a submitted response as reminded now."""
    submitted = select(SurveyResponse.institution_id).where(
        SurveyResponse.round_id == row.id, SurveyResponse.status == "submitted"
    )
    recipients = (
        await session.scalars(
            select(SurveyRecipient).where(
                SurveyRecipient.round_id == row.id, SurveyRecipient.institution_id.not_in(submitted)
            )
        )
    ).all()
    for recipient in recipients:
        recipient.reminded_at = now
    row.reminders_sent_at = now
    await session.flush()
    return len(recipients)


def territory_name(code: str) -> str:
    found = teryt.register().get(code) if code else None
    return found.name if found is not None else (code or "Polska")


async def response_rate(session: AsyncSession, row: SurveyRound, level: str) -> list[dict[str, Any]]:
    width = 2 if level == "voivodeship" else 4
    recipients = (
        await session.scalars(select(SurveyRecipient).where(SurveyRecipient.round_id == row.id))
    ).all()
    states = dict(
        (
            await session.execute(
                select(SurveyResponse.institution_id, SurveyResponse.status).where(
                    SurveyResponse.round_id == row.id
                )
            )
        ).all()
    )
    invited: Counter[str] = Counter()
    submitted: Counter[str] = Counter()
    drafts: Counter[str] = Counter()
    for r in recipients:
        code = r.teryt[:width]
        invited[code] += 1
        state = states.get(r.institution_id)
        if state == "submitted":
            submitted[code] += 1
        elif state is not None:
            drafts[code] += 1
    return [
        {
            "territory": code,
            "name": territory_name(code),
            "invited": invited[code],
            "submitted": submitted[code],
            "drafts": drafts[code],
            "response_rate": _rate(submitted[code], invited[code]),
        }
        for code in sorted(invited)
    ]


async def rounds_for(
    session: AsyncSession, *, territory: str, month_from: str, month_to: str
) -> list[SurveyRound]:
    """Open or closed rounds whose territory is within ``territory`` and whose reference period
    ("YYYY-MM".."YYYY-MM") overlaps ``month_from``..``month_to``; oldest first."""
    stmt = (
        select(SurveyRound)
        .where(
            SurveyRound.territory.startswith(territory, autoescape=True),
            SurveyRound.period_from <= month_to,
            SurveyRound.period_to >= month_from,
        )
        .order_by(SurveyRound.opened_at, SurveyRound.id)
    )
    return list((await session.scalars(stmt)).all())
