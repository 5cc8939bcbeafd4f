"""Case attributes: the catalogue of definitions and an institution's values."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictBool, StrictInt, StrictStr, StringConstraints

from splot.clients.schemas.fields import Input, Output
from splot.common.api import Page


class AttributeDefinitionRead(Output):
    code: str
    label_pl: str
    label_en: str
    value_type: str
    allowed_values: list[str] | None
    sensitive: bool
    institution_types: list[str]
    active: bool


class AttributeDefinitionList(BaseModel):
    items: list[AttributeDefinitionRead]


AttributeValue = StrictBool | StrictInt | Annotated[StrictStr, StringConstraints(max_length=2000)]


class AttributeSet(Input):
    value: AttributeValue = Field(description="Typed by the definition: text, integer, boolean, date, enum")


class AttributeRead(Output):
    person_id: uuid.UUID
    institution_id: uuid.UUID
    code: str
    value: Any
    sensitive: bool
    recorded_at: datetime
    updated_at: datetime
    version: int


class AttributePage(Page[AttributeRead]): ...


class AttributeChangeRead(Output):
    """One entry of an attribute's history."""

    person_id: uuid.UUID
    institution_id: uuid.UUID = Field(description="The institution that recorded the value")
    code: str
    change: Literal["recorded", "changed", "removed"]
    value: Any = Field(description="The value recorded; null when it was removed")
    sensitive: bool
    changed_by: str | None = Field(description="The staff member (only to the recording institution)")
    changed_at: datetime


class AttributeChangePage(Page[AttributeChangeRead]): ...
