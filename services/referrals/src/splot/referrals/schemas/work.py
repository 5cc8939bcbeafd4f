"""Messages, notifications and follow-ups."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import (
    BaseModel,
    Field,
)

from splot.common.api import Page
from splot.referrals.schemas.base import Code, Input, LongText, Output, Text


class MessageCreate(Input):
    text: LongText


class MessageUpdate(Input):
    text: LongText


class ReceiptRead(Output):
    institution_id: uuid.UUID
    read_at: datetime


class MessageRead(BaseModel):
    id: uuid.UUID
    referral_id: uuid.UUID
    author_institution_id: uuid.UUID
    author_subject: str
    text: str
    created_at: datetime
    edited_at: datetime | None
    version: int
    mine: bool = Field(description="Written by your institution")
    editable: bool = Field(description="You wrote it and the other side has not read it yet")
    read_receipts: list[ReceiptRead]


class MessagePage(Page[MessageRead]): ...


class MarkedRead(BaseModel):
    marked: int


class NotificationRead(BaseModel):
    id: uuid.UUID
    kind: str
    title: str
    referral_id: uuid.UUID | None
    referral_number: str | None
    followup_id: uuid.UUID | None
    recipient_institution_id: uuid.UUID
    recipient_role: str | None
    recipient_user_id: uuid.UUID | None
    created_at: datetime
    read_at: datetime | None


class NotificationPage(Page[NotificationRead]):
    unread_count: int


class UnreadCount(BaseModel):
    unread: int


class FollowUpStatus(StrEnum):
    open = "open"
    answered = "answered"
    cancelled = "cancelled"


class FollowUpRead(Output):
    id: uuid.UUID
    referral_id: uuid.UUID
    institution_id: uuid.UUID
    due_months: int
    due_at: datetime
    status: FollowUpStatus
    outcome_code: str | None
    note: str | None = Field(description="Only for the institution that answers it")
    answered_at: datetime | None
    created_at: datetime
    chain_root_id: uuid.UUID
    referral_number: str = ""
    person_id: uuid.UUID | None = None
    mine: bool = Field(True, description="Your institution answers it (the chain's root sender)")
    answerable: bool = Field(False, description="You may answer it now (yours, open and due)")


class FollowUpPage(Page[FollowUpRead]): ...


class FollowUpAnswer(Input):
    outcome_code: Code = Field(description="A follow-up outcome from GET /v1/outcome-codes?kind=followup")
    note: Text | None = None
