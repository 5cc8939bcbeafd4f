"""The casework catalogues (seeded by the migration): problem areas and plan types."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.casework.models import PlanType, ProblemArea
from splot.common.errors import Problem


async def problem_areas(session: AsyncSession) -> dict[str, ProblemArea]:
    rows = (await session.scalars(select(ProblemArea).order_by(ProblemArea.sort_order))).all()
    return {a.code: a for a in rows}


async def plan_types(session: AsyncSession) -> list[PlanType]:
    return list((await session.scalars(select(PlanType).order_by(PlanType.sort_order))).all())


def unknown_code(field: str, what: str) -> Problem:
    """422 for a code that is not in a catalogue (the code itself is not echoed)."""
    return Problem(
        422,
        f"unknown_{what}",
        f"not a code of the {what.replace('_', ' ')} catalogue",
        errors=[
            {"loc": ["body", field], "msg": f"unknown {what.replace('_', ' ')}", "type": f"unknown_{what}"}
        ],
    )


async def area_of(session: AsyncSession, code: str, *, field: str = "area_code") -> ProblemArea:
    area = await session.get(ProblemArea, code)
    if area is None:
        raise unknown_code(field, "problem_area")
    return area
