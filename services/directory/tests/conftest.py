import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
import pytest

from splot.common.db import utcnow
from splot.common.testing import ServiceSpec
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR, create_app
from splot.directory.models import Institution, User
from splot.directory.security import hash_password

pytest_plugins = ["splot.common.testing"]

PASSWORD = "correct horse battery"
NEW_PASSWORD = "długie nowe hasło 123"
_PASSWORD_HASH = PASSWORD_HASH = hash_password(PASSWORD)


def _create_app(database_url: str):
    return create_app(DirectorySettings(database_url=database_url, log_json=True))


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="directory", service_dir=SERVICE_DIR, create_app=_create_app)


@dataclass
class Staff:
    user: User
    institution: Institution

    @property
    def email(self) -> str:
        return self.user.email


class Factory:
    def __init__(self, session, tokens):
        self.session = session
        self.tokens = tokens

    async def institution(
        self, type: str = "PUP", teryt: str = "1219053", name: str | None = None, **kw
    ) -> Institution:
        inst = Institution(type=type, teryt=teryt, name=name or f"{type} {uuid.uuid4().hex[:6]}", **kw)
        self.session.add(inst)
        await self.session.flush()
        return inst

    async def user(self, institution: Institution, *roles: str, email: str | None = None, **kw) -> Staff:
        """A user with ``roles`` (caseworker if none; ``roles=[]`` for none at all)."""
        values = {
            "institution_id": institution.id,
            "email": email or f"{uuid.uuid4().hex[:10]}@example.org",
            "full_name": "Test User",
            "roles": list(roles or ("caseworker",)),
            "password_hash": _PASSWORD_HASH,
            **kw,
        }
        user = User(**values)
        self.session.add(user)
        await self.session.flush()
        return Staff(user, institution)

    def headers(self, staff: Staff) -> dict[str, str]:
        """A token as the directory would issue it for this user (with its current stamp)."""
        return self.tokens.headers(
            sub=str(staff.user.id),
            institution_id=staff.institution.id,
            institution_type=staff.institution.type,
            teryt=staff.institution.teryt,
            roles=staff.user.roles,
            analyst_scope=staff.user.analyst_scope,
            stp=staff.user.security_stamp or 1,
            sid=str(uuid.uuid4()),
        )


@pytest.fixture
async def factory(session, tokens) -> Factory:
    return Factory(session, tokens)


@pytest.fixture
async def sysadmin(factory) -> Staff:
    ministry = await factory.institution("MINISTRY", teryt="1465011", name="Ministerstwo")
    return await factory.user(ministry, "system_admin")


async def login(client, email: str, password: str = PASSWORD):
    return await client.post(
        "/v1/oauth/token", data={"grant_type": "password", "username": email, "password": password}
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def etag(user: User) -> dict[str, str]:
    return {"If-Match": f'"{user.id}.{user.version}"'}


def without_request_id(problem: dict) -> dict:
    return {k: v for k, v in problem.items() if k != "request_id"}


class Clock:
    """The sign-in throttle's clock, stepped by hand: waits are passed without sleeping."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(app) -> Clock:
    app.state.clock = Clock()
    return app.state.clock


def client_from(app, source: str) -> httpx.AsyncClient:
    """A client whose requests come from ``source`` (the address sign-ins are counted against)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(source, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")
