"""The programme catalogue (issue #16): programmes referrals, individual plans and partnerships
can belong to, such as the "Aktywizacja i Integracja" programme of labour offices and social
assistance, CIS/KIS reintegration programmes or EU-funded projects. Seeded by migration 0008,
kept by system administrators, read by every signed-in caller and by the other services (the
referrals and clients services validate codes against it; reporting names its ``programme``
dimension from it). A programme is never deleted, only deactivated: referrals keep its code."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, ClassVar

from fastapi import APIRouter, Depends, Header, Path, Response, status
from pydantic import BaseModel, Field, StrictBool, StringConstraints, model_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles
from splot.common.db import SessionDep
from splot.common.errors import Problem, conflict, not_found
from splot.common.etag import check_if_match, etag_on, set_etag
from splot.common.validation import SingleLine
from splot.directory.models import Programme
from splot.directory.schemas import Input, Output

CODE_PATTERN = r"^[A-Z0-9_-]{2,32}$"

ProgrammeCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
Name = Annotated[SingleLine, StringConstraints(min_length=1, max_length=300)]


class ProgrammeKind(StrEnum):
    #: The "Aktywizacja i Integracja" programme of a PUP and an OPS.
    joint_activation = "joint_activation"
    cis_kis = "cis_kis"
    eu_project = "eu_project"
    national = "national"
    local = "local"


class _Dates(Input):
    @model_validator(mode="after")
    def _ordered(self) -> _Dates:
        starts, ends = getattr(self, "starts_on", None), getattr(self, "ends_on", None)
        if starts is not None and ends is not None and ends < starts:
            raise ValueError("ends_on is before starts_on")
        return self


class ProgrammeCreate(_Dates):
    code: ProgrammeCode = Field(examples=["PAI"])
    name: Name
    kind: ProgrammeKind
    funder: Name | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    active: StrictBool = True


class ProgrammeUpdate(_Dates):
    name: Name | None = None
    kind: ProgrammeKind | None = None
    funder: Name | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    active: StrictBool | None = None

    not_nullable: ClassVar[frozenset[str]] = frozenset({"name", "kind", "active"})


class ProgrammeRead(Output):
    code: str
    name: str
    kind: ProgrammeKind
    funder: str | None
    starts_on: date | None
    ends_on: date | None
    active: bool
    version: int
    updated_at: datetime


class ProgrammeList(BaseModel):
    items: list[ProgrammeRead]


async def list_programmes(
    session: AsyncSession, *, active: bool | None = None, kind: ProgrammeKind | None = None
) -> list[Programme]:
    """The whole catalogue (a few dozen rows), active first, by name."""
    stmt = select(Programme).order_by(Programme.active.desc(), Programme.name, Programme.code)
    if active is not None:
        stmt = stmt.where(Programme.active.is_(active))
    if kind is not None:
        stmt = stmt.where(Programme.kind == kind.value)
    return list((await session.scalars(stmt)).all())


async def create_programme(session: AsyncSession, data: ProgrammeCreate) -> Programme:
    if await session.get(Programme, data.code) is not None:
        raise conflict("programme_exists", f"a programme with the code '{data.code}' exists")
    programme = Programme(**data.model_dump(mode="python"))
    programme.kind = data.kind.value
    session.add(programme)
    await session.flush()
    return programme


async def get_programme(session: AsyncSession, code: str) -> Programme:
    programme = await session.get(Programme, code)
    if programme is None:
        raise not_found("programme")
    return programme


async def update_programme(
    session: AsyncSession, *, code: str, data: ProgrammeUpdate, if_match: str | None
) -> Programme:
    programme = await get_programme(session, code)
    check_if_match(if_match, programme.code, programme.version)
    changes = data.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(programme, field, value.value if isinstance(value, StrEnum) else value)
    if programme.starts_on and programme.ends_on and programme.ends_on < programme.starts_on:
        raise Problem(422, "invalid_dates", "ends_on is before starts_on")
    await session.flush()
    return programme


router = APIRouter(prefix="/v1")

SystemAdmin = Annotated[Principal, Depends(require_roles(Role.system_admin))]
CodePath = Annotated[str, Path(pattern=CODE_PATTERN)]
#: ``If-Match`` as the contract declares it, enforced (a programme's code is guessable, so a
#: malformed header must be refused before it is compared with an existing programme's ETag).
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=1000,
        pattern=r'^(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)$',
        description="The ETag you last read; required to change the resource",
    ),
]


@router.get("/programmes", response_model=ProgrammeList, tags=["catalogue"], responses=LIST_RESPONSES)
async def list_programmes_route(
    session: SessionDep, _: CurrentPrincipal, active: bool | None = None, kind: ProgrammeKind | None = None
) -> ProgrammeList:
    """The programme catalogue: programmes referrals, individual plans and partnerships can belong
    to (``programme`` of the reporting service's aggregates)."""
    items = await list_programmes(session, active=active, kind=kind)
    return ProgrammeList(items=[ProgrammeRead.model_validate(p) for p in items])


@router.post(
    "/programmes",
    response_model=ProgrammeRead,
    status_code=status.HTTP_201_CREATED,
    tags=["catalogue"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_programme_route(
    session: SessionDep, _: SystemAdmin, data: ProgrammeCreate, response: Response
) -> ProgrammeRead:
    """Add a programme to the catalogue (system administrators)."""
    programme = await create_programme(session, data)
    set_etag(response, programme.code, programme.version)
    response.headers["Location"] = f"programmes/{programme.code}"
    return ProgrammeRead.model_validate(programme)


@router.get("/programmes/{code}", response_model=ProgrammeRead, tags=["catalogue"], responses=READ_RESPONSES)
async def get_programme_route(
    session: SessionDep, _: CurrentPrincipal, code: CodePath, response: Response
) -> ProgrammeRead:
    """One programme of the catalogue."""
    programme = await get_programme(session, code)
    set_etag(response, programme.code, programme.version)
    return ProgrammeRead.model_validate(programme)


@router.patch(
    "/programmes/{code}", response_model=ProgrammeRead, tags=["catalogue"], responses=WRITE_RESPONSES
)
async def update_programme_route(
    *,
    session: SessionDep,
    _: SystemAdmin,
    code: CodePath,
    data: ProgrammeUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> ProgrammeRead:
    """Change a programme (system administrators); ``active: false`` withdraws it from new
    referrals, plans and partnerships (existing ones keep it)."""
    programme = await update_programme(session, code=code, data=data, if_match=if_match)
    set_etag(response, programme.code, programme.version)
    return ProgrammeRead.model_validate(programme)


async def check_code(session: AsyncSession, code: str | None) -> None:
    """A partnership's programme names an active programme of the catalogue."""
    if code is None:
        return
    programme = await session.get(Programme, code)
    if programme is None or not programme.active:
        raise Problem(
            422,
            "unknown_programme",
            f"'{code}' is not an active programme of the catalogue (see GET /api/directory/v1/programmes)",
            programme=code,
        )
