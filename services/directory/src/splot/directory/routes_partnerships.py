"""HTTP layer of local partnerships: the partnership, invitations, parties and roles, agreement
versions with their confirmations and termination (the plan, meetings and evaluations are in
:mod:`routes_partnership_work`)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from sqlalchemy.orm.exc import StaleDataError

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import Principal, Role, require_roles
from splot.common.db import SessionDep, utcnow
from splot.common.errors import Problem, not_found
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.directory.models import PartnershipAgreement
from splot.directory.partnerships import access, agreements, core
from splot.directory.partnerships import schemas as ps

router = APIRouter(prefix="/v1")
#: A confirmation that lost a race with another party's is tried again this many times in all.
_CONFIRM_ATTEMPTS = 5
Staff = Annotated[Principal, Depends(require_roles(*Role))]
Rel = access.Relation


async def _full(
    session: SessionDep, partnership_id: uuid.UUID, actor: Principal, response: Response
) -> ps.PartnershipRead:
    day = utcnow().date()
    partnership, rel = await access.visible(session, partnership_id, actor, day, at_least=Rel.invited)
    set_etag(response, partnership.id, partnership.version)
    return await core.read(session, partnership, rel, day)


@router.get(
    "/partnerships", response_model=ps.PartnershipPage, tags=["partnerships"], responses=LIST_RESPONSES
)
async def list_partnerships(
    session: SessionDep, actor: Staff, cursor: Cursor = None, limit: Limit = None
) -> ps.PartnershipPage:
    """Partnerships your institution is party to or invited to; analysts: those led from their
    territory (summary only)."""
    day = utcnow().date()
    items, next_cursor = await core.list_visible(session, actor=actor, day=day, cursor=cursor, limit=limit)
    return ps.PartnershipPage(
        items=[await core.summary(session, p, day) for p in items], next_cursor=next_cursor
    )


@router.post(
    "/partnerships",
    response_model=ps.PartnershipRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_partnership(
    session: SessionDep, actor: Staff, data: ps.PartnershipCreate, response: Response
) -> ps.PartnershipRead:
    """Propose a partnership (your institution's administrator or coordinator): why, the area,
    the institutions invited. Your institution is its first party and leader."""
    partnership = await core.create(session, data=data, actor=actor, day=utcnow().date())
    response.headers["Location"] = f"partnerships/{partnership.id}"
    return await _full(session, partnership.id, actor, response)


@router.get(
    "/partnerships/{partnership_id}/summary",
    response_model=ps.PartnershipSummary,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def get_partnership_summary(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID
) -> ps.PartnershipSummary:
    """That the partnership exists, its area, status and parties (also for analysts)."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.summary)
    return await core.summary(session, partnership, day)


@router.get(
    "/partnerships/{partnership_id:uuid}",
    response_model=ps.PartnershipRead,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def get_partnership(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, response: Response
) -> ps.PartnershipRead:
    """The partnership (parties; invited institutions: the initiative and agreement texts only)."""
    return await _full(session, partnership_id, actor, response)


@router.patch(
    "/partnerships/{partnership_id:uuid}",
    response_model=ps.PartnershipRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def update_partnership(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.PartnershipUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> ps.PartnershipRead:
    """Change the name, purpose, area, leader or coordinator (a party's administrator or
    coordinator, or the partnership's coordinator)."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.invited)
    await core.update(session, partnership=partnership, data=data, actor=actor, if_match=if_match, day=day)
    return await _full(session, partnership_id, actor, response)


@router.post(
    "/partnerships/{partnership_id}/invitations",
    response_model=ps.PartnershipRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def invite(
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.InvitationCreate,
    response: Response,
) -> ps.PartnershipRead:
    """Invite another institution."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.invited)
    await core.invite(
        session, partnership=partnership, institution_id=data.institution_id, actor=actor, day=day
    )
    return await _full(session, partnership_id, actor, response)


@router.put(
    "/partnerships/{partnership_id}/invitation",
    response_model=ps.PartnershipRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def answer_invitation(
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.InvitationAnswer,
    response: Response,
) -> ps.PartnershipRead:
    """Accept (your institution joins today) or decline your institution's invitation."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.invited)
    await core.answer(session, partnership=partnership, accept=data.accept, actor=actor, day=day)
    if not data.accept:
        set_etag(response, partnership.id, partnership.version)
        return await core.read(session, partnership, Rel.invited, day)
    return await _full(session, partnership_id, actor, response)


@router.patch(
    "/partnerships/{partnership_id}/parties/{institution_id}",
    response_model=ps.PartnershipRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def update_party(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    institution_id: uuid.UUID,
    data: ps.PartyUpdate,
    response: Response,
) -> ps.PartnershipRead:
    """Your party's contact person, or the day it leaves the partnership."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.party)
    await core.update_party(
        session, partnership=partnership, institution_id=institution_id, data=data, actor=actor, day=day
    )
    # Read as the party it was (leaving today ends its view after this answer).
    set_etag(response, partnership.id, partnership.version)
    return await core.read(session, partnership, Rel.party, day)


@router.post(
    "/partnerships/{partnership_id}/agreements",
    response_model=ps.AgreementVersionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def create_agreement_version(
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.AgreementVersionCreate,
    response: Response,
) -> ps.AgreementVersionRead:
    """The agreement's text and annexes (or an amendment: ``amends_id``), naming the current
    parties; pending until every one confirms."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=Rel.party)
    agreement = await agreements.create_version(
        session, partnership=partnership, data=data, actor=actor, day=day
    )
    response.headers["Location"] = f"../../agreements/{agreement.id}/version"  # /v1/agreements/{id}/version
    return ps.AgreementVersionRead.model_validate(
        agreements.version_read(await agreements.load(session, agreement.id), day)
    )


async def _visible_agreement(
    session: SessionDep, agreement_id: uuid.UUID, actor: Principal
) -> PartnershipAgreement:
    """A partnership's agreement is seen by its parties and invited institutions only; one
    recorded by itself by every staff member (as before partnerships)."""
    agreement = await agreements.load(session, agreement_id)
    if agreement.partnership_id is not None:
        try:
            await access.visible(
                session, agreement.partnership_id, actor, utcnow().date(), at_least=Rel.invited
            )
        except Problem as exc:
            raise not_found("agreement") from exc
    return agreement


@router.post(
    "/agreements/{agreement_id}/confirmations",
    response_model=ps.AgreementVersionRead,
    tags=["agreements"],
    responses=WRITE_RESPONSES,
)
async def confirm_agreement(
    session: SessionDep, actor: Staff, agreement_id: uuid.UUID, response: Response
) -> ps.AgreementVersionRead:
    """Your institution confirms the agreement (its administrator or coordinator; dated and
    audited). In force once every party has, from its first day. Parties confirming at the same
    moment are taken one after the other (no If-Match: a confirmation does not depend on what the
    caller read)."""
    day = utcnow().date()
    for attempt in range(_CONFIRM_ATTEMPTS):
        agreement = await _visible_agreement(session, agreement_id, actor)
        try:
            await agreements.confirm(session, agreement=agreement, actor=actor, day=day)
            break
        except StaleDataError:
            # Another party's confirmation committed since we read the agreement: read it again
            # (the last confirmation must see every other one, or the agreement stays pending).
            await session.rollback()
            if attempt == _CONFIRM_ATTEMPTS - 1:
                raise
    agreement = await agreements.load(session, agreement_id)
    set_etag(response, agreement.id, agreement.version)
    return ps.AgreementVersionRead.model_validate(agreements.version_read(agreement, day))


@router.post(
    "/agreements/{agreement_id}/termination",
    response_model=ps.AgreementVersionRead,
    tags=["agreements"],
    responses=WRITE_RESPONSES,
)
async def terminate_agreement(
    session: SessionDep, actor: Staff, agreement_id: uuid.UUID, data: ps.Termination, response: Response
) -> ps.AgreementVersionRead:
    """Terminate the agreement today, with a reason (a party's administrator or coordinator)."""
    day = utcnow().date()
    agreement = await _visible_agreement(session, agreement_id, actor)
    await agreements.terminate(session, agreement=agreement, actor=actor, reason=data.reason, day=day)
    agreement = await agreements.load(session, agreement_id)
    set_etag(response, agreement.id, agreement.version)
    return ps.AgreementVersionRead.model_validate(agreements.version_read(agreement, day))


@router.get(
    "/agreements/{agreement_id}/version",
    response_model=ps.AgreementVersionRead,
    tags=["agreements"],
    responses=READ_RESPONSES,
)
async def get_agreement_version(
    session: SessionDep, actor: Staff, agreement_id: uuid.UUID, response: Response
) -> ps.AgreementVersionRead:
    """The agreement with its annexes, state and every party's confirmation."""
    agreement = await _visible_agreement(session, agreement_id, actor)
    set_etag(response, agreement.id, agreement.version)
    return ps.AgreementVersionRead.model_validate(agreements.version_read(agreement, utcnow().date()))
