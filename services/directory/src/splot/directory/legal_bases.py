"""The legal-basis catalogue: provisions of Polish law a referral (and later an individual plan)
rests on, with the institution types whose statutory task each is and the service types it
covers. Reference data, seeded by migration; read by any authenticated caller."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.directory.models import LegalBasis


def covers(basis: LegalBasis, *, institution_type: str | None, service_type: str | None) -> bool:
    """Whether the provision is a task of that institution type and covers that service type
    (an empty service-type list covers every one)."""
    if institution_type is not None and institution_type not in basis.institution_types:
        return False
    return service_type is None or not basis.service_types or service_type in basis.service_types


async def list_legal_bases(
    session: AsyncSession,
    *,
    institution_type: str | None = None,
    service_type: str | None = None,
    active: bool | None = None,
) -> list[LegalBasis]:
    """The catalogue in its order, filtered (the lists are JSON: filtered here, the catalogue is
    a few dozen rows)."""
    stmt = select(LegalBasis).order_by(LegalBasis.sort_order, LegalBasis.code)
    if active is not None:
        stmt = stmt.where(LegalBasis.active.is_(active))
    rows = (await session.scalars(stmt)).all()
    return [b for b in rows if covers(b, institution_type=institution_type, service_type=service_type)]
