"""The agreement's states and the one table of who may take which transition.

An agreement version is ``pending`` until every party it names has confirmed it (each by a staff
member of that party holding institution_admin or coordinator) and its first day has come; then
``in_force`` until its last day (``expired`` after it), unless a party ``terminated`` it (with a
reason) or an amendment — a new version, confirmed again by every party — came in force and
``superseded`` it. The state is a function of recorded facts and the day, so an agreement expires
or starts without anyone acting (``expire`` and ``start`` are the clock's), and the reporting
service, which receives the same facts, counts the same days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from splot.common.agreements import AgreementFacts as AgreementFacts
from splot.common.agreements import Status as Status
from splot.common.agreements import agreement_status as agreement_status


class Actor(StrEnum):
    """Who acts, relative to the agreement."""

    #: institution_admin or coordinator of an institution the agreement names as a party.
    party_signatory = "party_signatory"
    #: any other staff member of a party (a caseworker).
    party_staff = "party_staff"
    #: an institution invited to the partnership that has not joined.
    invited = "invited"
    outsider = "outsider"
    analyst = "analyst"
    system_admin = "system_admin"
    #: nobody: the day comes (the first day, the day after the last).
    clock = "clock"
    #: the last party's confirmation of the amendment that replaces this version.
    successor = "successor"


class Action(StrEnum):
    confirm = "confirm"
    start = "start"
    terminate = "terminate"
    amend = "amend"
    supersede = "supersede"
    expire = "expire"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    target: Status | None  # None: the state does not change (amend creates a new version)
    actors: frozenset[Actor]


_P, _F = Status.pending, Status.in_force

#: THE state table: from which states, to which state, by whom.
TRANSITIONS: dict[Action, Transition] = {
    # A party's confirmation; the agreement stays pending until the last one (and its first day).
    Action.confirm: Transition(frozenset({_P}), _P, frozenset({Actor.party_signatory})),
    # The last confirmation on or after the first day, or the first day after the last confirmation.
    Action.start: Transition(frozenset({_P}), _F, frozenset({Actor.party_signatory, Actor.clock})),
    Action.terminate: Transition(frozenset({_P, _F}), Status.terminated, frozenset({Actor.party_signatory})),
    Action.amend: Transition(frozenset({_P, _F}), None, frozenset({Actor.party_signatory})),
    Action.supersede: Transition(frozenset({_P, _F}), Status.superseded, frozenset({Actor.successor})),
    Action.expire: Transition(frozenset({_F}), Status.expired, frozenset({Actor.clock})),
}


def may(action: Action, state: Status, actor: Actor) -> bool:
    """Whether ``actor`` may take ``action`` on an agreement in ``state``."""
    transition = TRANSITIONS[action]
    return state in transition.sources and actor in transition.actors


def in_force_from(agreement: AgreementFacts) -> date | None:
    """The first day the agreement is (or will be) in force, once every party confirmed."""
    if agreement.confirmed_on is None:
        return None
    return max(agreement.valid_from, agreement.confirmed_on)
