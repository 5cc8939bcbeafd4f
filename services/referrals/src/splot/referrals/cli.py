"""Operator commands: ``splot-referrals migrate|serve|run-scheduler|reencrypt-secrets``."""

from __future__ import annotations

import argparse
import asyncio
import sys

import httpx

from splot.common.app import serve as serve_app
from splot.common.background import every
from splot.common.db import create_engine, create_sessionmaker
from splot.common.logging import configure_logging
from splot.common.migrations import upgrade
from splot.referrals.config import ReferralsSettings
from splot.referrals.emailer import build_sender
from splot.referrals.main import SERVICE_DIR, create_app
from splot.referrals.peers import HttpPeers
from splot.referrals.scheduler import SchedulerContext, SchedulerReport, run_once
from splot.referrals.webhook_secrets import reencrypt_secrets


async def _run_scheduler(settings: ReferralsSettings, *, once: bool) -> int:
    configure_logging(settings.log_level, json=settings.log_json)
    engine = create_engine(settings.effective_database_url)
    peers = HttpPeers(settings)
    # No proxy from the environment: it would bypass the pinning to the vetted address.
    http = httpx.AsyncClient(follow_redirects=False, trust_env=False)
    ctx = SchedulerContext(
        sessionmaker=create_sessionmaker(engine),
        settings=settings,
        peers=peers,
        email_sender=build_sender(settings),
        http=http,
    )

    async def run() -> SchedulerReport:
        report = await run_once(ctx)
        print(
            f"escalated={report.escalated} expired={report.expired} followups_due={report.followups_due} "
            f"access={report.access_synced}/{report.access_sync_failed} "
            f"emails={report.emails_sent}/{report.emails_failed} "
            f"webhooks={report.webhooks_delivered}/{report.webhooks_failed} errors={len(report.errors)}",
            flush=True,
        )
        return report

    try:
        report = await run()
        if once:
            return 1 if report.errors else 0
        # Until stopped; a failed run is logged and the next comes on time (interval 0: this run only).
        await every(settings.scheduler_interval_seconds, run, name="referrals_scheduler")
        return 0
    finally:
        await http.aclose()
        await peers.aclose()
        await engine.dispose()


async def _reencrypt(settings: ReferralsSettings) -> int:
    """Move every stored webhook secret to the first of ``webhook_secret_keys``."""
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            report = await reencrypt_secrets(session, settings)
            await session.commit()
    finally:
        await engine.dispose()
    print(report.summary(), flush=True)
    if report.unreadable:
        print(
            "no configured key decrypts the secrets of these subscriptions (keep the key that does, "
            "or rotate their secrets): " + ", ".join(report.unreadable),
            file=sys.stderr,
        )
        return 1
    if report.changed_meanwhile:
        print("some subscriptions changed meanwhile: run the command again", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="splot-referrals", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="run database migrations to the newest version")
    serve = commands.add_parser("serve", help="serve the API (the scheduler runs inside)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8003)
    scheduler = commands.add_parser(
        "run-scheduler", help="run the scheduler (deadlines, e-mail, webhooks, revocations) outside the API"
    )
    scheduler.add_argument("--once", action="store_true", help="one pass, then exit")
    commands.add_parser(
        "reencrypt-secrets",
        help="encrypt every stored webhook secret with the first of webhook_secret_keys "
        "(then the other keys can be dropped)",
    )
    args = parser.parse_args(argv)
    settings = ReferralsSettings()

    if args.command == "migrate":
        asyncio.run(upgrade(SERVICE_DIR, settings.effective_database_url))
    elif args.command == "serve":
        serve_app(create_app(settings), settings, host=args.host, port=args.port)
    elif args.command == "run-scheduler":
        return asyncio.run(_run_scheduler(settings, once=args.once))
    elif args.command == "reencrypt-secrets":
        return asyncio.run(_reencrypt(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
