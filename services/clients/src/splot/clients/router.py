"""HTTP layer of the client registry: persons, attributes, consents, access, audit, imports, and
the service-to-service API for the referrals service."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Path, Query, Request, Response, status
from starlette.datastructures import UploadFile

from splot.clients import imports, internal, merges, schemas, service
from splot.clients.access import (
    FRONT_LINE_ROLES,
    INTERNAL_SCOPE,
    Actor,
    Audit,
    Coordinator,
    Reader,
    Writer,
    as_actor,
)
from splot.clients.config import ClientsSettings
from splot.common import errors
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles, require_service
from splot.common.db import SessionDep
from splot.common.errors import Problem, problem_responses
from splot.common.etag import IfMatch, set_etag
from splot.common.validation import IsoDate

router = APIRouter(prefix="/v1")

Cursor = Annotated[str | None, Query(max_length=500, description="From the previous page's next_cursor")]
Limit = Annotated[int | None, Query(ge=1, le=200)]
PersonId = Annotated[uuid.UUID, Path(description="Registry id of the person")]
AttributeCode = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{1,47}$")]
Auditor = Annotated[Principal, Depends(require_roles(Role.auditor))]
Service = Annotated[Principal, Depends(require_service(INTERNAL_SCOPE))]

LIST = problem_responses(*errors.LIST_ERRORS)
READ = problem_responses(*errors.READ_ERRORS)
PERSON_READ = problem_responses(308, *errors.READ_ERRORS)
WRITE = problem_responses(*errors.WRITE_ERRORS)


def get_settings(request: Request) -> ClientsSettings:
    return request.app.state.settings  # type: ignore[no-any-return]


Settings = Annotated[ClientsSettings, Depends(get_settings)]


async def auditor_or_reader(principal: CurrentPrincipal) -> tuple[Principal, Actor | None]:
    """Auditors (without a front-line role) act as auditors; everyone else as a front-line reader."""
    if principal.has_role(Role.auditor) and not principal.roles.intersection(FRONT_LINE_ROLES):
        return principal, None
    return principal, as_actor(principal, write=False)


AuditorOrReader = Annotated[tuple[Principal, Actor | None], Depends(auditor_or_reader)]


def _redirect(request: Request, moved: service.PersonMerged, person_id: uuid.UUID) -> Problem:
    """A merged record answers GETs with 308 to the same path on the survivor."""
    path = request.url.path
    marker = f"/persons/{person_id}"
    cut = path.rfind(marker)
    location = path[:cut] + f"/persons/{moved.survivor_id}" + path[cut + len(marker) :]
    if request.url.query:
        location += "?" + request.url.query
    return Problem(
        308,
        "person_merged",
        "this record was merged into another one",
        headers={"Location": location},
        merged_into=str(moved.survivor_id),
    )


def _person_response(response: Response, person: schemas.PersonRead) -> schemas.PersonRead:
    set_etag(response, person.id, person.version)
    return person


# --- persons -----------------------------------------------------------------------------------


@router.get("/persons", response_model=schemas.PersonPage, tags=["persons"], responses=LIST)
async def list_persons(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    q: Annotated[str | None, Query(min_length=2, max_length=100, description="Name search")] = None,
    birth_date: IsoDate | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.PersonPage:
    """Persons your institution may see (registered, granted, break-glass); never everybody."""
    items, next_cursor = await service.list_persons(
        session, actor=actor, q=q, birth_date=birth_date, cursor=cursor, limit=limit, audit=audit
    )
    return schemas.PersonPage(items=items, next_cursor=next_cursor)


@router.post(
    "/persons",
    response_model=schemas.PersonRead,
    status_code=status.HTTP_201_CREATED,
    tags=["persons"],
    responses=WRITE,
)
async def create_person(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    settings: Settings,
    data: schemas.PersonCreate,
    response: Response,
) -> schemas.PersonRead:
    """Register a person; a likely duplicate is a 409 unless overridden with a reason."""
    person, access = await service.create_person(
        session, actor=actor, data=data, settings=settings, audit=audit
    )
    response.headers["Location"] = f"persons/{person.id}"
    return _person_response(
        response, await service.person_read(session, person=person, actor=actor, access=access)
    )


@router.post("/persons/match", response_model=schemas.MatchResult, tags=["persons"], responses=WRITE)
async def match_person(
    session: SessionDep, actor: Reader, audit: Audit, settings: Settings, data: schemas.MatchQuery
) -> schemas.MatchResult:
    """Check for an existing record without creating one (ids only of persons you may see)."""
    return await service.match_person(session, actor=actor, data=data, settings=settings, audit=audit)


@router.post(
    "/persons/lookup", response_model=schemas.IdentityLookupResult, tags=["persons"], responses=WRITE
)
async def lookup_identity(
    session: SessionDep, actor: Reader, audit: Audit, data: schemas.IdentityLookup
) -> schemas.IdentityLookupResult:
    """Global identity search by exact PESEL or document number: initials and birth year only."""
    return await service.lookup_identity(session, actor=actor, data=data, audit=audit)


@router.post(
    "/persons/merges",
    response_model=schemas.MergeResult,
    status_code=status.HTTP_201_CREATED,
    tags=["persons"],
    responses=WRITE,
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
    survivor = await service.person_read(session, person=person, actor=actor, access=access)
    response.headers["Location"] = f"merges/{merge.id}"
    set_etag(response, person.id, person.version)
    return schemas.MergeResult(merge=merges.merge_read(merge), survivor=survivor)


@router.get("/persons/merges/{merge_id}", response_model=schemas.MergeRead, tags=["persons"], responses=READ)
async def get_merge(session: SessionDep, actor: Coordinator, merge_id: uuid.UUID) -> schemas.MergeRead:
    """A merge (for coordinators of institutions registered on the survivor)."""
    return merges.merge_read(await merges.get_merge(session, actor=actor, merge_id=merge_id))


@router.post(
    "/persons/merges/{merge_id}/undo", response_model=schemas.MergeRead, tags=["persons"], responses=WRITE
)
async def undo_merge(
    session: SessionDep, actor: Coordinator, audit: Audit, merge_id: uuid.UUID, data: schemas.MergeUndo
) -> schemas.MergeRead:
    """Undo a merge within its window: both records are back as they were, with their rows."""
    merge = await merges.undo_merge(session, actor=actor, merge_id=merge_id, data=data, audit=audit)
    return merges.merge_read(merge)


@router.get(
    "/persons/{person_id:uuid}", response_model=schemas.PersonRead, tags=["persons"], responses=PERSON_READ
)
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
        person = await service.get_person(session, actor=actor, person_id=person_id, audit=audit)
    except service.PersonMerged as moved:
        raise _redirect(request, moved, person_id) from None
    return _person_response(response, person)


@router.patch(
    "/persons/{person_id:uuid}", response_model=schemas.PersonRead, tags=["persons"], responses=WRITE
)
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
    person, access = await service.update_person(
        session, actor=actor, person_id=person_id, data=data, if_match=if_match, audit=audit
    )
    return _person_response(
        response, await service.person_read(session, person=person, actor=actor, access=access)
    )


@router.post(
    "/persons/{person_id:uuid}/registrations",
    response_model=schemas.PersonRead,
    status_code=status.HTTP_201_CREATED,
    tags=["persons"],
    responses={**WRITE, 200: {"model": schemas.PersonRead, "description": "Already registered"}},
)
async def register_person(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: schemas.RegistrationCreate,
    response: Response,
) -> schemas.PersonRead:
    """Register an existing person your institution serves, proving it with their PESEL or document."""
    person, access, created = await service.register_person(
        session, actor=actor, person_id=person_id, data=data, audit=audit
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return _person_response(
        response, await service.person_read(session, person=person, actor=actor, access=access)
    )


@router.get(
    "/persons/{person_id:uuid}/access-report",
    response_model=schemas.AccessReport,
    tags=["audit"],
    responses=PERSON_READ,
)
async def access_report(
    session: SessionDep,
    who: AuditorOrReader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessReport:
    """GDPR art. 15: which institutions accessed the person's record, when, on what basis."""
    principal, actor = who
    try:
        return await service.access_report(
            session,
            principal=principal,
            actor=actor,
            person_id=person_id,
            cursor=cursor,
            limit=limit,
            audit=audit,
        )
    except service.PersonMerged as moved:
        raise _redirect(request, moved, person_id) from None


# --- case attributes ---------------------------------------------------------------------------


@router.get(
    "/attribute-definitions",
    response_model=schemas.AttributeDefinitionList,
    tags=["attributes"],
    responses=LIST,
)
async def list_attribute_definitions(
    session: SessionDep, _: CurrentPrincipal
) -> schemas.AttributeDefinitionList:
    """The catalogue of case attributes, with their type and sensitivity."""
    items = await service.list_attribute_definitions(session)
    return schemas.AttributeDefinitionList(
        items=[schemas.AttributeDefinitionRead.model_validate(d) for d in items]
    )


@router.get(
    "/persons/{person_id:uuid}/attributes",
    response_model=schemas.AttributePage,
    tags=["attributes"],
    responses=PERSON_READ,
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
        items, next_cursor = await service.list_attributes(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except service.PersonMerged as moved:
        raise _redirect(request, moved, person_id) from None
    return schemas.AttributePage(items=items, next_cursor=next_cursor)


@router.put(
    "/persons/{person_id:uuid}/attributes/{code}",
    response_model=schemas.AttributeRead,
    tags=["attributes"],
    responses={**WRITE, 201: {"model": schemas.AttributeRead, "description": "Recorded for the first time"}},
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
    attribute, created = await service.set_attribute(
        session, actor=actor, person_id=person_id, code=code, data=data, if_match=if_match, audit=audit
    )
    if created:
        response.status_code = status.HTTP_201_CREATED
    set_etag(
        response, f"{attribute.person_id}.{attribute.institution_id}.{attribute.code}", attribute.version
    )
    return attribute


@router.delete(
    "/persons/{person_id:uuid}/attributes/{code}",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["attributes"],
    responses=WRITE,
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
    await service.delete_attribute(
        session, actor=actor, person_id=person_id, code=code, if_match=if_match, audit=audit
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- consents ----------------------------------------------------------------------------------


@router.get(
    "/persons/{person_id:uuid}/consents",
    response_model=schemas.ConsentPage,
    tags=["consents"],
    responses=PERSON_READ,
)
async def list_consents(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ConsentPage:
    """The person's consents (withdrawn and expired ones included, with their state)."""
    try:
        items, next_cursor = await service.list_consents(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except service.PersonMerged as moved:
        raise _redirect(request, moved, person_id) from None
    return schemas.ConsentPage(items=[service.consent_read(c) for c in items], next_cursor=next_cursor)


@router.post(
    "/persons/{person_id:uuid}/consents",
    response_model=schemas.ConsentRead,
    status_code=status.HTTP_201_CREATED,
    tags=["consents"],
    responses=WRITE,
)
async def create_consent(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: schemas.ConsentCreate,
    response: Response,
) -> schemas.ConsentRead:
    """Record the person's consent to share their data with an institution or institution type."""
    consent = await service.create_consent(session, actor=actor, person_id=person_id, data=data, audit=audit)
    set_etag(response, consent.id, consent.version)
    return service.consent_read(consent)


@router.get("/consents/{consent_id}", response_model=schemas.ConsentRead, tags=["consents"], responses=READ)
async def get_consent(
    session: SessionDep, actor: Reader, audit: Audit, consent_id: uuid.UUID, response: Response
) -> schemas.ConsentRead:
    """One consent of a person you may see."""
    consent = await service.get_consent(session, actor=actor, consent_id=consent_id, audit=audit)
    set_etag(response, consent.id, consent.version)
    return service.consent_read(consent)


@router.post(
    "/consents/{consent_id}/withdraw", response_model=schemas.ConsentRead, tags=["consents"], responses=WRITE
)
async def withdraw_consent(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    consent_id: uuid.UUID,
    data: schemas.ConsentWithdraw,
    response: Response,
) -> schemas.ConsentRead:
    """Withdraw a consent (the institution that recorded it); effective immediately."""
    consent = await service.withdraw_consent(
        session, actor=actor, consent_id=consent_id, data=data, audit=audit
    )
    set_etag(response, consent.id, consent.version)
    return service.consent_read(consent)


# --- access ------------------------------------------------------------------------------------


@router.get(
    "/persons/{person_id:uuid}/access-grants",
    response_model=schemas.GrantPage,
    tags=["access"],
    responses=PERSON_READ,
)
async def list_person_grants(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.GrantPage:
    """Which institutions hold (or held) referral access to the person."""
    try:
        items, next_cursor = await service.list_person_grants(
            session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
        )
    except service.PersonMerged as moved:
        raise _redirect(request, moved, person_id) from None
    return schemas.GrantPage(items=items, next_cursor=next_cursor)


@router.post(
    "/persons/{person_id:uuid}/break-glass",
    response_model=schemas.BreakGlassRead,
    status_code=status.HTTP_201_CREATED,
    tags=["access"],
    responses=WRITE,
)
async def open_break_glass(
    session: SessionDep,
    actor: Coordinator,
    audit: Audit,
    settings: Settings,
    person_id: PersonId,
    data: schemas.BreakGlassCreate,
) -> schemas.BreakGlassRead:
    """Emergency access for you alone (coordinators): time-boxed, reasoned, audited, shown to the owner."""
    glass = await service.open_break_glass(
        session, actor=actor, person_id=person_id, data=data, settings=settings, audit=audit
    )
    return service.break_glass_read(glass)


@router.get("/break-glass", response_model=schemas.BreakGlassPage, tags=["access"], responses=LIST)
async def list_break_glass(
    session: SessionDep,
    who: AuditorOrReader,
    person_id: uuid.UUID | None = None,
    active: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.BreakGlassPage:
    """Break-glass accesses to persons your institution registered, and those it opened (auditors: all)."""
    principal, actor = who
    items, next_cursor = await service.list_break_glass(
        session,
        principal=principal,
        actor=actor,
        person_id=person_id,
        active=active,
        cursor=cursor,
        limit=limit,
    )
    return schemas.BreakGlassPage(items=[service.break_glass_read(g) for g in items], next_cursor=next_cursor)


# --- audit -------------------------------------------------------------------------------------


@router.get("/access-log", response_model=schemas.AccessLogPage, tags=["audit"], responses=LIST)
async def list_access_log(
    session: SessionDep,
    auditor: Auditor,
    audit: Audit,
    person_id: uuid.UUID | None = None,
    institution_id: uuid.UUID | None = None,
    subject: Annotated[str | None, Query(max_length=128)] = None,
    action: Annotated[str | None, Query(max_length=32)] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessLogPage:
    """The append-only access log, newest first (auditors)."""
    items, next_cursor = await service.list_access_log(
        session,
        principal=auditor,
        person_id=person_id,
        institution_id=institution_id,
        subject=subject,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
        audit=audit,
    )
    return schemas.AccessLogPage(
        items=[schemas.AccessLogRead.model_validate(i) for i in items], next_cursor=next_cursor
    )


# --- imports -----------------------------------------------------------------------------------

_IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "Rows as CSV (header row; ; or , separated) or JSON, as the body or an uploaded file",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"rows": {"type": "array", "items": {"type": "object"}}},
                    "required": ["rows"],
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


async def _read_upload(request: Request, settings: ClientsSettings) -> tuple[list[dict[str, Any]], str]:
    too_large = Problem(
        413, "payload_too_large", f"an import file has at most {settings.import_max_bytes} bytes"
    )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.import_max_bytes:
        raise too_large
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise Problem(422, "file_required", "send the rows as a multipart field named file")
        raw = await upload.read(settings.import_max_bytes + 1)
        name = (upload.filename or "").lower()
        kind = "json" if name.endswith(".json") or (upload.content_type or "").endswith("json") else "csv"
    elif media in ("application/json", "text/csv"):
        raw = await request.body()
        kind = "json" if media == "application/json" else "csv"
    else:
        raise Problem(415, "unsupported_media_type", "send text/csv, application/json or multipart/form-data")
    if len(raw) > settings.import_max_bytes:
        raise too_large
    rows = imports.parse_json(raw) if kind == "json" else imports.parse_csv(raw)
    return rows, kind


@router.post(
    "/imports",
    response_model=schemas.ImportRead,
    status_code=status.HTTP_202_ACCEPTED,
    tags=["imports"],
    responses=problem_responses(*errors.WRITE_ERRORS, 413, 415),
    openapi_extra=_IMPORT_BODY,
)
async def create_import(
    session: SessionDep,
    actor: Writer,
    settings: Settings,
    request: Request,
    background: BackgroundTasks,
    response: Response,
    dry_run: Annotated[bool, Query(description="Report outcomes per row without writing anything")] = False,
) -> schemas.ImportRead:
    """Start a bulk import (coordinators or the institution's system); poll the job for progress."""
    rows, kind = await _read_upload(request, settings)
    job = await imports.create_job(
        session, actor=actor, rows=rows, source_format=kind, dry_run=dry_run, settings=settings
    )
    if settings.import_inline:
        await imports.claim_job(session, job_id=job.id, settings=settings)
        job = await imports.process_job(session, job_id=job.id, settings=settings)
    else:
        background.add_task(imports.run_job, request.app.state.sessionmaker, job.id, settings)
    response.headers["Location"] = f"imports/{job.id}"
    return imports.job_read(job)


@router.get("/imports", response_model=schemas.ImportPage, tags=["imports"], responses=LIST)
async def list_imports(
    session: SessionDep, actor: Reader, cursor: Cursor = None, limit: Limit = None
) -> schemas.ImportPage:
    """Your institution's import jobs, newest first."""
    items, next_cursor = await imports.list_jobs(session, actor=actor, cursor=cursor, limit=limit)
    return schemas.ImportPage(items=[imports.job_read(j) for j in items], next_cursor=next_cursor)


@router.get("/imports/{import_id}", response_model=schemas.ImportRead, tags=["imports"], responses=READ)
async def get_import(session: SessionDep, actor: Reader, import_id: uuid.UUID) -> schemas.ImportRead:
    """Status and progress of an import job (rows processed / total)."""
    return imports.job_read(await imports.get_job(session, actor=actor, job_id=import_id))


@router.get(
    "/imports/{import_id}/rows", response_model=schemas.ImportRowPage, tags=["imports"], responses=READ
)
async def list_import_rows(
    session: SessionDep,
    actor: Reader,
    import_id: uuid.UUID,
    outcome: Annotated[str | None, Query(pattern=r"^(created|matched|updated|unchanged|rejected)$")] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ImportRowPage:
    """Per-row outcomes, with a problem document for each rejected row."""
    items, next_cursor = await imports.list_rows(
        session, actor=actor, job_id=import_id, outcome=outcome, cursor=cursor, limit=limit
    )
    return schemas.ImportRowPage(
        items=[schemas.ImportRowRead.model_validate(r) for r in items], next_cursor=next_cursor
    )


# --- service-to-service (referrals) ------------------------------------------------------------


@router.post(
    "/internal/referral-checks",
    response_model=schemas.ReferralCheckResult,
    tags=["internal"],
    responses=WRITE,
)
async def referral_check(
    session: SessionDep, principal: Service, audit: Audit, data: schemas.ReferralCheckRequest
) -> schemas.ReferralCheckResult:
    """May the sender refer this person to the target on this legal basis (finds the consent)?"""
    return await internal.referral_check(session, principal=principal, data=data, audit=audit)


@router.post(
    "/internal/access-grants",
    response_model=schemas.GrantRead,
    status_code=status.HTTP_201_CREATED,
    tags=["internal"],
    responses={
        **WRITE,
        200: {"model": schemas.GrantRead, "description": "The grant existed; it now has this state"},
        204: {"description": "The referral ended without ever having had a grant: nothing to end"},
    },
)
async def put_grant_state(
    session: SessionDep,
    principal: Service,
    audit: Audit,
    settings: Settings,
    data: schemas.GrantCreate,
    response: Response,
) -> Any:
    """Bring the receiver's access for a referral to the referral's state (granted, accepted,
    ended, reopened); idempotent per (referral, institution) and ordered by ``version``."""
    grant, created = await internal.create_grant(
        session, principal=principal, data=data, audit=audit, settings=settings
    )
    if grant is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    if not created:
        response.status_code = status.HTTP_200_OK
    return grant


@router.get(
    "/internal/persons/{person_id}/summary",
    response_model=schemas.PersonInternalSummary,
    tags=["internal"],
    responses=READ,
)
async def person_summary(
    session: SessionDep, principal: Service, audit: Audit, person_id: PersonId
) -> schemas.PersonInternalSummary:
    """Birth year, sex, gmina and status of a person (no names), for display and reporting."""
    return await internal.person_summary(session, principal=principal, person_id=person_id, audit=audit)
