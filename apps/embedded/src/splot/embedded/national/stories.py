"""Which referrals the country sends (routes, places, services) and what becomes of each: the
statuses spread over the workflow (most closed with outcomes, some rejected with reason codes,
some withdrawn or expired, recent ones still open or overdue), forwarded chains and the
follow-ups of employment outcomes."""

from __future__ import annotations

import itertools
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from splot.common import workdays
from splot.embedded.national.institutions import Institution, ServiceType, new_uuid
from splot.embedded.national.lifecycle import (
    GENERATOR,
    Later,
    Play,
    ReferralState,
    after_working_days,
    deadline,
    local_moment,
)
from splot.embedded.national.persons import PersonRef
from splot.referrals.demo_legal_bases import code_for
from splot.referrals.drafts import referral_number

#: (sender type, target type, weight); OPS stands for OPS and CUS.
ROUTES = (
    ("PUP", "OPS", 24),
    ("OPS", "PUP", 20),
    ("OPS", "NGO", 18),
    ("PUP", "NGO", 10),
    ("NGO", "OPS", 8),
    ("NGO", "PUP", 5),
    ("OPS", "CIS", 5),
    ("PUP", "CIS", 4),
    ("OPS", "OPS", 3),
)
#: Working days to answer: mostly within the routine five, some late.
RESPONSE_DAYS = ((0, 10), (1, 30), (2, 20), (3, 12), (4, 8), (5, 6), (6, 4), (8, 4), (11, 3), (13, 2))


@dataclass
class Codes:
    reasons: dict[str, list[str]]  # action -> codes (not system-only)
    outcomes: list[str]
    employment: set[str]
    followup: list[str]
    programmes: list[str]


@dataclass
class World:
    institutions: list[Institution]
    persons: list[PersonRef]
    catalogue: dict[str, ServiceType]
    codes: Codes
    consent_types: frozenset[str]
    routine_days: int
    urgent_days: int
    expiry_days: int
    followup_months: tuple[int, ...]
    local: dict[str, Institution] = field(default_factory=dict)
    by_place: dict[tuple[str, str], list[Institution]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for inst in self.institutions:
            kind = "OPS" if inst.type == "CUS" else inst.type
            if kind in ("OPS",):
                self.local[inst.teryt] = inst
            for place in (inst.powiat, inst.teryt[:2], ""):
                self.by_place.setdefault((place, kind), []).append(inst)

    def near(self, rng: random.Random, kind: str, powiat: str) -> Institution:
        r = rng.random()
        for place in ((powiat,) if r < 0.88 else (powiat[:2],) if r < 0.96 else ()) + (powiat[:2], ""):
            found = self.by_place.get((place, kind))
            if found:
                return rng.choice(found)
        raise LookupError(kind)


@dataclass
class Story:
    """One played referral: the final row, its event rows and outbox events, follow-ups."""

    play: Play
    followups: list[dict[str, Any]] = field(default_factory=list)
    followup_events: list[dict[str, Any]] = field(default_factory=list)


_RESPONSE_WEIGHTS = list(itertools.accumulate(w for _, w in RESPONSE_DAYS))
_ROUTE_WEIGHTS = list(itertools.accumulate(w for _, _, w in ROUTES))


def _weighted(
    rng: random.Random, items: tuple[tuple[Any, ...], ...], cumulative: list[int]
) -> tuple[Any, ...]:
    return rng.choices(items, cum_weights=cumulative)[0]


def route(rng: random.Random) -> tuple[str, str, int]:
    return rng.choices(ROUTES, cum_weights=_ROUTE_WEIGHTS)[0]


def _new_referral(
    world: World, rng: random.Random, *, person: PersonRef, sender: Institution, target: Institution,
    created: datetime, parent: ReferralState | None,
) -> ReferralState:  # fmt: skip
    service_type = rng.choice(target.offers)[1]
    st = world.catalogue[service_type]
    referral_id = new_uuid(rng)
    if target.type in world.consent_types:
        kind, code = "consent", None
    else:
        kind = "statutory"
        try:
            code = code_for(sender.type if sender.type != "CUS" else "OPS", service_type)
        except LookupError:
            code = None
    r = ReferralState(
        id=referral_id, number=referral_number(referral_id, created.year), person_id=person.id,
        sender_institution_id=sender.id, sender_user_id=None, created_by=GENERATOR,
        target_institution_id=target.id, target_institution_type=target.type, target_offer_id=None,
        service_type_code=service_type, sensitive=st.sensitive,
        priority="urgent" if rng.random() < 0.08 else "routine", needs_description=None,
        legal_basis_kind=kind, legal_basis_code=code, legal_basis_article=None, consent_id=None,
        programme=rng.choice(world.codes.programmes) if world.codes.programmes and rng.random() < 0.15 else None,
        planned_start_date=None, planned_end_date=None, assignee_user_id=None, plan_action_id=None,
        deadline_partnership_id=None, parent_referral_id=parent.id if parent else None,
        chain_root_id=parent.chain_root_id if parent else referral_id,
        chain_depth=parent.chain_depth + 1 if parent else 0, status="draft", business_status=None,
        cancellation_requested=False, acknowledged=False, reason_code=None, reason_text=None,
        declined_by=None, outcome_codes=[], delivered=None, sent_at=None, responded_at=None,
        accepted_at=None, started_at=None, ended_at=None, due_at=None, expires_at=None,
        escalated_at=None, version=1, created_at=created, updated_at=created,
    )  # fmt: skip
    return r


def _send(world: World, play: Play, sent: datetime, sender: uuid.UUID) -> None:
    r = play.r
    st = world.catalogue[r.service_type_code or ""]
    if r.priority == "urgent":
        days = st.urgent_days or world.urgent_days
    else:
        days = st.routine_days or world.routine_days
    day = workdays.local_date(sent, "Europe/Warsaw")
    play.step(
        "send", sent, actor=sender, due_at=deadline(day, days),
        expires_at=deadline(day, max(world.expiry_days, days)),
    )  # fmt: skip


def _reason(world: World, rng: random.Random, action: str) -> str | None:
    codes = world.codes.reasons.get(action)
    return rng.choice(codes) if codes else None


def play_story(
    world: World, rng: random.Random, *, person: PersonRef, sender: Institution, target: Institution,
    sent: datetime, now: datetime, parent: Play | None = None, children: list[Story],
) -> Story:  # fmt: skip
    created = sent if parent is not None else sent - timedelta(minutes=rng.randint(2, 40))
    r = _new_referral(
        world, rng, person=person, sender=sender, target=target, created=created,
        parent=parent.r if parent else None,
    )  # fmt: skip
    play = Play(r, now, rng)
    story = Story(play)
    try:
        _send(world, play, sent, sender.id)
        _respond_and_work(world, rng, play, story, sender, target, person, children)
    except Later:
        pass
    play.finish()
    return story


def _respond_and_work(
    world: World, rng: random.Random, play: Play, story: Story, sender: Institution,
    target: Institution, person: PersonRef, children: list[Story],
) -> None:  # fmt: skip
    r = play.r
    assert r.sent_at is not None and r.expires_at is not None
    fate = rng.random()
    if fate < 0.03:
        at = after_working_days(r.sent_at, rng.randint(0, 3), rng)
        play.step(
            "withdraw", at, actor=sender.id, reason_code=_reason(world, rng, "withdraw"), text="Wycofane"
        )
        return
    if fate < 0.04:
        play.step("expire", r.expires_at, actor=None, reason_code="no_response")
        return
    days = _weighted(rng, RESPONSE_DAYS, _RESPONSE_WEIGHTS)[0]
    answered = after_working_days(r.sent_at, days, rng)
    if fate < 0.17:
        code, declined = _reason(world, rng, "reject"), rng.choice(("client", "provider", "provider"))
        play.step("reject", answered, actor=target.id, reason_code=code, text="Odmowa",
                  details={"declined_by": declined}, declined_by=declined)  # fmt: skip
        return
    play.step("accept", answered, actor=target.id)
    if rng.random() < 0.04:
        at = after_working_days(answered, rng.randint(1, 10), rng)
        code = _reason(world, rng, "cancel")
        play.step("cancel", at, actor=target.id, reason_code=code)
        return
    started = play.step("start", after_working_days(answered, rng.randint(0, 8), rng), actor=target.id)
    if rng.random() < 0.08 and r.chain_depth < 3:
        _forward(world, rng, play, started, target, person, children)
    if rng.random() < 0.05:
        held = play.step("hold", after_working_days(started, rng.randint(2, 15), rng), actor=target.id,
                         text="Wstrzymane")  # fmt: skip
        play.step("resume", after_working_days(held, rng.randint(2, 20), rng), actor=target.id)
    end = after_working_days(play.last, rng.randint(5, 70), rng)
    ending = rng.random()
    if ending < 0.84:
        outcomes = _outcomes(world, rng, target.type)
        play.step("complete", end, actor=target.id, details={"outcome_codes": outcomes},
                  outcome_codes=outcomes, delivered="Usługa zrealizowana")  # fmt: skip
        _followups(world, rng, story, play)
    elif ending < 0.95:
        code = _reason(world, rng, "fail")
        play.step("fail", end, actor=target.id, reason_code=code, text="Nie zrealizowano")
    else:
        asked = play.step("request_cancellation", end, actor=sender.id, text="Prośba o anulowanie")
        play.step("confirm_cancellation", after_working_days(asked, rng.randint(0, 3), rng), actor=target.id)
    if r.status in ("completed", "failed") and rng.random() < 0.6:
        play.step("acknowledge", after_working_days(play.last, rng.randint(0, 5), rng), actor=sender.id)


def _outcomes(world: World, rng: random.Random, target_type: str) -> list[str]:
    employment = sorted(world.codes.employment)
    if target_type in ("PUP", "CIS") and employment and rng.random() < 0.35:
        return [rng.choice(employment)]
    others = [c for c in world.codes.outcomes if c not in world.codes.employment]
    return sorted(set(rng.sample(others, min(len(others), rng.choice((1, 1, 1, 2))))))


def _forward(
    world: World, rng: random.Random, play: Play, started: datetime, forwarder: Institution,
    person: PersonRef, children: list[Story],
) -> None:  # fmt: skip
    kind = rng.choice(("NGO", "CIS", "PUP", "OPS"))
    try:
        target = world.near(rng, kind, forwarder.powiat)
    except LookupError:
        return
    if target.id == forwarder.id:
        return
    at = after_working_days(started, rng.randint(0, 10), rng)
    child = play_story(
        world, rng, person=person, sender=forwarder, target=target, sent=at, now=play.now,
        parent=play, children=children,
    )  # fmt: skip
    if child.play.r.sent_at is None:
        return
    children.append(child)
    play.step("forward", at, actor=forwarder.id, details={"child_referral_id": str(child.play.r.id)})


def _followups(world: World, rng: random.Random, story: Story, play: Play) -> None:
    r = play.r
    if not set(r.outcome_codes) & world.codes.employment or r.chain_depth > 0:
        return  # one set per chain: the generator schedules it for roots only
    assert r.ended_at is not None
    for months in world.followup_months:
        due = workdays.add_months(r.ended_at, months)
        answered = due + timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 8))
        done = answered < play.now and rng.random() < 0.75 and world.codes.followup
        row = {
            "id": new_uuid(rng), "referral_id": r.id, "chain_root_id": r.chain_root_id,
            "institution_id": r.sender_institution_id, "due_months": months, "due_at": due,
            "status": "answered" if done else "open", "notified_at": due if due < play.now else None,
            "outcome_code": rng.choice(world.codes.followup) if done else None, "note": None,
            "answered_at": answered if done else None, "answered_by": GENERATOR if done else None,
            "created_at": r.ended_at,
        }  # fmt: skip
        story.followups.append(row)
        if done:
            payload = {
                "followup_id": str(row["id"]), "referral_id": str(r.id), "due_months": months,
                "outcome_code": row["outcome_code"], "answered_at": answered.isoformat(),
            }  # fmt: skip
            story.followup_events.append(
                {"id": new_uuid(rng), "type": "followup.answered", "aggregate_type": "referral",
                 "aggregate_id": str(r.id), "occurred_at": answered, "payload": payload}
            )  # fmt: skip


def sent_moment(rng: random.Random, working_days: list[date], now: datetime) -> datetime:
    while True:
        moment = local_moment(rng.choice(working_days), rng)
        if moment < now:
            return moment
