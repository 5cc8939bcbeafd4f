"""The referrals service's schema conventions: bases, priorities, the action and event-type enums
built from the workflow table, field types, legal bases, the capacity warning."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from splot.referrals.workflow import TRANSITIONS, USER_ACTIONS


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Priority(StrEnum):
    routine = "routine"
    urgent = "urgent"


# Built from the workflow table (mypy cannot follow enum members made from data).
TransitionAction = StrEnum("TransitionAction", {a: a for a in USER_ACTIONS})  # type: ignore[misc]

#: Every event type this service publishes (feed and webhooks).
EVENT_TYPES: tuple[str, ...] = tuple(
    sorted(
        {t.event_type for t in TRANSITIONS.values() if t.event_type}
        | {"referral.overdue", "followup.answered"}
    )
)
EventType = StrEnum("EventType", {e.replace(".", "_"): e for e in EVENT_TYPES})  # type: ignore[misc]

Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ServiceTypeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Programme = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
LegalBasisCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class StatutoryBasis(Input):
    """A statutory task of the sender, chosen from the directory's legal-basis catalogue
    (``GET /api/directory/v1/legal-bases?institution_type=…&service_type=…``). Since issue #13
    the free-text ``article`` is no longer accepted (422): send the provision's ``code``."""

    kind: Literal["statutory"]
    code: LegalBasisCode = Field(
        description="A provision of the legal-basis catalogue: active, a task of the sender's "
        "institution type, covering the referral's service type (422 otherwise)",
        examples=["ups_art45_social_work"],
    )


class ConsentBasis(Input):
    kind: Literal["consent"]
    consent_id: uuid.UUID | None = Field(
        None, description="The client's recorded consent; omitted, the registry finds the covering one"
    )


LegalBasis = Annotated[StatutoryBasis | ConsentBasis, Field(discriminator="kind")]


class LegalBasisRead(BaseModel):
    kind: Literal["statutory", "consent"]
    code: str | None = Field(
        None, description="The provision's code in the legal-basis catalogue (statutory bases)"
    )
    citation: str | None = Field(
        None,
        description="The provision as the catalogue cited it when the referral was saved or sent "
        "(a snapshot); referrals recorded before the catalogue show their free-text citation",
        examples=["art. 45 ustawy o pomocy społecznej"],
    )
    article: str | None = Field(
        None, deprecated=True, description="Deprecated: the same text as ``citation``"
    )
    consent_id: uuid.UUID | None = None


class CapacityWarning(BaseModel):
    """The offer a referral was sent to had no free places when it was sent (it went anyway)."""

    offer_id: uuid.UUID
    capacity_available: int = Field(description="Free places the directory reported (0)")
    capacity_max: int | None


def _dates_in_order(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("planned_end_date cannot be before planned_start_date")


PLAN_ACTION = "The action of an individual plan in the client registry this referral serves"
