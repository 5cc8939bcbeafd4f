"""An institution's response: answer validation by question type, visibility by ``show_if``,
saving a draft, submitting, correcting until the deadline (the end of the deadline day in the
service's timezone) or the round's closure."""

from __future__ import annotations

import math
import re
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem, not_found
from splot.common.etag import check_if_match
from splot.reporting.surveys.design import question_map, questions
from splot.reporting.surveys.models import (
    SurveyQuestionnaire,
    SurveyRecipient,
    SurveyResponse,
    SurveyRound,
    SurveyTextAnswer,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_MAX = 4000
NUMBER_LIMIT = 10**12


def is_answered(value: Any) -> bool:
    return value is not None and value != "" and value != []


def visible(question: dict[str, Any], answers: dict[str, Any], qmap: dict[str, dict[str, Any]]) -> bool:
    """Shown to the respondent: no ``show_if``, or the referred (visible) question's answer is one
    of ``equals_any`` (for a multiple choice: one of its values is)."""
    cond = question.get("show_if")
    if not cond:
        return True
    target = qmap.get(cond["question"])
    if target is None or not visible(target, answers, qmap):
        return False
    value = answers.get(cond["question"])
    wanted = set(cond["equals_any"])
    if isinstance(value, list):
        return bool(wanted.intersection(str(v) for v in value))
    return is_answered(value) and str(value) in wanted


def _valid(question: dict[str, Any], value: Any) -> bool:
    kind = question["type"]
    options = {o["value"] for o in question.get("options") or []}
    if kind == "single_choice":
        return isinstance(value, str) and value in options
    if kind == "multiple_choice":
        return (
            isinstance(value, list)
            and all(isinstance(v, str) and v in options for v in value)
            and len(set(value)) == len(value)
        )
    if kind == "scale":
        spec = question["scale"]
        return isinstance(value, int) and not isinstance(value, bool) and spec["min"] <= value <= spec["max"]
    if kind == "number":
        spec = question.get("number") or {}
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, int) and abs(value) > NUMBER_LIMIT:
            return False  # before any float(): a 400-digit integer would overflow it
        if not math.isfinite(value):
            return False
        if spec.get("integer") and not float(value).is_integer():
            return False
        low, high = spec.get("min"), spec.get("max")
        return (
            (low is None or value >= low) and (high is None or value <= high) and abs(value) <= NUMBER_LIMIT
        )
    if kind == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            return False
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return True
    if kind == "text":
        return isinstance(value, str) and len(value) <= TEXT_MAX and not _CONTROL.search(value)
    return False


def _problem(code: str, detail: str, errors: list[dict[str, Any]]) -> Problem:
    return Problem(422, code, detail, errors=errors)


def _error(key: str, code: str, msg: str) -> dict[str, Any]:
    return {"loc": ["body", "answers", key], "msg": msg, "type": code, "question": key, "code": code}


def clean_answers(document: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as stored (unanswered ones dropped; numbers kept as given), or a 422:
    ``unknown_question``, ``invalid_answer`` or ``answer_not_expected`` (a hidden question)."""
    qmap = question_map(document)
    unknown = [k for k in answers if k not in qmap]
    if unknown:
        raise _problem(
            "unknown_question",
            "answers to questions the questionnaire does not have",
            [_error(k, "unknown_question", "no such question") for k in unknown],
        )
    given = {k: v for k, v in answers.items() if is_answered(v)}
    invalid = [k for k, v in given.items() if not _valid(qmap[k], v)]
    if invalid:
        raise _problem(
            "invalid_answer",
            "answers that do not fit their questions",
            [_error(k, "invalid_answer", f"not a valid {qmap[k]['type']} answer") for k in invalid],
        )
    hidden = [k for k in given if not visible(qmap[k], given, qmap)]
    if hidden:
        raise _problem(
            "answer_not_expected",
            "answers to questions hidden by the answers given",
            [_error(k, "answer_not_expected", "this question is not shown") for k in hidden],
        )
    return given


def missing_required(document: dict[str, Any], answers: dict[str, Any]) -> list[str]:
    qmap = question_map(document)
    return [
        q["key"]
        for _, q in questions(document)
        if q["required"] and visible(q, answers, qmap) and not is_answered(answers.get(q["key"]))
    ]


def require_complete(document: dict[str, Any], answers: dict[str, Any]) -> None:
    missing = missing_required(document, answers)
    if missing:
        raise _problem(
            "answer_required",
            "required questions are not answered",
            [_error(k, "answer_required", "an answer is required") for k in missing],
        )


# --- the institution's side ------------------------------------------------------------------------


async def recipient_of(session: AsyncSession, round_id: uuid.UUID, institution_id: uuid.UUID) -> SurveyRound:
    """The round, when the institution was invited to it (else the same 404 as absent)."""
    row = await session.get(SurveyRound, round_id)
    if row is None or await session.get(SurveyRecipient, (round_id, institution_id)) is None:
        raise not_found("survey round")
    return row


async def response_of(
    session: AsyncSession, round_id: uuid.UUID, institution_id: uuid.UUID
) -> SurveyResponse | None:
    return (
        await session.scalars(
            select(SurveyResponse).where(
                SurveyResponse.round_id == round_id, SurveyResponse.institution_id == institution_id
            )
        )
    ).one_or_none()


def editable(row: SurveyRound, today: date) -> bool:
    return row.status == "open" and today <= row.deadline


def etag_version(response: SurveyResponse | None) -> int:
    """The ETag is the round's id and the response's version (0: nothing saved yet)."""
    return response.version if response is not None else 0


async def document_of(session: AsyncSession, row: SurveyRound) -> dict[str, Any]:
    questionnaire = await session.get(SurveyQuestionnaire, row.questionnaire_id)
    if questionnaire is None:  # pragma: no cover - a foreign key
        raise not_found("questionnaire")
    return {
        "title": questionnaire.title,
        "description": questionnaire.description,
        "sections": questionnaire.sections,
    }


async def _sync_texts(
    session: AsyncSession,
    row: SurveyRound,
    response: SurveyResponse,
    document: dict[str, Any],
    old: dict[str, Any],
) -> None:
    keys = {q["key"] for _, q in questions(document) if q["type"] == "text"}
    existing = {
        t.question_key: t
        for t in (
            await session.scalars(select(SurveyTextAnswer).where(SurveyTextAnswer.response_id == response.id))
        ).all()
    }
    for key in keys:
        text = response.answers.get(key)
        mark = existing.get(key)
        if not is_answered(text):
            if mark is not None:
                await session.delete(mark)
        elif mark is None:
            session.add(
                SurveyTextAnswer(
                    round_id=row.id, response_id=response.id, question_key=key, publishable=False
                )
            )
        elif old.get(key) != text:
            mark.publishable = False  # the owner marked another text


async def save(
    session: AsyncSession,
    row: SurveyRound,
    institution_id: uuid.UUID,
    answers: dict[str, Any],
    *,
    if_match: str | None,
    today: date,
    now: datetime,
    submit: bool = False,
) -> SurveyResponse:
    """Save (and with ``submit`` submit) the response. A new response needs no If-Match (or the
    version-0 ETag of the empty one); an existing one needs its current ETag."""
    response = await response_of(session, row.id, institution_id)
    if response is not None or if_match or submit:
        check_if_match(if_match, row.id, etag_version(response))
    if not editable(row, today):
        raise Problem(409, "round_closed", "the round is closed: answers can no longer be changed")
    document = await document_of(session, row)
    clean = clean_answers(document, answers)
    if submit or (response is not None and response.status == "submitted"):
        require_complete(document, clean)
    old: dict[str, Any] = {}
    if response is None:
        response = SurveyResponse(
            id=uuid.uuid4(),
            round_id=row.id,
            institution_id=institution_id,
            status="draft",
            answers=clean,
            created_at=now,
            updated_at=now,
            version=1,
        )
        session.add(response)
    else:
        old = dict(response.answers)
        response.answers = clean
        response.updated_at = now
        response.version += 1
    if submit and response.status != "submitted":
        response.status = "submitted"
        response.submitted_at = now
    await session.flush()
    await _sync_texts(session, row, response, document, old)
    await session.flush()
    return response


async def submit_existing(
    session: AsyncSession,
    row: SurveyRound,
    institution_id: uuid.UUID,
    *,
    if_match: str | None,
    today: date,
    now: datetime,
) -> SurveyResponse:
    response = await response_of(session, row.id, institution_id)
    answers = dict(response.answers) if response is not None else {}
    return await save(
        session, row, institution_id, answers, if_match=if_match, today=today, now=now, submit=True
    )
