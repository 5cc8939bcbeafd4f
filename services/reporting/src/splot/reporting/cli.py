"""Operator commands: ``splot-reporting migrate|serve|ingest [--once]|rebuild`` (contracts: ``make openapi``)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from splot.common.app import serve as serve_app
from splot.common.db import create_engine, create_sessionmaker
from splot.common.logging import configure_logging
from splot.common.migrations import upgrade
from splot.reporting import consumer, ingestion
from splot.reporting import rebuild as rebuilding
from splot.reporting.config import ReportingSettings
from splot.reporting.main import SERVICE_DIR, create_app
from splot.reporting.sources import SourceUnavailable, http_sources


def _summary(results: dict[str, consumer.BatchResult]) -> str:
    return "\n".join(
        f"  {name:10} fetched={r.fetched} applied={r.applied} skipped={r.skipped} "
        f"last_seq={r.last_seq} head_seq={r.head_seq}"
        + (" (another replica holds it)" if r.locked_out else "")
        for name, r in results.items()
    )


async def _ingest(settings: ReportingSettings, *, once: bool, rebuild: bool) -> int:
    engine = create_engine(settings.effective_database_url)
    sources = http_sources(settings)
    ctx = ingestion.IngestContext.from_settings(settings)
    maker = create_sessionmaker(engine)
    try:
        if rebuild:
            results = await rebuilding.rebuild(maker, sources, ctx, batch_size=settings.ingest_batch_size)
            print("rebuilt from the feeds:\n" + _summary(results))
        elif once:
            try:
                results = await consumer.ingest_until_caught_up(
                    maker, sources, ctx, batch_size=settings.ingest_batch_size
                )
            except SourceUnavailable as exc:
                print(f"a source is unavailable: {exc}", file=sys.stderr)
                return 1
            print("caught up:\n" + _summary(results))
        else:
            await consumer.run_worker(maker, sources, ctx, settings)
    finally:
        await sources.aclose()
        await engine.dispose()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="splot-reporting", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="run database migrations to the newest version")
    serve = commands.add_parser("serve", help="serve the API (and consume the feeds in the background)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8004)
    ingest = commands.add_parser(
        "ingest", help="consume the event feeds (for ever, or --once until caught up)"
    )
    ingest.add_argument("--once", action="store_true", help="stop when every source is caught up")
    commands.add_parser(
        "rebuild",
        help="empty the analytical tables and cursors, re-consume every feed from 0, recompute cubes",
    )
    args = parser.parse_args(argv)
    settings = ReportingSettings()
    configure_logging(settings.log_level, json=settings.log_json)

    if args.command == "migrate":
        asyncio.run(upgrade(SERVICE_DIR, settings.effective_database_url))
    elif args.command == "serve":
        serve_app(create_app(settings), settings, host=args.host, port=args.port)
    elif args.command == "ingest":
        return asyncio.run(_ingest(settings, once=args.once, rebuild=False))
    elif args.command == "rebuild":
        return asyncio.run(_ingest(settings, once=True, rebuild=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
