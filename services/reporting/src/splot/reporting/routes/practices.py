"""Good practices of cooperation (issue #16): the published catalogue, an institution's own
practices, the analysts' review queue, a practice with its history and attachments, and the
workflow (rules in :mod:`splot.reporting.practices.access`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile, status

from splot.common.api import (
    LIST_RESPONSES,
    READ_RESPONSES,
    WRITE_RESPONSES,
    Cursor,
    Limit,
    responses,
    settings_of,
)
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.files import MEDIA_TYPES, download_headers
from splot.reporting.config import ReportingSettings
from splot.reporting.facts import Calendar
from splot.reporting.practices import attachments, search, service
from splot.reporting.practices import schemas as ps

router = APIRouter(prefix="/v1")
Settings = Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))]
StatusQuery = Annotated[ps.Status | None, Query(description="Only practices in this state")]

_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file (as uploaded), to save",
        "content": {media: {"schema": {"type": "string", "format": "binary"}} for media in MEDIA_TYPES},
    }
}


def _today(settings: ReportingSettings) -> Any:
    return datetime.now(Calendar.named(settings.timezone).zone).date()


@router.get("/practices", response_model=ps.PracticePage, tags=["practices"], responses=LIST_RESPONSES)
async def list_practices(
    session: SessionDep,
    actor: CurrentPrincipal,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the title, summary or results")
    ] = None,
    problem_area: Annotated[str | None, Query(pattern=r"^[a-z_]{1,48}$")] = None,
    institution_type: Annotated[str | None, Query(pattern=r"^[A-Z]{2,10}$")] = None,
    territory: Annotated[
        str | None, Query(pattern=r"^(\d{2}|\d{4})$", description="A voivodeship or powiat")
    ] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> dict[str, Any]:
    """The published good practices (every staff user), newest first: search words (case and
    Polish diacritics ignored) and filters by problem area, institution type and territory."""
    items, next_cursor = await search.catalogue(
        session,
        actor=actor,
        q=q,
        problem_area=problem_area,
        institution_type=institution_type,
        territory=territory,
        cursor=cursor,
        limit=limit,
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "/practices",
    response_model=ps.PracticeRead,
    status_code=status.HTTP_201_CREATED,
    tags=["practices"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_practice(
    session: SessionDep,
    actor: CurrentPrincipal,
    settings: Settings,
    data: ps.PracticeWrite,
    response: Response,
) -> dict[str, Any]:
    """A draft practice of your institution (caseworker, coordinator or administrator)."""
    practice = await service.create(session, data=data, actor=actor, today=_today(settings))
    set_etag(response, practice.id, practice.version)
    response.headers["Location"] = f"practices/{practice.id}"
    return await service.read(session, practice, actor)


@router.get("/practices/mine", response_model=ps.PracticePage, tags=["practices"], responses=LIST_RESPONSES)
async def my_practices(
    session: SessionDep,
    actor: CurrentPrincipal,
    status: StatusQuery = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> dict[str, Any]:
    """Your institution's practices in every state (drafts, returned with comments, …)."""
    items, next_cursor = await search.mine(session, actor=actor, status=status, cursor=cursor, limit=limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/practices/review-queue", response_model=ps.PracticePage, tags=["practices"], responses=LIST_RESPONSES
)
async def review_queue(
    session: SessionDep,
    actor: CurrentPrincipal,
    status: StatusQuery = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> dict[str, Any]:
    """Analysts: submitted and accepted practices of institutions in your territory, the longest
    waiting first."""
    items, next_cursor = await search.review_queue(
        session, actor=actor, status=status, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/practices/{practice_id}",
    response_model=ps.PracticeRead,
    tags=["practices"],
    responses={**READ_RESPONSES, **etag_on(200)},
)
async def get_practice(
    session: SessionDep, actor: CurrentPrincipal, practice_id: uuid.UUID, response: Response
) -> dict[str, Any]:
    """A practice with its attachments, its history (who did what, when, with which comment: for
    its institution and reviewers) and what you may do with it."""
    practice = await service.get(session, practice_id, actor)
    set_etag(response, practice.id, practice.version)
    return await service.read(session, practice, actor)


@router.put(
    "/practices/{practice_id}",
    response_model=ps.PracticeRead,
    tags=["practices"],
    responses=WRITE_RESPONSES,
)
async def update_practice(
    session: SessionDep,
    actor: CurrentPrincipal,
    settings: Settings,
    practice_id: uuid.UUID,
    data: ps.PracticeWrite,
    response: Response,
    if_match: IfMatch = None,
) -> dict[str, Any]:
    """Change a draft or returned practice (its institution; If-Match)."""
    practice = await service.get_for_update(session, practice_id, actor)
    practice = await service.update(
        session, practice=practice, data=data, actor=actor, if_match=if_match, today=_today(settings)
    )
    set_etag(response, practice.id, practice.version)
    return await service.read(session, practice, actor)


@router.post(
    "/practices/{practice_id}/transitions",
    response_model=ps.PracticeRead,
    tags=["practices"],
    responses={**WRITE_RESPONSES, **etag_on(200)},
)
async def transition_practice(
    session: SessionDep,
    actor: CurrentPrincipal,
    practice_id: uuid.UUID,
    data: ps.TransitionCreate,
    response: Response,
    if_match: IfMatch = None,
) -> dict[str, Any]:
    """A step of the workflow: ``submit`` (its institution: a draft or returned one),
    ``accept``, ``return`` or ``reject`` with a comment (a submitted or accepted one),
    ``publish`` (an accepted one) and ``unpublish`` (analysts covering its institution's seat).
    409 ``invalid_transition`` from another state."""
    practice = await service.get_for_update(session, practice_id, actor)
    practice = await service.transition(session, practice=practice, data=data, actor=actor, if_match=if_match)
    set_etag(response, practice.id, practice.version)
    return await service.read(session, practice, actor)


@router.post(
    "/practices/{practice_id}/attachments",
    response_model=ps.AttachmentRead,
    status_code=status.HTTP_201_CREATED,
    tags=["practices"],
    responses={**WRITE_RESPONSES, **responses(413, 415)},
)
async def add_attachment(
    session: SessionDep,
    actor: CurrentPrincipal,
    settings: Settings,
    practice_id: uuid.UUID,
    response: Response,
    file: Annotated[UploadFile, File(description="PDF, ODT, DOCX, UTF-8 TXT, JPEG or PNG")],
) -> ps.AttachmentRead:
    """Attach a file to a draft or returned practice of your institution (at most 5)."""
    practice = await service.get_for_update(session, practice_id, actor)
    attachment = await attachments.add(
        session, practice=practice, upload=file, actor=actor, max_bytes=settings.practice_attachment_max_bytes
    )
    response.headers["Location"] = f"attachments/{attachment.id}"
    return ps.AttachmentRead.model_validate(attachment)


@router.get(
    "/practices/{practice_id}/attachments/{attachment_id}",
    response_class=Response,
    tags=["practices"],
    responses={**READ_RESPONSES, **_FILE_RESPONSES},
)
async def download_attachment(
    session: SessionDep, actor: CurrentPrincipal, practice_id: uuid.UUID, attachment_id: uuid.UUID
) -> Response:
    """An attachment of a practice you may read."""
    practice = await service.get(session, practice_id, actor)
    found = await attachments.file_of(session, practice=practice, attachment_id=attachment_id)
    return Response(
        content=found.content, media_type=found.media_type, headers=download_headers(found.file_name)
    )


@router.delete(
    "/practices/{practice_id}/attachments/{attachment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["practices"],
    responses=WRITE_RESPONSES,
)
async def remove_attachment(
    session: SessionDep, actor: CurrentPrincipal, practice_id: uuid.UUID, attachment_id: uuid.UUID
) -> Response:
    """Remove an attachment of a draft or returned practice of your institution."""
    practice = await service.get_for_update(session, practice_id, actor)
    await attachments.remove(session, practice=practice, attachment_id=attachment_id, actor=actor)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
