"""The states of a partnership agreement and of the partnership, from recorded facts and the day.

One home for a rule two services apply: the directory, which records the agreements, and the
reporting service, which receives the same facts in events and must count the same days. An
agreement version is ``pending`` until every party it names has confirmed it and its first day has
come; then ``in_force`` until its last day (``expired`` after it), unless a party ``terminated`` it
or an amendment came in force and ``superseded`` it. No event marks a first or a last day: the
state is computed, never stored as the truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Protocol


#: An agreement version's state (``Status`` in the directory's published contract: keep the name).
class Status(StrEnum):
    pending = "pending"
    in_force = "in_force"
    expired = "expired"
    terminated = "terminated"
    superseded = "superseded"


#: A partnership without any agreement version.
INITIATIVE = "initiative"


class AgreementFacts(Protocol):
    @property
    def valid_from(self) -> date: ...
    @property
    def valid_to(self) -> date | None: ...
    @property
    def confirmed_on(self) -> date | None: ...
    @property
    def terminated_on(self) -> date | None: ...
    @property
    def superseded_on(self) -> date | None: ...


def agreement_status(agreement: AgreementFacts, day: date) -> Status:
    """The agreement's state on ``day``, from its recorded facts."""
    if agreement.terminated_on is not None and agreement.terminated_on <= day:
        return Status.terminated
    if agreement.superseded_on is not None and agreement.superseded_on <= day:
        return Status.superseded
    if agreement.confirmed_on is None or day < agreement.valid_from or day < agreement.confirmed_on:
        return Status.pending
    if agreement.valid_to is not None and day > agreement.valid_to:
        return Status.expired
    return Status.in_force


def partnership_status(versions: Iterable[AgreementFacts], day: date) -> str:
    """``in_force`` if one of the versions (oldest first) is; else the newest one's state;
    ``initiative`` without any."""
    states = [agreement_status(version, day) for version in versions]
    if Status.in_force in states:
        return Status.in_force.value
    return states[-1].value if states else INITIATIVE
