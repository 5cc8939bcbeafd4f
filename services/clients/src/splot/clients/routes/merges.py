"""Merging two records of one person, reading a merge, and undoing it within its window."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from splot.clients import merge_undo, merges, persons, schemas
from splot.clients.routes.deps import PERSON_READ_RESPONSES, Audit, Coordinator, PersonId, Settings
from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.etag import set_etag

router = APIRouter(prefix="/v1", tags=["persons"])


@router.post(
    "/persons/merges",
    response_model=schemas.MergeResult,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_RESPONSES,
)
async def merge_persons(
    session: SessionDep,
    actor: Coordinator,
    audit: Audit,
    settings: Settings,
    data: schemas.MergeCreate,
    response: Response,
) -> schemas.MergeResult:
    """Merge a duplicate into a survivor: a coordinator of an institution that registered both.
    The duplicate then redirects to the survivor; only the fields named in ``take_from_merged``
    are carried over. Undoable for ``merge_undo_days`` (``POST /v1/persons/merges/{id}/undo``)."""
    merge, person, access = await merges.merge_persons(
        session, actor=actor, data=data, settings=settings, audit=audit
    )
    survivor = await persons.person_read(session, person=person, actor=actor, access=access)
    response.headers["Location"] = f"merges/{merge.id}"
    set_etag(response, person.id, person.version)
    return schemas.MergeResult(merge=merges.merge_read(merge), survivor=survivor)


@router.get("/persons/merges/{merge_id}", response_model=schemas.MergeRead, responses=READ_RESPONSES)
async def get_merge(session: SessionDep, actor: Coordinator, merge_id: uuid.UUID) -> schemas.MergeRead:
    """A merge (for coordinators of institutions registered on the survivor)."""
    return merges.merge_read(await merges.get_merge(session, actor=actor, merge_id=merge_id))


@router.get(
    "/persons/{person_id:uuid}/merges", response_model=schemas.MergePage, responses=PERSON_READ_RESPONSES
)
async def list_merges(
    session: SessionDep, actor: Coordinator, person_id: PersonId, cursor: Cursor = None, limit: Limit = None
) -> schemas.MergePage:
    """Merges into the person, newest first (coordinators of institutions registered on it), each
    with its undo window."""
    items, next_cursor = await merges.list_merges(
        session, actor=actor, person_id=person_id, cursor=cursor, limit=limit
    )
    return schemas.MergePage(items=[merges.merge_read(m) for m in items], next_cursor=next_cursor)


@router.post("/persons/merges/{merge_id}/undo", response_model=schemas.MergeRead, responses=WRITE_RESPONSES)
async def undo_merge(
    session: SessionDep, actor: Coordinator, audit: Audit, merge_id: uuid.UUID, data: schemas.MergeUndo
) -> schemas.MergeRead:
    """Undo a merge within its window: both records are back as they were, with their rows."""
    merge = await merge_undo.undo_merge(session, actor=actor, merge_id=merge_id, data=data, audit=audit)
    return merges.merge_read(merge)
