"""Who may do what with surveys.

* Analysts (users with the ``analyst`` role and an ``analyst_scope``): design questionnaires and
  open rounds within their scope; read rounds and results whose territory their scope covers;
  owner-only actions (close, reminders, free texts, identities in the export) belong to the
  analyst who opened the round, with the same scope.
* Institutions: a ``coordinator`` or ``institution_admin`` of an invited institution fills in
  its response; a round it was not invited to is 404; other staff roles 403.
* Institution systems (client credentials) and other Splot services: 403 for all of it — a
  survey is answered and read by people, not by machines.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.errors import Problem

_SCOPE = re.compile(r"^(\d{2}|\d{4})?$")
FILLING_ROLES = (Role.coordinator.value, Role.institution_admin.value)


@dataclass(frozen=True)
class Analyst:
    scope: str
    subject: str

    def covers(self, territory: str) -> bool:
        return territory.startswith(self.scope)


def _people_only(principal: Principal) -> None:
    if principal.kind is not PrincipalKind.user:
        raise Problem(403, "forbidden", "surveys are for signed-in staff, not for systems or services")


def analyst_of(principal: Principal) -> Analyst:
    _people_only(principal)
    if not principal.has_role(Role.analyst):
        raise Problem(403, "forbidden", "only analysts design surveys and read their results")
    code = principal.analyst_scope
    if code is None or not _SCOPE.match(code):
        raise Problem(403, "analyst_scope_missing", "your analyst account has no territorial scope")
    return Analyst(scope=code, subject=principal.subject)


def institution_of(principal: Principal) -> uuid.UUID:
    _people_only(principal)
    if principal.institution_id is None or not principal.roles.intersection(FILLING_ROLES):
        raise Problem(
            403, "forbidden", "only a coordinator or an administrator of the institution answers surveys"
        )
    return principal.institution_id
