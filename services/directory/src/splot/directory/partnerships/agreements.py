"""Agreement versions: recording one (a partnership's, or one recorded by itself through
``POST /v1/agreements``), each party's confirmation, termination, and the amendment that
supersedes its predecessor. Every change goes through :mod:`lifecycle`'s table."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, conflict, forbidden, not_found
from splot.common.events import emit
from splot.directory import audit, schemas
from splot.directory.models import AgreementConfirmation, Institution, PartnershipAgreement
from splot.directory.partnerships import access
from splot.directory.partnerships.lifecycle import (
    Action,
    Actor,
    Status,
    agreement_status,
    in_force_from,
    may,
)
from splot.directory.partnerships.models import Partnership
from splot.directory.partnerships.schemas import AgreementVersionCreate


def event_payload(agreement: PartnershipAgreement, day: date) -> dict[str, Any]:
    ended = [d for d in (agreement.terminated_on, agreement.superseded_on) if d is not None]
    return {
        "id": str(agreement.id),
        "party_ids": sorted(str(p.id) for p in agreement.parties),
        "valid_from": agreement.valid_from.isoformat(),
        "valid_to": agreement.valid_to.isoformat() if agreement.valid_to else None,
        "version": agreement.version,
        "partnership_id": str(agreement.partnership_id) if agreement.partnership_id else None,
        "number": agreement.number if agreement.partnership_id else None,
        "status": agreement_status(agreement, day).value,
        "confirmed_on": agreement.confirmed_on.isoformat() if agreement.confirmed_on else None,
        "ended_on": min(ended).isoformat() if ended else None,
    }


async def emit_agreement(
    session: AsyncSession, event_type: str, agreement: PartnershipAgreement, day: date
) -> None:
    await emit(
        session,
        event_type,
        aggregate_type="agreement",
        aggregate_id=agreement.id,
        payload=event_payload(agreement, day),
    )


async def load(session: AsyncSession, agreement_id: uuid.UUID) -> PartnershipAgreement:
    agreement = (
        await session.scalars(
            select(PartnershipAgreement)
            .options(
                selectinload(PartnershipAgreement.parties), selectinload(PartnershipAgreement.confirmations)
            )
            .where(PartnershipAgreement.id == agreement_id)
            .execution_options(populate_existing=True)
        )
    ).first()
    if agreement is None:
        raise not_found("agreement")
    return agreement


async def of_partnership(session: AsyncSession, partnership_id: uuid.UUID) -> list[PartnershipAgreement]:
    return list(
        (
            await session.scalars(
                select(PartnershipAgreement)
                .options(
                    selectinload(PartnershipAgreement.parties),
                    selectinload(PartnershipAgreement.confirmations),
                )
                .where(PartnershipAgreement.partnership_id == partnership_id)
                .order_by(PartnershipAgreement.number)
            )
        ).all()
    )


def _check(action: Action, agreement: PartnershipAgreement, actor: Actor, day: date) -> Status:
    state = agreement_status(agreement, day)
    if actor not in (Actor.party_signatory, Actor.clock, Actor.successor):
        raise forbidden("only an administrator or coordinator of a party to the agreement may do this")
    if not may(action, state, actor):
        raise conflict("invalid_transition", f"an agreement that is {state.value} cannot be {action.value}ed")
    return state


async def create_version(
    session: AsyncSession,
    *,
    partnership: Partnership,
    data: AgreementVersionCreate,
    actor: Principal,
    day: date,
) -> PartnershipAgreement:
    """A new agreement version naming the partnership's current parties (pending until each confirms)."""
    if not access.is_signatory(partnership, actor, day):
        raise forbidden("only a party's administrator or coordinator proposes the agreement's text")
    party_ids = access.party_ids(partnership, day)
    if len(party_ids) < 2:
        raise conflict(
            "too_few_parties", "an agreement needs at least two parties; wait for an invitation's answer"
        )
    existing = await of_partnership(session, partnership.id)
    if data.amends_id is not None:
        amended = next((a for a in existing if a.id == data.amends_id), None)
        if amended is None:
            raise Problem(422, "unknown_agreement", "amends_id is not an agreement of this partnership")
        _check(Action.amend, amended, Actor.party_signatory, day)
    elif any(agreement_status(a, day) in (Status.pending, Status.in_force) for a in existing):
        raise conflict(
            "agreement_exists", "the partnership has an agreement: amend it (amends_id) or terminate it"
        )
    parties = list((await session.scalars(select(Institution).where(Institution.id.in_(party_ids)))).all())
    number = (
        await session.scalar(
            select(func.max(PartnershipAgreement.number)).where(
                PartnershipAgreement.partnership_id == partnership.id
            )
        )
        or 0
    ) + 1
    agreement = PartnershipAgreement(
        title=data.title,
        document_number=data.document_number,
        scope=data.text,
        annexes=[a.model_dump(mode="json", exclude_none=True) for a in data.annexes],
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        created_by_institution_id=actor.institution_id,
        parties=parties,
        partnership_id=partnership.id,
        number=number,
        amends_id=data.amends_id,
        confirmations=[],
    )
    session.add(agreement)
    await session.flush()
    await emit_agreement(session, "agreement.created", agreement, day)
    return agreement


async def confirm(
    session: AsyncSession, *, agreement: PartnershipAgreement, actor: Principal, day: date
) -> PartnershipAgreement:
    """The actor's institution confirms the version (once); the last confirmation sets
    ``confirmed_on`` and, for an amendment, the day its predecessor is superseded."""
    _check(Action.confirm, agreement, access.agreement_actor(agreement, actor), day)
    assert actor.institution_id is not None
    if any(c.institution_id == actor.institution_id for c in agreement.confirmations):
        raise conflict("already_confirmed", "your institution has already confirmed this version")
    role = next(r for r in access.SIGNATORY_ROLES if actor.has_role(r))
    agreement.confirmations.append(
        AgreementConfirmation(
            institution_id=actor.institution_id,
            confirmed_by_subject=actor.subject,
            confirmed_by_role=role.value,
        )
    )
    confirmed = {c.institution_id for c in agreement.confirmations}
    if confirmed >= {p.id for p in agreement.parties}:
        agreement.confirmed_on = day
    agreement.status_recorded = agreement_status(agreement, day).value
    # Always a new version: two parties confirming at once cannot both miss the other's
    # confirmation (the later writer gets 412 and tries again, then sees it).
    agreement.updated_at = utcnow()
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=schemas.AuditAction.agreement_confirmed,
        target_type="agreement",
        target_id=agreement.id,
        target_institution_id=actor.institution_id,
        after={"confirmed_on": agreement.confirmed_on.isoformat() if agreement.confirmed_on else None},
    )
    await emit_agreement(session, "agreement.confirmed", agreement, day)
    if agreement.confirmed_on is not None and agreement.amends_id is not None:
        await _supersede(session, agreement, day)
    return agreement


async def _supersede(session: AsyncSession, successor: PartnershipAgreement, day: date) -> None:
    previous = await load(session, successor.amends_id)  # type: ignore[arg-type]
    state = agreement_status(previous, day)
    if not may(Action.supersede, state, Actor.successor):
        return  # it ended on its own (expired or terminated) before the amendment came in force
    previous.superseded_on = in_force_from(successor)
    previous.status_recorded = agreement_status(previous, day).value
    await session.flush()
    await emit_agreement(session, "agreement.superseded", previous, day)


async def terminate(
    session: AsyncSession, *, agreement: PartnershipAgreement, actor: Principal, reason: str, day: date
) -> PartnershipAgreement:
    _check(Action.terminate, agreement, access.agreement_actor(agreement, actor), day)
    agreement.terminated_on = day
    agreement.termination_reason = reason
    agreement.status_recorded = Status.terminated.value
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=schemas.AuditAction.agreement_terminated,
        target_type="agreement",
        target_id=agreement.id,
        target_institution_id=actor.institution_id,
        after={"terminated_on": day.isoformat()},
    )
    await emit_agreement(session, "agreement.terminated", agreement, day)
    return agreement


def version_read(agreement: PartnershipAgreement, day: date) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "partnership_id": agreement.partnership_id,
        "number": agreement.number,
        "amends_id": agreement.amends_id,
        "title": agreement.title,
        "document_number": agreement.document_number,
        "text": agreement.scope,
        "annexes": agreement.annexes or [],
        "valid_from": agreement.valid_from,
        "valid_to": agreement.valid_to,
        "party_ids": agreement.party_ids,
        "status": agreement_status(agreement, day),
        "confirmed_on": agreement.confirmed_on,
        "terminated_on": agreement.terminated_on,
        "termination_reason": agreement.termination_reason,
        "superseded_on": agreement.superseded_on,
        "confirmations": agreement.confirmations,
        "version": agreement.version,
    }
