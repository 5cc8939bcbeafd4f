"""No dependency of any endpoint of any service runs in FastAPI's thread pool.

FastAPI calls a plain ``def`` dependency with ``run_in_threadpool``: a hand-off to a worker thread
and back on every request that uses it, CPU a profile of the event loop does not even show (issue
#17). Every dependency is therefore a coroutine (or an async generator), down to the smallest
that only reads ``app.state``.
"""

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.dependencies.models import Dependant

from splot.embedded.services import SERVICES


def _dependants(routes: list[Any]) -> Iterator[tuple[str, Dependant]]:
    """Each endpoint's dependency tree: routes of included routers as FastAPI resolves them."""
    for route in routes:
        if hasattr(route, "effective_route_contexts"):  # an included router (FastAPI ≥ 0.160)
            for context in route.effective_route_contexts():
                yield f"{sorted(context.methods)} {context.path}", context.dependant
        elif isinstance(getattr(route, "dependant", None), Dependant):
            yield f"{sorted(route.methods)} {route.path}", route.dependant


def _blocking(dependant: Dependant) -> Iterator[str]:
    for sub in dependant.dependencies:
        call = sub.call
        function = call if inspect.isroutine(call) else getattr(call, "__call__", call)  # noqa: B004
        if not (inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)):
            yield f"{getattr(call, '__module__', '?')}.{getattr(call, '__qualname__', call)}"
        yield from _blocking(sub)


@pytest.mark.parametrize("service", SERVICES, ids=[s.name for s in SERVICES])
def test_every_dependency_is_a_coroutine(service):
    app = service.create_app(service.settings())
    endpoints = list(_dependants(app.routes))
    # The walk must reach the endpoints of the included routers, or it would prove nothing.
    assert len(endpoints) >= len(app.openapi()["paths"])
    blocking = {
        f"{name} (in {endpoint})" for endpoint, dependant in endpoints for name in _blocking(dependant)
    }
    assert sorted(blocking) == []
