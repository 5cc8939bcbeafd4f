"""The client registry's individual plans, as a peer: a referral that serves a plan action tells
the registry its state (``PUT /v1/internal/plan-actions/{action_id}/referral``, scope
``clients:internal``), which keeps the newest state by the referral's version, so repeats and
late, older states change nothing (see :mod:`splot.referrals.plan_actions`).

:class:`ClientsPlanCalls` is mixed into :class:`~splot.referrals.peers.HttpPeers` (it uses its
token and error handling); this module does not import :mod:`splot.referrals.peers`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import structlog

log = structlog.get_logger("splot.referrals.peers")

#: Answers that refuse the state for good (no such action, or the registry does not accept this
#: referral for it): retrying would not change them.
REFUSED = (404, 409, 422)


class PlanActionRefused(Exception):
    """The registry refused a plan action's state for good (its answer is in ``status``)."""

    def __init__(self, status: int) -> None:
        super().__init__(f"the client registry refused the plan action's state ({status})")
        self.status = status


@dataclass(frozen=True)
class PlanActionState:
    """A referral's state for the plan action it serves, as of one referral version (the body of
    the registry's ``PUT /v1/internal/plan-actions/{action_id}/referral``)."""

    plan_action_id: uuid.UUID
    referral_id: uuid.UUID
    person_id: uuid.UUID
    sender_institution_id: uuid.UUID
    status: str
    outcome_code: str | None
    receiver_institution_id: uuid.UUID
    version: int

    def to_json(self) -> dict[str, Any]:
        return {
            "referral_id": str(self.referral_id),
            "person_id": str(self.person_id),
            "sender_institution_id": str(self.sender_institution_id),
            "status": self.status,
            "outcome_code": self.outcome_code,
            "receiver_institution_id": str(self.receiver_institution_id),
            "version": self.version,
        }


class _Caller(Protocol):
    clients_url: str

    async def _call(
        self, peer: str, method: str, url: str, *, json: dict[str, Any] | None = None, ok: tuple[int, ...]
    ) -> httpx.Response: ...


class ClientsPlanCalls:
    """The registry's plan endpoints over HTTP (mixed into ``HttpPeers``)."""

    async def put_plan_action_referral(self: _Caller, state: PlanActionState) -> None:
        """Hand the state over; :class:`PlanActionRefused` when the registry refuses it for good,
        ``PeerUnavailable`` when it cannot take it now."""
        response = await self._call(
            "clients",
            "PUT",
            f"{self.clients_url}/v1/internal/plan-actions/{state.plan_action_id}/referral",
            json=state.to_json(),
            ok=(200, 201, 204, *REFUSED),
        )
        if response.status_code in REFUSED:
            log.warning("plan_action_state_refused", peer="clients", status=response.status_code)
            raise PlanActionRefused(response.status_code)
