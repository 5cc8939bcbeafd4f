"""Bulk-import benchmark:
``uv run python services/clients/bench/import_bench.py [ROWS] [--sqlite] [--db=NAME] [--profile=FILE]``.

On PostgreSQL by default (a fresh database ``splot_bench_import``, or ``--db=NAME``, dropped at
the end, on ``SPLOT_BENCH_PG_URL``, default the local server; autovacuum is not relied on:
nothing is analysed before or during the run), or on a temporary SQLite file with ``--sqlite``.

Generates ROWS synthetic persons (Faker pl_PL, fixed seed, valid PESEL check digits; a few
foreigners without a PESEL and a few invalid rows), then times what ``POST /v1/imports`` does:
parsing the CSV, staging the rows, and processing them in batches with a commit per batch (as
the background task does). A second pass re-imports the same file (every row ``unchanged``).

Each pass prints its rows per second, the benchmark process's CPU time and (PostgreSQL on this
machine) the CPU time of the database backend that ran the job: on a busy machine those two
compare runs better than wall time. ``--profile=FILE`` writes a cProfile of each pass to
``FILE.first_import`` and ``FILE.re-import``.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from faker import Faker
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Actor
from splot.clients.config import ClientsSettings
from splot.clients.identity import make_pesel
from splot.clients.import_upload import parse_csv
from splot.clients.imports import claim_job, create_job, process_job
from splot.clients.main import SERVICE_DIR
from splot.common.auth import Principal, PrincipalKind
from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.common.testing import fresh_postgres_database


def generate_csv(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    fake = Faker("pl_PL")
    fake.seed_instance(seed)
    serials: Counter[tuple[date, str]] = Counter()
    lines = [
        "external_id;pesel;document_number;first_name;last_name;birth_date;sex;citizenship;gmina;city;phone"
    ]
    for i in range(rows):
        sex = rng.choice("FM")
        first = fake.first_name_female() if sex == "F" else fake.first_name_male()
        last = fake.last_name_female() if sex == "F" else fake.last_name_male()
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
        phone = f"+48 {rng.randint(500, 899)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        if rng.random() < 0.05:  # a foreigner: document number, birth date and sex given
            lines.append(f"EXT-{i};;UA{i:08d};{first};{last};{born};{sex};UA;1261011;Kraków;{phone}")
            continue
        serials[(born, sex)] += 1
        pesel = make_pesel(born, sex, serials[(born, sex)] * 5)
        if rng.random() < 0.01:  # a typo in the PESEL: rejected with a problem document
            pesel = pesel[:-1] + str((int(pesel[-1]) + 1) % 10)
        lines.append(f"EXT-{i};{pesel};;{first};{last};;;PL;1219053;Wieliczka;{phone}")
    return ("\n".join(lines) + "\n").encode()


ADMIN_URL = os.environ.get("SPLOT_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


async def run(
    rows: int, *, sqlite: bool = False, database: str = "splot_bench_import", profile: str | None = None
) -> dict[str, Any]:
    started = time.perf_counter()
    data = generate_csv(rows)
    print(f"generated {rows} rows ({len(data) / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    results: dict[str, Any] = {"rows": rows, "database": "sqlite" if sqlite else "postgresql"}
    with tempfile.TemporaryDirectory() as tmp:
        if sqlite:
            url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        else:
            url = await fresh_postgres_database(ADMIN_URL, database)
        await upgrade(SERVICE_DIR, url)
        engine = create_engine(url)
        maker = create_sessionmaker(engine)
        settings = ClientsSettings(database_url=url)
        institution = uuid.uuid4()
        actor = Actor(
            Principal(
                subject="bench",
                kind=PrincipalKind.client,
                institution_id=institution,
                institution_type="PUP",
                teryt="1219",
                scopes=frozenset({"clients:write"}),
            ),
            institution,
        )
        for label in ("first import", "re-import"):
            profiler = cProfile.Profile() if profile else None
            if profiler is not None:
                profiler.enable()
            c0 = time.process_time()
            t0 = time.perf_counter()
            parsed = parse_csv(data)
            t1 = time.perf_counter()
            async with maker() as session:
                job = await create_job(
                    session, actor=actor, rows=parsed, source_format="csv", dry_run=False, settings=settings
                )
                await session.commit()
                backend = await _backend_pid(session)
                server0 = _cpu_of(backend)
                t2 = time.perf_counter()
                await claim_job(session, job_id=job.id, settings=settings)
                await session.commit()
                done = await process_job(session, job_id=job.id, settings=settings, commit=session.commit)
                await session.commit()
            t3 = time.perf_counter()
            cpu = time.process_time() - c0
            server = _cpu_of(backend) - server0
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(f"{profile}.{label.replace(' ', '_')}")
            counts = {
                "created": done.created_count,
                "matched": done.matched_count,
                "updated": done.updated_count,
                "unchanged": done.unchanged_count,
                "rejected": done.rejected_count,
            }
            total = t3 - t0
            results[label.replace("-", "_").replace(" ", "_")] = {
                "rows_per_second": round(rows / total),
                "process_rows_per_second": round(rows / (t3 - t2)),
                "seconds": round(total, 1),
                "cpu_seconds": round(cpu, 1),
                "server_cpu_seconds": round(server, 1),
                **counts,
            }
            print(
                f"{label}: {rows} rows in {total:.1f} s = {rows / total:,.0f} rows/s "
                f"(parse {t1 - t0:.1f} s, stage {t2 - t1:.1f} s, process {t3 - t2:.1f} s = "
                f"{rows / (t3 - t2):,.0f} rows/s; CPU {cpu:.1f} s, database backend CPU {server:.1f} s) {counts}"
            )
        await engine.dispose()
        if not sqlite and database != "splot_bench_import":
            await _drop_database(database)
    return results


async def _backend_pid(session: AsyncSession) -> int | None:
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return None
    return int(await session.scalar(text("SELECT pg_backend_pid()")) or 0)


def _cpu_of(pid: int | None) -> float:
    """CPU seconds (user + system) of a local PostgreSQL backend process (0 when not readable:
    another machine or another platform)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _drop_database(name: str) -> None:
    import asyncpg

    url = make_url(ADMIN_URL)
    admin = await asyncpg.connect(
        user=url.username or "postgres", password=url.password, host=url.host, port=url.port or 5432
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def measure_import(server_url: str | None, rows: int) -> dict[str, Any]:
    """For the bench harness: the import of ``rows`` synthetic rows into a fresh PostgreSQL
    database through the service's own job functions (``first_import`` and ``re_import``, each
    with ``rows_per_second``). ``server_url`` is not used: the job runs in-process."""
    del server_url
    return await run(rows)


def _option(name: str) -> str | None:
    return next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith(f"--{name}=")), None)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(
        run(
            int(args[0]) if args else 100_000,
            sqlite="--sqlite" in sys.argv,
            database=_option("db") or "splot_bench_import",
            profile=_option("profile"),
        )
    )
