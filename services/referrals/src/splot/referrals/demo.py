"""Demo data for the embedded mode: referrals in every status between the directory's demo
institutions, chains PUP -> OPS -> NGO, overdue and expired ones, messages and notifications.

The rows are written through the service's own rule functions (so the events, referral event
rows and notifications are exactly what the API would produce), with a stand-in for the peers
that knows the demo institutions. The receivers' access the referrals imply (their access-sync
rows) and the states of the referrals that serve plan actions (their plan-action-sync rows) are
handed to the client registry by the embedded mode's seeding directly, not by the scheduler:
``seed`` returns them and marks those rows sent, so both sides of every link are made before the
services start. Ids are deterministic (uuid5) and the seed is idempotent.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.etag import etag_for
from splot.referrals import chains, drafts, messages, plan_actions, schemas, transitions
from splot.referrals.config import ReferralsSettings
from splot.referrals.demo_legal_bases import LEGAL_BASES, code_for
from splot.referrals.demo_scenarios import SCENARIOS, R, S, Scenario, Step
from splot.referrals.effects import Payload
from splot.referrals.models import AccessSync, PlanActionSync, Referral
from splot.referrals.peers import (
    AccessState,
    CheckResult,
    InstitutionInfo,
    LegalBasisInfo,
    OccupancyState,
    OfferInfo,
    PersonSummary,
    ProgrammeInfo,
    ReferralCheck,
    ServiceTypeInfo,
    UserContact,
    UserInfo,
)
from splot.referrals.peers_clients_plans import PlanActionState
from splot.referrals.peers_partnerships import StandardDeadline
from splot.referrals.reading import rules
from splot.referrals.workflow import COORDINATOR, TRANSITIONS, Actor, authorise

DEMO_NAMESPACE = uuid.UUID("5b1e7a52-4f0e-4c7e-9a53-7370c0d0e003")


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


@dataclass(frozen=True)
class DemoInstitutionRef:
    id: uuid.UUID
    key: str
    type: str
    teryt: str
    #: Service types of the institution's offers in the directory's demo data.
    offers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoPersonRef:
    id: uuid.UUID
    registering_institution_id: uuid.UUID


@dataclass(frozen=True)
class DemoPlanActionRef:
    """An open action of one of the registry's demo plans: a scenario marked ``for_plan`` refers
    its person for it (the sender must be among ``institution_ids``, as the registry requires)."""

    id: uuid.UUID
    person_id: uuid.UUID
    institution_ids: tuple[uuid.UUID, ...]
    service_type_code: str | None = None


@dataclass
class DemoReferrals:
    created: bool
    #: The newest access state of every demo referral (``active`` False: the referral has ended).
    grants: list[AccessState] = field(default_factory=list)
    referral_ids: list[uuid.UUID] = field(default_factory=list)
    #: The newest state of every demo referral that serves a plan action, for the registry's
    #: action (the other side of the link the referral's ``plan_action_id`` makes).
    plan_action_states: list[PlanActionState] = field(default_factory=list)


#: The part of the directory's seeded catalogue the demo uses (codes, sensitivity, deadlines).
_PUP, _SOCIAL, _NGO = ("PUP",), ("OPS", "CUS"), ("NGO", "KIS", "CIS")
CATALOGUE: dict[str, ServiceTypeInfo] = {
    t.code: t
    for t in (
        ServiceTypeInfo("job_placement", False, provider_types=_PUP),
        ServiceTypeInfo("vocational_counselling", False, provider_types=_PUP),
        ServiceTypeInfo("training", False, provider_types=_PUP),
        ServiceTypeInfo("social_work", False, provider_types=_SOCIAL),
        ServiceTypeInfo("social_contract", False, provider_types=_SOCIAL),
        ServiceTypeInfo("family_assistant", False, provider_types=_SOCIAL),
        ServiceTypeInfo("crisis_intervention", False, 2, 1, provider_types=(*_SOCIAL, "PCPR")),
        ServiceTypeInfo("care_services", True, provider_types=_SOCIAL),
        ServiceTypeInfo("kis", False, provider_types=("KIS", "NGO", "OPS", "CUS")),
        ServiceTypeInfo("cis", False, provider_types=("CIS", "NGO")),
        ServiceTypeInfo("debt_counselling", False, provider_types=("NGO", *_SOCIAL)),
        ServiceTypeInfo("housing_support", False, provider_types=(*_SOCIAL, "NGO")),
        ServiceTypeInfo("addiction_therapy", True, provider_types=("NGO",)),
    )
}


class DemoPeers:
    """The peers as the demo sees them: the given institutions, everyone active, every check passes."""

    def __init__(self, institutions: dict[str, DemoInstitutionRef]) -> None:
        self.by_id = {ref.id: ref for ref in institutions.values()}

    async def institution(self, institution_id: uuid.UUID) -> InstitutionInfo | None:
        ref = self.by_id.get(institution_id)
        return InstitutionInfo(ref.id, ref.type, ref.key, ref.teryt, True) if ref else None

    async def service_types(self) -> dict[str, ServiceTypeInfo]:
        return CATALOGUE

    async def legal_bases(self) -> dict[str, LegalBasisInfo]:
        return LEGAL_BASES

    async def programmes(self) -> dict[str, ProgrammeInfo]:
        # The demo's programmes are seeded in the directory's catalogue (migration 0008).
        return {code: ProgrammeInfo(code) for code in ("PAI", "CIS-REINTEGRACJA", "KIS-REINTEGRACJA")}

    async def put_occupancy(self, state: OccupancyState) -> None:
        return None  # delivered to the directory by the service's scheduler once it runs

    async def offer(self, offer_id: uuid.UUID) -> OfferInfo | None:
        return None

    async def check_referral(self, check: ReferralCheck) -> CheckResult:
        return CheckResult(True)

    async def has_active_offer(self, institution_id: uuid.UUID, service_type_code: str) -> bool:
        ref = self.by_id.get(institution_id)
        return ref is not None and service_type_code in ref.offers

    async def user(self, user_id: uuid.UUID) -> UserInfo | None:
        return None

    async def user_contact(self, user_id: uuid.UUID) -> UserContact | None:
        return None

    async def put_access(self, state: AccessState) -> None:
        return None  # handed over by the embedded seeding (see ``seed``)

    async def person_summary(self, person_id: uuid.UUID) -> PersonSummary | None:
        return PersonSummary(person_id, "active")

    async def put_plan_action_referral(self, state: PlanActionState) -> None:
        return None  # handed over by the embedded seeding (see ``seed``)

    async def standard_deadline(
        self, sender_id: uuid.UUID, receiver_id: uuid.UUID, service_type_code: str
    ) -> StandardDeadline | None:
        return None  # the demo's referrals keep the deadlines they were seeded with


def _actor(ref: DemoInstitutionRef) -> Actor:
    return Actor(
        kind="client", subject=f"demo:{ref.key}", institution_id=ref.id, roles=COORDINATOR, can_read=True
    )


def _legal_basis(
    settings: ReferralsSettings, sender: DemoInstitutionRef, target: DemoInstitutionRef, service_type: str
) -> dict[str, Any]:
    if target.type in settings.consent_required_types:
        return {"kind": "consent"}
    return {"kind": "statutory", "code": code_for(sender.type, service_type)}


async def seed(
    session: AsyncSession,
    *,
    institutions: dict[str, DemoInstitutionRef],
    persons: list[DemoPersonRef],
    plan_actions: Sequence[DemoPlanActionRef] = (),
    settings: ReferralsSettings | None = None,
    now: datetime | None = None,
) -> DemoReferrals:
    settings = settings or ReferralsSettings()
    first = demo_id("referral", SCENARIOS[0].key)
    if await session.get(Referral, first) is not None:
        return DemoReferrals(
            created=False,
            grants=await _grants(session),
            referral_ids=[],
            plan_action_states=await _plan_action_states(session),
        )
    if not persons:
        raise ValueError("the referrals demo needs the client registry's demo persons")
    now = now or utcnow()
    peers = DemoPeers(institutions)
    created: list[uuid.UUID] = []
    unused = list(plan_actions)
    for index, scenario in enumerate(SCENARIOS):
        if scenario.sender not in institutions or scenario.target not in institutions:
            continue
        action = (
            _plan_action(scenario, institutions[scenario.sender].id, unused) if scenario.for_plan else None
        )
        created.extend(
            await _play(session, scenario, index, institutions, persons, peers, settings, now, action)
        )
    return DemoReferrals(
        created=True,
        grants=await _grants(session),
        referral_ids=created,
        plan_action_states=await _plan_action_states(session),
    )


def _plan_action(
    scenario: Scenario, sender: uuid.UUID, unused: list[DemoPlanActionRef]
) -> DemoPlanActionRef | None:
    """The first unused open action the sender may refer for, one of the scenario's service type
    first; taken off ``unused`` (an action serves one open referral at a time)."""
    mine = [a for a in unused if sender in a.institution_ids]
    same = [a for a in mine if a.service_type_code == scenario.service_type]
    candidates = same or mine
    if not candidates:
        return None
    unused.remove(candidates[0])
    return candidates[0]


def _person(persons: list[DemoPersonRef], sender: uuid.UUID, index: int) -> uuid.UUID:
    own = [p for p in persons if p.registering_institution_id == sender] or persons
    return own[index % len(own)].id


def _create_request(
    scenario: Scenario,
    person_id: uuid.UUID,
    parties: tuple[DemoInstitutionRef, DemoInstitutionRef],
    settings: ReferralsSettings,
    plan_action_id: uuid.UUID | None = None,
) -> schemas.ReferralCreate:
    sender, target = parties
    return schemas.ReferralCreate.model_validate(
        {
            "person_id": str(person_id),
            "target_institution_id": str(target.id),
            "service_type_code": scenario.service_type,
            "priority": scenario.priority,
            "needs_description": scenario.needs,
            "legal_basis": _legal_basis(settings, sender, target, scenario.service_type),
            "programme": scenario.programme,
            "plan_action_id": str(plan_action_id) if plan_action_id else None,
            "send": not scenario.draft,
        }
    )


async def _play(
    session: AsyncSession,
    scenario: Scenario,
    index: int,
    institutions: dict[str, DemoInstitutionRef],
    persons: list[DemoPersonRef],
    peers: DemoPeers,
    settings: ReferralsSettings,
    now: datetime,
    action: DemoPlanActionRef | None = None,
) -> list[uuid.UUID]:
    sender, target = institutions[scenario.sender], institutions[scenario.target]
    actors = {S: _actor(sender), R: _actor(target)}
    moment = now - timedelta(days=scenario.days_ago)
    person_id = action.person_id if action else _person(persons, sender.id, index)
    referral = await drafts.create_referral(
        session,
        data=_create_request(scenario, person_id, (sender, target), settings, action.id if action else None),
        actor=actors[S],
        peers=peers,
        settings=settings,
        now=moment,
        referral_id=demo_id("referral", scenario.key),
    )
    ids = [referral.id]
    step_gap = timedelta(days=min(1.0, scenario.days_ago / (len(scenario.steps) + 3 or 1)))
    moment = await _steps(session, referral, scenario.steps, actors, peers, settings, moment, step_gap)
    for side, text in scenario.messages:
        await messages.post_message(
            session,
            referral_id=referral.id,
            data=schemas.MessageCreate(text=text),
            actor=actors[side],
            settings=settings,
        )
    if scenario.forward:
        child_id = await _play_forward(
            session,
            referral,
            scenario.forward,
            institutions,
            actors,
            peers,
            settings,
            moment + step_gap,
            step_gap,
        )
        if child_id is not None:
            ids.append(child_id)
    if scenario.expire and referral.expires_at is not None:
        await transitions.expire(
            session, referral, settings=settings, now=referral.expires_at + timedelta(hours=1)
        )
    return ids


async def _play_forward(
    session: AsyncSession,
    referral: Referral,
    forward: tuple[str, str, str, tuple[Step, ...]],
    institutions: dict[str, DemoInstitutionRef],
    actors: dict[str, Actor],
    peers: DemoPeers,
    settings: ReferralsSettings,
    moment: datetime,
    step_gap: timedelta,
) -> uuid.UUID | None:
    """The receiver forwards the referral (a child in the chain), plays the child's steps and
    writes to its receiver; ``None`` when the child's target is not among the demo institutions."""
    child_key, child_target_key, service_type, child_steps = forward
    child_target = institutions.get(child_target_key)
    if child_target is None:
        return None
    assert referral.target_institution_id is not None
    forwarder = peers.by_id[referral.target_institution_id]
    child = await chains.forward(
        session,
        referral_id=referral.id,
        data=schemas.ForwardRequest.model_validate(
            {
                "target_institution_id": str(child_target.id),
                "service_type_code": service_type,
                "legal_basis": _legal_basis(settings, forwarder, child_target, service_type),
                "needs_description": "Przekazanie w ramach wspólnego planu wsparcia.",
            }
        ),
        actor=actors[R],
        if_match=etag_for(referral.id, referral.version),
        peers=peers,
        settings=settings,
        now=moment,
        child_id=demo_id("referral", child_key),
    )
    child_actors = {S: actors[R], R: _actor(child_target)}
    await _steps(session, child, child_steps, child_actors, peers, settings, moment, step_gap)
    await messages.post_message(
        session,
        referral_id=child.id,
        data=schemas.MessageCreate(text="Prosimy o informację o pierwszym spotkaniu."),
        actor=child_actors[S],
        settings=settings,
    )
    return child.id


async def _steps(
    session: AsyncSession,
    referral: Referral,
    steps: tuple[Step, ...],
    actors: dict[str, Actor],
    peers: DemoPeers,
    settings: ReferralsSettings,
    moment: datetime,
    gap: timedelta,
) -> datetime:
    for step in steps:
        moment += gap
        t = authorise(step.action, actors[step.side], referral, rules(settings), moment)
        assert t is TRANSITIONS[step.action]
        await transitions.apply(
            session,
            referral,
            t,
            Payload(**step.payload),
            actor=actors[step.side],
            peers=peers,
            settings=settings,
            now=moment,
        )
    return moment


def _demo_referral_ids() -> list[uuid.UUID]:
    return [demo_id("referral", s.key) for s in SCENARIOS] + [
        demo_id("referral", s.forward[0]) for s in SCENARIOS if s.forward
    ]


async def _newest_marked_sent(session: AsyncSession, model: Any, *order_by: Any) -> list[Any]:
    """The newest queued row (``model``: AccessSync or PlanActionSync) of each demo referral; the
    rows are marked sent (the embedded seeding gives them to the registry itself, before the
    services start)."""
    syncs = (
        await session.scalars(
            select(model)
            .where(model.referral_id.in_(_demo_referral_ids()), model.superseded_at.is_(None))
            .order_by(*order_by)
        )
    ).all()
    newest: dict[uuid.UUID, Any] = {}
    for sync in syncs:
        newest[sync.referral_id] = sync
        if sync.done_at is None:
            sync.done_at = utcnow()
    await session.flush()
    return list(newest.values())


async def _grants(session: AsyncSession) -> list[AccessState]:
    """The newest access state of each demo referral."""
    syncs = await _newest_marked_sent(session, AccessSync, AccessSync.created_at, AccessSync.version)
    return [AccessState.from_json(sync.state) for sync in syncs]


async def _plan_action_states(session: AsyncSession) -> list[PlanActionState]:
    """The newest plan-action state of each demo referral that serves an action (what
    :func:`splot.referrals.plan_actions.send` would hand to the registry)."""
    order = (PlanActionSync.version, PlanActionSync.created_at)
    return [
        plan_actions.state_of(sync) for sync in await _newest_marked_sent(session, PlanActionSync, *order)
    ]
