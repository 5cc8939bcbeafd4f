"""HTTP layer of the directory: institutions, territories, catalogue, offers and agreements
(accounts, API clients, the audit log and token revocations are in :mod:`accounts_router`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from splot.common import teryt
from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit, settings_of
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles, require_service
from splot.common.db import SessionDep, utcnow
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.teryt import Level
from splot.common.validation import IsoDate
from splot.directory import legal_bases, occupancy, schemas, service
from splot.directory.config import DirectorySettings
from splot.directory.partnerships import recorded

router = APIRouter(prefix="/v1")

#: The scope of the referrals service's client credentials for occupancy deliveries.
OCCUPANCY_SCOPE = "directory:occupancy"

SystemAdmin = Annotated[Principal, Depends(require_roles(Role.system_admin))]
Staff = Annotated[Principal, Depends(require_roles(*Role))]


@router.get(
    "/territories", response_model=schemas.TerritoryList, tags=["territories"], responses=READ_RESPONSES
)
async def list_territories(
    _: CurrentPrincipal,
    level: Level | None = None,
    parent: Annotated[
        str | None, Query(pattern=r"^\d{2}(\d{2})?$", description="Voivodeship or powiat code")
    ] = None,
) -> schemas.TerritoryList:
    """Voivodeships, powiats and gminas of the bundled TERYT register."""
    items = service.list_territories(level=level, parent=parent)
    return schemas.TerritoryList(
        items=[schemas.TerritoryRead.model_validate(t) for t in items], as_of=teryt.register().as_of
    )


@router.get(
    "/territories/{code}",
    response_model=schemas.TerritoryRead,
    tags=["territories"],
    responses=READ_RESPONSES,
)
async def get_territory(
    _: CurrentPrincipal, code: Annotated[str, Path(pattern=r"^\d{2,7}$")]
) -> schemas.TerritoryRead:
    """One territory by its TERYT code."""
    return schemas.TerritoryRead.model_validate(service.get_territory(code=code))


@router.get(
    "/service-types", response_model=schemas.ServiceTypeList, tags=["catalogue"], responses=LIST_RESPONSES
)
async def list_service_types(session: SessionDep, _: CurrentPrincipal) -> schemas.ServiceTypeList:
    """The catalogue of service types a referral can be about."""
    items = await service.list_service_types(session)
    return schemas.ServiceTypeList(items=[schemas.ServiceTypeRead.model_validate(i) for i in items])


@router.get(
    "/legal-bases", response_model=schemas.LegalBasisList, tags=["catalogue"], responses=LIST_RESPONSES
)
async def list_legal_bases(
    session: SessionDep,
    _: CurrentPrincipal,
    institution_type: schemas.InstitutionType | None = None,
    service_type: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,47}$")] = None,
    active: bool | None = None,
) -> schemas.LegalBasisList:
    """The catalogue of statutory legal bases: provisions of Polish law, the institution types
    whose task each is and the service types it covers (an empty list: every one). Filtered by
    institution type and service type, it lists what such a sender may cite for such a referral."""
    items = await legal_bases.list_legal_bases(
        session,
        institution_type=institution_type.value if institution_type else None,
        service_type=service_type,
        active=active,
    )
    return schemas.LegalBasisList(items=[schemas.LegalBasisRead.model_validate(i) for i in items])


@router.get(
    "/institutions", response_model=schemas.InstitutionPage, tags=["institutions"], responses=LIST_RESPONSES
)
async def list_institutions(
    session: SessionDep,
    _: CurrentPrincipal,
    type: schemas.InstitutionType | None = None,
    teryt: Annotated[
        str | None, Query(pattern=r"^\d{2,7}$", description="Code prefix: voivodeship, powiat or gmina")
    ] = None,
    q: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    active: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.InstitutionPage:
    """Search the directory of institutions."""
    items, next_cursor = await service.list_institutions(
        session, type=type, teryt_prefix=teryt, q=q, active=active, cursor=cursor, limit=limit
    )
    return schemas.InstitutionPage(
        items=[service.institution_read(i) for i in items], next_cursor=next_cursor
    )


@router.post(
    "/institutions",
    response_model=schemas.InstitutionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["institutions"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_institution(
    session: SessionDep, actor: SystemAdmin, data: schemas.InstitutionCreate, response: Response
) -> schemas.InstitutionRead:
    """Register an institution (system administrators)."""
    inst = await service.create_institution(session, data=data, actor=actor)
    set_etag(response, inst.id, inst.version)
    response.headers["Location"] = f"institutions/{inst.id}"
    return service.institution_read(inst)


@router.get(
    "/institutions/{institution_id}",
    response_model=schemas.InstitutionRead,
    tags=["institutions"],
    responses=READ_RESPONSES,
)
async def get_institution(
    session: SessionDep, _: CurrentPrincipal, institution_id: uuid.UUID, response: Response
) -> schemas.InstitutionRead:
    """One institution."""
    inst = await service.get_institution(session, institution_id=institution_id)
    set_etag(response, inst.id, inst.version)
    return service.institution_read(inst)


@router.patch(
    "/institutions/{institution_id}",
    response_model=schemas.InstitutionRead,
    tags=["institutions"],
    responses=WRITE_RESPONSES,
)
async def update_institution(
    *,
    session: SessionDep,
    actor: CurrentPrincipal,
    institution_id: uuid.UUID,
    data: schemas.InstitutionUpdate,
    if_match: IfMatch = None,
    settings: Annotated[DirectorySettings, Depends(settings_of(DirectorySettings))],
    response: Response,
) -> schemas.InstitutionRead:
    """Change an institution (its administrator: contact data; system administrators: all).
    Deactivating it ends its staff's and systems' access at once."""
    inst = await service.update_institution(
        session,
        settings=settings,
        institution_id=institution_id,
        data=data,
        actor=actor,
        if_match=if_match,
    )
    set_etag(response, inst.id, inst.version)
    return service.institution_read(inst)


@router.get("/offers", response_model=schemas.OfferPage, tags=["offers"], responses=LIST_RESPONSES)
async def list_offers(
    session: SessionDep,
    _: CurrentPrincipal,
    institution_id: uuid.UUID | None = None,
    service_type: Annotated[str | None, Query(max_length=48)] = None,
    teryt: Annotated[str | None, Query(pattern=r"^\d{2,7}$")] = None,
    active: bool | None = True,
    with_capacity: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.OfferPage:
    """Find service offers by provider, service type, territory and free capacity."""
    items, next_cursor = await service.list_offers(
        session,
        institution_id=institution_id,
        service_type_code=service_type,
        teryt_prefix=teryt,
        active=active,
        with_capacity=with_capacity,
        cursor=cursor,
        limit=limit,
    )
    return schemas.OfferPage(
        items=[schemas.OfferRead.model_validate(o) for o in items], next_cursor=next_cursor
    )


@router.post(
    "/institutions/{institution_id}/offers",
    response_model=schemas.OfferRead,
    status_code=status.HTTP_201_CREATED,
    tags=["offers"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_offer(
    session: SessionDep,
    actor: CurrentPrincipal,
    institution_id: uuid.UUID,
    data: schemas.OfferCreate,
    response: Response,
) -> schemas.OfferRead:
    """Publish a service offer of your institution."""
    offer = await service.create_offer(session, institution_id=institution_id, data=data, actor=actor)
    set_etag(response, offer.id, offer.version)
    response.headers["Location"] = f"../../offers/{offer.id}"  # /v1/offers/{id}
    return schemas.OfferRead.model_validate(offer)


@router.get("/offers/{offer_id}", response_model=schemas.OfferRead, tags=["offers"], responses=READ_RESPONSES)
async def get_offer(
    session: SessionDep, _: CurrentPrincipal, offer_id: uuid.UUID, response: Response
) -> schemas.OfferRead:
    """One service offer."""
    offer = await service.get_offer(session, offer_id=offer_id)
    set_etag(response, offer.id, offer.version)
    return schemas.OfferRead.model_validate(offer)


@router.patch(
    "/offers/{offer_id}", response_model=schemas.OfferRead, tags=["offers"], responses=WRITE_RESPONSES
)
async def update_offer(
    *,
    session: SessionDep,
    actor: CurrentPrincipal,
    offer_id: uuid.UUID,
    data: schemas.OfferUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.OfferRead:
    """Change a service offer of your institution."""
    offer = await service.update_offer(session, offer_id=offer_id, data=data, actor=actor, if_match=if_match)
    set_etag(response, offer.id, offer.version)
    return schemas.OfferRead.model_validate(offer)


@router.put(
    "/offers/{offer_id}/capacity",
    response_model=schemas.OfferRead,
    tags=["offers"],
    responses={**WRITE_RESPONSES, **etag_on(200)},
)
async def set_capacity(
    session: SessionDep,
    actor: CurrentPrincipal,
    offer_id: uuid.UUID,
    data: schemas.CapacityUpdate,
    response: Response,
) -> schemas.OfferRead:
    """Report the offer's current free places."""
    offer = await service.set_capacity(session, offer_id=offer_id, data=data, actor=actor)
    set_etag(response, offer.id, offer.version)
    return schemas.OfferRead.model_validate(offer)


@router.get(
    "/agreements", response_model=schemas.AgreementPage, tags=["agreements"], responses=LIST_RESPONSES
)
async def list_agreements(
    session: SessionDep,
    actor: Staff,
    institution_id: uuid.UUID | None = None,
    in_force_on: IsoDate | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AgreementPage:
    """Partnership agreements, by party and date in force (confirmed by every party; a
    partnership's agreements only for its parties)."""
    items, next_cursor = await recorded.list_agreements(
        session,
        institution_id=institution_id,
        in_force_on=in_force_on,
        cursor=cursor,
        limit=limit,
        viewer=actor,
    )
    return schemas.AgreementPage(items=[recorded.agreement_read(a) for a in items], next_cursor=next_cursor)


@router.post(
    "/agreements",
    response_model=schemas.AgreementRead,
    status_code=status.HTTP_201_CREATED,
    tags=["agreements"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_agreement(
    session: SessionDep, actor: Staff, data: schemas.AgreementCreate, response: Response
) -> schemas.AgreementRead:
    """Record a partnership agreement your institution is party to."""
    agreement = await recorded.create_agreement(session, data=data, actor=actor)
    set_etag(response, agreement.id, agreement.version)
    response.headers["Location"] = f"agreements/{agreement.id}"
    return recorded.agreement_read(agreement)


@router.get(
    "/agreements/{agreement_id}",
    response_model=schemas.AgreementRead,
    tags=["agreements"],
    responses=READ_RESPONSES,
)
async def get_agreement(
    session: SessionDep, actor: Staff, agreement_id: uuid.UUID, response: Response
) -> schemas.AgreementRead:
    """One partnership agreement (a partnership's: its parties only)."""
    agreement = await recorded.get_agreement(session, agreement_id=agreement_id, viewer=actor)
    set_etag(response, agreement.id, agreement.version)
    return recorded.agreement_read(agreement)


@router.patch(
    "/agreements/{agreement_id}",
    response_model=schemas.AgreementRead,
    tags=["agreements"],
    responses=WRITE_RESPONSES,
)
async def update_agreement(
    *,
    session: SessionDep,
    actor: Staff,
    agreement_id: uuid.UUID,
    data: schemas.AgreementUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.AgreementRead:
    """Change an agreement's title, scope or end date (a party's coordinators and admins)."""
    agreement = await recorded.update_agreement(
        session, agreement_id=agreement_id, data=data, actor=actor, if_match=if_match
    )
    set_etag(response, agreement.id, agreement.version)
    return recorded.agreement_read(agreement)


@router.put(
    "/internal/offer-occupancy/{referral_id}",
    response_model=schemas.OccupancyRead,
    tags=["internal"],
    responses=WRITE_RESPONSES,
)
async def put_offer_occupancy(
    session: SessionDep,
    _: Annotated[Principal, Depends(require_service(OCCUPANCY_SCOPE))],
    referral_id: uuid.UUID,
    data: schemas.OccupancyState,
) -> schemas.OccupancyRead:
    """Whether a referral occupies a place of an offer, as of the referral's version (the
    referrals service only: a service token with ``directory:occupancy``). Idempotent; a state
    not newer than the one recorded changes nothing (``applied: false``)."""
    return await occupancy.record(session, referral_id=referral_id, data=data, now=utcnow())
