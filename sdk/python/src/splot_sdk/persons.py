"""Register a person once: a retry, a re-run of an import, or a person another of your systems
already registered gives back the existing record instead of a duplicate or an error.

``POST /v1/persons`` refuses a likely duplicate with 409 ``likely_duplicate`` and names the
candidates you may see; one that matches by PESEL or identity document is the same person, and
:func:`ensure_person` returns it. A match by name and birth date alone is not proof: that 409 is
raised (:class:`PersonConflict`) for a person to decide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from splot_sdk.clients import AuthenticatedClient
from splot_sdk.clients.api.persons import create_person_v1_persons_post as create_person
from splot_sdk.clients.models import LikelyDuplicateProblem, PersonCreate, PersonRead
from splot_sdk.clients.types import UNSET

#: Candidate matches that identify the same person.
EXACT_MATCHES = frozenset({"pesel", "document_number"})


class PersonConflict(Exception):
    """The person could not be registered nor found (``status`` and the problem document ``body``)."""

    def __init__(self, status: int, body: Mapping[str, Any]) -> None:
        super().__init__(f"person not registered ({status}): {body.get('code')}: {body.get('detail')}")
        self.status = status
        self.body = body


def ensure_person(
    client: AuthenticatedClient,
    person: PersonCreate | Mapping[str, Any],
    *,
    idempotency_key: str | None = None,
) -> tuple[str, bool]:
    """``(person_id, created)``: the new record, or the existing one your institution can see that
    has the same PESEL or document number. Other refusals raise :class:`PersonConflict`.

    ``idempotency_key`` (derive it from your own record, e.g. a UUID5 of its id and content): a
    retry after a lost answer gets the first answer again (the same record, ``created`` false:
    this call created nothing) instead of a 409, for 24 hours."""
    body = person if isinstance(person, PersonCreate) else PersonCreate.from_dict(dict(person))
    response = create_person.sync_detailed(
        client=client, body=body, idempotency_key=idempotency_key if idempotency_key is not None else UNSET
    )
    parsed = response.parsed
    if response.status_code == 201 and isinstance(parsed, PersonRead):
        # A replay (the same key answered before) created nothing now.
        return str(parsed.id), response.headers.get("idempotent-replayed") != "true"
    if response.status_code == 409 and isinstance(parsed, LikelyDuplicateProblem):
        candidates = parsed.candidates if isinstance(parsed.candidates, list) else []
        exact = [c for c in candidates if c.match in EXACT_MATCHES]
        if len(exact) == 1:
            return str(exact[0].person_id), False
    problem: Mapping[str, Any] = parsed.to_dict() if parsed is not None else {}
    raise PersonConflict(int(response.status_code), problem)
