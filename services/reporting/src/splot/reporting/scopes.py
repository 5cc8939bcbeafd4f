"""Who sees what: territorial scopes for analysts and regional systems, institution scopes for staff.

* A user with the ``analyst`` role sees the territory of the token's ``analyst_scope``: "" the
  country, 2 digits a voivodeship, 4 digits a powiat. A referral is in a territory when its sender
  or its receiver is seated there.
* An institution's own system (client credentials) needs the ``reporting:read`` scope (the name
  the directory grants; ``reports:read``, the name first documented, is accepted too); the
  ministry's systems see the country, WUP and ROPS systems their voivodeship, others their
  institution.
* Any other staff user sees their institution's own referrals (sent or received) and the
  aggregated flows of its partners.
* Other Splot services have nothing to read here.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.errors import Problem

#: The scope the directory lets an institution grant its systems (``INSTITUTION_CLIENT_SCOPES``).
REPORTS_SCOPE = "reporting:read"
#: The name docs/indicators.md first gave it; the directory never granted it, but accept it.
LEGACY_REPORTS_SCOPE = "reports:read"
_TERRITORY = re.compile(r"^(\d{2}|\d{4})?$")


@dataclass(frozen=True)
class Scope:
    #: "national", "voivodeship", "powiat" or "institution".
    kind: str
    territory: str = ""
    institution_id: uuid.UUID | None = None
    #: The territory of an institution scope's own seat (its powiat), when known.
    is_analyst: bool = False

    @property
    def is_institution(self) -> bool:
        return self.kind == "institution"

    def covers_territory(self, code: str) -> bool:
        """A published edition or a territory within this (territorial) scope."""
        return not self.is_institution and code.startswith(self.territory)

    def describe(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "territory": self.territory if not self.is_institution else None,
            "institution_id": str(self.institution_id) if self.institution_id else None,
        }


def territory_scope(code: str, *, analyst: bool = False) -> Scope:
    kind = {0: "national", 2: "voivodeship", 4: "powiat"}[len(code)]
    return Scope(kind=kind, territory=code, is_analyst=analyst)


def resolve_scope(principal: Principal) -> Scope:
    if principal.is_service:
        raise Problem(403, "forbidden", "service tokens cannot read reports")
    if principal.kind is PrincipalKind.user and principal.has_role(Role.analyst):
        code = principal.analyst_scope
        if code is None or not _TERRITORY.match(code):
            raise Problem(403, "analyst_scope_missing", "your analyst account has no territorial scope")
        return territory_scope(code, analyst=True)
    if principal.kind is PrincipalKind.client:
        if not (principal.has_scope(REPORTS_SCOPE) or principal.has_scope(LEGACY_REPORTS_SCOPE)):
            raise Problem(
                403, "insufficient_scope", "the token lacks a required scope", required_scopes=[REPORTS_SCOPE]
            )
        if principal.institution_type == "MINISTRY":
            return territory_scope("")
        if principal.institution_type in ("WUP", "ROPS") and principal.teryt and len(principal.teryt) >= 2:
            return territory_scope(principal.teryt[:2])
    if principal.institution_id is None or not principal.roles.union(
        {"client"} if principal.kind is PrincipalKind.client else set()
    ):
        raise Problem(403, "forbidden", "your account has no institution to report on")
    return Scope(kind="institution", institution_id=principal.institution_id)


def require_analyst(principal: Principal) -> Scope:
    scope = resolve_scope(principal)
    if not scope.is_analyst:
        raise Problem(403, "forbidden", "only analysts publish editions")
    return scope
