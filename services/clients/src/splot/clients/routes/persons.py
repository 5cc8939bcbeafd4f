"""Persons: the caller's list and name search, registering a new person (after the duplicate
check), the duplicate check alone, the global identity lookup, one person, changing identity
data, and registering an existing record for one more institution."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status

from splot.clients import duplicates, person_writes, persons, schemas
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    PersonId,
    Reader,
    Settings,
    Writer,
    merged_redirect,
)
from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.errors import PROBLEM_MEDIA_TYPE
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.validation import IsoDate

router = APIRouter(prefix="/v1", tags=["persons"])


def problem_model(status_code: int, model: type[Any]) -> dict[int | str, dict[str, Any]]:
    """A problem response with its own schema (a problem document with extra members)."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {
        status_code: {
            "model": model,
            "description": "Conflict",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": ref}},
        }
    }


def _person_response(response: Response, person: schemas.PersonRead) -> schemas.PersonRead:
    set_etag(response, person.id, person.version)
    return person


@router.get("/persons", response_model=schemas.PersonPage, responses=LIST_RESPONSES)
async def list_persons(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    q: Annotated[str | None, Query(min_length=2, max_length=100, description="Name search")] = None,
    birth_date: IsoDate | None = None,
    id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=100,
            description="Only these persons (repeat the parameter, at most 100): the names of a page of "
            "referrals in one request; those you may not see are simply absent",
        ),
    ] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.PersonPage:
    """Persons your institution may see (registered, granted, break-glass); never everybody."""
    items, next_cursor = await persons.list_persons(
        session, actor=actor, q=q, birth_date=birth_date, ids=id, cursor=cursor, limit=limit, audit=audit
    )
    return schemas.PersonPage(items=items, next_cursor=next_cursor)


@router.post(
    "/persons",
    response_model=schemas.PersonRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **problem_model(409, schemas.LikelyDuplicateProblem), **etag_on(201)},
)
async def create_person(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    settings: Settings,
    data: schemas.PersonCreate,
    response: Response,
) -> schemas.PersonRead:
    """Register a person; a likely duplicate is a 409 unless overridden with a reason. The 409
    names the candidates you may see by id, and the others by an opaque ``candidate_id`` with
    initials and birth year (ask their registering institutions: ``POST /v1/access-requests``)."""
    try:
        person, access = await person_writes.create_person(
            session, actor=actor, data=data, settings=settings, audit=audit
        )
    except duplicates.LikelyDuplicate as refused:
        # Nothing of the refused registration is kept; what the 409 disclosed is audited.
        await session.rollback()
        await duplicates.log_disclosed(session, actor=actor, audit=audit, refused=refused)
        await session.commit()
        raise
    response.headers["Location"] = f"persons/{person.id}"
    return _person_response(
        response, await persons.person_read(session, person=person, actor=actor, access=access)
    )


@router.post("/persons/match", response_model=schemas.MatchResult, responses=WRITE_RESPONSES)
async def match_person(
    session: SessionDep, actor: Reader, audit: Audit, settings: Settings, data: schemas.MatchQuery
) -> schemas.MatchResult:
    """Check for an existing record without creating one (ids only of persons you may see)."""
    return await duplicates.match_person(session, actor=actor, data=data, settings=settings, audit=audit)


@router.post("/persons/lookup", response_model=schemas.IdentityLookupResult, responses=WRITE_RESPONSES)
async def lookup_identity(
    session: SessionDep, actor: Reader, audit: Audit, data: schemas.IdentityLookup
) -> schemas.IdentityLookupResult:
    """Global identity search by exact PESEL or document number: initials and birth year only."""
    return await persons.lookup_identity(session, actor=actor, data=data, audit=audit)


@router.get("/persons/{person_id:uuid}", response_model=schemas.PersonRead, responses=PERSON_READ_RESPONSES)
async def get_person(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    response: Response,
) -> schemas.PersonRead:
    """One person with the case attributes you may see (a merged record answers 308)."""
    try:
        person = await persons.get_person(session, actor=actor, person_id=person_id, audit=audit)
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None
    return _person_response(response, person)


@router.patch("/persons/{person_id:uuid}", response_model=schemas.PersonRead, responses=WRITE_RESPONSES)
async def update_person(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: schemas.PersonUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.PersonRead:
    """Change identity or contact data (institutions that registered the person)."""
    person, access = await person_writes.update_person(
        session, actor=actor, person_id=person_id, data=data, if_match=if_match, audit=audit
    )
    return _person_response(
        response, await persons.person_read(session, person=person, actor=actor, access=access)
    )


@router.post(
    "/persons/{person_id:uuid}/registrations",
    response_model=schemas.PersonRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **WRITE_RESPONSES,
        200: {"model": schemas.PersonRead, "description": "Already registered"},
        **etag_on(200, 201),
    },
    openapi_extra={"x-no-location": "a registration is read as part of the person (GET /v1/persons/{id})"},
)
async def register_person(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: schemas.RegistrationCreate,
    response: Response,
) -> schemas.PersonRead:
    """Register an existing person your institution serves (a client who walks in to a second
    institution): prove it with their PESEL or document number and declare why (audited)."""
    person, access, created = await person_writes.register_person(
        session, actor=actor, person_id=person_id, data=data, audit=audit
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return _person_response(
        response, await persons.person_read(session, person=person, actor=actor, access=access)
    )
