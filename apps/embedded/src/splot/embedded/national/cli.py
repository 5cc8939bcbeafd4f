"""``splot-embedded national``: load the synthetic country into the configured databases."""

from __future__ import annotations

import argparse
import asyncio

from splot.embedded.national import DATABASES, Scale, load_country


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("the synthetic country (national, run --demo national)")
    group.add_argument("--demo", choices=["national"], help="run: serve the synthetic country")
    group.add_argument(
        "--factor", type=float, help="scale of the country (1 = 2M persons, 1M referrals/year)"
    )
    group.add_argument("--persons", type=int, help="persons in the registry (instead of --factor)")
    group.add_argument("--referrals-per-year", type=int, help="referrals a year (with --persons)")
    group.add_argument("--years", type=int, default=3, help="years of referrals (default 3)")
    group.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    group.add_argument("--no-events", action="store_true", help="do not write the feeds' outbox events")


def scale_of(args: argparse.Namespace) -> Scale:
    if args.persons is not None or args.referrals_per_year is not None:
        base = Scale()
        return Scale(
            args.persons if args.persons is not None else base.persons,
            args.referrals_per_year if args.referrals_per_year is not None else base.referrals_per_year,
            args.years,
        )
    scale = Scale.factor(args.factor) if args.factor is not None else Scale()
    return Scale(scale.persons, scale.referrals_per_year, args.years)


def configured_urls() -> dict[str, str]:
    from splot.embedded.services import BY_NAME

    return {name: BY_NAME[name].settings().effective_database_url for name in DATABASES}


def load(args: argparse.Namespace) -> int:
    """Load the country once; 0 when loaded or already there, 2 when it cannot be (SQLite)."""
    urls = configured_urls()
    not_postgres = [name for name, url in urls.items() if not url.startswith("postgresql")]
    if not_postgres:
        print(
            "The synthetic country needs PostgreSQL (it loads with COPY); these databases are not:"
            f" {', '.join(not_postgres)}. Set SPLOT_<SERVICE>_DATABASE_URL to postgresql+asyncpg://…"
            " URLs, or use `make run DEMO=national`, which starts a PostgreSQL of its own.",
            flush=True,
        )
        return 2
    try:
        counts = asyncio.run(
            load_country(
                urls,
                scale_of(args),
                seed=args.seed,
                events=not args.no_events,
                progress=lambda message: print(message, flush=True),
            )
        )
    except ValueError as exc:
        if "already hold" in str(exc):
            print("The synthetic country is already loaded: kept.", flush=True)
            return 0
        raise
    print(f"Loaded {sum(counts.values()):,} rows.", flush=True)
    return 0
