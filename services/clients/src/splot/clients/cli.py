"""Operator commands: ``splot-clients migrate|serve|anonymise``."""

from __future__ import annotations

import argparse
import asyncio
import sys

from splot.clients.config import ClientsSettings
from splot.clients.main import SERVICE_DIR, create_app
from splot.clients.retention import run_once
from splot.common.app import serve as serve_app
from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade


async def _anonymise(settings: ClientsSettings) -> int:
    engine = create_engine(settings.effective_database_url)
    try:
        return await run_once(create_sessionmaker(engine), settings)
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="splot-clients", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="run database migrations to the newest version")
    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8002)
    commands.add_parser("anonymise", help="anonymise persons whose retention period has passed (now)")
    args = parser.parse_args(argv)
    settings = ClientsSettings()

    if args.command == "migrate":
        asyncio.run(upgrade(SERVICE_DIR, settings.effective_database_url))
    elif args.command == "serve":
        serve_app(create_app(settings), settings, host=args.host, port=args.port)
    elif args.command == "anonymise":
        print(f"anonymised {asyncio.run(_anonymise(settings))} person(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
