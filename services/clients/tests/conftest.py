import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from splot.clients.config import ClientsSettings
from splot.clients.identity import make_pesel
from splot.clients.main import SERVICE_DIR, create_app
from splot.clients.models import AccessLog
from splot.common.events import outbox_event
from splot.common.testing import ServiceSpec

pytest_plugins = ["splot.common.testing"]


def _create_app(database_url: str):
    return create_app(
        ClientsSettings(
            database_url=database_url,
            log_json=True,
            import_inline=True,
            retention_interval_seconds=0,
            import_poll_seconds=0,
        )
    )


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="clients", service_dir=SERVICE_DIR, create_app=_create_app)


@dataclass(frozen=True)
class Inst:
    id: uuid.UUID
    type: str
    teryt: str


PESEL_ANNA = make_pesel(date(1985, 3, 14), "F", 123)
PESEL_JAN = make_pesel(date(1979, 11, 2), "M", 456)


def person_body(**overrides):
    body = {
        "pesel": PESEL_ANNA,
        "first_name": "Anna",
        "last_name": "Kowalska",
        "gmina": "1219053",
        "city": "Wieliczka",
        "street": "ul. Zmyślona 1",
        "postal_code": "32-020",
        "phone": "+48 600 100 200",
        "preferred_contact": "phone",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


class World:
    """Institutions, tokens and shortcuts for the tests (institutions live in the directory:
    here they are just ids carried by tokens)."""

    def __init__(self, client, tokens, session):
        self.client = client
        self.tokens = tokens
        self.session = session

    def inst(self, type: str = "PUP", teryt: str = "1219053") -> Inst:
        return Inst(uuid.uuid4(), type, teryt)

    def headers(self, inst: Inst, *roles: str, sub: str | None = None) -> dict[str, str]:
        return self.tokens.headers(
            sub=sub or f"user-{uuid.uuid4().hex[:8]}",
            institution_id=inst.id,
            institution_type=inst.type,
            teryt=inst.teryt[:4],
            roles=list(roles or ("caseworker",)),
        )

    def system(self, inst: Inst, scope: str = "clients:read clients:write") -> dict[str, str]:
        return self.tokens.headers(
            sub=f"client-{inst.id.hex[:8]}",
            ptype="client",
            roles=(),
            scope=scope,
            institution_id=inst.id,
            institution_type=inst.type,
            teryt=inst.teryt[:4],
        )

    def service(self, scope: str = "clients:internal") -> dict[str, str]:
        return self.tokens.service_headers("referrals", scope)

    def role(self, role: str, inst: Inst | None = None) -> dict[str, str]:
        inst = inst or self.inst("MINISTRY", "1465011")
        return self.headers(inst, role)

    async def person(self, inst: Inst, headers: dict[str, str] | None = None, **overrides) -> dict:
        response = await self.client.post(
            "/v1/persons", json=person_body(**overrides), headers=headers or self.headers(inst)
        )
        assert response.status_code == 201, response.text
        return response.json()

    async def grant(
        self,
        person_id,
        inst: Inst,
        *,
        covers_sensitive=False,
        legal_basis="statutory",
        consent_id=None,
        sender: Inst | None = None,
        service_type="social_work",
        accepted=False,
        referral_id=None,
        active=True,
        version=0,
        expect=(200, 201),
    ):
        """What the referrals service sends for a referral's receiver (see GrantCreate)."""
        response = await self.client.post(
            "/v1/internal/access-grants",
            json={
                "person_id": str(person_id),
                "institution_id": str(inst.id),
                "referral_id": str(referral_id or uuid.uuid4()),
                "sender_institution_id": str((sender or self.inst("PUP")).id),
                "service_type_code": service_type,
                "legal_basis": legal_basis,
                "consent_id": str(consent_id) if consent_id else None,
                "covers_sensitive": covers_sensitive,
                "accepted": accepted,
                "active": active,
                "version": version,
            },
            headers=self.service(),
        )
        assert response.status_code in expect, response.text
        return response.json() if response.content else None

    async def events(self, aggregate_id=None, type=None):
        stmt = select(outbox_event).order_by(outbox_event.c.seq)
        if aggregate_id is not None:
            stmt = stmt.where(outbox_event.c.aggregate_id == str(aggregate_id))
        if type is not None:
            stmt = stmt.where(outbox_event.c.type == type)
        return [dict(r) for r in (await self.session.execute(stmt)).mappings().all()]

    async def log(self, person_id=None, action=None):
        stmt = select(AccessLog).order_by(AccessLog.occurred_at)
        if person_id is not None:
            stmt = stmt.where(AccessLog.person_id == uuid.UUID(str(person_id)))
        if action is not None:
            stmt = stmt.where(AccessLog.action == action)
        return list((await self.session.scalars(stmt)).all())


@pytest.fixture
def world(client, tokens, session) -> World:
    return World(client, tokens, session)
