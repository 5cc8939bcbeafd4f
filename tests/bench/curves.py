"""Scaling curves (issue #17's second table): p50 latency with one sequential client as the data
grows, and the plans PostgreSQL chose for each hot query at each size.

Each size is a fresh load of the synthetic country into ``benchc_*`` databases. Latency is taken
from the services over HTTP (one uvicorn worker each). The plans are those of the services' own
statements: the services are restarted with ``auto_explain`` (ANALYZE, BUFFERS) on their databases,
each request is sent 7 times (past the 5 after which a prepared statement may switch to its generic
plan, as in a running service) and the last plan of each query is taken from the server log.
"""

from __future__ import annotations

import os
import random
import re
import traceback
from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx

from tests.bench import data, external, hot, load, pg, servers
from tests.bench.load import Request
from tests.bench.report import Curve

REGISTRY_SIZES = [int(s) for s in os.environ.get("BENCH_REGISTRY_SIZES", "").split(",") if s.strip()]
SIZES = [int(s) for s in os.environ.get("BENCH_CURVE_SIZES", "10000,100000,1000000").split(",") if s.strip()]
#: Referrals in the whole synthetic country at scale 1 (three years at a million a year).
FULL_COUNTRY_REFERRALS = 3_000_000
QUERIES = {
    "inbox": "inbox of a typical OPS, 1/400 of the referrals (GET /v1/referrals/inbox)",
    "search": "person search by surname prefix (GET /v1/persons?q=)",
    "lookup": "PESEL lookup (POST /v1/persons/lookup)",
    "match": "name + birth-date match (POST /v1/persons/match)",
}
#: Which logged statement is the plan of which query (the last one matching wins).
MARKERS = {
    "inbox": re.compile(r"FROM referral\b.*target_institution_id.*ORDER BY", re.S),
    "search": re.compile(r"person_name_token|FROM person\b.*LIKE", re.S | re.I),
    "lookup": re.compile(r"FROM person\b.*person\.pesel =", re.S),
    "match": re.compile(r"FROM person\b.*birth_date =", re.S),
}


def label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


TYPICAL_LOGIN = "bench.ops@splot.example"


async def typical_ops(urls: dict[str, str]) -> tuple[str, int]:
    """A caseworker (copied from the demo's ``ops@``, same password) at the OPS whose inbox holds
    the share of all referrals closest to 1/400; returns the login and the size of its inbox."""
    referrals = await asyncpg.connect(urls["referrals"].replace("+asyncpg", ""))
    try:
        total = int(await referrals.fetchval("SELECT count(*) FROM referral"))
        rows = await referrals.fetch(
            "SELECT target_institution_id AS id, count(*) AS n FROM referral"
            " WHERE target_institution_type = 'OPS' GROUP BY 1"
        )
    finally:
        await referrals.close()
    if not rows:
        return hot.OPS_LOGIN, 0
    chosen = min(rows, key=lambda r: abs(r["n"] - total / 400))
    directory = await asyncpg.connect(urls["directory"].replace("+asyncpg", ""))
    try:
        columns = [
            r["column_name"]
            for r in await directory.fetch(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'app_user'"
                " ORDER BY ordinal_position"
            )
        ]
        values = {"id": "gen_random_uuid()", "email": "$1", "institution_id": "$2"}
        await directory.execute(
            f"INSERT INTO app_user ({', '.join(columns)})"  # noqa: S608 (names from the catalogue)
            f" SELECT {', '.join(values.get(c, c) for c in columns)} FROM app_user WHERE email = $3",
            TYPICAL_LOGIN,
            chosen["id"],
            hot.OPS_LOGIN,
        )
    finally:
        await directory.close()
    return TYPICAL_LOGIN, int(chosen["n"])


async def _samples(urls: dict[str, str], inbox_login: str) -> dict[str, list[Request]]:
    conn = await asyncpg.connect(urls["clients"].replace("+asyncpg", ""))
    try:
        persons = await conn.fetch(
            "SELECT pesel, first_name, last_name, birth_date FROM person"
            " WHERE pesel IS NOT NULL AND last_name IS NOT NULL AND birth_date IS NOT NULL"
            " ORDER BY md5(id::text) LIMIT 200"
        )
    finally:
        await conn.close()
    ops, pup = hot.sign_in(inbox_login), hot.sign_in(hot.PUP_LOGIN)
    rng = random.Random(2026)
    rng.shuffle(persons := list(persons))
    return {
        "inbox": [load.json_request("GET", "/v1/referrals/inbox?limit=50", ops)],
        "search": [load.json_request("GET", f"/v1/persons?q={p['last_name'][:3]}", pup) for p in persons],
        "lookup": [
            load.json_request("POST", "/v1/persons/lookup", pup, {"pesel": p["pesel"]}) for p in persons
        ],
        "match": [
            load.json_request(
                "POST",
                "/v1/persons/match",
                pup,
                {
                    "first_name": p["first_name"],
                    "last_name": p["last_name"],
                    "birth_date": str(p["birth_date"]),
                },
            )
            for p in persons
        ],  # fmt: skip
    }


def _base(query: str) -> str:
    return servers.url("referrals" if query == "inbox" else "clients")


def _log_size(log: Path) -> int:
    return len(log.read_text(errors="replace")) if log.exists() else 0


def _plans(log: Path, offset: int) -> dict[str, str]:
    if not log.exists():
        return {}
    text = log.read_text(errors="replace")[offset:]
    found: dict[str, str] = {}
    for block in re.split(r"\n(?=\S)", text):
        if "LOG:  duration:" not in block or "plan:" not in block:
            continue
        lines = block.splitlines()[1:]
        plan = "\n".join(line.removeprefix("\t") for line in lines if line.startswith("\t"))
        for query, marker in MARKERS.items():
            if marker.search(plan):
                found[query] = plan.strip()
    return found


async def _auto_explain(databases: list[str], on: bool) -> None:
    conn = await asyncpg.connect(pg.dsn())
    try:
        for name in databases:
            if on:
                await conn.execute(
                    f"ALTER DATABASE \"{name}\" SET session_preload_libraries = 'auto_explain'"
                )
                for setting in (
                    "log_min_duration = 0",
                    "log_analyze = on",
                    "log_buffers = on",
                    "log_nested_statements = on",
                ):
                    await conn.execute(f'ALTER DATABASE "{name}" SET auto_explain.{setting}')
            else:
                await conn.execute(f'ALTER DATABASE "{name}" RESET ALL')
    finally:
        await conn.close()


async def one_size(
    size: int, curves: dict[str, Curve], explains: list[tuple[str, str]], notes: list[str]
) -> None:
    scale = size / FULL_COUNTRY_REFERRALS
    urls, loaded, country = await data.prepare("benchc", scale)
    sizes = await data.counts(urls)
    notes.append(f"curve {label(size)}: {loaded}: " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()))
    if not country:
        for curve in curves.values():
            curve.values[label(size)] = "not measured (no country)"
        return
    login, inbox = await typical_ops(urls)
    notes.append(f"curve {label(size)}: the typical OPS's inbox holds {inbox:,} referrals")
    env = servers.service_env(urls)
    running = servers.start_all(["directory", "clients", "referrals"], env)
    try:
        samples = await _samples(urls, login)
        with httpx.Client(timeout=60) as client:
            for query, requests in samples.items():
                base = _base(query)
                try:
                    p50 = load.sequential(
                        client, [Request(r.method, base + r.path, r.headers, r.body) for r in requests]
                    )
                    curves[query].values[label(size)] = f"{p50:.1f} ms"
                except Exception as error:  # noqa: BLE001
                    curves[query].values[label(size)] = f"failed: {str(error)[:80]}"
    finally:
        for server in running[1:]:
            server.stop()
    # The plans: restart clients and referrals with auto_explain on their databases.
    log = Path(pg.PGDATA + ".log")
    offset = _log_size(log)
    databases = [urls[s].rsplit("/", 1)[1] for s in ("clients", "referrals")]
    await _auto_explain(databases, True)
    try:
        restarted = servers.start_all(["clients", "referrals"], env)
    except BaseException:
        running[0].stop()
        await _auto_explain(databases, False)
        raise
    try:
        with httpx.Client(timeout=60) as client:
            for query, requests in samples.items():
                r = requests[0]
                for _ in range(7):
                    client.request(r.method, _base(query) + r.path, headers=r.headers, content=r.body or None)
    finally:
        for server in [*restarted, running[0]]:
            server.stop()
        await _auto_explain(databases, False)
    plans = _plans(log, offset)
    for query in QUERIES:
        explains.append((f"{QUERIES[query]} at {label(size)}", plans.get(query, "(no plan captured)")))


async def run(
    notes: list[str], explains: list[tuple[str, str]], progress: Callable[[list[Curve]], None]
) -> list[Curve]:
    """Every size in turn; ``progress`` gets the curves after each (a long run leaves something)."""
    labels = [label(s) for s in SIZES]
    curves = {q: Curve(title, labels) for q, title in QUERIES.items()}
    if data.national() is None:
        for curve in curves.values():
            curve.note = "not measured: splot.embedded.national (the synthetic country) is not available yet"
        progress(list(curves.values()))
        return list(curves.values())
    for size in SIZES:
        try:
            await one_size(size, curves, explains, notes)
        except Exception as error:  # noqa: BLE001 (reported; the next size still runs)
            traceback.print_exc()
            notes.append(f"curve {label(size)} failed: {type(error).__name__}: {str(error)[:200]}")
            for curve in curves.values():
                curve.values.setdefault(label(size), "failed (see notes)")
        progress(list(curves.values()))
    found = [*curves.values(), *await registry(explains)]
    progress(found)
    return found


async def registry(explains: list[tuple[str, str]]) -> list[Curve]:
    """The registry alone at ``BENCH_REGISTRY_SIZES`` persons (e.g. 3000000), by the clients'
    own search benchmark (in-process app, its own databases on the bench cluster)."""
    if not REGISTRY_SIZES:
        return []
    labels = [label(s) for s in REGISTRY_SIZES]
    search = Curve("person search by surname prefix, registry only (clients' search_bench)", labels)
    lookup = Curve("PESEL lookup, registry only (clients' search_bench)", labels)
    try:
        result = await external.call("measure_search", None, REGISTRY_SIZES)
    except external.NotMeasured as reason:
        search.note = lookup.note = str(reason)
        return [search, lookup]
    for size in REGISTRY_SIZES:
        values = result.get(str(size), {}) if isinstance(result, dict) else {}
        for curve, key in ((search, "search_p50_ms"), (lookup, "lookup_p50_ms")):
            if isinstance(values.get(key), int | float):
                curve.values[label(size)] = f"{values[key]:.1f} ms"
        if values.get("search_explain"):
            explains.append((f"{search.query} at {label(size)} persons", str(values["search_explain"])))
    return [search, lookup]
