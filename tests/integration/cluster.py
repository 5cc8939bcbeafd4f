"""Cross-service harness: each service runs as its own process on loopback, with its own
database (a fresh PostgreSQL database per service when SPLOT_TEST_DATABASE_URL names a server,
otherwise SQLite files), calling its peers over real HTTP."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from splot.common.testing import fresh_postgres_database

BIN = Path(sys.executable).parent
ADMIN_EMAIL = "admin@cluster.example"
ADMIN_PASSWORD = "cluster admin password"
SERVICE_SCOPES = {
    "clients": ["events:read", "directory:read"],
    "referrals": ["events:read", "clients:internal", "directory:read", "directory:occupancy"],
    "reporting": ["events:read"],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    name: str
    port: int
    env: dict[str, str]
    process: subprocess.Popen | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Cluster:
    tmp: Path
    #: Prefix of the PostgreSQL databases (one per service), so that clusters can run side by side.
    db_prefix: str = "splot_cluster_"
    services: dict[str, Service] = field(default_factory=dict)
    databases: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)

    def database_url(self, name: str) -> str:
        """The service's database, created empty on first use."""
        if name not in self.databases:
            server = os.environ.get("SPLOT_TEST_DATABASE_URL", "")
            if server.startswith("postgresql"):
                self.databases[name] = asyncio.run(fresh_postgres_database(server, f"{self.db_prefix}{name}"))
            else:
                self.databases[name] = f"sqlite+aiosqlite:///{self.tmp / (name + '.db')}"
        return self.databases[name]

    def cli(self, name: str, *args: str, env: dict[str, str]) -> str:
        result = subprocess.run(
            [str(BIN / f"splot-{name}"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"splot-{name} {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""

    def start(self, name: str, extra_env: dict[str, str] | None = None, *, key: str | None = None) -> Service:
        """Start service ``name`` on its database; ``key`` names an extra replica of it."""
        key = key or name
        prefix = f"SPLOT_{name.upper()}_"
        port = _free_port()
        directory = self.services.get("directory")
        env = {**os.environ, prefix + "DATABASE_URL": self.database_url(name), prefix + "LOG_JSON": "true"}
        if directory is not None:
            env.update(
                {
                    prefix + "JWKS_URL": f"{directory.url}/.well-known/jwks.json",
                    prefix + "TOKEN_URL": f"{directory.url}/v1/oauth/token",
                    prefix + "TOKEN_REVOCATIONS_URL": f"{directory.url}/v1/token-revocations",
                    prefix + "DIRECTORY_URL": directory.url,
                }
            )
        for peer_key, peer in self.services.items():
            if peer_key == peer.name:
                env[prefix + f"{peer.name.upper()}_URL"] = peer.url
        env.update(extra_env or {})
        self.cli(name, "migrate", env=env)
        service = Service(name, port, env, log=self.tmp / f"{key}.log")
        service.process = subprocess.Popen(
            [str(BIN / f"splot-{name}"), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=service.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if service.process.poll() is not None:
                raise RuntimeError(f"{name} exited:\n{service.log.read_text()}")
            try:
                if httpx.get(f"{service.url}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            raise RuntimeError(f"{name} did not become ready:\n{service.log.read_text()}")
        self.services[key] = service
        return service

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            if service.process and service.process.poll() is None:
                service.process.terminate()
                try:
                    service.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    service.process.kill()

    def start_directory(self) -> Service:
        """Migrate the directory, create a system admin and the peers' service identities, start it."""
        env = {
            **os.environ,
            "SPLOT_DIRECTORY_DATABASE_URL": self.database_url("directory"),
            "SPLOT_DIRECTORY_ADMIN_PASSWORD": ADMIN_PASSWORD,
        }
        self.cli("directory", "migrate", env=env)
        self.cli("directory", "create-admin", ADMIN_EMAIL, env=env)
        for name, scopes in SERVICE_SCOPES.items():
            args = [arg for scope in scopes for arg in ("--scope", scope)]
            self.secrets[name] = self.cli("directory", "service-client", name, *args, env=env)
        return self.start("directory")

    def service_env(self, name: str) -> dict[str, str]:
        return {f"SPLOT_{name.upper()}_SERVICE_CLIENT_SECRET": self.secrets[name]}


def admin_token(cluster: Cluster) -> str:
    response = httpx.post(
        f"{cluster.services['directory'].url}/v1/oauth/token",
        data={"grant_type": "password", "username": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
    )
    response.raise_for_status()
    return response.json()["access_token"]


STAFF_PASSWORD = "cluster staff password"


def ok(response: httpx.Response, status: int = 200) -> dict:
    """The JSON body of an expected answer; otherwise fail naming the request and the problem."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    return response.json() if response.content else {}


class Admin:
    """The system administrator of a cluster: registers institutions and staff through the API."""

    def __init__(self, cluster: Cluster) -> None:
        self.directory = cluster.services["directory"]
        self.headers = {"Authorization": f"Bearer {admin_token(cluster)}"}

    def institution(self, type_: str, teryt: str = "1219053", name: str | None = None) -> str:
        body = {"type": type_, "name": f"{name or type_} {uuid.uuid4().hex[:6]}", "teryt": teryt}
        return ok(httpx.post(f"{self.directory.url}/v1/institutions", json=body, headers=self.headers), 201)[
            "id"
        ]

    def staff(
        self, institution_id: str, roles: tuple[str, ...] = ("coordinator",), **extra: str
    ) -> dict[str, str]:
        """A new user of the institution, signed in: their Authorization header."""
        email = f"{uuid.uuid4().hex[:10]}@cluster.example"
        body = {
            "email": email,
            "full_name": "Pracownik",
            "roles": list(roles),
            "password": STAFF_PASSWORD,
            "institution_id": institution_id,
            **extra,
        }
        ok(httpx.post(f"{self.directory.url}/v1/users", headers=self.headers, json=body), 201)
        token = ok(
            httpx.post(
                f"{self.directory.url}/v1/oauth/token",
                data={"grant_type": "password", "username": email, "password": STAFF_PASSWORD},
            )
        )
        return {"Authorization": f"Bearer {token['access_token']}"}
