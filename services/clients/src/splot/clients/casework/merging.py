"""Casework and merges: diagnoses, plans and case conferences follow a merge with the registry's
other rows (``merges.FOLLOWING``); the lead worker follows only when the survivor has none."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.casework.models import LeadWorker


async def follow_merge_lead_worker(
    session: AsyncSession, *, survivor_id: uuid.UUID, merged_id: uuid.UUID
) -> list[str]:
    """The merged record's lead worker (and its history) moves to the survivor when the survivor
    has none; a survivor with its own keeps it. Returns the ids moved (for the undo)."""
    survivor_has = await session.scalar(
        select(LeadWorker.id).where(LeadWorker.person_id == survivor_id, LeadWorker.ended_at.is_(None))
    )
    if survivor_has is not None:
        return []
    ids = list((await session.scalars(select(LeadWorker.id).where(LeadWorker.person_id == merged_id))).all())
    if ids:
        await session.execute(
            update(LeadWorker)
            .where(LeadWorker.id.in_(ids))
            .values(person_id=survivor_id)
            .execution_options(synchronize_session=False)
        )
    return [str(i) for i in ids]
