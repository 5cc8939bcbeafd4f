"""Agreements recorded through ``POST /v1/agreements`` (the API from before partnerships, kept
for its clients): one party records the agreement and with it its own confirmation; it is pending
until every other party confirms (``POST /v1/agreements/{id}/confirmations``, in
:mod:`splot.directory.partnerships.agreements`). A partnership's agreements are listed here too,
for its parties only."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.events import emit
from splot.common.pagination import paginate
from splot.directory import schemas
from splot.directory.models import AgreementConfirmation, Institution, PartnershipAgreement
from splot.directory.partnerships import agreements as partnership_agreements


def agreement_read(agreement: PartnershipAgreement) -> schemas.AgreementRead:
    return schemas.AgreementRead.model_validate(agreement)


def agreement_event_payload(agreement: PartnershipAgreement) -> dict[str, Any]:
    return partnership_agreements.event_payload(agreement, utcnow().date())


async def _load_agreement(session: AsyncSession, agreement_id: uuid.UUID) -> PartnershipAgreement:
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


async def create_agreement(
    session: AsyncSession, *, data: schemas.AgreementCreate, actor: Principal
) -> PartnershipAgreement:
    if not actor.has_role(Role.system_admin):
        if not actor.has_role(Role.institution_admin, Role.coordinator):
            raise forbidden("only coordinators and administrators record agreements")
        if actor.institution_id not in data.party_ids:
            raise forbidden("you can only record agreements your institution is party to")
    parties = list(
        (await session.scalars(select(Institution).where(Institution.id.in_(data.party_ids)))).all()
    )
    if len(parties) != len(data.party_ids):
        raise Problem(422, "unknown_institution", "a party is not a registered institution")
    creator = actor.institution_id if actor.institution_id in data.party_ids else data.party_ids[0]
    agreement = PartnershipAgreement(
        title=data.title,
        document_number=data.document_number,
        scope=data.scope,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        created_by_institution_id=creator,
        parties=parties,
        confirmations=[],
    )
    # Recording it is the recording party's confirmation; the others confirm in turn
    # (POST /v1/agreements/{id}/confirmations): pending until every party has.
    if actor.institution_id in data.party_ids:
        role = Role.institution_admin if actor.has_role(Role.institution_admin) else Role.coordinator
        agreement.confirmations.append(
            AgreementConfirmation(
                institution_id=actor.institution_id,
                confirmed_by_subject=actor.subject,
                confirmed_by_role=role.value,
            )
        )
    session.add(agreement)
    await session.flush()
    await emit(
        session,
        "agreement.created",
        aggregate_type="agreement",
        aggregate_id=agreement.id,
        payload=agreement_event_payload(agreement),
    )
    return agreement


async def get_agreement(
    session: AsyncSession, *, agreement_id: uuid.UUID, viewer: Principal | None = None
) -> PartnershipAgreement:
    agreement = await _load_agreement(session, agreement_id)
    if (
        viewer is not None
        and agreement.partnership_id is not None
        and viewer.institution_id not in {p.id for p in agreement.parties}
    ):
        raise not_found("agreement")
    return agreement


async def list_agreements(
    session: AsyncSession,
    *,
    institution_id: uuid.UUID | None,
    in_force_on: date | None,
    cursor: str | None,
    limit: int | None,
    viewer: Principal | None = None,
) -> tuple[list[PartnershipAgreement], str | None]:
    stmt: Select[Any] = select(PartnershipAgreement).options(selectinload(PartnershipAgreement.parties))
    if viewer is not None:
        # A partnership's agreements are its parties' (others see the partnership's summary).
        stmt = stmt.where(
            or_(
                PartnershipAgreement.partnership_id.is_(None),
                PartnershipAgreement.parties.any(Institution.id == viewer.institution_id),
            )
        )
    if institution_id is not None:
        stmt = stmt.where(PartnershipAgreement.parties.any(Institution.id == institution_id))
    if in_force_on is not None:
        stmt = stmt.where(
            PartnershipAgreement.valid_from <= in_force_on,
            or_(PartnershipAgreement.valid_to.is_(None), PartnershipAgreement.valid_to >= in_force_on),
            PartnershipAgreement.confirmed_on <= in_force_on,
            or_(
                PartnershipAgreement.terminated_on.is_(None), PartnershipAgreement.terminated_on > in_force_on
            ),
            or_(
                PartnershipAgreement.superseded_on.is_(None), PartnershipAgreement.superseded_on > in_force_on
            ),
        )
    return await paginate(
        session,
        stmt,
        order_by=[PartnershipAgreement.valid_from, PartnershipAgreement.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def update_agreement(
    session: AsyncSession,
    *,
    agreement_id: uuid.UUID,
    data: schemas.AgreementUpdate,
    actor: Principal,
    if_match: str | None,
) -> PartnershipAgreement:
    agreement = await get_agreement(session, agreement_id=agreement_id, viewer=actor)
    if agreement.partnership_id is not None:
        raise Problem(409, "partnership_agreement", "a partnership's agreement changes by an amendment")
    party_ids = {p.id for p in agreement.parties}
    if not actor.has_role(Role.system_admin) and not (
        actor.has_role(Role.institution_admin, Role.coordinator) and actor.institution_id in party_ids
    ):
        raise forbidden("only a party's coordinators and administrators may change the agreement")
    check_if_match(if_match, agreement.id, agreement.version)
    changes = data.model_dump(exclude_unset=True)
    if (
        "valid_to" in changes
        and changes["valid_to"] is not None
        and changes["valid_to"] < agreement.valid_from
    ):
        raise Problem(422, "invalid_period", "valid_to cannot be before valid_from")
    if agreement.confirmed_on is not None and changes:
        raise Problem(
            409, "agreement_confirmed", "every party confirmed this text: amend it with a new version"
        )
    for field, value in changes.items():
        setattr(agreement, field, value)
    if changes:
        # The others confirmed another text: only the changing party's confirmation stays.
        agreement.confirmations = [
            c for c in agreement.confirmations if c.institution_id == actor.institution_id
        ]
    await session.flush()
    await emit(
        session,
        "agreement.updated",
        aggregate_type="agreement",
        aggregate_id=agreement.id,
        payload=agreement_event_payload(agreement),
    )
    return agreement
