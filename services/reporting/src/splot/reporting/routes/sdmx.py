"""The SDMX structure of the aggregates (the data comes from ``/v1/exports/aggregate?format=sdmx-csv``)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request, Response

from splot.common.api import LIST_RESPONSES
from splot.reporting import sdmx
from splot.reporting.routes.common import ReportScope

router = APIRouter(prefix="/v1")

STRUCTURE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An SDMX-JSON 2.0.0 structure message: the dataflow DF_REFERRALS, its data "
        "structure definition, concept scheme and codelists (indicators, territories, …)",
        "content": {sdmx.STRUCTURE_MEDIA_TYPE: {"schema": {"type": "object"}}},
    },
    **LIST_RESPONSES,
}


@router.get("/sdmx/structure", tags=["exports"], responses=STRUCTURE_RESPONSES, response_class=Response)
async def sdmx_structure(request: Request, _: ReportScope) -> Response:
    """The data structure of the SDMX-CSV export, built from the reporting catalogue: dimensions
    (frequency, indicator, the catalogue's dimensions, time period), codelists (every published
    indicator with its definition and formula, TERYT voivodeships and powiats, institution types,
    …), the measure OBS_VALUE and the attributes OBS_STATUS, OBS_CONF and UNIT_MEASURE."""
    # The path only: the Host header is the caller's to choose, not something to echo back.
    message = sdmx.structure(self_url=request.url.path)
    return Response(
        content=json.dumps(message, ensure_ascii=False),
        media_type=sdmx.STRUCTURE_MEDIA_TYPE,
        headers={"Content-Disposition": 'inline; filename="splot-sdmx-structure.json"'},
    )
