"""Input strictness shared by all services: ISO dates only, and no unknown query parameters."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from pydantic import AfterValidator, BeforeValidator

from splot.common.errors import Problem

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: Any) -> Any:
    # Pydantic's lax mode would read 0 or "0" as 1970-01-01: a typo must not become a date.
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _single_line(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("one line of text: no line breaks, tabs or control characters")
    return value


def _multi_line(value: str) -> str:
    if _CONTROL_MULTILINE.search(value):
        raise ValueError("text may have line breaks and tabs, but no other control characters")
    return value


#: Text that must stay on one line (titles, names, codes given by users): no C0 controls at all.
SingleLine = Annotated[str, AfterValidator(_single_line)]
#: Free text (notes, messages): line breaks and tabs, no other control characters.
MultiLine = Annotated[str, AfterValidator(_multi_line)]


def _collect(dependant: Dependant, names: set[str]) -> None:
    names.update(param.alias for param in dependant.query_params)
    for sub in dependant.dependencies:
        _collect(sub, names)


def _query_names(route: Any) -> frozenset[str]:
    # Computed once per route and kept on it (routes are not hashable, so no cache dict).
    names: frozenset[str] | None = getattr(route, "_splot_query_names", None)
    if names is None:
        found: set[str] = set()
        dependant = getattr(route, "dependant", None)
        if dependant is not None:
            _collect(dependant, found)
        names = frozenset(found)
        route._splot_query_names = names
    return names


async def reject_unknown_query_parameters(request: Request) -> None:
    """A misspelt filter must fail loudly, not silently return everything."""
    route = request.scope.get("route")
    if route is None or not request.query_params:
        return
    unknown = sorted(set(request.query_params.keys()) - _query_names(route))
    if unknown:
        raise Problem(
            422,
            "unknown_query_parameter",
            "unknown query parameter(s): " + ", ".join(unknown),
            errors=[
                {"loc": ["query", name], "msg": "unknown parameter", "type": "extra_forbidden"}
                for name in unknown
            ],
        )
