"""Who may give whom which role.

| actor               | may grant or remove                                   | where               | own roles |
|---------------------|-------------------------------------------------------|---------------------|-----------|
| system_admin        | every role                                            | any institution     | yes       |
| institution_admin   | caseworker, coordinator, institution_admin            | its own institution | never     |
| anyone else         | nothing                                               |                     | never     |

A change is the set of roles added or removed (roles kept as they are need no grant); a change
of analyst scope counts as granting ``analyst``. Institution admins manage (rename, deactivate,
activate, reset the password of) only accounts of their own institution whose every role they
could grant themselves: an auditor's, an analyst's or a system admin's account is a system
admin's to manage, otherwise a password reset would hand its access to the institution admin.

Analysts are valid only in institutions that do analysis (WUP, ROPS, the ministry) and with a
scope no wider than the institution's territory: the ministry any ("" national, a voivodeship,
a powiat), a WUP or ROPS its own voivodeship or a powiat in it. An analyst scope without the
analyst role is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from splot.common import teryt
from splot.common.auth import Principal, Role
from splot.common.errors import Problem, forbidden

ALL_ROLES = frozenset(r.value for r in Role)
#: What an institution admin may grant within its own institution.
INSTITUTION_ROLES = frozenset({Role.caseworker.value, Role.coordinator.value, Role.institution_admin.value})
#: Institution types that employ analysts.
ANALYST_INSTITUTION_TYPES = frozenset({"WUP", "ROPS", "MINISTRY"})


def actor_user_id(actor: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(actor.subject) if actor.kind.value == "user" else None
    except ValueError:
        return None


def grantable_by(actor: Principal) -> frozenset[str]:
    if actor.kind.value != "user":
        return frozenset()
    if actor.has_role(Role.system_admin):
        return ALL_ROLES
    if actor.has_role(Role.institution_admin):
        return INSTITUTION_ROLES
    return frozenset()


def may_manage_account(actor: Principal, *, institution_id: uuid.UUID, roles: Iterable[str]) -> bool:
    """May ``actor`` change an account of ``institution_id`` holding ``roles`` at all."""
    if actor.kind.value != "user":
        return False
    if actor.has_role(Role.system_admin):
        return True
    return (
        actor.has_role(Role.institution_admin)
        and actor.institution_id == institution_id
        and set(roles) <= INSTITUTION_ROLES
    )


def check_role_change(
    actor: Principal,
    *,
    institution_id: uuid.UUID,
    target_user_id: uuid.UUID | None,
    roles_before: Iterable[str],
    roles_after: Iterable[str],
    scope_changed: bool,
) -> None:
    """403 unless ``actor`` may turn ``roles_before`` into ``roles_after`` for this account
    (``target_user_id`` None: a new account)."""
    changed = set(roles_before) ^ set(roles_after)
    if scope_changed:
        changed.add(Role.analyst.value)
    if not changed:
        return
    if actor.has_role(Role.system_admin) and actor.kind.value == "user":
        return
    if target_user_id is not None and target_user_id == actor_user_id(actor):
        raise forbidden("you cannot change your own roles; ask another administrator")
    if actor.institution_id != institution_id:
        raise forbidden("you can only manage your own institution's accounts")
    refused = changed - grantable_by(actor)
    if refused:
        raise forbidden(
            "you cannot grant or remove these roles: "
            + ", ".join(sorted(refused))
            + " (analyst, auditor and system_admin are granted by a system administrator)"
        )


def check_analyst(
    *, institution_type: str, institution_teryt: str, roles: Iterable[str], scope: str | None
) -> None:
    """422 unless the account's analyst role and scope fit its institution."""
    if Role.analyst.value not in set(roles):
        if scope is not None:
            raise Problem(
                422, "analyst_scope_without_analyst", "only analysts have an analyst_scope; leave it out"
            )
        return
    if scope is None:
        raise Problem(
            422,
            "analyst_scope_required",
            'analysts need an analyst_scope ("" national, voivodeship or powiat code)',
        )
    if institution_type not in ANALYST_INSTITUTION_TYPES:
        raise Problem(
            422,
            "analyst_not_allowed",
            "only a WUP, a ROPS or the ministry employs analysts",
            allowed_institution_types=sorted(ANALYST_INSTITUTION_TYPES),
        )
    if scope and teryt.register().get(scope) is None:
        raise Problem(422, "unknown_territory", "analyst_scope is not a voivodeship or powiat code")
    if institution_type != "MINISTRY" and (scope == "" or scope[:2] != institution_teryt[:2]):
        raise Problem(
            422,
            "analyst_scope_too_wide",
            "the analyst scope must lie within the institution's own voivodeship",
            widest_scope=institution_teryt[:2],
        )
