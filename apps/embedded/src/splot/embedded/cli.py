"""``splot-embedded``: migrate, seed and serve every service and the SPA on one origin.

splot-embedded run       migrate, seed demo data once, serve on http://127.0.0.1:8000
splot-embedded migrate   only migrate
splot-embedded seed      only migrate and seed
splot-embedded national  migrate, seed, and load the synthetic country (PostgreSQL only;
                         --factor F or --persons N --referrals-per-year N, --seed S, --no-events)
splot-embedded run --demo national   the same once, then serve it
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from splot.common.app import freeze_startup_objects
from splot.common.db import create_engine, create_sessionmaker
from splot.common.logging import configure_logging
from splot.common.migrations import upgrade
from splot.directory.demo import DEMO_PASSWORD, logins
from splot.embedded.gateway import build_gateway
from splot.embedded.national import cli as national_cli
from splot.embedded.services import BY_NAME, SEED_STEPS, SERVICES

REPO_ROOT = Path(__file__).resolve().parents[5]


async def migrate() -> None:
    for service in SERVICES:
        await upgrade(service.service_dir, service.settings().effective_database_url)
        print(f"  migrated {service.name}", flush=True)


async def seed() -> bool:
    """Load the demo data once; returns whether anything was created."""
    results: dict[str, Any] = {}
    created = False
    for database, step, function in SEED_STEPS:
        engine = create_engine(BY_NAME[database].settings().effective_database_url)
        try:
            async with create_sessionmaker(engine)() as session:
                results[step] = await function(session, results)
                await session.commit()
                created = created or bool(getattr(results[step], "created", False))
        finally:
            await engine.dispose()
    return created


def print_logins(base_url: str) -> None:
    print(f"\nSplot is running at {base_url}/  (API docs: {base_url}/api/<service>/docs)")
    print(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for login in logins():
        print(f"  {login.email:34} {', '.join(login.roles):18} {login.institution}")
    print(
        "\nThe log below shows warnings, failed requests (4xx/5xx) and slow ones"
        " (every request: SPLOT_EMBEDDED_LOG_REQUESTS=all). Stop with Ctrl+C.",
        flush=True,
    )


def point_services_at(base_url: str) -> None:
    """Every service finds its peers (and the directory's keys) through this one origin.
    Explicit environment settings win."""
    for service in SERVICES:
        prefix = f"SPLOT_{service.name.upper()}_"
        os.environ.setdefault(prefix + "JWKS_URL", f"{base_url}/api/directory/.well-known/jwks.json")
        os.environ.setdefault(prefix + "TOKEN_URL", f"{base_url}/api/directory/v1/oauth/token")
        os.environ.setdefault(
            prefix + "TOKEN_REVOCATIONS_URL", f"{base_url}/api/directory/v1/token-revocations"
        )
        for peer in SERVICES:
            os.environ.setdefault(prefix + f"{peer.name.upper()}_URL", f"{base_url}/api/{peer.name}")
    # The embedded mode is a single-user development / demonstration server: webhooks may go to a
    # receiver on this machine or the local network (production settings force this off anyway).
    os.environ.setdefault("SPLOT_REFERRALS_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true")


def configure_console_logging() -> None:
    """The embedded mode logs for a person at a console, not a log collector: short lines, and of
    the requests only the failed and slow ones (``SPLOT_EMBEDDED_LOG_REQUESTS=all``: every request),
    so the demo logins stay on screen. Production services keep JSON (``log_json``)."""
    requests = os.environ.get("SPLOT_EMBEDDED_LOG_REQUESTS", "problems")
    level = os.environ.get("SPLOT_EMBEDDED_LOG_LEVEL", "INFO")
    configure_logging(level, json=False, requests="all" if requests == "all" else "problems", force=True)
    for service in SERVICES:
        os.environ.setdefault(f"SPLOT_{service.name.upper()}_LOG_JSON", "false")


def build_app(on_ready: Callable[[], None] | None = None) -> Any:
    apps = {service.name: service.create_app(service.settings()) for service in SERVICES}
    static = Path(os.environ.get("SPLOT_STATIC_DIR", REPO_ROOT / "frontend" / "dist"))
    return build_gateway(apps, static, on_ready=on_ready)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="splot-embedded", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["run", "migrate", "seed", "national"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    national_cli.add_arguments(parser)
    args = parser.parse_args(argv)

    print("Preparing databases…", flush=True)
    asyncio.run(migrate())
    if args.command == "migrate":
        return 0
    created = asyncio.run(seed())
    print("Demo data loaded." if created else "Demo data already present: kept.", flush=True)
    if args.command == "seed":
        return 0
    if args.command == "national" or args.demo == "national":
        status = national_cli.load(args)
        if args.command == "national" or status != 0:
            return status
    base_url = f"http://{args.host}:{args.port}"
    point_services_at(base_url)
    configure_console_logging()
    print("Starting the services…", flush=True)
    app = build_app()
    freeze_startup_objects()
    server = uvicorn.Server(
        uvicorn.Config(app, host=args.host, port=args.port, log_config=None, access_log=False)
    )
    asyncio.run(serve_then_announce(server, base_url))
    return 0


async def serve_then_announce(server: uvicorn.Server, base_url: str, *, ready_within: float = 60.0) -> None:
    """Serve; print the logins once the server listens and every service answers ``/ready`` (after
    whatever the start-up logged), so that "running" is true when it is said."""

    async def announce() -> None:
        deadline = asyncio.get_running_loop().time() + ready_within
        # uvicorn offers a flag, not an event, for "listening".
        while not server.started and not server.should_exit:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        pending = {service.name for service in SERVICES}
        async with httpx.AsyncClient(base_url=base_url, timeout=2.0) as client:
            while pending and not server.should_exit and asyncio.get_running_loop().time() < deadline:
                for name in sorted(pending):
                    try:
                        if (await client.get(f"/api/{name}/ready")).status_code == 200:
                            pending.discard(name)
                    except httpx.HTTPError:
                        pass
                if pending:
                    await asyncio.sleep(0.2)
        if server.started and not server.should_exit:
            if pending:
                print(
                    f"Not ready after {ready_within:.0f} s: {', '.join(sorted(pending))} (see the log)",
                    flush=True,
                )
            print_logins(base_url)

    announcer = asyncio.create_task(announce())
    try:
        await server.serve()
    finally:
        announcer.cancel()


if __name__ == "__main__":
    sys.exit(main())
