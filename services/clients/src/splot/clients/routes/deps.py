"""What the registry's routers share: who is calling (front-line readers and writers,
coordinators, auditors, the referrals service), the audit context of the request, the app's
settings and session factory, the ``PersonId`` path type, and the 308 a merged person answers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.clients.access import FRONT_LINE_ROLES, INTERNAL_SCOPE, Actor, AuditContext, as_actor
from splot.clients.config import ClientsSettings
from splot.clients.persons import PersonMerged
from splot.common.api import responses, settings_of
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles, require_service
from splot.common.errors import READ_ERRORS, Problem, forbidden
from splot.common.observability import current_request_id

PersonId = Annotated[uuid.UUID, Path(description="Registry id of the person")]
#: Reads of a person's data: a merged record answers 308 to the survivor.
PERSON_READ_RESPONSES = responses(308, base=READ_ERRORS)

Settings = Annotated[ClientsSettings, Depends(settings_of(ClientsSettings))]


async def _sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    maker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return maker


#: The app's session factory, for work that runs after the response (its own transactions).
Sessions = Annotated[async_sessionmaker[AsyncSession], Depends(_sessionmaker)]


# --- callers -----------------------------------------------------------------------------------


async def reader(principal: CurrentPrincipal) -> Actor:
    return as_actor(principal, write=False)


async def writer(principal: CurrentPrincipal) -> Actor:
    return as_actor(principal, write=True)


async def coordinator(principal: CurrentPrincipal) -> Actor:
    actor = as_actor(principal, write=True)
    if not actor.is_coordinator:
        raise forbidden("only a coordinator may do this")
    return actor


async def auditor_or_reader(principal: CurrentPrincipal) -> tuple[Principal, Actor | None]:
    """Auditors (without a front-line role) act as auditors; everyone else as a front-line reader."""
    if principal.has_role(Role.auditor) and not principal.roles.intersection(FRONT_LINE_ROLES):
        return principal, None
    return principal, as_actor(principal, write=False)


Reader = Annotated[Actor, Depends(reader)]
Writer = Annotated[Actor, Depends(writer)]
Coordinator = Annotated[Actor, Depends(coordinator)]
Auditor = Annotated[Principal, Depends(require_roles(Role.auditor))]
AuditorOrReader = Annotated[tuple[Principal, Actor | None], Depends(auditor_or_reader)]
#: The referrals service (service token with ``clients:internal``).
Service = Annotated[Principal, Depends(require_service(INTERNAL_SCOPE))]


async def audit_context(request: Request) -> AuditContext:
    route = request.scope.get("route")
    # path_format drops convertors: "/v1/persons/{person_id}", not "{person_id:uuid}".
    template = getattr(route, "path_format", None) or getattr(route, "path", None) or request.url.path
    return AuditContext(resource=f"{request.method} {template}"[:200], request_id=current_request_id())


Audit = Annotated[AuditContext, Depends(audit_context)]


# --- merged persons ----------------------------------------------------------------------------


def merged_redirect(request: Request, moved: PersonMerged, person_id: uuid.UUID) -> Problem:
    """A merged record answers GETs with 308 to the same path on the survivor."""
    path = request.url.path
    marker = f"/persons/{person_id}"
    cut = path.rfind(marker)
    location = path[:cut] + f"/persons/{moved.survivor_id}" + path[cut + len(marker) :]
    if request.url.query:
        location += "?" + request.url.query
    return Problem(
        308,
        "person_merged",
        "this record was merged into another one",
        headers={"Location": location},
        merged_into=str(moved.survivor_id),
    )
