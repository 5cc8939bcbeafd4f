"""Business rules for institutions, territories, the service catalogue and offers (agreements:
:mod:`splot.directory.partnerships.recorded`)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

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
from splot.directory.models import Institution, ServiceOffer, ServiceType

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
