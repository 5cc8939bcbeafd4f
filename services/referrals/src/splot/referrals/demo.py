"""Demo data for the embedded mode: referrals in every status between the directory's demo
institutions, chains PUP -> OPS -> NGO, overdue and expired ones, messages and notifications.

The rows are written through the service's own rule functions (so the events, referral event
rows and notifications are exactly what the API would produce), with a stand-in for the peers
that knows the demo institutions. The receivers' access the referrals imply (their access-sync
rows) is handed to the client registry by the embedded mode's seeding directly, not by the
scheduler: ``seed`` returns it and marks those rows sent. Ids are deterministic (uuid5) and the
seed is idempotent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.etag import etag_for
from splot.referrals import messages, schemas, service
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import AccessSync, Referral
from splot.referrals.peers import (
    AccessState,
    CheckResult,
    InstitutionInfo,
    OfferInfo,
    PersonSummary,
    ReferralCheck,
    ServiceTypeInfo,
    UserInfo,
)
from splot.referrals.workflow import COORDINATOR, TRANSITIONS, Actor, authorise

DEMO_NAMESPACE = uuid.UUID("5b1e7a52-4f0e-4c7e-9a53-7370c0d0e003")
STATUTORY_ARTICLE = "art. 100 ust. 1 ustawy o pomocy społecznej"


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


@dataclass
class DemoReferrals:
    created: bool
    #: The newest access state of every demo referral (``active`` False: the referral has ended).
    grants: list[AccessState] = field(default_factory=list)
    referral_ids: list[uuid.UUID] = field(default_factory=list)


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

    async def offer(self, offer_id: uuid.UUID) -> OfferInfo | None:
        return None

    async def check_referral(self, check: ReferralCheck) -> CheckResult:
        return CheckResult(True)

    async def has_active_offer(self, institution_id: uuid.UUID, service_type_code: str) -> bool:
        ref = self.by_id.get(institution_id)
        return ref is not None and service_type_code in ref.offers

    async def user(self, user_id: uuid.UUID) -> UserInfo | None:
        return None

    async def put_access(self, state: AccessState) -> None:
        return None  # handed over by the embedded seeding (see ``seed``)

    async def person_summary(self, person_id: uuid.UUID) -> PersonSummary | None:
        return PersonSummary(person_id, "active")


@dataclass(frozen=True)
class Step:
    side: str  # "sender" or "receiver"
    action: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    key: str
    sender: str
    target: str
    service_type: str
    days_ago: float
    steps: tuple[Step, ...] = ()
    priority: str = "routine"
    programme: str | None = None
    needs: str = "Wsparcie w powrocie na rynek pracy; szczegóły w rozmowie."
    #: Forward after the steps: (child key, target, service type, child steps).
    forward: tuple[str, str, str, tuple[Step, ...]] | None = None
    messages: tuple[tuple[str, str], ...] = ()
    expire: bool = False
    draft: bool = False


R, S = "receiver", "sender"
ACCEPT = Step(R, "accept")
START = Step(R, "start")


def _complete(*codes: str) -> Step:
    return Step(
        R, "complete", {"outcome_codes": list(codes), "delivered": "Usługa zrealizowana zgodnie z planem."}
    )


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("pup-ops-new", "pup-wieliczka", "mgops-wieliczka", "social_work", 1),
    Scenario(
        "pup-ops-overdue",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_contract",
        9,
        messages=((S, "Czy możemy umówić wspólne spotkanie z klientem w przyszłym tygodniu?"),),
    ),
    Scenario(
        "pup-ops-chain",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        30,
        steps=(ACCEPT, START),
        programme="PAI",
        forward=(
            "ops-ngo-chain",
            "fundacja-wspolny-krok",
            "kis",
            (ACCEPT, START, _complete("programme_completed")),
        ),
        messages=(
            (S, "Klient zgłosił się do nas z potrzebą wsparcia socjalnego."),
            (R, "Dziękujemy, przekazaliśmy sprawę do KIS Fundacji Wspólny Krok."),
        ),
    ),
    Scenario(
        "pup-ops-chain-2",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        20,
        steps=(ACCEPT,),
        forward=("ops-ngo-chain-2", "fundacja-wspolny-krok", "vocational_counselling", (ACCEPT,)),
    ),
    Scenario(
        "pup-niepolomice-crisis",
        "pup-wieliczka",
        "ops-niepolomice",
        "crisis_intervention",
        6,
        steps=(ACCEPT, START),
        priority="urgent",
        messages=((R, "Interwencja rozpoczęta, pierwsze spotkanie odbyło się wczoraj."),),
    ),
    Scenario(
        "pup-gdow-hold",
        "pup-wieliczka",
        "cus-gdow",
        "care_services",
        15,
        steps=(ACCEPT, START, Step(R, "hold", {"text": "Usługa wstrzymana na czas pobytu w szpitalu."})),
    ),
    Scenario(
        "pup-ops-rejected",
        "pup-wieliczka",
        "mgops-wieliczka",
        "family_assistant",
        12,
        steps=(
            Step(
                R,
                "reject",
                {
                    "reason_code": "not_eligible",
                    "declined_by": "provider",
                    "text": "Brak przesłanek do asystentury.",
                },
            ),
        ),
    ),
    Scenario(
        "pup-niepolomice-withdrawn",
        "pup-wieliczka",
        "ops-niepolomice",
        "social_work",
        10,
        steps=(Step(S, "withdraw", {"reason_code": "duplicate", "text": "Skierowanie wysłane dwukrotnie."}),),
    ),
    Scenario("pup-gdow-expired", "pup-wieliczka", "cus-gdow", "social_work", 28, expire=True),
    Scenario(
        "pup-ops-error",
        "pup-wieliczka",
        "mgops-wieliczka",
        "social_work",
        3,
        steps=(Step(S, "mark_in_error", {"text": "Skierowanie dotyczyło innej osoby."}),),
    ),
    Scenario("pup-draft", "pup-wieliczka", "mgops-wieliczka", "social_contract", 0, draft=True),
    Scenario(
        "ops-pup-employed",
        "mgops-wieliczka",
        "pup-wieliczka",
        "job_placement",
        120,
        steps=(ACCEPT, START, _complete("employed"), Step(S, "acknowledge")),
        programme="PAI",
    ),
    Scenario(
        "ops-pup-failed",
        "mgops-wieliczka",
        "pup-wieliczka",
        "training",
        40,
        steps=(
            ACCEPT,
            Step(R, "fail", {"reason_code": "client_unreachable", "text": "Brak kontaktu od 3 tygodni."}),
        ),
    ),
    Scenario("ops-cis-overdue", "mgops-wieliczka", "stowarzyszenie-nowy-start", "cis", 11),
    Scenario(
        "ops-wolni-therapy",
        "mgops-wieliczka",
        "stowarzyszenie-wolni",
        "addiction_therapy",
        8,
        steps=(ACCEPT, Step(R, "set_business_status", {"business_status": "appointment_scheduled"})),
    ),
    Scenario(
        "niepolomice-cis-cancel",
        "ops-niepolomice",
        "stowarzyszenie-nowy-start",
        "cis",
        25,
        steps=(ACCEPT, START, Step(S, "request_cancellation", {"text": "Osoba podjęła zatrudnienie."})),
    ),
    Scenario("gup-mops-new", "gup-krakow", "mops-krakow", "social_work", 2),
    Scenario(
        "gup-mops-chain",
        "gup-krakow",
        "mops-krakow",
        "social_work",
        12,
        steps=(ACCEPT,),
        forward=("mops-dobryadres-chain", "fundacja-dobry-adres", "debt_counselling", ()),
    ),
    Scenario(
        "mops-gup-training",
        "mops-krakow",
        "gup-krakow",
        "job_placement",
        60,
        steps=(ACCEPT, _complete("training_completed"), Step(S, "acknowledge")),
    ),
    Scenario(
        "mops-dobryadres-housing",
        "mops-krakow",
        "fundacja-dobry-adres",
        "housing_support",
        45,
        steps=(ACCEPT, START, _complete("housing_secured", "goals_met")),
    ),
    Scenario(
        "gdow-pup-counselling", "cus-gdow", "pup-wieliczka", "vocational_counselling", 4, steps=(ACCEPT,)
    ),
    Scenario("ngo-pup-placement", "fundacja-wspolny-krok", "pup-wieliczka", "job_placement", 2),
    Scenario(
        "cis-ops-social-work",
        "stowarzyszenie-nowy-start",
        "ops-niepolomice",
        "social_work",
        5,
        steps=(Step(R, "set_business_status", {"business_status": "contact_attempted"}),),
    ),
    Scenario("wolni-ops-contract", "stowarzyszenie-wolni", "mgops-wieliczka", "social_contract", 1),
    Scenario("dobryadres-mops-work", "fundacja-dobry-adres", "mops-krakow", "social_work", 3),
)


def _actor(ref: DemoInstitutionRef) -> Actor:
    return Actor(
        kind="client", subject=f"demo:{ref.key}", institution_id=ref.id, roles=COORDINATOR, can_read=True
    )


def _legal_basis(settings: ReferralsSettings, target: DemoInstitutionRef) -> dict[str, Any]:
    if target.type in settings.consent_required_types:
        return {"kind": "consent"}
    return {"kind": "statutory", "article": STATUTORY_ARTICLE}


async def seed(
    session: AsyncSession,
    *,
    institutions: dict[str, DemoInstitutionRef],
    persons: list[DemoPersonRef],
    settings: ReferralsSettings | None = None,
    now: datetime | None = None,
) -> DemoReferrals:
    settings = settings or ReferralsSettings()
    first = demo_id("referral", SCENARIOS[0].key)
    if await session.get(Referral, first) is not None:
        return DemoReferrals(created=False, grants=await _grants(session), referral_ids=[])
    if not persons:
        raise ValueError("the referrals demo needs the client registry's demo persons")
    now = now or utcnow()
    peers = DemoPeers(institutions)
    created: list[uuid.UUID] = []
    for index, scenario in enumerate(SCENARIOS):
        if scenario.sender not in institutions or scenario.target not in institutions:
            continue
        created.extend(await _play(session, scenario, index, institutions, persons, peers, settings, now))
    return DemoReferrals(created=True, grants=await _grants(session), referral_ids=created)


def _person(persons: list[DemoPersonRef], sender: uuid.UUID, index: int) -> uuid.UUID:
    own = [p for p in persons if p.registering_institution_id == sender] or persons
    return own[index % len(own)].id


async def _play(
    session: AsyncSession,
    scenario: Scenario,
    index: int,
    institutions: dict[str, DemoInstitutionRef],
    persons: list[DemoPersonRef],
    peers: DemoPeers,
    settings: ReferralsSettings,
    now: datetime,
) -> list[uuid.UUID]:
    sender, target = institutions[scenario.sender], institutions[scenario.target]
    actors = {S: _actor(sender), R: _actor(target)}
    moment = now - timedelta(days=scenario.days_ago)
    data = schemas.ReferralCreate.model_validate(
        {
            "person_id": str(_person(persons, sender.id, index)),
            "target_institution_id": str(target.id),
            "service_type_code": scenario.service_type,
            "priority": scenario.priority,
            "needs_description": scenario.needs,
            "legal_basis": _legal_basis(settings, target),
            "programme": scenario.programme,
            "send": not scenario.draft,
        }
    )
    referral = await service.create_referral(
        session,
        data=data,
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
        child_key, child_target_key, service_type, child_steps = scenario.forward
        child_target = institutions.get(child_target_key)
        if child_target is not None:
            moment += step_gap
            child = await service.forward(
                session,
                referral_id=referral.id,
                data=schemas.ForwardRequest.model_validate(
                    {
                        "target_institution_id": str(child_target.id),
                        "service_type_code": service_type,
                        "legal_basis": _legal_basis(settings, child_target),
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
            ids.append(child.id)
            child_actors = {S: actors[R], R: _actor(child_target)}
            await _steps(session, child, child_steps, child_actors, peers, settings, moment, step_gap)
            await messages.post_message(
                session,
                referral_id=child.id,
                data=schemas.MessageCreate(text="Prosimy o informację o pierwszym spotkaniu."),
                actor=child_actors[S],
                settings=settings,
            )
    if scenario.expire and referral.expires_at is not None:
        await service.expire(
            session, referral, settings=settings, now=referral.expires_at + timedelta(hours=1)
        )
    return ids


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
        t = authorise(step.action, actors[step.side], referral, service.rules(settings), moment)
        assert t is TRANSITIONS[step.action]
        await service.apply(
            session,
            referral,
            t,
            service.Payload(**step.payload),
            actor=actors[step.side],
            peers=peers,
            settings=settings,
            now=moment,
        )
    return moment


async def _grants(session: AsyncSession) -> list[AccessState]:
    """The newest access state of each demo referral; the rows are marked sent (the embedded
    seeding gives them to the registry itself, before the services start)."""
    ids = [demo_id("referral", s.key) for s in SCENARIOS] + [
        demo_id("referral", s.forward[0]) for s in SCENARIOS if s.forward
    ]
    syncs = (
        await session.scalars(
            select(AccessSync)
            .where(AccessSync.referral_id.in_(ids), AccessSync.superseded_at.is_(None))
            .order_by(AccessSync.created_at, AccessSync.version)
        )
    ).all()
    newest: dict[uuid.UUID, AccessSync] = {}
    for sync in syncs:
        newest[sync.referral_id] = sync
        if sync.done_at is None:
            sync.done_at = utcnow()
    await session.flush()
    return [AccessState.from_json(sync.state) for sync in newest.values()]
