"""The agreement's state table, written out again independently: every (action, state, actor)
triple is allowed exactly when it is listed here; and the state on a day from the facts."""

from dataclasses import dataclass
from datetime import date
from itertools import product

import pytest

from splot.directory.partnerships.lifecycle import (
    TRANSITIONS,
    Action,
    Actor,
    Status,
    agreement_status,
    in_force_from,
    may,
)

ALLOWED = {
    ("confirm", "pending", "party_signatory"),
    ("start", "pending", "party_signatory"),
    ("start", "pending", "clock"),
    ("terminate", "pending", "party_signatory"),
    ("terminate", "in_force", "party_signatory"),
    ("amend", "pending", "party_signatory"),
    ("amend", "in_force", "party_signatory"),
    ("supersede", "pending", "successor"),
    ("supersede", "in_force", "successor"),
    ("expire", "in_force", "clock"),
}


@pytest.mark.parametrize(("action", "state", "actor"), list(product(Action, Status, Actor)))
def test_every_transition_and_who_may_take_it(action, state, actor):
    assert may(action, state, actor) is ((action.value, state.value, actor.value) in ALLOWED)


def test_nothing_leaves_the_final_states():
    for final in (Status.expired, Status.terminated, Status.superseded):
        assert not any(final in t.sources for t in TRANSITIONS.values())


def test_nobody_but_a_party_signatory_acts_on_an_agreement():
    human = {Actor.party_staff, Actor.invited, Actor.outsider, Actor.analyst, Actor.system_admin}
    for action, state, actor in product(Action, Status, human):
        assert not may(action, state, actor)


@dataclass
class Facts:
    valid_from: date
    valid_to: date | None = None
    confirmed_on: date | None = None
    terminated_on: date | None = None
    superseded_on: date | None = None


D = date


@pytest.mark.parametrize(
    ("facts", "day", "expected"),
    [
        (Facts(D(2026, 1, 1)), D(2026, 6, 1), "pending"),  # nobody confirmed
        (
            Facts(D(2026, 1, 1), confirmed_on=D(2026, 3, 1)),
            D(2026, 2, 1),
            "pending",
        ),  # not yet confirmed then
        (Facts(D(2026, 1, 1), confirmed_on=D(2026, 3, 1)), D(2026, 3, 1), "in_force"),
        (Facts(D(2026, 5, 1), confirmed_on=D(2026, 3, 1)), D(2026, 4, 30), "pending"),  # before its first day
        (Facts(D(2026, 5, 1), confirmed_on=D(2026, 3, 1)), D(2026, 5, 1), "in_force"),
        (Facts(D(2026, 1, 1), D(2026, 6, 30), D(2026, 1, 1)), D(2026, 6, 30), "in_force"),  # last day
        (Facts(D(2026, 1, 1), D(2026, 6, 30), D(2026, 1, 1)), D(2026, 7, 1), "expired"),
        (Facts(D(2026, 1, 1), D(2026, 6, 30)), D(2026, 7, 1), "pending"),  # never confirmed never expires
        (Facts(D(2026, 1, 1), None, D(2026, 1, 1), terminated_on=D(2026, 4, 1)), D(2026, 3, 31), "in_force"),
        (Facts(D(2026, 1, 1), None, D(2026, 1, 1), terminated_on=D(2026, 4, 1)), D(2026, 4, 1), "terminated"),
        (Facts(D(2026, 1, 1), None, None, terminated_on=D(2026, 4, 1)), D(2026, 4, 1), "terminated"),
        (Facts(D(2026, 1, 1), None, D(2026, 1, 1), superseded_on=D(2026, 9, 1)), D(2026, 8, 31), "in_force"),
        (Facts(D(2026, 1, 1), None, D(2026, 1, 1), superseded_on=D(2026, 9, 1)), D(2026, 9, 1), "superseded"),
    ],
)
def test_the_state_on_a_day(facts, day, expected):
    assert agreement_status(facts, day).value == expected


def test_in_force_from_is_the_later_of_the_first_day_and_the_last_confirmation():
    assert in_force_from(Facts(D(2026, 1, 1))) is None
    assert in_force_from(Facts(D(2026, 1, 1), confirmed_on=D(2026, 2, 3))) == D(2026, 2, 3)
    assert in_force_from(Facts(D(2026, 5, 1), confirmed_on=D(2026, 2, 3))) == D(2026, 5, 1)
