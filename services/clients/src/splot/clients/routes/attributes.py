"""Case attributes: the catalogue, a person's attributes you may see, and your institution's own
values (set with If-Match when changing one, and removed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from splot.clients import attributes, schemas
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    PersonId,
    Reader,
    Writer,
    merged_redirect,
)
from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, set_etag

router = APIRouter(prefix="/v1", tags=["attributes"])

AttributeCode = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{1,47}$")]


@router.get(
    "/attribute-definitions", response_model=schemas.AttributeDefinitionList, responses=LIST_RESPONSES
)
async def list_attribute_definitions(
    session: SessionDep, _: CurrentPrincipal
) -> schemas.AttributeDefinitionList:
    """The catalogue of case attributes, with their type and sensitivity."""
    items = await attributes.list_attribute_definitions(session)
    return schemas.AttributeDefinitionList(
        items=[schemas.AttributeDefinitionRead.model_validate(d) for d in items]
    )


@router.get(
    "/persons/{person_id:uuid}/attributes",
    response_model=schemas.AttributePage,
    responses=PERSON_READ_RESPONSES,
)
async def list_attributes(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AttributePage:
    """The person's case attributes you may see (sensitive ones only under the sensitive-data rules)."""
    try:
        items, next_cursor = await attributes.list_attributes(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None
    return schemas.AttributePage(items=items, next_cursor=next_cursor)


@router.get(
    "/persons/{person_id:uuid}/attribute-history",
    response_model=schemas.AttributeChangePage,
    responses=PERSON_READ_RESPONSES,
)
async def attribute_history(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    code: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{1,47}$")] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AttributeChangePage:
    """Every recorded, changed and removed value of the person's attributes you may see (by the
    rule of the current values), newest first; `code` narrows it to one attribute."""
    try:
        items, next_cursor = await attributes.attribute_history(
            session, actor=actor, person_id=person_id, code=code, cursor=cursor, limit=limit, audit=audit
        )
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None
    return schemas.AttributeChangePage(items=items, next_cursor=next_cursor)


@router.put(
    "/persons/{person_id:uuid}/attributes/{code}",
    response_model=schemas.AttributeRead,
    responses={
        **WRITE_RESPONSES,
        201: {"model": schemas.AttributeRead, "description": "Recorded for the first time"},
    },
    openapi_extra={
        "x-if-match-to-replace": "The ETag you last read: required to change an existing value (428"
        " without it, 412 when stale); a value recorded for the first time needs none"
    },
)
async def set_attribute(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    code: AttributeCode,
    data: schemas.AttributeSet,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.AttributeRead:
    """Record your institution's value (If-Match needed to change an existing one)."""
    attribute, created = await attributes.set_attribute(
        session, actor=actor, person_id=person_id, code=code, data=data, if_match=if_match, audit=audit
    )
    if created:
        response.status_code = status.HTTP_201_CREATED
        response.headers["Location"] = code  # this very URL: PUT to change it, DELETE to remove it
    set_etag(response, attributes.attribute_key(attribute), attribute.version)
    return attribute


@router.delete(
    "/persons/{person_id:uuid}/attributes/{code}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_RESPONSES,
)
async def delete_attribute(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    code: AttributeCode,
    if_match: IfMatch = None,
) -> Response:
    """Remove your institution's value of an attribute."""
    await attributes.delete_attribute(
        session, actor=actor, person_id=person_id, code=code, if_match=if_match, audit=audit
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
