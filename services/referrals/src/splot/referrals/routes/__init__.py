"""HTTP layer of the referrals service, one router per concern (all under ``/v1``). Routers do
HTTP only; the rules live in the modules they call. :data:`ROUTERS` is what the app includes."""

from __future__ import annotations

from fastapi import APIRouter

from splot.referrals.routes import (
    chains,
    feed,
    followups,
    messages,
    notifications,
    reference,
    referrals,
    webhooks,
    workflow,
)

#: Included in this order, which is the order of the paths in the published contract.
ROUTERS: tuple[APIRouter, ...] = (
    reference.router,
    referrals.router,
    workflow.router,
    chains.router,
    messages.router,
    followups.router,
    notifications.router,
    webhooks.router,
    feed.router,
)
