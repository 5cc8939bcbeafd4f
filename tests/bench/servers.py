"""Start and stop the services as production runs them: one uvicorn worker process each
(``splot-<service> serve``), on PostgreSQL, peers pointed at each other on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.bench import pg

REPO = pg.REPO
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PORTS = {"directory": 18101, "clients": 18102, "referrals": 18103, "reporting": 18104, "yardstick": 18110}
#: A second replica of the referrals service (the outbox-scaling run), on the same databases.
REPLICA_PORTS = {"referrals": 18113}
CLK_TCK = os.sysconf("SC_CLK_TCK")


def url(name: str, port: int | None = None) -> str:
    return f"http://{HOST}:{port or PORTS[name]}"


def service_env(databases: dict[str, str]) -> dict[str, str]:
    """Development settings (production refuses the demo's development secrets), every peer and the
    directory's keys on loopback, per-caller rate limits off (one bench user sends thousands of
    requests a second; production limits are per staff member)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPLOT_")}
    for name in pg.SERVICES:
        prefix = f"SPLOT_{name.upper()}_"
        env[prefix + "ENVIRONMENT"] = "development"
        env[prefix + "DATABASE_URL"] = databases[name]
        env[prefix + "JWKS_URL"] = f"{url('directory')}/.well-known/jwks.json"
        env[prefix + "TOKEN_URL"] = f"{url('directory')}/v1/oauth/token"
        env[prefix + "TOKEN_REVOCATIONS_URL"] = f"{url('directory')}/v1/token-revocations"
        env[prefix + "RATE_LIMIT_PER_MINUTE"] = "0"
        env[prefix + "LOG_LEVEL"] = "WARNING"
        env[prefix + "LOG_JSON"] = "false"
        for peer in pg.SERVICES:
            env[prefix + f"{peer.upper()}_URL"] = url(peer)
    # Sign-in throttling counts attempts in flight per login and source: 32 connections from one
    # address on a few demo logins are not an attack; the counters are still kept (same work).
    env["SPLOT_DIRECTORY_SIGNIN_FREE_ATTEMPTS"] = "1000"
    env["SPLOT_DIRECTORY_SIGNIN_SOURCE_FREE_ATTEMPTS"] = "100000"
    env["SPLOT_DIRECTORY_SIGNIN_ACCOUNT_FREE_ATTEMPTS"] = "100000"
    return env


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    marks: list[float] = field(default_factory=list)
    port: int | None = None

    @property
    def base_url(self) -> str:
        return url(self.name, self.port)

    @property
    def pid(self) -> int:
        return self.process.pid

    def cpu_seconds(self) -> float:
        """utime + stime of the server process (one worker: the whole service)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


START_TIMEOUT = float(os.environ.get("BENCH_START_TIMEOUT", "300"))


def start_all(names: list[str], env: dict[str, str]) -> list[Server]:
    """Start several; if one fails, stop those already started before raising."""
    started: list[Server] = []
    try:
        for name in names:
            started.append(start(name, env))
    except BaseException:
        for server in started:
            server.stop()
        raise
    return started


def start(
    name: str,
    env: dict[str, str],
    *,
    ready_path: str = "/ready",
    timeout: float = START_TIMEOUT,
    port: int | None = None,
) -> Server:
    """Start ``name`` (on its own port, or ``port`` for a further replica) and wait until ready."""
    port = port or PORTS[name]
    log = Path(f"/tmp/splot-bench-{name}-{port}.log")
    if name == "yardstick":
        command = [
            str(BIN / "python"), "-m", "uvicorn", "tests.bench.yardstick:app",
            "--host", HOST, "--port", str(port), "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
    else:
        command = [str(BIN / f"splot-{name}"), "serve", "--host", HOST, "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    server = Server(name, process, log, port=port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited ({process.returncode}); see {log}")
        try:
            if httpx.get(server.base_url + ready_path, timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"{name} not ready within {timeout:.0f} s; see {log}")
