"""The SDK's and the connector's tests run against the embedded server as ``make run`` starts it
(tests/embedded_server.py: fresh seeded SQLite databases, a free port on 127.0.0.1), one server
for the whole session. Each institution's system is an API client its administrator creates, as
in the SPA, through the generated directory client with the administrator's own token."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from splot_sdk import Splot  # noqa: E402
from splot_sdk.directory import AuthenticatedClient as DirectoryClient  # noqa: E402
from splot_sdk.directory.api.api_clients import create_api_client_v1_api_clients_post as create_api_client  # noqa: E402
from splot_sdk.directory.models import ApiClientCreate, ApiClientWithSecret  # noqa: E402

from embedded_server import embedded_server  # noqa: E402

PASSWORD = "Splot-demo-2026"
PUP_ADMIN = "pup.admin@splot.example"
OPS_ADMIN = "ops.admin@splot.example"
ALL_SCOPES = [
    "directory:read",
    "clients:read",
    "clients:write",
    "referrals:read",
    "referrals:write",
    "reporting:read",
    "webhooks:manage",
]

Credentials = tuple[str, str]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # webhook deliveries go out on the scheduler's beat: every second instead of 30
    env = {"SPLOT_REFERRALS_SCHEDULER_INTERVAL_SECONDS": "1"}
    with embedded_server(tmp_path_factory.mktemp("splot-sdk"), env=env) as url:
        yield url


def user_token(base_url: str, email: str) -> str:
    response = httpx.post(
        f"{base_url}/api/directory/v1/oauth/token",
        data={"grant_type": "password", "username": email, "password": PASSWORD},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.fixture(scope="session")
def new_api_client(base_url: str) -> Callable[..., Credentials]:
    """``new_api_client(admin_email, scopes=…)``: a new API client of the admin's institution."""

    def create(admin: str, scopes: list[str] | None = None) -> Credentials:
        with DirectoryClient(
            base_url=f"{base_url}/api/directory", token=user_token(base_url, admin), timeout=httpx.Timeout(30)
        ) as directory:
            created = create_api_client.sync_detailed(
                client=directory,
                body=ApiClientCreate(name=f"system {uuid.uuid4().hex[:6]}", scopes=scopes or ALL_SCOPES),
            )
        assert created.status_code == 201, created.content
        assert isinstance(created.parsed, ApiClientWithSecret)
        return created.parsed.client_id, created.parsed.client_secret

    return create


@pytest.fixture(scope="session")
def pup_credentials(new_api_client: Callable[..., Credentials]) -> Credentials:
    return new_api_client(PUP_ADMIN)


@pytest.fixture(scope="session")
def ops_credentials(new_api_client: Callable[..., Credentials]) -> Credentials:
    return new_api_client(OPS_ADMIN)


@pytest.fixture(scope="session")
def pup(base_url: str, pup_credentials: Credentials) -> Iterator[Splot]:
    """The PUP's system (sender of referrals)."""
    with Splot(base_url, *pup_credentials) as splot:
        yield splot


@pytest.fixture(scope="session")
def ops(base_url: str, ops_credentials: Credentials) -> Iterator[Splot]:
    """The OPS's system (receiver)."""
    with Splot(base_url, *ops_credentials) as splot:
        yield splot
