import ipaddress
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import pytest

from splot.common.testing import ServiceSpec
from splot.referrals.config import ReferralsSettings
from splot.referrals.main import SERVICE_DIR, create_app
from splot.referrals.scheduler import SchedulerContext, SchedulerReport, run_once
from splot.referrals.workflow import Actor

from referrals_fakes import FakePeers, MemoryEmailSender

pytest_plugins = ["splot.common.testing"]

STATUTORY = {"kind": "statutory", "code": "test_statutory"}

#: Public addresses the stub resolver hands out. Nothing ever connects to them: deliveries to them
#: go through an ASGI or mock transport, and the loopback guard below fails any test that tries.
PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"


class StubResolver:
    """The tests' DNS: only the names in ``names`` resolve; no test asks a real resolver."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {"receiver.test": [PUBLIC_V4]}
        self.asked: list[str] = []

    async def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        try:
            return list(self.names[host.lower().rstrip(".")])
        except KeyError:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from None


#: Connections a test tried to open to anything but loopback (checked after every test).
FORBIDDEN_CONNECTIONS: list[str] = []


class LoopbackOnly(httpx.AsyncBaseTransport):
    """A real HTTP transport that connects only to 127.0.0.0/8 and ::1 (this environment forbids any
    other traffic). The URL must carry an IP address: deliveries are pinned to vetted addresses."""

    def __init__(self, **kwargs) -> None:
        self._inner = httpx.AsyncHTTPTransport(**kwargs)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            loopback = ipaddress.ip_address(request.url.host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            FORBIDDEN_CONNECTIONS.append(str(request.url.host))
            raise httpx.ConnectError("the test environment allows loopback only", request=request)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.fixture(autouse=True)
def _loopback_only():
    FORBIDDEN_CONNECTIONS.clear()
    yield
    assert FORBIDDEN_CONNECTIONS == [], f"a test tried to connect to {FORBIDDEN_CONNECTIONS}"


def _create_app(database_url: str):
    settings = ReferralsSettings(database_url=database_url, log_json=True, scheduler_enabled=False)
    return create_app(
        settings,
        peers=FakePeers(),
        email_sender=MemoryEmailSender(),
        webhook_transport=LoopbackOnly(),
        webhook_resolver=StubResolver(),
    )


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="referrals", service_dir=SERVICE_DIR, create_app=_create_app)


@dataclass
class Staff:
    institution_id: uuid.UUID
    roles: tuple[str, ...]
    user_id: uuid.UUID = field(default_factory=uuid.uuid4)
    kind: str = "user"
    scope: str = ""

    def actor(self) -> Actor:
        """The staff member as the service's rules see a signed-in user (for calling them directly)."""
        return Actor(
            kind="user",
            subject=str(self.user_id),
            institution_id=self.institution_id,
            roles=frozenset(self.roles),
            user_id=self.user_id,
            can_read=True,
        )


class World:
    """Institutions (in the fake directory), people (in the fake registry) and their staff's tokens."""

    def __init__(self, peers: FakePeers, tokens):
        self.peers = peers
        self.tokens = tokens
        self._tokens: dict[tuple, dict[str, str]] = {}
        self.pup = peers.add_institution("PUP")
        self.ops = peers.add_institution("OPS")
        self.ngo = peers.add_institution("NGO")
        self.other = peers.add_institution("OPS")
        self.pup_cw = Staff(self.pup, ("caseworker",))
        self.pup_co = Staff(self.pup, ("coordinator",))
        self.ops_cw = Staff(self.ops, ("caseworker",))
        self.ops_cw2 = Staff(self.ops, ("caseworker",))
        self.ops_co = Staff(self.ops, ("coordinator",))
        self.ngo_cw = Staff(self.ngo, ("caseworker",))
        self.ngo_co = Staff(self.ngo, ("coordinator",))
        self.other_co = Staff(self.other, ("coordinator",))
        for staff in (
            self.pup_cw,
            self.pup_co,
            self.ops_cw,
            self.ops_cw2,
            self.ops_co,
            self.ngo_cw,
            self.ngo_co,
            self.other_co,
        ):
            peers.add_user(staff.institution_id, staff.user_id)
        self.person = peers.add_person()

    def type_of(self, institution_id: uuid.UUID) -> str:
        return self.peers.institutions[institution_id].type

    def headers(self, staff: Staff, **extra) -> dict[str, str]:
        # Minting a token loads the RSA key (~50 ms): one token per staff member and test.
        key = (staff.user_id, staff.kind, staff.scope, staff.roles)
        if key not in self._tokens:
            self._tokens[key] = self._mint(staff)
        return {**self._tokens[key], **extra}

    def _mint(self, staff: Staff) -> dict[str, str]:
        if staff.kind == "client":
            h = self.tokens.headers(
                sub=f"client-{staff.user_id.hex[:8]}",
                ptype="client",
                roles=(),
                scope=staff.scope,
                institution_id=staff.institution_id,
                institution_type=self.type_of(staff.institution_id),
            )
        else:
            h = self.tokens.headers(
                sub=str(staff.user_id),
                institution_id=staff.institution_id,
                institution_type=self.type_of(staff.institution_id),
                roles=list(staff.roles),
            )
        return h


@pytest.fixture
def peers(app) -> FakePeers:
    return app.state.peers


@pytest.fixture
def mailer(app) -> MemoryEmailSender:
    return app.state.email_sender


@pytest.fixture
def world(peers, tokens) -> World:
    return World(peers, tokens)


def referral_body(world: World, target=None, *, person=None, send=True, **overrides):
    target = target or world.ops
    body = {
        "person_id": str(person or world.person),
        "target_institution_id": str(target),
        "service_type_code": "social_work",
        "priority": "routine",
        "needs_description": "Potrzebne wsparcie w poszukiwaniu pracy",
        "legal_basis": STATUTORY,
        "send": send,
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


async def create(client, world: World, sender: Staff | None = None, target=None, **overrides):
    """Create (and by default send) a referral; returns (body, etag)."""
    response = await client.post(
        "/v1/referrals",
        json=referral_body(world, target, **overrides),
        headers=world.headers(sender or world.pup_cw),
    )
    assert response.status_code == 201, response.text
    return response.json(), response.headers["etag"]


async def act(client, world: World, staff: Staff, referral: dict | str, etag: str, action: str, **payload):
    referral_id = referral["id"] if isinstance(referral, dict) else referral
    return await client.post(
        f"/v1/referrals/{referral_id}/transitions",
        json={"action": action, **payload},
        headers=world.headers(staff, **{"If-Match": etag}),
    )


async def step(client, world: World, staff: Staff, referral: dict, etag: str, action: str, **payload):
    """A transition that must succeed; returns (body, etag)."""
    response = await act(client, world, staff, referral, etag, action, **payload)
    assert response.status_code == 200, response.text
    return response.json(), response.headers["etag"]


async def run_scheduler(app, *, now: datetime | None = None, transport=None) -> SchedulerReport:
    """One scheduler run; webhooks go through ``transport`` (by default real connections, to
    loopback only) and resolve with the app's stub resolver."""
    async with httpx.AsyncClient(transport=transport or LoopbackOnly(), follow_redirects=False) as http:
        ctx = SchedulerContext(
            sessionmaker=app.state.sessionmaker,
            settings=app.state.settings,
            peers=app.state.peers,
            email_sender=app.state.email_sender,
            http=http,
            resolver=app.state.webhook_resolver,
        )
        return await run_once(ctx, now=now)
