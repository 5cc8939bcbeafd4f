"""ETags for mutable resources and the ``If-Match`` precondition on their updates.

A resource's ETag is derived from its integer ``version`` column, which SQLAlchemy also uses for
optimistic locking (``version_id_col``), so a stale writer is refused twice over: here, before any
work, and by the database when two writers race past this check at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Response

from splot.common.errors import Problem


def etag_for(resource_id: object, version: int) -> str:
    return f'"{resource_id}.{version}"'


def set_etag(response: Response, resource_id: object, version: int) -> None:
    response.headers["ETag"] = etag_for(resource_id, version)


def check_if_match(if_match: str | None, resource_id: object, version: int) -> None:
    """Refuse an update without ``If-Match`` (428) or with a stale one (412)."""
    if not if_match:
        raise Problem(
            428, "precondition_required", "send the resource's current ETag in If-Match to change it"
        )
    current = etag_for(resource_id, version)
    candidates = [part.strip() for part in if_match.split(",")]
    if "*" in candidates:
        return
    if current not in candidates and f"W/{current}" not in candidates:
        raise Problem(
            412,
            "stale_etag",
            "the resource was changed by someone else; reload it and try again",
            current_etag=current,
        )


IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="The ETag you last read; required to change the resource"),
]


def etag_on(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries saying that these answers carry the resource's ``ETag`` (updates
    and reads of a versioned resource declare it by themselves: see
    :mod:`splot.common.contract.headers`; creations and other writes add ``**etag_on(201)``)."""
    return {status: {"headers": {"ETag": {"$ref": "#/components/headers/ETag"}}} for status in statuses}
