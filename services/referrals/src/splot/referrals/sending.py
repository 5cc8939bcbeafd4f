"""Sending a referral: is it complete, may it go to this target (the directory), does its
statutory basis fit (the legal-basis catalogue), may the sender refer this person there (the
client registry), a capacity warning when the offer is full, its deadlines in Polish working days, and the
``send`` transition itself. The registry is asked last, after every local check."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import failpoints, workdays
from splot.common.errors import Problem
from splot.referrals import access, legal_bases, occupancy
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral
from splot.referrals.peers import InstitutionInfo, OfferInfo, Peers, ReferralCheck, ServiceTypeInfo
from splot.referrals.recording import record
from splot.referrals.workflow import Actor, Status, Transition

#: Institution types that deliver services and so receive referrals (WUP, ROPS and the ministry
#: monitor; they serve no clients).
SERVING_TYPES = frozenset({"PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS"})

#: What the client registry's refusal codes become here (status, stable code).
_CHECK_REFUSALS: dict[str, int] = {
    "person_not_found": 422,
    "sender_not_allowed": 403,
    "consent_missing": 422,
    "consent_withdrawn": 422,
    "consent_expired": 422,
}


def dates_consistent(referral: Referral) -> None:
    if (
        referral.planned_start_date is not None
        and referral.planned_end_date is not None
        and referral.planned_end_date < referral.planned_start_date
    ):
        raise Problem(422, "invalid_period", "planned_end_date cannot be before planned_start_date")


def _require_complete(referral: Referral) -> None:
    missing = [
        name
        for name, value in (
            ("target_institution_id", referral.target_institution_id),
            ("service_type_code", referral.service_type_code),
            ("legal_basis", referral.legal_basis_kind),
        )
        if value is None
    ]
    if missing:
        raise Problem(422, "incomplete_referral", "the referral cannot be sent yet", missing_fields=missing)


async def _serving_target(
    target_id: uuid.UUID, *, peers: Peers, actor_institution_id: uuid.UUID
) -> InstitutionInfo:
    if target_id == actor_institution_id:
        raise Problem(422, "same_institution", "a referral goes to another institution")
    target = await peers.institution(target_id)
    if target is None:
        raise Problem(422, "unknown_institution", "the target institution is not in the directory")
    if not target.active:
        raise Problem(422, "institution_inactive", "the target institution is not active")
    if target.type not in SERVING_TYPES:
        raise Problem(
            422,
            "target_not_serving",
            f"a {target.type} does not take referrals (referrals go to "
            + ", ".join(sorted(SERVING_TYPES))
            + ")",
        )
    return target


async def _provided_service(code: str, target: InstitutionInfo, *, peers: Peers) -> ServiceTypeInfo:
    service_type = (await peers.service_types()).get(code)
    if service_type is None or not service_type.active:
        raise Problem(422, "unknown_service_type", "no such service type in the catalogue")
    if target.type not in service_type.provider_types and not await peers.has_active_offer(
        target.id, service_type.code
    ):
        # A referral carries the person's data to its receiver: only to one that provides the
        # service (its kind of institution does, or it publishes an active offer of it).
        raise Problem(
            422,
            "service_not_provided",
            f"the target institution does not provide {service_type.code}: it is not a "
            + ", ".join(service_type.provider_types or ("provider",))
            + " and has no active offer of it",
        )
    return service_type


async def _check_offer(
    offer_id: uuid.UUID, target: InstitutionInfo, service_type: ServiceTypeInfo, *, peers: Peers
) -> OfferInfo:
    offer = await peers.offer(offer_id)
    if (
        offer is None
        or not offer.active
        or offer.institution_id != target.id
        or offer.service_type_code != service_type.code
    ):
        raise Problem(
            422, "offer_mismatch", "the offer is not an active offer of the target for this service type"
        )
    return offer


async def _sender_type(institution_id: uuid.UUID, *, peers: Peers) -> str:
    sender = await peers.institution(institution_id)
    if sender is None:
        raise Problem(422, "unknown_institution", "the sending institution is not in the directory")
    return sender.type


async def validate_target(
    referral: Referral, *, peers: Peers, settings: ReferralsSettings, actor_institution_id: uuid.UUID
) -> tuple[int, int]:
    """Check the referral can go out; copies target type and sensitivity. Returns response days."""
    days, _ = await validate_sending(
        referral, peers=peers, settings=settings, actor_institution_id=actor_institution_id
    )
    return days


async def validate_sending(
    referral: Referral, *, peers: Peers, settings: ReferralsSettings, actor_institution_id: uuid.UUID
) -> tuple[tuple[int, int], OfferInfo | None]:
    """:func:`validate_target`, also returning the offer as the directory has it now."""
    _require_complete(referral)
    assert referral.target_institution_id is not None and referral.service_type_code is not None
    target = await _serving_target(
        referral.target_institution_id, peers=peers, actor_institution_id=actor_institution_id
    )
    service_type = await _provided_service(referral.service_type_code, target, peers=peers)
    offer = None
    if referral.target_offer_id is not None:
        offer = await _check_offer(referral.target_offer_id, target, service_type, peers=peers)
    await legal_bases.check_for_sending(
        referral, sender_type=await _sender_type(actor_institution_id, peers=peers), peers=peers
    )
    if target.type in settings.consent_required_types and referral.legal_basis_kind != "consent":
        raise Problem(
            422,
            "consent_required",
            f"referrals to a {target.type} need the client's consent as their legal basis",
        )
    referral.target_institution_type = target.type
    referral.sensitive = service_type.sensitive
    routine = service_type.response_days_routine or settings.response_days_routine
    urgent = service_type.response_days_urgent or settings.response_days_urgent
    # Between the parties of a local partnership its service standard sets the deadline (an
    # urgent referral keeps a shorter one).
    standard = await peers.standard_deadline(actor_institution_id, target.id, referral.service_type_code)
    referral.deadline_partnership_id = standard.partnership_id if standard else None
    if standard is not None:
        routine, urgent = standard.working_days, min(urgent, standard.working_days)
    return (routine, urgent), offer


async def check_with_registry(referral: Referral, *, peers: Peers) -> None:
    """Ask the client registry whether the sender may refer this person to this target."""
    assert referral.target_institution_id and referral.service_type_code and referral.legal_basis_kind
    person = await peers.person_summary(referral.person_id)
    if person is None:
        raise Problem(422, "person_not_found", "the person is not in the client registry")
    if person.status != "active":
        raise Problem(
            422,
            "person_not_active",
            f"the person's record is {person.status}",
            merged_into=str(person.merged_into) if person.merged_into else None,
        )
    result = await peers.check_referral(
        ReferralCheck(
            person_id=referral.person_id,
            sender_institution_id=referral.sender_institution_id,
            target_institution_id=referral.target_institution_id,
            target_institution_type=referral.target_institution_type or "",
            service_type_code=referral.service_type_code,
            sensitive=referral.sensitive,
            legal_basis=referral.legal_basis_kind,
            consent_id=referral.consent_id,
        )
    )
    if not result.allowed:
        code = result.code or "referral_not_allowed"
        raise Problem(
            _CHECK_REFUSALS.get(code, 422),
            code if code in _CHECK_REFUSALS else "referral_not_allowed",
            result.detail or "the client registry does not allow this referral",
            registry_code=code,
        )
    if referral.legal_basis_kind == "consent" and result.consent_id is not None:
        referral.consent_id = result.consent_id


def set_deadlines(
    referral: Referral, *, days: tuple[int, int], settings: ReferralsSettings, now: datetime
) -> None:
    routine, urgent = days
    response_days = urgent if referral.priority == "urgent" else routine
    referral.due_at = workdays.deadline(now, response_days, settings.timezone)
    referral.expires_at = workdays.deadline(
        now, max(settings.expiry_working_days, response_days), settings.timezone
    )
    referral.escalated_at = None


async def send(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    *,
    actor: Actor,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime,
    text: str | None,
) -> None:
    assert actor.institution_id is not None
    days, offer = await validate_sending(
        referral, peers=peers, settings=settings, actor_institution_id=actor.institution_id
    )
    dates_consistent(referral)
    await check_with_registry(referral, peers=peers)
    occupancy.note_warning(session, referral, offer)
    from_status = referral.status
    referral.status = Status.requested.value
    referral.sent_at = now
    set_deadlines(referral, days=days, settings=settings, now=now)
    referral.updated_at = now
    await record(
        session, referral, t, actor=actor, from_status=from_status, settings=settings, now=now, text=text
    )
    await access.enqueue(session, referral, active=True, now=now)
    failpoints.hit("referrals.send_before_commit")
