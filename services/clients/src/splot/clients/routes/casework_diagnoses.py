"""Casework: the problem-area and plan-type catalogues, and diagnoses of a person's situation
(joint ones: contributors invited by the owner, each with its section and sign-off)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from splot.clients.casework import catalogue, diagnoses
from splot.clients.routes.deps import Audit, PersonId, Reader, Writer
from splot.clients.schemas.casework import (
    ContributionSet,
    ContributorInvite,
    DiagnosisCreate,
    DiagnosisPage,
    DiagnosisRead,
    DiagnosisUpdate,
    PlanTypeList,
    PlanTypeRead,
    ProblemAreaList,
    ProblemAreaRead,
)
from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag

router = APIRouter(prefix="/v1", tags=["casework"])

DiagnosisId = Annotated[uuid.UUID, Path(description="Id of the diagnosis")]


@router.get("/problem-areas", response_model=ProblemAreaList, responses=LIST_RESPONSES)
async def list_problem_areas(session: SessionDep, _: CurrentPrincipal) -> ProblemAreaList:
    """Problem areas: the grounds for social assistance and the barriers to employment (a
    catalogue, no person's data: every signed-in caller, analysts too, reads it)."""
    areas = await catalogue.problem_areas(session)
    return ProblemAreaList(items=[ProblemAreaRead.model_validate(a) for a in areas.values()])


@router.get("/plan-types", response_model=PlanTypeList, responses=LIST_RESPONSES)
async def list_plan_types(session: SessionDep, _: CurrentPrincipal) -> PlanTypeList:
    """Plan types, each with its legal basis and the institution types that may own one (a
    catalogue: every signed-in caller reads it)."""
    return PlanTypeList(items=[PlanTypeRead.model_validate(t) for t in await catalogue.plan_types(session)])


def _etag(response: Response, diagnosis: DiagnosisRead) -> DiagnosisRead:
    set_etag(response, diagnoses.diagnosis_key(diagnosis.id), diagnosis.version)
    return diagnosis


@router.post(
    "/persons/{person_id:uuid}/diagnoses",
    response_model=DiagnosisRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_diagnosis(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: DiagnosisCreate,
    response: Response,
) -> DiagnosisRead:
    """Start a diagnosis of the person (your institution owns it; a joint one invites others)."""
    created = await diagnoses.create_diagnosis(
        session, actor=actor, person_id=person_id, data=data, audit=audit
    )
    response.headers["Location"] = f"../../diagnoses/{created.id}"  # /v1/diagnoses/{id}
    return _etag(response, created)


@router.get("/persons/{person_id:uuid}/diagnoses", response_model=DiagnosisPage, responses=READ_RESPONSES)
async def list_diagnoses(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    cursor: Cursor = None,
    limit: Limit = None,
) -> DiagnosisPage:
    """The person's diagnoses your institution takes part in, newest first (the timeline)."""
    items, next_cursor = await diagnoses.list_diagnoses(
        session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
    )
    return DiagnosisPage(items=items, next_cursor=next_cursor)


@router.get("/diagnoses/{diagnosis_id}", response_model=DiagnosisRead, responses=READ_RESPONSES)
async def get_diagnosis(
    session: SessionDep, actor: Reader, audit: Audit, diagnosis_id: DiagnosisId, response: Response
) -> DiagnosisRead:
    """A diagnosis (sensitive areas only under the sensitive-data rules)."""
    return _etag(
        response, await diagnoses.get_diagnosis(session, actor=actor, diagnosis_id=diagnosis_id, audit=audit)
    )


@router.patch("/diagnoses/{diagnosis_id}", response_model=DiagnosisRead, responses=WRITE_RESPONSES)
async def update_diagnosis(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    diagnosis_id: DiagnosisId,
    data: DiagnosisUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> DiagnosisRead:
    """Change the owner's part of a draft (clears the sign-offs given)."""
    updated = await diagnoses.update_diagnosis(
        session, actor=actor, diagnosis_id=diagnosis_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post(
    "/diagnoses/{diagnosis_id}/contributors", response_model=DiagnosisRead, responses=WRITE_RESPONSES
)
async def invite_contributor(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    diagnosis_id: DiagnosisId,
    data: ContributorInvite,
    if_match: IfMatch = None,
    response: Response,
) -> DiagnosisRead:
    """Invite an institution with access to the person to a joint diagnosis (the owner)."""
    updated = await diagnoses.invite_contributor(
        session,
        actor=actor,
        diagnosis_id=diagnosis_id,
        institution_id=data.institution_id,
        if_match=if_match,
        audit=audit,
    )
    return _etag(response, updated)


@router.put("/diagnoses/{diagnosis_id}/contribution", response_model=DiagnosisRead, responses=WRITE_RESPONSES)
async def set_contribution(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    diagnosis_id: DiagnosisId,
    data: ContributionSet,
    if_match: IfMatch = None,
    response: Response,
) -> DiagnosisRead:
    """Your institution's section and areas of the diagnosis (a contributor)."""
    updated = await diagnoses.set_contribution(
        session, actor=actor, diagnosis_id=diagnosis_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post("/diagnoses/{diagnosis_id}/sign-off", response_model=DiagnosisRead, responses=WRITE_RESPONSES)
async def sign_off(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    diagnosis_id: DiagnosisId,
    if_match: IfMatch = None,
    response: Response,
) -> DiagnosisRead:
    """Sign your institution's part off; the last sign-off makes the diagnosis signed."""
    signed = await diagnoses.sign_diagnosis(
        session, actor=actor, diagnosis_id=diagnosis_id, if_match=if_match, audit=audit
    )
    return _etag(response, signed)
