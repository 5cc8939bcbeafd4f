"""Who may do what with a good practice.

* **Submitters** — users with the ``caseworker``, ``coordinator`` or ``institution_admin`` role
  and an institution: they write their institution's practices (drafts and returned ones), attach
  files and submit them; they read every practice of their institution, whatever its state.
* **Reviewers** — analysts whose territorial scope covers the institution's seat: they read the
  practice once submitted (every state but ``draft``), accept, return or reject it with a
  comment, publish and unpublish it.
* **Readers** — every signed-in staff user (any role) reads published practices. Systems
  (client credentials) and services do not: the catalogue is for people, systems read the
  aggregates.

Anyone else gets 404 for a practice they may not read (its existence is not disclosed).
"""

from __future__ import annotations

import re

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.errors import Problem, forbidden, not_found
from splot.reporting.practices.models import Practice

SUBMITTER_ROLES = (Role.caseworker, Role.coordinator, Role.institution_admin)
_TERRITORY = re.compile(r"^(\d{2}|\d{4})?$")


def require_staff(actor: Principal) -> None:
    """Signed-in staff users only (403 for systems and services)."""
    if actor.kind is not PrincipalKind.user or not actor.roles:
        raise forbidden("good practices are read by staff users")


def analyst_territory(actor: Principal) -> str | None:
    """The analyst's territory ("" national), or None for a non-analyst."""
    if actor.kind is not PrincipalKind.user or not actor.has_role(Role.analyst):
        return None
    code = actor.analyst_scope
    if code is None or not _TERRITORY.match(code):
        return None
    return code


def require_analyst(actor: Principal) -> str:
    territory = analyst_territory(actor)
    if territory is None:
        raise forbidden("only analysts review good practices")
    return territory


def is_submitter(actor: Principal) -> bool:
    return (
        actor.kind is PrincipalKind.user
        and actor.institution_id is not None
        and actor.has_role(*SUBMITTER_ROLES)
    )


def require_submitter(actor: Principal) -> None:
    if not is_submitter(actor):
        raise forbidden("a caseworker, coordinator or administrator of an institution submits practices")


def own(practice: Practice, actor: Principal) -> bool:
    return is_submitter(actor) and practice.institution_id == actor.institution_id


def reviews(practice: Practice, actor: Principal) -> bool:
    territory = analyst_territory(actor)
    return territory is not None and practice.teryt.startswith(territory)


def can_read(practice: Practice, actor: Principal) -> bool:
    if practice.status == "published":
        return actor.kind is PrincipalKind.user and bool(actor.roles)
    if own(practice, actor):
        return True
    return practice.status != "draft" and reviews(practice, actor)


def require_read(practice: Practice | None, actor: Principal) -> Practice:
    require_staff(actor)
    if practice is None or not can_read(practice, actor):
        raise not_found("practice")
    return practice


EDITABLE = ("draft", "returned")
#: action → (from states, to state, who: "submitter" or "reviewer").
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "submit": (EDITABLE, "submitted", "submitter"),
    "accept": (("submitted",), "accepted", "reviewer"),
    "return": (("submitted", "accepted"), "returned", "reviewer"),
    "reject": (("submitted", "accepted"), "rejected", "reviewer"),
    "publish": (("accepted",), "published", "reviewer"),
    "unpublish": (("published",), "accepted", "reviewer"),
}
NEEDS_COMMENT = ("return", "reject")


def allowed_actions(practice: Practice, actor: Principal) -> list[str]:
    found: list[str] = []
    mine, reviewer = own(practice, actor), reviews(practice, actor)
    if mine and practice.status in EDITABLE:
        found += ["edit", "attach"]
    for action, (sources, _, who) in TRANSITIONS.items():
        if practice.status in sources and (mine if who == "submitter" else reviewer):
            found.append(action)
    return found


def check_transition(practice: Practice, actor: Principal, action: str) -> str:
    """The new state (403 for the wrong person, 409 for the wrong state)."""
    sources, target, who = TRANSITIONS[action]
    if who == "submitter" and not own(practice, actor):
        raise forbidden("the practice's institution submits it")
    if who == "reviewer" and not reviews(practice, actor):
        raise forbidden("an analyst whose territory covers the institution reviews it")
    if practice.status not in sources:
        raise Problem(
            409,
            "invalid_transition",
            f"cannot {action} a practice that is {practice.status}",
            state=practice.status,
        )
    return target
