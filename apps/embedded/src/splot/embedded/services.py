"""The services the embedded mode runs, and how to migrate, seed and build each of them.

This is the composition root: the only code that imports every service. Demo data is seeded
service by service, each into its own database, in dependency order; later seeds receive what
earlier ones returned (the directory's institutions, the registry's persons, the referrals'
implied access grants and the states of the referrals that serve plan actions), so the data stays
consistent across databases.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import demo as clients_demo
from splot.clients import internal as clients_internal
from splot.clients import schemas as clients_schemas
from splot.clients.access import AuditContext
from splot.clients.casework.linking import link_referral
from splot.clients.config import ClientsSettings
from splot.clients.main import SERVICE_DIR as CLIENTS_DIR
from splot.clients.main import create_app as create_clients
from splot.clients.models import Consent
from splot.clients.schemas.casework_plans import ActionReferralSet
from splot.common.auth import Principal, PrincipalKind
from splot.common.db import utcnow
from splot.common.settings import ServiceSettings
from splot.directory import demo as directory_demo
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR as DIRECTORY_DIR
from splot.directory.main import create_app as create_directory
from splot.referrals import demo as referrals_demo
from splot.referrals.config import ReferralsSettings
from splot.referrals.main import SERVICE_DIR as REFERRALS_DIR
from splot.referrals.main import create_app as create_referrals
from splot.reporting.config import ReportingSettings
from splot.reporting.main import SERVICE_DIR as REPORTING_DIR
from splot.reporting.main import create_app as create_reporting

Seed = Callable[[AsyncSession, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True)
class EmbeddedService:
    name: str
    settings: Callable[[], ServiceSettings]
    create_app: Callable[[Any], FastAPI]
    service_dir: Path


SERVICES: tuple[EmbeddedService, ...] = (
    EmbeddedService("directory", DirectorySettings, create_directory, DIRECTORY_DIR),
    EmbeddedService("clients", ClientsSettings, create_clients, CLIENTS_DIR),
    EmbeddedService("referrals", ReferralsSettings, create_referrals, REFERRALS_DIR),
    EmbeddedService("reporting", ReportingSettings, create_reporting, REPORTING_DIR),
)
BY_NAME = {service.name: service for service in SERVICES}


def _service_secrets() -> dict[str, str]:
    """Each peer service's own client secret, so the directory can register it (embedded only)."""
    return {
        service.name: service.settings().service_client_secret.get_secret_value()
        for service in SERVICES
        if service.name in directory_demo.SERVICE_CLIENTS
    }


async def _seed_directory(session: AsyncSession, _: dict[str, Any]) -> Any:
    return await directory_demo.seed(session, service_secrets=_service_secrets())


async def _seed_clients(session: AsyncSession, _: dict[str, Any]) -> Any:
    refs = [
        clients_demo.DemoInstitutionRef(id=i.id, key=i.key, type=i.type, teryt=i.teryt)
        for i in directory_demo.INSTITUTIONS
    ]
    return await clients_demo.seed(session, institutions=refs)


async def _seed_referrals(session: AsyncSession, results: dict[str, Any]) -> Any:
    institutions = {
        i.key: referrals_demo.DemoInstitutionRef(
            id=i.id, key=i.key, type=i.type, teryt=i.teryt, offers=tuple(o[0] for o in i.offers)
        )
        for i in directory_demo.INSTITUTIONS
    }
    persons = [
        referrals_demo.DemoPersonRef(id=p.id, registering_institution_id=p.institution_id)
        for p in results["clients"].persons
    ]
    plan_actions = [
        referrals_demo.DemoPlanActionRef(
            id=a.id,
            person_id=a.person_id,
            institution_ids=a.institution_ids,
            service_type_code=a.service_type_code,
        )
        for a in results["clients"].plan_actions
    ]
    return await referrals_demo.seed(
        session, institutions=institutions, persons=persons, plan_actions=plan_actions
    )


_SEED_PRINCIPAL = Principal(
    subject="referrals",
    kind=PrincipalKind.service,
    institution_id=None,
    institution_type=None,
    teryt=None,
    scopes=frozenset({"clients:internal"}),
)
_SEED_AUDIT = AuditContext(resource="embedded demo seed", request_id=None)


async def _covering_consent(session: AsyncSession, grant: Any) -> uuid.UUID | None:
    institution = next(i for i in directory_demo.INSTITUTIONS if i.id == grant.institution_id)
    consents = (
        await session.scalars(
            select(Consent).where(
                Consent.person_id == grant.person_id,
                or_(
                    Consent.recipient_institution_id == grant.institution_id,
                    Consent.recipient_institution_type == institution.type,
                ),
            )
        )
    ).all()
    valid = [c for c in consents if c.state_at(utcnow()) == "valid"]
    return valid[0].id if valid else None


async def _grant_demo_access(session: AsyncSession, results: dict[str, Any]) -> Any:
    """The access the demo referrals imply, given in the registry as the referrals service would
    have done it through the internal API (before the services start)."""
    referrals = results["referrals"]
    if not referrals.created:
        return None
    settings = ClientsSettings()
    for state in referrals.grants:
        consent_id = state.consent_id
        if state.legal_basis == "consent" and consent_id is None:
            consent_id = await _covering_consent(session, state)
            if consent_id is None:
                continue  # no valid consent in the demo registry: the receiver gets no access
        data = clients_schemas.GrantCreate.model_validate({**state.to_json(), "consent_id": consent_id})
        if not state.active:
            # An ended referral: it had given access (sent), which then ended.
            await clients_internal.create_grant(
                session,
                principal=_SEED_PRINCIPAL,
                audit=_SEED_AUDIT,
                data=data.model_copy(update={"active": True, "version": max(0, state.version - 1)}),
                settings=settings,
            )
        await clients_internal.create_grant(
            session, principal=_SEED_PRINCIPAL, audit=_SEED_AUDIT, data=data, settings=settings
        )
    return None


async def _link_demo_plan_actions(session: AsyncSession, results: dict[str, Any]) -> Any:
    """The other side of the demo referrals' links to plan actions: each action gets its
    referral's newest state through the registry's own linking rule, as the referrals service
    would have handed it over (``PUT /v1/internal/plan-actions/{id}/referral``)."""
    referrals = results["referrals"]
    if not referrals.created:
        return None
    for state in referrals.plan_action_states:
        await link_referral(
            session,
            principal=_SEED_PRINCIPAL,
            action_id=state.plan_action_id,
            data=ActionReferralSet.model_validate(state.to_json()),
            audit=_SEED_AUDIT,
        )
    return None


#: (database of, step) in dependency order.
SEED_STEPS: tuple[tuple[str, str, Seed], ...] = (
    ("directory", "directory", _seed_directory),
    ("clients", "clients", _seed_clients),
    ("referrals", "referrals", _seed_referrals),
    ("clients", "grants", _grant_demo_access),
    ("clients", "plan_links", _link_demo_plan_actions),
)
