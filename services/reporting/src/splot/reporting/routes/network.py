"""Indicators about who cooperates with whom: shared clients, the cooperation index, the
cooperation network of a powiat and an institution's partners."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query

from splot.common.api import LIST_RESPONSES, READ_RESPONSES
from splot.common.db import SessionDep
from splot.common.errors import Problem, not_found
from splot.reporting import indicators, schemas
from splot.reporting.models import InstitutionDim
from splot.reporting.periods import parse_period
from splot.reporting.routes.common import (
    CurrentPolicy,
    PeriodParam,
    ReportScope,
    envelope,
    filter_param,
)

router = APIRouter(prefix="/v1")


@router.get(
    "/indicators/shared-clients",
    response_model=schemas.SharedClientsRead,
    tags=["indicators"],
    responses=LIST_RESPONSES,
)
async def shared_clients(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    level: schemas.TerritoryLevel = schemas.TerritoryLevel.powiat,
) -> dict[str, Any]:
    """Persons served by PUP+OPS, PUP+NGO, OPS+NGO and all three, by territory of residence."""
    parsed = parse_period(period)
    rows = await indicators.shared_clients(
        session, period=parsed, level=level.value, scope=scope, policy=policy
    )
    return {
        **await envelope(session, scope, policy),
        "period": parsed.label,
        "level": level.value,
        "rows": [{**r, "values": {k: v.as_dict() for k, v in r["values"].items()}} for r in rows],
    }


@router.get(
    "/indicators/cooperation-index",
    response_model=schemas.CooperationRead,
    tags=["indicators"],
    responses=LIST_RESPONSES,
)
async def cooperation_index(
    session: SessionDep, scope: ReportScope, policy: CurrentPolicy, period: PeriodParam
) -> dict[str, Any]:
    """Cooperation index per powiat and its components."""
    parsed = parse_period(period)
    rows = await indicators.cooperation_index(session, period=parsed, scope=scope, policy=policy)
    return {
        **await envelope(session, scope, policy),
        "period": parsed.label,
        "rows": [{k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in r.items()} for r in rows],
    }


@router.get(
    "/indicators/network", response_model=schemas.NetworkRead, tags=["indicators"], responses=LIST_RESPONSES
)
async def cooperation_network(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    service_type: Annotated[str | None, filter_param("service_type")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """The cooperation network: institutions as nodes, referral flows as weighted edges."""
    graph = await indicators.network(
        session,
        period=parse_period(period),
        scope=scope,
        policy=policy,
        service_type=service_type,
        limit=limit,
    )
    graph["edges"] = [
        {k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in e.items()} for e in graph["edges"]
    ]
    return {**await envelope(session, scope, policy), **graph}


@router.get(
    "/indicators/partners", response_model=schemas.PartnersRead, tags=["indicators"], responses=READ_RESPONSES
)
async def partner_flows(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    institution_id: Annotated[
        uuid.UUID | None, Query(description="Analysts: an institution in your territory")
    ] = None,
) -> dict[str, Any]:
    """Your institution's flows with each partner and the partners' aggregated flows."""
    if scope.is_institution:
        if institution_id is not None and institution_id != scope.institution_id:
            raise not_found("institution")
        target = scope.institution_id
    else:
        if institution_id is None:
            raise Problem(422, "institution_required", "analysts name the institution (institution_id)")
        inst = await session.get(InstitutionDim, institution_id)
        if inst is None or not inst.powiat_code.startswith(scope.territory):
            raise not_found("institution")
        target = institution_id
    assert target is not None
    body = await indicators.partners(
        session,
        period=parse_period(period),
        institution_id=target,
        policy=policy,
        exact=scope.is_institution,
    )
    for row in body["partners"]:
        row["values"] = {k: v.as_dict() for k, v in row["values"].items()}
    return {**await envelope(session, scope, policy), **body}
