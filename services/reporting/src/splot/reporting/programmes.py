"""Programmes as a reporting dimension (issue #16): referrals, individual plans and partnerships
can belong to a programme of the directory's catalogue (``GET /api/directory/v1/programmes``).
Their events carry the code (``referral_fact.programme``, ``casework_plan.programme``,
``partnership_dim.programme``); the aggregate API groups and filters by ``programme`` (no
programme: the value ``none``) from its own cube (:data:`splot.reporting.cubes.PROGRAMME`).
The names come from the directory's catalogue, re-read like the service types."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Boolean, String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, utcnow
from splot.reporting.models import Base

#: The dimension's value for a referral (plan, partnership) without a programme.
NO_PROGRAMME = "none"


class ProgrammeRef(Base):
    """The directory's programme catalogue (only what reporting shows: the name and kind)."""

    __tablename__ = "programme_ref"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProgrammeSource(Protocol):
    async def programmes(self) -> list[dict[str, Any]]: ...


async def refresh_programmes(sessionmaker: async_sessionmaker[AsyncSession], catalogue: object) -> int:
    """Re-read the directory's programme catalogue (a catalogue without ``programmes``: none)."""
    fetch = getattr(catalogue, "programmes", None)
    if fetch is None:
        return 0
    items: list[dict[str, Any]] = await fetch()
    async with sessionmaker() as session, session.begin():
        for item in items:
            code = str(item["code"])[:40]
            row = await session.get(ProgrammeRef, code)
            if row is None:
                row = ProgrammeRef(code=code)
                session.add(row)
            row.name = str(item.get("name") or code)[:300]
            row.kind = str(item["kind"])[:32] if item.get("kind") else None
            row.active = bool(item.get("active", True))
            row.refreshed_at = utcnow()
    return len(items)


async def labels(session: AsyncSession) -> dict[str, str]:
    """Names of the programme codes known from the directory (codes without one show as codes)."""
    rows = (await session.execute(select(ProgrammeRef.code, ProgrammeRef.name))).all()
    return {str(code): str(name) for code, name in rows}
