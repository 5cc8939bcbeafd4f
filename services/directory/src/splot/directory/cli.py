"""Operator commands: ``splot-directory migrate|serve|rotate-keys|reencrypt-keys|service-client|create-admin``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from datetime import timedelta

from sqlalchemy import select

from splot.common.app import serve as serve_app
from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.directory import accounts, api_clients, schemas
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR, create_app
from splot.directory.models import Institution
from splot.directory.security import hash_password, reencrypt_signing_keys, rotate_keys


async def _rotate(settings: DirectorySettings) -> str:
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            grace = timedelta(
                seconds=max(settings.user_token_ttl_seconds, settings.client_token_ttl_seconds) + 60
            )
            key = await rotate_keys(session, key_ring=settings.key_ring, grace=grace)
            await session.commit()
            return key.kid
    finally:
        await engine.dispose()


async def _reencrypt(settings: DirectorySettings) -> int:
    """Move every stored private signing key to the first of ``key_encryption_keys``."""
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            report = await reencrypt_signing_keys(session, key_ring=settings.key_ring)
            await session.commit()
    finally:
        await engine.dispose()
    print(report.summary(), flush=True)
    if report.unreadable:
        print(
            "no configured key decrypts these signing keys (keep the key that does): "
            + ", ".join(report.unreadable),
            file=sys.stderr,
        )
        return 1
    if report.changed_meanwhile:
        print("some signing keys changed meanwhile: run the command again", file=sys.stderr)
        return 1
    return 0


async def _service_client(
    settings: DirectorySettings, client_id: str, scopes: list[str], secret: str | None = None
) -> str:
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            _, secret = await api_clients.create_service_client(
                session, client_id=client_id, name=f"Splot service {client_id}", scopes=scopes, secret=secret
            )
            await session.commit()
            return secret
    finally:
        await engine.dispose()


async def _create_admin(settings: DirectorySettings, email: str, name: str, password: str) -> None:
    engine = create_engine(settings.effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            ministry = (
                await session.scalars(select(Institution).where(Institution.type == "MINISTRY"))
            ).first()
            if ministry is None:
                ministry = Institution(
                    type=schemas.InstitutionType.MINISTRY.value,
                    name="Ministerstwo Rodziny, Pracy i Polityki Społecznej",
                    teryt="1465011",
                )
                session.add(ministry)
                await session.flush()
            await accounts.create_first_admin(
                session,
                institution=ministry,
                email=email,
                full_name=name,
                password_hash=hash_password(password),
            )
            await session.commit()
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="splot-directory", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="run database migrations to the newest version")
    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    commands.add_parser("rotate-keys", help="start signing with a new key (old keys stay published)")
    commands.add_parser(
        "reencrypt-keys",
        help="encrypt every stored private signing key with the first of key_encryption_keys "
        "(then the other keys can be dropped)",
    )
    svc = commands.add_parser(
        "service-client", help="create or re-key a Splot service's client; prints the secret"
    )
    svc.add_argument("client_id")
    svc.add_argument("--scope", action="append", required=True)
    svc.add_argument(
        "--secret-env",
        metavar="VAR",
        help="take the secret from this environment variable instead of generating one "
        "(deployment bootstrap jobs); the secret is then not printed",
    )
    admin = commands.add_parser("create-admin", help="create the first system administrator")
    admin.add_argument("email")
    admin.add_argument("--name", default="System administrator")
    args = parser.parse_args(argv)
    settings = DirectorySettings()

    if args.command == "migrate":
        asyncio.run(upgrade(SERVICE_DIR, settings.effective_database_url))
    elif args.command == "serve":
        serve_app(create_app(settings), settings, host=args.host, port=args.port)
    elif args.command == "rotate-keys":
        print(asyncio.run(_rotate(settings)))
    elif args.command == "reencrypt-keys":
        return asyncio.run(_reencrypt(settings))
    elif args.command == "service-client":
        if args.secret_env:
            # The secret comes from the deployment's secret store: never echo it into job logs.
            secret = os.environ.get(args.secret_env, "")
            if not secret:
                print(f"environment variable {args.secret_env} is not set or empty", file=sys.stderr)
                return 2
            asyncio.run(_service_client(settings, args.client_id, args.scope, secret))
            print(args.client_id)
        else:
            print(asyncio.run(_service_client(settings, args.client_id, args.scope)))
    elif args.command == "create-admin":
        # Non-interactive set-ups (containers, tests) pass it in the environment, never as an argument.
        password = os.environ.get("SPLOT_DIRECTORY_ADMIN_PASSWORD") or getpass.getpass(
            "password (12+ characters): "
        )
        if len(password) < 12:
            print("password too short", file=sys.stderr)
            return 2
        asyncio.run(_create_admin(settings, args.email, args.name, password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
