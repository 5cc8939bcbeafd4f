"""The tables of the surveys: questionnaires (a JSON document, frozen once sent), rounds with
their frozen recipients, one response per (round, institution) and the flags of free-text answers.

Answers are institutions' declarations, not data about persons: nothing here holds a person."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, new_id, utcnow
from splot.reporting.models import Base


class SurveyQuestionnaire(Base):
    __tablename__ = "survey_questionnaire"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(4000))
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: "draft" or "frozen" (a round was opened with it).
    status: Mapped[str] = mapped_column(String(16), default="draft")
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    template: Mapped[str | None] = mapped_column(String(64))
    #: The creator's analyst scope: "" national, 2 or 4 digits.
    owner_scope: Mapped[str] = mapped_column(String(4), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: The ETag's version.
    version: Mapped[int] = mapped_column(Integer, default=1)


class SurveyRound(Base):
    __tablename__ = "survey_round"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    questionnaire_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_questionnaire.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    territory: Mapped[str] = mapped_column(String(4), index=True)
    institution_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    period_from: Mapped[str] = mapped_column(String(7))
    period_to: Mapped[str] = mapped_column(String(7))
    #: The last day answers are accepted (local date, the service's timezone).
    deadline: Mapped[date] = mapped_column(Date, index=True)
    reminder_days: Mapped[int] = mapped_column(Integer, default=3)
    owner_scope: Mapped[str] = mapped_column(String(4))
    owner_user_id: Mapped[str] = mapped_column(String(64))
    #: "open" or "closed".
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The last time reminders went out (automatically or by the owner).
    reminders_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The automatic reminder went out (once per round).
    auto_reminded: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyRecipient(Base):
    """An institution invited to a round, frozen when the round opened."""

    __tablename__ = "survey_recipient"

    round_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("survey_round.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
    institution_type: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    teryt: Mapped[str] = mapped_column(String(7))
    powiat_code: Mapped[str] = mapped_column(String(4))
    voivodeship_code: Mapped[str] = mapped_column(String(2))
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SurveyResponse(Base):
    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("round_id", "institution_id", name="uq_survey_response_round"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_round.id", ondelete="CASCADE"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: "draft" or "submitted".
    status: Mapped[str] = mapped_column(String(16), default="draft")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class SurveyTextAnswer(Base):
    """A free-text answer's identity and whether the round's owner marked it publishable (the
    text itself stays in the response; a changed text loses the mark)."""

    __tablename__ = "survey_text_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_key", name="uq_survey_text_answer"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_round.id", ondelete="CASCADE"), index=True)
    response_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(40))
    publishable: Mapped[bool] = mapped_column(Boolean, default=False)
