"""Merging duplicate records and undoing a merge."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from splot.clients.schemas.fields import Input, Reason
from splot.clients.schemas.persons import PersonRead
from splot.common.api import Page


class MergeField(StrEnum):
    """Fields of the merged record a coordinator may choose to carry over to the survivor."""

    pesel = "pesel"
    document_number = "document_number"
    first_name = "first_name"
    last_name = "last_name"
    citizenship = "citizenship"
    street = "street"
    postal_code = "postal_code"
    city = "city"
    gmina = "gmina"
    phone = "phone"
    email = "email"
    preferred_contact = "preferred_contact"


class MergeCreate(Input):
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    reason: Reason
    take_from_merged: list[MergeField] = Field(
        default_factory=list,
        max_length=len(MergeField),
        description="Fields of the merged record that replace the survivor's (an explicit, audited "
        "choice per field); nothing else of the merged record's identity or contact data is kept",
    )


class MergeUndo(Input):
    reason: Reason


class MergeRead(BaseModel):
    id: uuid.UUID
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    #: The institution whose coordinator merged the records.
    institution_id: uuid.UUID
    reason: str
    merged_at: datetime
    taken_fields: list[str]
    undo_until: datetime
    #: Undo is still possible (within the window and not undone yet).
    undoable: bool
    undone_at: datetime | None


class MergePage(Page[MergeRead]): ...


class MergeResult(BaseModel):
    merge: MergeRead
    survivor: PersonRead
