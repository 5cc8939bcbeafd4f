"""Business rules for institutions, territories, the service catalogue, offers and agreements."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from splot.common import teryt
from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.events import emit
from splot.common.pagination import paginate
from splot.directory import (
    audit,
    events,  # noqa: F401  (declares the event types emitted here)
    revocations,
    schemas,
)
from splot.directory.config import DirectorySettings
from splot.directory.models import Institution, PartnershipAgreement, ServiceOffer, ServiceType

# Fields an institution's own admin may change; the rest (name, identifiers, seat, active) are
# the system administrator's, since other institutions rely on them.
_SELF_SERVICE_FIELDS = {"short_name", "street", "postal_code", "city", "email", "phone", "website"}


def institution_event_payload(inst: Institution) -> dict[str, Any]:
    return {
        "id": str(inst.id),
        "type": inst.type,
        "name": inst.name,
        "teryt": inst.teryt,
        "powiat_code": inst.teryt[:4],
        "voivodeship_code": inst.teryt[:2],
        "active": inst.active,
        "version": inst.version,
    }


def institution_read(inst: Institution) -> schemas.InstitutionRead:
    return schemas.InstitutionRead.model_validate(inst)


async def _unique_regon(session: AsyncSession, regon: str | None, exclude: uuid.UUID | None = None) -> None:
    if regon is None:
        return
    stmt = select(Institution.id).where(Institution.regon == regon)
    if exclude is not None:
        stmt = stmt.where(Institution.id != exclude)
    if (await session.scalars(stmt)).first() is not None:
        raise Problem(409, "duplicate_regon", "an institution with this REGON is already registered")


async def create_institution(
    session: AsyncSession, *, data: schemas.InstitutionCreate, actor: Principal
) -> Institution:
    await _unique_regon(session, data.regon)
    inst = Institution(**data.model_dump())
    session.add(inst)
    await session.flush()
    await audit.record(
        session,
        actor=actor,
        action=audit.Action.institution_created,
        target_type="institution",
        target_id=inst.id,
        target_institution_id=inst.id,
        after={"type": inst.type, "teryt": inst.teryt},
    )
    await emit(
        session,
        "institution.created",
        aggregate_type="institution",
        aggregate_id=inst.id,
        payload=institution_event_payload(inst),
    )
    return inst


async def get_institution(session: AsyncSession, *, institution_id: uuid.UUID) -> Institution:
    inst = await session.get(Institution, institution_id)
    if inst is None:
        raise not_found("institution")
    return inst


async def list_institutions(
    session: AsyncSession,
    *,
    type: schemas.InstitutionType | None,
    teryt_prefix: str | None,
    q: str | None,
    active: bool | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[Institution], str | None]:
    stmt: Select[Any] = select(Institution)
    if type is not None:
        stmt = stmt.where(Institution.type == type.value)
    if teryt_prefix:
        stmt = stmt.where(Institution.teryt.startswith(teryt_prefix, autoescape=True))
    if q:
        pattern = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(func.lower(Institution.name).like(pattern), func.lower(Institution.short_name).like(pattern))
        )
    if active is not None:
        stmt = stmt.where(Institution.active.is_(active))
    return await paginate(
        session, stmt, order_by=[Institution.name, Institution.id], cursor=cursor, limit=limit
    )


async def update_institution(
    session: AsyncSession,
    *,
    settings: DirectorySettings,
    institution_id: uuid.UUID,
    data: schemas.InstitutionUpdate,
    actor: Principal,
    if_match: str | None,
) -> Institution:
    inst = await get_institution(session, institution_id=institution_id)
    changes = data.model_dump(exclude_unset=True)
    if not actor.has_role(Role.system_admin):
        if not (actor.has_role(Role.institution_admin) and actor.institution_id == inst.id):
            raise forbidden("only the institution's own administrator may change it")
        locked = set(changes) - _SELF_SERVICE_FIELDS
        if locked:
            raise forbidden(
                "these fields are managed by the system administrator: " + ", ".join(sorted(locked))
            )
    check_if_match(if_match, inst.id, inst.version)
    if "regon" in changes:
        await _unique_regon(session, changes["regon"], exclude=inst.id)
    was_active = inst.active
    for field, value in changes.items():
        setattr(inst, field, value)
    await session.flush()
    if was_active != inst.active:
        await _audit_activity(session, settings=settings, actor=actor, inst=inst)
    await emit(
        session,
        "institution.updated",
        aggregate_type="institution",
        aggregate_id=inst.id,
        payload=institution_event_payload(inst),
    )
    return inst


async def _audit_activity(
    session: AsyncSession, *, settings: DirectorySettings, actor: Principal, inst: Institution
) -> None:
    if not inst.active:
        # Its staff's and systems' access tokens issued until now stop working at once.
        await revocations.revoke(
            session, settings=settings, kind="institution", value=str(inst.id), not_after=utcnow()
        )
    await audit.record(
        session,
        actor=actor,
        action=audit.Action.institution_activated if inst.active else audit.Action.institution_deactivated,
        target_type="institution",
        target_id=inst.id,
        target_institution_id=inst.id,
        before={"active": not inst.active},
        after={"active": inst.active},
    )


def list_territories(*, level: teryt.Level | None, parent: str | None) -> list[teryt.Territory]:
    register = teryt.register()
    if parent is not None and register.get(parent) is None:
        raise not_found("territory")
    return register.list(level=level, parent=parent)


def get_territory(*, code: str) -> teryt.Territory:
    territory = teryt.register().get(code)
    if territory is None:
        raise not_found("territory")
    return territory


async def list_service_types(session: AsyncSession) -> list[ServiceType]:
    return list(
        (await session.scalars(select(ServiceType).order_by(ServiceType.category, ServiceType.code))).all()
    )


def _may_manage_offers(actor: Principal, institution_id: uuid.UUID) -> bool:
    if actor.has_role(Role.system_admin):
        return True
    if actor.institution_id != institution_id:
        return False
    return actor.has_role(Role.institution_admin, Role.coordinator) or actor.has_scope("offers:write")


def offer_event_payload(offer: ServiceOffer) -> dict[str, Any]:
    return {
        "id": str(offer.id),
        "institution_id": str(offer.institution_id),
        "service_type_code": offer.service_type_code,
        "teryt": offer.teryt,
        "capacity_available": offer.capacity_available,
        "capacity_max": offer.capacity_max,
        "active": offer.active,
        "version": offer.version,
    }


async def create_offer(
    session: AsyncSession, *, institution_id: uuid.UUID, data: schemas.OfferCreate, actor: Principal
) -> ServiceOffer:
    inst = await get_institution(session, institution_id=institution_id)
    if not _may_manage_offers(actor, inst.id):
        raise forbidden("only the institution's own staff may publish its offers")
    service_type = await session.get(ServiceType, data.service_type_code)
    if service_type is None or not service_type.active:
        raise Problem(422, "unknown_service_type", "no such service type in the catalogue")
    values = data.model_dump()
    values["teryt"] = values["teryt"] or inst.teryt
    offer = ServiceOffer(institution_id=inst.id, **values)
    if data.capacity_available is not None or data.capacity_max is not None:
        offer.capacity_updated_at = utcnow()
    session.add(offer)
    await session.flush()
    await emit(
        session,
        "offer.created",
        aggregate_type="offer",
        aggregate_id=offer.id,
        payload=offer_event_payload(offer),
    )
    return offer


async def get_offer(session: AsyncSession, *, offer_id: uuid.UUID) -> ServiceOffer:
    offer = await session.get(ServiceOffer, offer_id)
    if offer is None:
        raise not_found("offer")
    return offer


async def list_offers(
    session: AsyncSession,
    *,
    institution_id: uuid.UUID | None,
    service_type_code: str | None,
    teryt_prefix: str | None,
    active: bool | None,
    with_capacity: bool | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[ServiceOffer], str | None]:
    stmt: Select[Any] = select(ServiceOffer)
    if institution_id is not None:
        stmt = stmt.where(ServiceOffer.institution_id == institution_id)
    if service_type_code:
        stmt = stmt.where(ServiceOffer.service_type_code == service_type_code)
    if teryt_prefix:
        stmt = stmt.where(ServiceOffer.teryt.startswith(teryt_prefix, autoescape=True))
    if active is not None:
        stmt = stmt.where(ServiceOffer.active.is_(active))
    if with_capacity:
        stmt = stmt.where(or_(ServiceOffer.capacity_available.is_(None), ServiceOffer.capacity_available > 0))
    return await paginate(
        session, stmt, order_by=[ServiceOffer.name, ServiceOffer.id], cursor=cursor, limit=limit
    )


async def update_offer(
    session: AsyncSession,
    *,
    offer_id: uuid.UUID,
    data: schemas.OfferUpdate,
    actor: Principal,
    if_match: str | None,
) -> ServiceOffer:
    offer = await get_offer(session, offer_id=offer_id)
    if not _may_manage_offers(actor, offer.institution_id):
        raise forbidden("only the institution's own staff may change its offers")
    check_if_match(if_match, offer.id, offer.version)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(offer, field, value)
    await session.flush()
    await emit(
        session,
        "offer.updated",
        aggregate_type="offer",
        aggregate_id=offer.id,
        payload=offer_event_payload(offer),
    )
    return offer


async def set_capacity(
    session: AsyncSession, *, offer_id: uuid.UUID, data: schemas.CapacityUpdate, actor: Principal
) -> ServiceOffer:
    """Capacity is a live counter reported by the provider: last write wins, no If-Match needed."""
    offer = await get_offer(session, offer_id=offer_id)
    if not _may_manage_offers(actor, offer.institution_id):
        raise forbidden("only the institution's own staff may report its capacity")
    maximum = data.capacity_max if data.capacity_max is not None else offer.capacity_max
    if maximum is not None and data.capacity_available > maximum:
        raise Problem(422, "capacity_exceeds_maximum", "available capacity cannot exceed the maximum")
    offer.capacity_available = data.capacity_available
    offer.capacity_max = maximum
    offer.capacity_updated_at = utcnow()
    await session.flush()
    await emit(
        session,
        "offer.capacity_changed",
        aggregate_type="offer",
        aggregate_id=offer.id,
        payload=offer_event_payload(offer),
    )
    return offer


def agreement_read(agreement: PartnershipAgreement) -> schemas.AgreementRead:
    return schemas.AgreementRead.model_validate(agreement)


def agreement_event_payload(agreement: PartnershipAgreement) -> dict[str, Any]:
    return {
        "id": str(agreement.id),
        "party_ids": sorted(str(p.id) for p in agreement.parties),
        "valid_from": agreement.valid_from.isoformat(),
        "valid_to": agreement.valid_to.isoformat() if agreement.valid_to else None,
        "version": agreement.version,
    }


async def _load_agreement(session: AsyncSession, agreement_id: uuid.UUID) -> PartnershipAgreement:
    agreement = (
        await session.scalars(
            select(PartnershipAgreement)
            .options(selectinload(PartnershipAgreement.parties))
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


async def get_agreement(session: AsyncSession, *, agreement_id: uuid.UUID) -> PartnershipAgreement:
    return await _load_agreement(session, agreement_id)


async def list_agreements(
    session: AsyncSession,
    *,
    institution_id: uuid.UUID | None,
    in_force_on: date | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[PartnershipAgreement], str | None]:
    stmt: Select[Any] = select(PartnershipAgreement).options(selectinload(PartnershipAgreement.parties))
    if institution_id is not None:
        stmt = stmt.where(PartnershipAgreement.parties.any(Institution.id == institution_id))
    if in_force_on is not None:
        stmt = stmt.where(
            PartnershipAgreement.valid_from <= in_force_on,
            or_(PartnershipAgreement.valid_to.is_(None), PartnershipAgreement.valid_to >= in_force_on),
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
    agreement = await _load_agreement(session, agreement_id)
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
    for field, value in changes.items():
        setattr(agreement, field, value)
    await session.flush()
    await emit(
        session,
        "agreement.updated",
        aggregate_type="agreement",
        aggregate_id=agreement.id,
        payload=agreement_event_payload(agreement),
    )
    return agreement
