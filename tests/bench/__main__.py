"""``make bench``: issue #17's benchmarks on PostgreSQL, with the yardstick measured in the same run.

    python -m tests.bench            (from the repository root; ``make bench`` does this)

Options (environment): BENCH_SECONDS (per wrk run, default 10), BENCH_SCALE (synthetic country
scale, default 0.01: 20k persons, 30k referrals), BENCH_ONLY=transition,lookup,signin,ingestion,aggregate,import,curves,
BENCH_EVENTS, BENCH_FACTS, BENCH_IMPORT_ROWS, BENCH_CURVE_SIZES (default 10000,100000,1000000),
BENCH_REGISTRY_SIZES (persons, e.g. 3000000: the registry alone, by the clients' search
benchmark; default none), BENCH_KEEP_PG=1 (leave the cluster running). Benchmarks report; the exit status is 0 unless the
harness itself breaks.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from tests.bench import curves, data, external, hot, load, pg, replicas, report, servers
from tests.bench.report import Row

ALL = ("transition", "lookup", "signin", "ingestion", "aggregate", "import", "curves")
SCALE = float(os.environ.get("BENCH_SCALE", "0.01"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "20000"))
FACTS = int(os.environ.get("BENCH_FACTS", "1000000"))
IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))


def selected() -> set[str]:
    only = os.environ.get("BENCH_ONLY", "").strip()
    chosen = {part.strip() for part in only.split(",") if part.strip()} if only else set(ALL)
    unknown = chosen - set(ALL)
    if unknown:
        raise SystemExit(f"BENCH_ONLY: unknown {', '.join(sorted(unknown))} (known: {', '.join(ALL)})")
    return chosen


def guarded(rows: list[Row], path: str, goal: str, measure: Callable[[], Any]) -> Any:
    """Run one measurement; a failure becomes a 'not measured' row, not the end of the run."""
    try:
        return measure()
    except (external.NotMeasured, load.WrkMissing) as reason:
        rows.append(Row.missing(path, goal, str(reason)))
    except Exception as error:  # noqa: BLE001
        traceback.print_exc()
        rows.append(Row.missing(path, goal, f"{type(error).__name__}: {str(error)[:160]}"))
    return None


async def hot_paths(chosen: set[str], rows: list[Row], notes: list[str]) -> None:
    urls, loaded, _ = await data.prepare("bench", SCALE)
    sizes = await data.counts(urls)
    notes.append(f"hot paths measured on {loaded}: " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()))
    await pg.recreate(["bench_yardstick"])
    env = servers.service_env(urls)
    env["BENCH_YARDSTICK_DATABASE_URL"] = pg.sa_url("bench_yardstick")
    wanted = ["directory"]
    if chosen & {"transition", "lookup"}:
        wanted += ["clients", "referrals", "yardstick"]
    running: dict[str, servers.Server] = {}
    try:
        for name in wanted:
            running[name] = servers.start(name, env)
        if "transition" in chosen or "lookup" in chosen:
            insert = hot.yardstick_insert(running["yardstick"])
            print(f"yardstick insert: {hot.yardstick_cells(insert)}", flush=True)
            select = hot.yardstick_select(running["yardstick"], await hot.yardstick_rows("bench_yardstick"))
            print(f"yardstick select: {hot.yardstick_cells(select)}", flush=True)
        if "transition" in chosen:
            path, goal = "referral transition (accept, If-Match)", "≥ 60 %"

            async def prepare() -> list[str]:
                return await hot.prepare_requested(
                    "bench_directory", "bench_referrals", "bench_clients", hot.OPS_LOGIN, 800 * load.SECONDS
                )

            ids = await prepare()
            token = hot.sign_in(hot.OPS_LOGIN)
            registry_cpu = running["clients"].cpu_seconds()
            with replicas.LockSampler("bench_referrals") as one_locks:
                run = guarded(rows, path, goal, lambda: hot.transition(running["referrals"], ids, token))
            registry_cpu = running["clients"].cpu_seconds() - registry_cpu
            if run:
                rows.append(hot.ratio_row(path, 0.6, run, insert, "ORM insert + commit"))
                if run.ok:
                    # The accept hands the person's access over to the registry (an HTTP call).
                    rows[-1].note = f"plus {registry_cpu * 1000 / run.ok:.1f} ms CPU/request in the registry"
                print(rows[-1].cells(), flush=True)
                path, goal = (
                    "referral transition, 2 replicas (outbox scaling)",
                    "writers do not queue on a lock",
                )
                second = servers.start("referrals", env, port=servers.REPLICA_PORTS["referrals"])
                running["referrals-2"] = second
                more = await prepare()
                with replicas.LockSampler("bench_referrals") as two_locks:
                    two = guarded(
                        rows,
                        path,
                        goal,
                        lambda: replicas.transition_split([running["referrals"], second], more, token),
                    )
                if two:
                    rows.append(replicas.replicas_row(run, one_locks, two, two_locks))
                    print(rows[-1].cells(), flush=True)
                second.stop()
        if "lookup" in chosen:
            path, goal = "person lookup by PESEL", "≥ 70 %"
            numbers = await hot.pesels("bench_clients")
            token = hot.sign_in(hot.PUP_LOGIN)
            run = guarded(rows, path, goal, lambda: hot.lookup(running["clients"], numbers, token))
            if run:
                rows.append(hot.ratio_row(path, 0.7, run, select, "ORM select by PK"))
                print(rows[-1].cells(), flush=True)
        if "signin" in chosen:
            path, goal = "sign-in (password grant), 1 worker", "30/s on ≤ 2 cores"
            logins = hot.demo_logins()
            run = guarded(rows, path, goal, lambda: hot.signin(running["directory"], logins))
            if run:
                rows.append(hot.signin_row(run))
                print(rows[-1].cells(), flush=True)
    finally:
        for server in running.values():
            server.stop()


async def peer_benchmarks(
    chosen: set[str], rows: list[Row], server_url: str, done: Callable[[], None]
) -> None:
    if "ingestion" in chosen:
        path = "reporting ingestion of the referrals feed"
        try:
            rows.append(external.ingestion_row(await external.call("measure_ingestion", server_url, EVENTS)))
        except external.NotMeasured as reason:
            rows.append(Row.missing(path, "≥ 5,000 events/s", str(reason)))
        print(rows[-1].cells(), flush=True)
        done()
    if "aggregate" in chosen:
        try:
            rows.extend(
                external.aggregate_rows(await external.call("measure_aggregate", server_url, FACTS), FACTS)
            )
        except external.NotMeasured as reason:
            rows.append(
                Row.missing("aggregate API, national and by powiat pair", "p95 < 100 ms, ≥ 20×", str(reason))
            )
        print(rows[-1].cells(), flush=True)
        done()
    if "import" in chosen:
        try:
            result = await external.call("measure_import", server_url, IMPORT_ROWS)
            rows.extend(external.import_rows(result, IMPORT_ROWS))
        except external.NotMeasured as reason:
            rows.append(Row.missing("bulk import on PostgreSQL", "≥ 2,000 rows/s", str(reason)))
        print(rows[-1].cells(), flush=True)


async def main() -> int:
    chosen = selected()
    started = time.monotonic()
    load.wrk_path() if chosen & {"transition", "lookup", "signin"} else None
    print("Starting the benchmark's PostgreSQL…", flush=True)
    server_url = pg.start()
    # The services' own bench scripts take their PostgreSQL from here: this cluster, never another.
    os.environ["SPLOT_BENCH_PG_URL"] = server_url
    rows: list[Row] = []
    notes: list[str] = []
    found_curves: list[report.Curve] = []
    explains: list[tuple[str, str]] = []
    postgres = await pg.describe()
    header = report.machine(postgres)

    def publish(final: bool) -> None:
        """Write docs/benchmarks.md with what is measured so far (a long run leaves something)."""
        minutes = (time.monotonic() - started) / 60
        run_notes = [os.environ["BENCH_NOTE"]] if os.environ.get("BENCH_NOTE") else []
        run_notes += notes
        run_notes.append(
            f"wrk: {load.CONNECTIONS} connections, {load.THREADS} threads, {load.SECONDS} s per run; one"
            " uvicorn worker per service; CPU = the server process's utime+stime over the run ÷ 2xx"
            f" responses; {'whole run' if final else 'INCOMPLETE run, so far'} {minutes:.1f} min"
        )
        run_notes.append(
            "the cluster is infra/ci/postgres.sh's: fsync=off, synchronous_commit=off, full_page_writes=off"
            " (commits cost less than on a production server: write ratios are optimistic for Splot and"
            " yardstick alike)"
        )
        report.write(report.render(rows, found_curves, explains, header=header, notes=run_notes))
        if final:
            if rows:
                print()
                print(report.console_table(report.HEADER, [r.cells() for r in rows]))
            if found_curves:
                curve_header, curve_cells = report.curve_rows(found_curves)
                print()
                print(report.console_table(curve_header, curve_cells))
            print()
            print("\n".join(header + [f"- {n}" for n in run_notes]))
            print(f"\nWritten to {report.DOC.relative_to(report.REPO)}")

    def curves_so_far(partial: list[report.Curve]) -> None:
        found_curves[:] = partial
        publish(False)

    try:
        if chosen & {"transition", "lookup", "signin"}:
            await hot_paths(chosen, rows, notes)
            publish(False)
        await peer_benchmarks(chosen, rows, server_url, lambda: publish(False))
        if "curves" in chosen:
            await curves.run(notes, explains, curves_so_far)
    finally:
        if not os.environ.get("BENCH_KEEP_PG"):
            pg.stop()
    publish(True)
    return 0


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through the finally blocks: servers and cluster stop


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(asyncio.run(main()))
