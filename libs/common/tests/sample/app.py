"""A tiny service built on splot.common, so the platform pieces are tested as a service uses them."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Integer, String, Uuid, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from splot.common.app import create_service_app
from splot.common.auth import CurrentPrincipal, Principal, require_roles, require_scopes
from splot.common.db import SessionDep, TimestampMixin, make_metadata, new_id
from splot.common.errors import Problem, not_found, problem_responses
from splot.common.etag import IfMatch, check_if_match, set_etag
from splot.common.events import EventPayload, declare, emit
from splot.common.pagination import Page, paginate
from splot.common.platform import include_platform_tables
from splot.common.settings import ServiceSettings

SAMPLE_DIR = Path(__file__).parent


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)


class Widget(TimestampMixin, Base):
    __tablename__ = "widget"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.__table__.c.version}


class WidgetCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)


class WidgetRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: uuid.UUID
    name: str
    version: int


class WidgetCreated(EventPayload):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"id": "00000000-0000-4000-8000-000000000001"}]}
    )

    id: uuid.UUID


declare("sample", "widget", WidgetCreated, widget__created="A widget was made.")

router = APIRouter(prefix="/v1")


@router.post(
    "/widgets", status_code=201, response_model=WidgetRead, responses=problem_responses(401, 409, 412, 422)
)
async def create_widget(
    session: SessionDep, _: CurrentPrincipal, data: WidgetCreate, response: Response, dry_run: bool = False
) -> Widget:
    """Create a widget (``dry_run``: only say what would be created)."""
    if dry_run:
        response.status_code = 200
        return WidgetRead(id=uuid.UUID(int=0), name=data.name, version=0)  # type: ignore[return-value]
    if data.name == "explode":
        raise RuntimeError("boom with PESEL 44051401458")
    if data.name == "fail-after-write":
        session.add(Widget(name="should be rolled back"))
        await session.flush()
        raise Problem(409, "conflict_after_write", "refused after writing")
    if data.name.startswith("duplicate-at-commit:"):
        # A race lost at commit time (a unique key taken meanwhile): the session dependency's
        # commit raises IntegrityError after the endpoint returned.
        widget = Widget(id=uuid.UUID(data.name.split(":", 1)[1]), name="copy")
        session.add(widget)
        return WidgetRead(id=widget.id, name="copy", version=1)  # type: ignore[return-value]
    if data.name.startswith("stale-at-commit:"):
        # Another writer moved the version between our read and our write.
        widget = await session.get(Widget, uuid.UUID(data.name.split(":", 1)[1]))
        assert widget is not None
        await session.execute(
            update(Widget).where(Widget.id == widget.id).values(version=Widget.version + 1),
            execution_options={"synchronize_session": False},
        )
        widget.name = "stale write"
        return widget
    widget = Widget(name=data.name)
    session.add(widget)
    await session.flush()
    await emit(
        session,
        "widget.created",
        aggregate_type="widget",
        aggregate_id=widget.id,
        payload={"id": str(widget.id)},
    )
    return widget


@router.get("/widgets", response_model=Page[WidgetRead], responses=problem_responses(401, 422))
async def list_widgets(
    session: SessionDep,
    _: CurrentPrincipal,
    cursor: str | None = None,
    limit: Annotated[int | None, Query(ge=1, le=200)] = None,
) -> Page[WidgetRead]:
    """List widgets."""
    rows, next_cursor = await paginate(
        session, select(Widget), order_by=[Widget.name, Widget.id], cursor=cursor, limit=limit
    )
    return Page[WidgetRead](items=[WidgetRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.patch(
    "/widgets/{widget_id}", response_model=WidgetRead, responses=problem_responses(401, 404, 412, 428)
)
async def rename_widget(
    *,
    session: SessionDep,
    _: CurrentPrincipal,
    widget_id: uuid.UUID,
    data: WidgetCreate,
    if_match: IfMatch = None,
    response: Response,
) -> Widget:
    """Rename a widget."""
    widget = await session.get(Widget, widget_id)
    if widget is None:
        raise not_found("widget")
    check_if_match(if_match, widget.id, widget.version)
    widget.name = data.name
    await session.flush()
    set_etag(response, widget.id, widget.version)
    return widget


@router.get("/admin-only", status_code=status.HTTP_204_NO_CONTENT)
async def admin_only(_: Annotated[Principal, Depends(require_roles("system_admin"))]) -> None:
    """Only system administrators."""


@router.get("/scoped", status_code=status.HTTP_204_NO_CONTENT)
async def scoped(_: Annotated[Principal, Depends(require_scopes("widgets:read"))]) -> None:
    """Only tokens with the widgets:read scope."""


def create_app(database_url: str) -> object:
    settings = ServiceSettings(service_name="sample", database_url=database_url, log_json=True)
    return create_service_app(
        settings, title="sample", description="sample", version="0", service_dir=SAMPLE_DIR, routers=[router]
    )
