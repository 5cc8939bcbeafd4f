"""Referral rules: drafts, sending (checked with the client registry), the workflow transitions of
:mod:`splot.referrals.workflow`, forwarding into chains, deadlines and the queries (inbox, outbox,
counts, chain, a person's history). Functions flush, never commit; peer calls that grant access
come last, after the local change is flushed, so a failing peer rolls the whole request back."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, exists, func, not_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common import failpoints, workdays
from splot.common.db import new_id, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.referrals import access, notifications, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import (
    FollowUp,
    OutcomeCode,
    ReasonCode,
    Referral,
    ReferralEvent,
)
from splot.referrals.peers import Peers, ReferralCheck
from splot.referrals.publish import publish, transition_payload
from splot.referrals.workflow import (
    SYSTEM,
    TERMINAL,
    TRANSITIONS,
    Actor,
    Rules,
    Side,
    Status,
    Transition,
    allowed,
    authorise,
    sides_of,
)

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

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


def rules(settings: ReferralsSettings) -> Rules:
    return Rules(
        reopen_window=timedelta(days=settings.reopen_window_days), max_chain_depth=settings.max_chain_depth
    )


def referral_number(referral_id: uuid.UUID, year: int) -> str:
    """``SK-2026-7K3QM-A9X2F``: 50 bits of a hash of the id in Crockford base32 (no I, L, O, U)."""
    value = int.from_bytes(hashlib.sha256(referral_id.bytes).digest()[:8]) >> 14
    chars = []
    for _ in range(10):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    code = "".join(reversed(chars))
    return f"SK-{year}-{code[:5]}-{code[5:]}"


# ---------------------------------------------------------------------------------------------
# Reading and authorisation


def require_reader(actor: Actor) -> None:
    if not actor.can_read:
        raise forbidden("referrals are read by caseworkers and coordinators (or systems with referrals:read)")


def require_writer(actor: Actor) -> None:
    require_reader(actor)
    if not actor.roles:
        raise forbidden("your role or token does not allow changing referrals")


def is_party(referral: Referral, actor: Actor) -> bool:
    """The actor's institution sent it, or received it (a draft is its sender's only)."""
    return bool(sides_of(actor, referral) - {Side.system})


async def _load(
    session: AsyncSession, referral_id: uuid.UUID, actor: Actor, *, for_update: bool = False
) -> Referral:
    stmt = select(Referral).where(Referral.id == referral_id).execution_options(populate_existing=True)
    if for_update:
        # Concurrent transitions queue here; the loser then sees the new version: 412.
        stmt = stmt.with_for_update()
    referral = (await session.scalars(stmt)).first()
    if referral is None or (not actor.is_system and not is_party(referral, actor)):
        raise not_found("referral")
    return referral


async def get_referral(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> Referral:
    require_reader(actor)
    return await _load(session, referral_id, actor)


def referral_read(
    referral: Referral, actor: Actor, settings: ReferralsSettings, now: datetime | None = None
) -> schemas.ReferralRead:
    now = now or utcnow()
    legal_basis = None
    if referral.legal_basis_kind:
        legal_basis = schemas.LegalBasisRead(
            kind=referral.legal_basis_kind,  # type: ignore[arg-type]
            article=referral.legal_basis_article,
            consent_id=referral.consent_id,
        )
    actions = allowed(actor, referral, rules(settings), now) if actor.roles else []
    data = {
        name: getattr(referral, name) for name in schemas.ReferralRead.model_fields if hasattr(referral, name)
    }
    data.update(
        overdue=referral.overdue_at(now),
        legal_basis=legal_basis,
        outcome_codes=list(referral.outcome_codes or []),
        my_sides=sorted(sides_of(actor, referral) - {Side.system}),
        allowed_actions=[
            schemas.AllowedAction(
                action=t.action,
                endpoint=t.endpoint,
                required_fields=list(t.required),
                optional_fields=list(t.optional),
            )
            for t in actions
        ],
    )
    return schemas.ReferralRead.model_validate(data)


# ---------------------------------------------------------------------------------------------
# Drafts


def _apply_fields(referral: Referral, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "legal_basis":
            if value is None:
                referral.legal_basis_kind = referral.legal_basis_article = None
                referral.consent_id = None
            else:
                referral.legal_basis_kind = value["kind"]
                referral.legal_basis_article = value.get("article")
                referral.consent_id = value.get("consent_id")
        elif name == "priority":
            referral.priority = value or "routine"
        else:
            setattr(referral, name, value)


async def _new_referral_id(session: AsyncSession, year: int) -> tuple[uuid.UUID, str]:
    while True:
        referral_id = new_id()
        number = referral_number(referral_id, year)
        if (await session.scalars(select(Referral.id).where(Referral.number == number))).first() is None:
            return referral_id, number


async def create_referral(
    session: AsyncSession,
    *,
    data: schemas.ReferralCreate,
    actor: Actor,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
    referral_id: uuid.UUID | None = None,
) -> Referral:
    """Save a draft of the actor's institution; with ``send`` it is sent at once."""
    require_writer(actor)
    assert actor.institution_id is not None
    now = now or utcnow()
    if referral_id is None:
        referral_id, number = await _new_referral_id(session, now.year)
    else:
        number = referral_number(referral_id, now.year)
    referral = Referral(
        id=referral_id,
        number=number,
        person_id=data.person_id,
        sender_institution_id=actor.institution_id,
        sender_user_id=actor.user_id,
        created_by=actor.subject or "system",
        chain_root_id=referral_id,
        chain_depth=0,
        status=Status.draft.value,
        outcome_codes=[],
        created_at=now,
        updated_at=now,
    )
    _apply_fields(referral, data.model_dump(exclude={"person_id", "send"}))
    session.add(referral)
    await session.flush()
    if data.send:
        t = authorise("send", actor, referral, rules(settings), now)
        await _send(session, referral, t, actor=actor, peers=peers, settings=settings, now=now, text=None)
    return referral


async def update_draft(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    data: schemas.ReferralUpdate,
    actor: Actor,
    if_match: str | None,
) -> Referral:
    require_writer(actor)
    referral = await _load(session, referral_id, actor, for_update=True)
    if actor.institution_id != referral.sender_institution_id:
        raise not_found("referral")
    check_if_match(if_match, referral.id, referral.version)
    if referral.status != Status.draft:
        raise Problem(
            409,
            "not_a_draft",
            "only drafts are edited; a sent referral changes through its transitions",
            current_status=referral.status,
        )
    changes = data.model_dump(exclude_unset=True)
    if "person_id" in changes and changes["person_id"] is None:
        raise Problem(422, "field_required", "a referral is always about a person: person_id cannot be null")
    _apply_fields(referral, changes)
    _dates_consistent(referral)
    referral.updated_at = utcnow()
    await _flush(session)
    return referral


def _dates_consistent(referral: Referral) -> None:
    if (
        referral.planned_start_date is not None
        and referral.planned_end_date is not None
        and referral.planned_end_date < referral.planned_start_date
    ):
        raise Problem(422, "invalid_period", "planned_end_date cannot be before planned_start_date")


async def discard_draft(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    actor: Actor,
    if_match: str | None,
    settings: ReferralsSettings,
) -> None:
    """Delete a draft: the only thing that is ever deleted."""
    require_writer(actor)
    referral = await _load(session, referral_id, actor, for_update=True)
    check_if_match(if_match, referral.id, referral.version)
    authorise("discard", actor, referral, rules(settings), utcnow())
    await session.delete(referral)
    await session.flush()


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except StaleDataError as exc:
        raise Problem(
            412, "stale_etag", "the referral was changed by someone else; reload it and try again"
        ) from exc


# ---------------------------------------------------------------------------------------------
# Sending: completeness, the directory and the client registry


async def _validate_target(
    referral: Referral, *, peers: Peers, settings: ReferralsSettings, actor_institution_id: uuid.UUID
) -> tuple[int, int]:
    """Check the referral can go out; copies target type and sensitivity. Returns response days."""
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
    assert referral.target_institution_id is not None and referral.service_type_code is not None
    if referral.target_institution_id == actor_institution_id:
        raise Problem(422, "same_institution", "a referral goes to another institution")
    target = await peers.institution(referral.target_institution_id)
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
    service_type = (await peers.service_types()).get(referral.service_type_code)
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
    if referral.target_offer_id is not None:
        offer = await peers.offer(referral.target_offer_id)
        if (
            offer is None
            or not offer.active
            or offer.institution_id != target.id
            or offer.service_type_code != service_type.code
        ):
            raise Problem(
                422, "offer_mismatch", "the offer is not an active offer of the target for this service type"
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
    return routine, urgent


async def _check_with_registry(referral: Referral, *, peers: Peers) -> None:
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


def _set_deadlines(
    referral: Referral, *, days: tuple[int, int], settings: ReferralsSettings, now: datetime
) -> None:
    routine, urgent = days
    response_days = urgent if referral.priority == "urgent" else routine
    referral.due_at = workdays.deadline(now, response_days, settings.timezone)
    referral.expires_at = workdays.deadline(
        now, max(settings.expiry_working_days, response_days), settings.timezone
    )
    referral.escalated_at = None


async def _send(
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
    days = await _validate_target(
        referral, peers=peers, settings=settings, actor_institution_id=actor.institution_id
    )
    _dates_consistent(referral)
    await _check_with_registry(referral, peers=peers)
    from_status = referral.status
    referral.status = Status.requested.value
    referral.sent_at = now
    _set_deadlines(referral, days=days, settings=settings, now=now)
    referral.updated_at = now
    await _record(
        session, referral, t, actor=actor, from_status=from_status, settings=settings, now=now, text=text
    )
    await access.enqueue(session, referral, active=True, now=now)
    failpoints.hit("referrals.send_before_commit")


# ---------------------------------------------------------------------------------------------
# Transitions


@dataclass
class Payload:
    reason_code: str | None = None
    declined_by: str | None = None
    text: str | None = None
    outcome_codes: list[str] | None = None
    delivered: str | None = None
    assignee_user_id: uuid.UUID | None = None
    planned_start_date: date | None = None
    business_status: str | None = None


def _check_payload(t: Transition, given: dict[str, Any]) -> None:
    present = {k for k, v in given.items() if v is not None}
    missing = [f for f in t.required if f not in present]
    if missing:
        raise Problem(
            422, "missing_fields", f"'{t.action}' needs: " + ", ".join(missing), missing_fields=missing
        )
    unexpected = sorted(present - t.fields())
    if unexpected:
        raise Problem(
            422,
            "unexpected_fields",
            f"'{t.action}' does not take: " + ", ".join(unexpected),
            unexpected_fields=unexpected,
        )


async def _check_reason(
    session: AsyncSession, action: str, code: str | None, *, system: bool = False
) -> None:
    if code is None:
        return
    reason = await session.get(ReasonCode, code)
    if (
        reason is None
        or not reason.active
        or action not in reason.actions
        or (reason.system_only and not system)
    ):
        raise Problem(
            422,
            "invalid_reason_code",
            f"'{code}' is not a reason code for '{action}' (see GET /v1/reason-codes)",
        )


async def _check_outcomes(session: AsyncSession, codes: list[str]) -> list[OutcomeCode]:
    rows = list((await session.scalars(select(OutcomeCode).where(OutcomeCode.code.in_(codes)))).all())
    valid = {o.code for o in rows if o.kind == "outcome" and o.active}
    bad = [c for c in codes if c not in valid]
    if bad:
        raise Problem(
            422,
            "invalid_outcome_code",
            "unknown outcome code(s): " + ", ".join(bad) + " (see GET /v1/outcome-codes)",
            invalid_codes=bad,
        )
    return rows


def _end(referral: Referral, now: datetime) -> None:
    if referral.ended_at is None:
        referral.ended_at = now


async def _effect_accept(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.responded_at = r.accepted_at = now
    if p.assignee_user_id is not None:
        r.assignee_user_id = p.assignee_user_id
    if p.planned_start_date is not None:
        r.planned_start_date = p.planned_start_date


async def _effect_reject(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.responded_at = now
    _end(r, now)
    r.reason_code, r.reason_text, r.declined_by = p.reason_code, p.text, p.declined_by


async def _effect_reason_and_end(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_start(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.started_at = r.started_at or now


async def _effect_note_reason(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_none(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    return None


async def _effect_complete(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    assert p.outcome_codes
    await _check_outcomes(session, p.outcome_codes)
    _end(r, now)
    r.outcome_codes = list(p.outcome_codes)
    r.delivered = p.delivered


async def _effect_confirm_cancellation(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)


async def _effect_mark_in_error(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_text = p.text
    await session.execute(
        update(FollowUp)
        .where(FollowUp.referral_id == r.id, FollowUp.status == "open")
        .values(status="cancelled")
    )


async def _effect_reopen(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.ended_at = r.responded_at = r.accepted_at = r.started_at = None
    r.reason_code = r.declined_by = r.business_status = None
    r.reason_text = p.text
    r.cancellation_requested = r.acknowledged = False


async def _effect_flag(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    if p.reason_code is not None or p.text is not None:
        r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_business_status(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.business_status = p.business_status


async def _effect_expire(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_code, r.reason_text = "no_response", None


Effect = Callable[[AsyncSession, Referral, Payload, datetime], Awaitable[None]]

#: What each action changes besides the status and flag the table names.
EFFECTS: dict[str, Effect] = {
    "accept": _effect_accept,
    "reject": _effect_reject,
    "withdraw": _effect_reason_and_end,
    "start": _effect_start,
    "hold": _effect_note_reason,
    "resume": _effect_none,
    "complete": _effect_complete,
    "fail": _effect_reason_and_end,
    "request_cancellation": _effect_flag,
    "confirm_cancellation": _effect_confirm_cancellation,
    "cancel": _effect_reason_and_end,
    "mark_in_error": _effect_mark_in_error,
    "reopen": _effect_reopen,
    "acknowledge": _effect_none,
    "set_business_status": _effect_business_status,
    "expire": _effect_expire,
}


async def transition(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    request: schemas.TransitionRequest,
    actor: Actor,
    if_match: str | None,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
) -> Referral | None:
    """Take one workflow action; ``None`` when a draft was discarded."""
    require_writer(actor)
    now = now or utcnow()
    referral = await _load(session, referral_id, actor, for_update=True)
    check_if_match(if_match, referral.id, referral.version)
    action = str(request.action.value)
    t = authorise(action, actor, referral, rules(settings), now)
    given = request.model_dump(exclude={"action"})
    _check_payload(t, given)
    if action == "discard":
        await session.delete(referral)
        await session.flush()
        return None
    if action == "send":
        await _send(
            session, referral, t, actor=actor, peers=peers, settings=settings, now=now, text=request.text
        )
        return referral
    payload = Payload(**{k: (v.value if hasattr(v, "value") else v) for k, v in given.items()})
    await _check_reason(session, action, payload.reason_code)
    if payload.assignee_user_id is not None:
        await _check_assignee(payload.assignee_user_id, referral, peers=peers)
    await apply(session, referral, t, payload, actor=actor, peers=peers, settings=settings, now=now)
    return referral


async def apply(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    payload: Payload,
    *,
    actor: Actor,
    peers: Peers | None,
    settings: ReferralsSettings,
    now: datetime,
) -> None:
    """Apply an authorised transition: effects, status, flag, revocation or grant, event row,
    outbox event, notifications. ``peers`` None (demo data) skips the registry."""
    from_status = referral.status
    if t.action == "reopen" and peers is not None:
        days = await _validate_target(
            referral, peers=peers, settings=settings, actor_institution_id=referral.sender_institution_id
        )
        await _check_with_registry(referral, peers=peers)
    else:
        days = (settings.response_days_routine, settings.response_days_urgent)
    # One flush at the end, so the version moves exactly once per transition.
    with session.no_autoflush:
        await EFFECTS[t.action](session, referral, payload, now)
        if t.to_status is not None:
            referral.status = t.to_status
        if t.sets_flag:
            setattr(referral, t.sets_flag, True)
        if t.action == "reopen":
            _set_deadlines(referral, days=days, settings=settings, now=now)
        if t.action == "complete":
            await _schedule_follow_ups(session, referral, settings=settings, now=now)
        ended = referral.status in TERMINAL and (
            from_status not in TERMINAL or referral.status == Status.entered_in_error
        )
        referral.updated_at = now
    await _record(
        session,
        referral,
        t,
        actor=actor,
        from_status=from_status,
        settings=settings,
        now=now,
        text=payload.text,
        reason_code=payload.reason_code,
        details={k: v for k, v in _payload_details(payload).items() if v is not None},
    )
    # What the receiver may see changes with these: recorded now, sent to the registry once
    # this transaction has committed (see splot.referrals.access).
    if ended and from_status != Status.draft:
        retention = 0 if referral.status == Status.entered_in_error else settings.access_retention_days
        await access.enqueue(session, referral, active=False, retention_days=retention, now=now)
    elif t.action in ("accept", "reopen"):
        await access.enqueue(session, referral, active=True, now=now)


async def _check_assignee(user_id: uuid.UUID, referral: Referral, *, peers: Peers) -> None:
    """A referral is assigned to a member of the receiving institution's active staff."""
    user = await peers.user(user_id)
    if user is None or not user.active or user.institution_id != referral.target_institution_id:
        raise Problem(
            422,
            "assignee_not_in_institution",
            "assign the referral to an active member of the receiving institution's staff",
            errors=[{"loc": ["body", "assignee_user_id"], "msg": "not your colleague", "type": "assignee"}],
        )


def _payload_details(p: Payload) -> dict[str, Any]:
    return {
        "declined_by": p.declined_by,
        "outcome_codes": p.outcome_codes,
        "assignee_user_id": str(p.assignee_user_id) if p.assignee_user_id else None,
        "planned_start_date": p.planned_start_date.isoformat() if p.planned_start_date else None,
        "business_status": p.business_status,
    }


async def _record(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    *,
    actor: Actor,
    from_status: str | None,
    settings: ReferralsSettings,
    now: datetime,
    text: str | None,
    reason_code: str | None = None,
    details: dict[str, Any] | None = None,
    notify: bool = True,
) -> None:
    """Flush the change (bumping the version), then the event row, the outbox event and the
    notifications to the other side."""
    await _flush(session)
    assert t.event_type is not None
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            action=t.action,
            from_status=from_status,
            to_status=referral.status,
            version=referral.version,
            actor_kind=actor.kind,
            actor_subject=actor.subject,
            actor_institution_id=actor.institution_id,
            reason_code=reason_code,
            text=text,
            payload=details or {},
            occurred_at=now,
        )
    )
    await publish(
        session,
        t.event_type,
        referral=referral,
        payload=transition_payload(
            referral,
            action=t.action,
            from_status=from_status,
            actor_institution_id=actor.institution_id,
            now=now,
        ),
    )
    if notify:
        await notify_other_side(session, referral, kind=t.event_type, actor_side=t.side, settings=settings)


async def notify_other_side(
    session: AsyncSession, referral: Referral, *, kind: str, actor_side: Side, settings: ReferralsSettings
) -> None:
    if actor_side in (Side.sender, Side.system) and referral.target_institution_id is not None:
        await notifications.notify(
            session,
            settings=settings,
            kind=kind,
            institution_id=referral.target_institution_id,
            user_id=referral.assignee_user_id,
            referral=referral,
        )
    if actor_side in (Side.receiver, Side.system):
        await notifications.notify(
            session,
            settings=settings,
            kind=kind,
            institution_id=referral.sender_institution_id,
            user_id=referral.sender_user_id,
            referral=referral,
        )


async def _schedule_follow_ups(
    session: AsyncSession, referral: Referral, *, settings: ReferralsSettings, now: datetime
) -> None:
    employment = (
        await session.scalars(
            select(OutcomeCode.code).where(
                OutcomeCode.code.in_(referral.outcome_codes), OutcomeCode.employment.is_(True)
            )
        )
    ).first()
    if employment is None:
        return
    for months in settings.followup_months:
        session.add(
            FollowUp(
                referral_id=referral.id,
                institution_id=referral.sender_institution_id,
                due_months=months,
                due_at=workdays.add_months(now, months),
                created_at=now,
            )
        )


async def expire(
    session: AsyncSession, referral: Referral, *, settings: ReferralsSettings, now: datetime
) -> None:
    """The system cancels an unanswered referral (reason ``no_response``); the caller holds the lock."""
    t = TRANSITIONS["expire"]
    await apply(
        session,
        referral,
        t,
        Payload(reason_code="no_response"),
        actor=SYSTEM,
        peers=None,
        settings=settings,
        now=now,
    )


# ---------------------------------------------------------------------------------------------
# Forwarding and chains


async def forward(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    data: schemas.ForwardRequest,
    actor: Actor,
    if_match: str | None,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
    child_id: uuid.UUID | None = None,
) -> Referral:
    """The receiver refers the person on: a child referral, sent at once, in the same chain."""
    require_writer(actor)
    assert actor.institution_id is not None
    now = now or utcnow()
    parent = await _load(session, referral_id, actor, for_update=True)
    check_if_match(if_match, parent.id, parent.version)
    t = authorise("forward", actor, parent, rules(settings), now)
    if child_id is None:
        child_id, number = await _new_referral_id(session, now.year)
    else:
        number = referral_number(child_id, now.year)
    child = Referral(
        id=child_id,
        number=number,
        person_id=parent.person_id,
        sender_institution_id=actor.institution_id,
        sender_user_id=actor.user_id,
        created_by=actor.subject or "system",
        parent_referral_id=parent.id,
        chain_root_id=parent.chain_root_id,
        chain_depth=parent.chain_depth + 1,
        status=Status.draft.value,
        outcome_codes=[],
        created_at=now,
        updated_at=now,
    )
    _apply_fields(child, data.model_dump())
    session.add(child)
    await session.flush()
    await _send(
        session,
        child,
        TRANSITIONS["send"],
        actor=actor,
        peers=peers,
        settings=settings,
        now=now,
        text=None,
    )
    parent.updated_at = now  # the parent's version moves too: forwarding is one of its transitions
    await _record(
        session,
        parent,
        t,
        actor=actor,
        from_status=parent.status,
        settings=settings,
        now=now,
        text=None,
        details={"child_referral_id": str(child.id)},
    )
    return child


def _visible_chain(nodes: list[Referral], actor: Actor) -> dict[uuid.UUID, bool]:
    """Node id -> is the actor a party. Visible: the actor's referrals and everything below them."""
    children: dict[uuid.UUID | None, list[Referral]] = {}
    for node in nodes:
        children.setdefault(node.parent_referral_id, []).append(node)
    visible: dict[uuid.UUID, bool] = {}

    def _descend(node: Referral) -> None:
        for child in children.get(node.id, []):
            if child.id not in visible:
                visible[child.id] = is_party(child, actor)
                _descend(child)

    for node in nodes:
        if is_party(node, actor):
            visible[node.id] = True
            _descend(node)
    return visible


async def chain(session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor) -> schemas.ChainRead:
    require_reader(actor)
    root_id = (
        await session.scalars(select(Referral.chain_root_id).where(Referral.id == referral_id))
    ).first()
    if root_id is None:
        raise not_found("referral")
    nodes = list(
        (
            await session.scalars(
                select(Referral)
                .where(Referral.chain_root_id == root_id)
                .order_by(Referral.chain_depth, Referral.created_at, Referral.id)
            )
        ).all()
    )
    visible = _visible_chain(nodes, actor)
    if referral_id not in visible:
        raise not_found("referral")
    now = utcnow()
    return schemas.ChainRead(
        chain_root_id=root_id,
        items=[
            schemas.ChainNode(
                id=n.id,
                number=n.number,
                parent_referral_id=n.parent_referral_id,
                chain_depth=n.chain_depth,
                status=n.status,
                business_status=n.business_status,
                outcome_codes=list(n.outcome_codes or []),
                sender_institution_id=n.sender_institution_id,
                target_institution_id=n.target_institution_id,
                service_type_code=n.service_type_code,
                priority=n.priority,
                overdue=n.overdue_at(now),
                sent_at=n.sent_at,
                ended_at=n.ended_at,
                party=visible[n.id],
            )
            for n in nodes
            if n.id in visible
        ],
    )


async def referral_events(
    session: AsyncSession, *, referral_id: uuid.UUID, actor: Actor
) -> list[ReferralEvent]:
    await get_referral(session, referral_id=referral_id, actor=actor)
    return list(
        (
            await session.scalars(
                select(ReferralEvent)
                .where(ReferralEvent.referral_id == referral_id)
                .order_by(ReferralEvent.version, ReferralEvent.occurred_at)
            )
        ).all()
    )


# ---------------------------------------------------------------------------------------------
# Queries


def overdue_clause(now: datetime) -> Any:
    return and_(Referral.status == Status.requested.value, Referral.due_at <= now)


@dataclass
class BoxFilters:
    status: list[str] | None = None
    overdue: bool | None = None
    service_type: str | None = None
    assignee: str | None = None
    priority: str | None = None
    sent_from: date | None = None
    sent_to: date | None = None
    person_id: uuid.UUID | None = None


def _box_base(box: schemas.Box, actor: Actor) -> Select[Any]:
    if box is schemas.Box.inbox:
        return select(Referral).where(
            Referral.target_institution_id == actor.institution_id, Referral.status != Status.draft.value
        )
    return select(Referral).where(Referral.sender_institution_id == actor.institution_id)


def _local_midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def _filtered(
    stmt: Select[Any], f: BoxFilters, actor: Actor, settings: ReferralsSettings, now: datetime
) -> Select[Any]:
    if f.status:
        stmt = stmt.where(Referral.status.in_(f.status))
    if f.overdue is True:
        stmt = stmt.where(overdue_clause(now))
    elif f.overdue is False:
        stmt = stmt.where(not_(overdue_clause(now)))
    if f.service_type:
        stmt = stmt.where(Referral.service_type_code == f.service_type)
    if f.assignee == "none":
        stmt = stmt.where(Referral.assignee_user_id.is_(None))
    elif f.assignee == "me":
        stmt = stmt.where(Referral.assignee_user_id == actor.user_id)
    elif f.assignee:
        stmt = stmt.where(Referral.assignee_user_id == uuid.UUID(f.assignee))
    if f.priority:
        stmt = stmt.where(Referral.priority == f.priority)
    if f.sent_from:
        stmt = stmt.where(Referral.sent_at >= _local_midnight(f.sent_from, settings.timezone))
    if f.sent_to:
        stmt = stmt.where(
            Referral.sent_at < _local_midnight(f.sent_to + timedelta(days=1), settings.timezone)
        )
    if f.person_id:
        stmt = stmt.where(Referral.person_id == f.person_id)
    return stmt


async def list_box(
    session: AsyncSession,
    *,
    box: schemas.Box,
    actor: Actor,
    filters: BoxFilters,
    settings: ReferralsSettings,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[Referral], str | None]:
    require_reader(actor)
    if filters.sent_from and filters.sent_to and filters.sent_to < filters.sent_from:
        raise Problem(422, "invalid_period", "sent_to cannot be before sent_from")
    stmt = _filtered(_box_base(box, actor), filters, actor, settings, utcnow())
    order = (
        [Referral.sent_at, Referral.id] if box is schemas.Box.inbox else [Referral.created_at, Referral.id]
    )
    return await paginate(session, stmt, order_by=order, cursor=cursor, limit=limit, descending=True)


async def counts(session: AsyncSession, *, box: schemas.Box, actor: Actor) -> schemas.CountsRead:
    require_reader(actor)
    base = _box_base(box, actor).subquery()
    rows = (await session.execute(select(base.c.status, func.count()).group_by(base.c.status))).all()
    by_status = {s.value: 0 for s in Status if not (box is schemas.Box.inbox and s is Status.draft)}
    for status, n in rows:
        by_status[status] = int(n)
    now = utcnow()
    overdue = (
        await session.execute(
            select(func.count())
            .select_from(base)
            .where(base.c.status == Status.requested.value, base.c.due_at <= now)
        )
    ).scalar_one()
    return schemas.CountsRead(
        box=box, total=sum(by_status.values()), overdue=int(overdue), by_status=by_status
    )


async def person_history(
    session: AsyncSession, *, person_id: uuid.UUID, actor: Actor, cursor: str | None, limit: int | None
) -> schemas.PersonReferralPage:
    """A person's referrals, for institutions that sent or received at least one of them. Sensitive
    referrals (GDPR art. 9 service types) are shown only to their own parties."""
    require_reader(actor)
    inst = actor.institution_id
    party = or_(Referral.sender_institution_id == inst, Referral.target_institution_id == inst)
    sent = Referral.status != Status.draft.value
    may_see = (
        await session.execute(select(exists().where(Referral.person_id == person_id, sent, party)))
    ).scalar_one()
    if not may_see:
        raise not_found("person")
    stmt = select(Referral).where(
        Referral.person_id == person_id, sent, or_(Referral.sensitive.is_(False), party)
    )
    rows, next_cursor = await paginate(
        session, stmt, order_by=[Referral.sent_at, Referral.id], cursor=cursor, limit=limit, descending=True
    )
    return schemas.PersonReferralPage(
        items=[
            schemas.PersonReferralItem(
                id=r.id,
                number=r.number,
                status=r.status,
                chain_root_id=r.chain_root_id,
                parent_referral_id=r.parent_referral_id,
                sender_institution_id=r.sender_institution_id,
                target_institution_id=r.target_institution_id,
                service_type_code=r.service_type_code,
                outcome_codes=list(r.outcome_codes or []),
                sent_at=r.sent_at,
                ended_at=r.ended_at,
                party=inst in r.party_ids(),
            )
            for r in rows
        ],
        next_cursor=next_cursor,
    )


async def reason_codes(session: AsyncSession) -> list[ReasonCode]:
    return list(
        (await session.scalars(select(ReasonCode).order_by(ReasonCode.sort_order, ReasonCode.code))).all()
    )


async def outcome_codes(session: AsyncSession, *, kind: str | None) -> list[OutcomeCode]:
    stmt = select(OutcomeCode).order_by(OutcomeCode.kind, OutcomeCode.sort_order, OutcomeCode.code)
    if kind:
        stmt = stmt.where(OutcomeCode.kind == kind)
    return list((await session.scalars(stmt)).all())


def workflow_table() -> schemas.WorkflowRead:
    from splot.referrals.workflow import BusinessStatus

    return schemas.WorkflowRead(
        statuses=list(Status),
        terminal=[s for s in Status if s in TERMINAL],
        business_statuses=list(BusinessStatus),
        transitions=[
            schemas.TransitionRuleRead(
                action=t.action,
                from_statuses=sorted(t.from_statuses),
                side=t.side,
                to_status=t.to_status,
                event_type=t.event_type,
                roles=sorted(t.roles) if t.side is not Side.system else [],
                required_fields=list(t.required),
                optional_fields=list(t.optional),
                sets_flag=t.sets_flag,
                requires_flag=t.requires_flag,
                unless_flag=t.unless_flag,
                assignee_bound=t.assignee_bound,
                guard=t.guard,
                endpoint=t.endpoint,
            )
            for t in TRANSITIONS.values()
        ],
    )
