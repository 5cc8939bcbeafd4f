"""The registry's HTTP layer: one ``APIRouter`` per concern, HTTP only (the rules are in the
modules of :mod:`splot.clients`); what they share is in :mod:`splot.clients.routes.deps`."""

from __future__ import annotations

from fastapi import APIRouter

from splot.clients.routes import (
    access,
    access_requests,
    attributes,
    audit,
    casework_coordination,
    casework_diagnoses,
    casework_internal,
    casework_plans,
    consents,
    imports,
    internal,
    merges,
    persons,
)

#: In the order the contract lists them.
ROUTERS: tuple[APIRouter, ...] = (
    persons.router,
    merges.router,
    attributes.router,
    consents.router,
    access.router,
    access_requests.router,
    audit.router,
    imports.router,
    casework_diagnoses.router,
    casework_plans.router,
    casework_coordination.router,
    internal.router,
    casework_internal.router,
)
