import uuid
from dataclasses import dataclass

import pytest

from splot.common.testing import ServiceSpec
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR, create_app
from splot.directory.models import Institution, User
from splot.directory.security import hash_password

pytest_plugins = ["splot.common.testing"]

PASSWORD = "correct horse battery"
_PASSWORD_HASH = hash_password(PASSWORD)


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
        user = User(
            institution_id=institution.id,
            email=email or f"{uuid.uuid4().hex[:10]}@example.org",
            full_name="Test User",
            roles=list(roles or ("caseworker",)),
            password_hash=_PASSWORD_HASH,
            **kw,
        )
        self.session.add(user)
        await self.session.flush()
        return Staff(user, institution)

    def headers(self, staff: Staff) -> dict[str, str]:
        """A token as the directory would issue it for this user."""
        return self.tokens.headers(
            sub=str(staff.user.id),
            institution_id=staff.institution.id,
            institution_type=staff.institution.type,
            teryt=staff.institution.teryt,
            roles=staff.user.roles,
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
