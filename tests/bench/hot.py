"""The hot paths of issue #17's first table that this harness measures itself, each against the
yardstick measured in the same run: referral transition, PESEL lookup, sign-in."""

from __future__ import annotations

import random
import urllib.parse
import uuid

import asyncpg
import httpx

from tests.bench import load, pg
from tests.bench.load import Request
from tests.bench.report import Row, number, ratio
from tests.bench.servers import Server, url

DEMO_PASSWORD = "Splot-demo-2026"
#: A caseworker of the demo OPS (the target of requested referrals) and of the demo PUP.
OPS_LOGIN = "ops@splot.example"
PUP_LOGIN = "pup@splot.example"


def demo_logins() -> list[str]:
    from splot.directory.demo import logins

    return [login.email for login in logins()]


def sign_in(login: str) -> str:
    response = httpx.post(
        url("directory") + "/v1/oauth/token",
        data={"grant_type": "password", "username": login, "password": DEMO_PASSWORD},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def yardstick_cells(run: load.Load) -> str:
    cpu = f", {run.cpu_ms:.1f} ms CPU" if run.cpu_ms is not None else ""
    return f"{number(run.rate)} req/s{cpu}"


def measured_cells(run: load.Load) -> str:
    cpu = f", {run.cpu_ms:.1f} ms CPU/request" if run.cpu_ms is not None else ""
    failed = f", {run.failed} failed (HTTP {run.failure or 'timeout'})" if run.failed else ""
    return f"{number(run.rate)} req/s{cpu}, p95 {run.p95_ms:.0f} ms{failed}"


# --- yardstick ---------------------------------------------------------------------------------


def yardstick_insert(server: Server) -> load.Load:
    body = '{"name": "bench"}'
    return load.run(
        url("yardstick"), [Request("POST", "/insert", {"Content-Type": "application/json"}, body)], server
    )


def yardstick_select(server: Server, rows: int) -> load.Load:
    requests = [Request("GET", f"/row/{random.randint(1, rows)}", {}) for _ in range(500)]
    return load.run(url("yardstick"), requests, server)


async def yardstick_rows(database: str) -> int:
    conn = await asyncpg.connect(pg.dsn(database))
    try:
        return int(await conn.fetchval("SELECT count(*) FROM item"))
    finally:
        await conn.close()


# --- referral transition -----------------------------------------------------------------------


async def prepare_requested(
    database_directory: str, database_referrals: str, database_clients: str, login: str, count: int
) -> list[str]:
    """``count`` referrals in status requested (sent) to ``login``'s institution, copied from those
    the data already holds (same sender and basis; new id and number), each about one of the
    registry's persons in turn: thousands of accepts about the few persons of 50 templates would
    queue on those persons' rows in the registry (its access hand-over), which no real inbox
    does. Each copy's receiver gets the grant its send handed to the registry (version 1, not
    accepted), so that an accept updates a grant as in service instead of creating one.
    Returns their ids."""
    directory = await asyncpg.connect(pg.dsn(database_directory))
    try:
        institution = await directory.fetchval("SELECT institution_id FROM app_user WHERE email = $1", login)
    finally:
        await directory.close()
    conn = await asyncpg.connect(pg.dsn(database_referrals))
    try:
        templates = await conn.fetch(
            "SELECT id FROM referral WHERE status = 'requested' AND target_institution_id = $1"
            " AND chain_root_id = id AND number NOT LIKE 'BENCH-%' ORDER BY id LIMIT 50",
            institution,
        )
        if not templates:
            raise RuntimeError(f"no requested referral to {login}'s institution to copy")
        columns = [
            r["column_name"]
            for r in await conn.fetch(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'referral'"
                " ORDER BY ordinal_position"
            )
        ]
        persons = [
            r["person_id"]
            for r in await conn.fetch("SELECT DISTINCT person_id FROM referral LIMIT $1", max(count, 1))
        ]
        replaced = {
            "id": "n.new_id",
            "chain_root_id": "n.new_id",
            "number": "'BENCH-' || n.i",
            "version": "1",
            "person_id": "n.p[1 + n.i % array_length(n.p, 1)]",
        }
        select = ", ".join(replaced.get(c, f"r.{c}") for c in columns)
        start = int(await conn.fetchval("SELECT count(*) FROM referral WHERE number LIKE 'BENCH-%'"))
        ids = await conn.fetch(
            f"""INSERT INTO referral ({", ".join(columns)})
            SELECT {select} FROM (
              SELECT i, gen_random_uuid() AS new_id, $1::uuid[] AS t, $4::uuid[] AS p
              FROM generate_series($2::int, $3::int) AS i
            ) n JOIN referral r ON r.id = n.t[1 + n.i % array_length(n.t, 1)]
            RETURNING id, person_id, target_institution_id, sender_institution_id, service_type_code,
              legal_basis_kind, consent_id, sensitive, sent_at, version""",  # noqa: S608 (column names from the catalogue)
            [t["id"] for t in templates],
            start,
            start + count - 1,
            persons,
        )
        await conn.execute("ANALYZE referral")
    finally:
        await conn.close()
    await _grant_as_sent(database_clients, ids)
    return [str(r["id"]) for r in ids]


async def _grant_as_sent(database_clients: str, referrals: list[asyncpg.Record]) -> None:
    """The registry's grants of sent referrals: what ``splot.referrals.access`` hands over at a
    send (``AccessState`` of version 1, active, not accepted), written as the registry stores it."""
    rows = [
        (
            uuid.uuid4(),
            r["person_id"],
            r["target_institution_id"],
            r["id"],
            r["legal_basis_kind"],
            r["consent_id"],
            r["sensitive"],
            r["sender_institution_id"],
            r["service_type_code"],
            None,
            r["version"],
            r["sent_at"],
            1,
        )
        for r in referrals
    ]
    conn = await asyncpg.connect(pg.dsn(database_clients))
    try:
        await conn.copy_records_to_table("access_grant", records=rows, columns=_GRANT_COLUMNS)
        await conn.execute("ANALYZE access_grant")
    finally:
        await conn.close()


_GRANT_COLUMNS = (
    "id", "person_id", "institution_id", "referral_id", "legal_basis", "consent_id",
    "covers_sensitive", "sender_institution_id", "service_type_code", "accepted_at",
    "source_version", "granted_at", "version",
)  # fmt: skip


def transition_requests(ids: list[str], token: str) -> list[Request]:
    return [
        load.json_request(
            "POST",
            f"/v1/referrals/{rid}/transitions",
            token,
            {"action": "accept"},
            **{"If-Match": f'"{rid}.1"'},
        )
        for rid in ids
    ]


def transition(server: Server, ids: list[str], token: str) -> load.Load:
    return load.run(url("referrals"), transition_requests(ids, token), server, once=True)


# --- PESEL lookup ------------------------------------------------------------------------------


async def pesels(database_clients: str, limit: int = 2000) -> list[str]:
    conn = await asyncpg.connect(pg.dsn(database_clients))
    try:
        rows = await conn.fetch("SELECT pesel FROM person WHERE pesel IS NOT NULL LIMIT $1", limit)
    finally:
        await conn.close()
    return [r["pesel"] for r in rows]


def lookup(server: Server, numbers: list[str], token: str) -> load.Load:
    requests = [load.json_request("POST", "/v1/persons/lookup", token, {"pesel": p}) for p in numbers]
    return load.run(url("clients"), requests, server)


# --- sign-in -----------------------------------------------------------------------------------


def signin(server: Server, logins: list[str]) -> load.Load:
    requests = [
        Request(
            "POST",
            "/v1/oauth/token",
            {"Content-Type": "application/x-www-form-urlencoded"},
            urllib.parse.urlencode({"grant_type": "password", "username": login, "password": DEMO_PASSWORD}),
        )
        for login in logins
    ]
    return load.run(url("directory"), requests, server)


def signin_row(run: load.Load) -> Row:
    # The morning peak: 30 sign-ins/s on at most 2 cores, i.e. ≤ 66 ms CPU per sign-in.
    cpu = run.cpu_ms
    met = cpu is not None and cpu * 30 <= 2000 and not run.failed
    cores = f"; 30/s needs {cpu * 30 / 1000:.1f} cores" if cpu else ""
    return Row(
        "sign-in (password grant), 1 worker",
        "morning peak 30/s on ≤ 2 cores (≤ 66 ms CPU each)",
        measured=f"{number(run.rate)}/s, {cpu or 0:.0f} ms CPU each{cores}, p95 {run.p95_ms:.0f} ms"
        + (f", {run.failed} failed (HTTP {run.failure or 'timeout'})" if run.failed else ""),
        met=met,
    )


def ratio_row(path: str, goal_share: float, run: load.Load, yard: load.Load, yard_name: str) -> Row:
    share = ratio(run.rate, yard.rate)
    return Row(
        path,
        f"≥ {goal_share:.0%}",
        measured=measured_cells(run),
        yardstick=f"{yard_name} {yardstick_cells(yard)}",
        ratio=share,
        met=share is not None and share >= goal_share and not run.failed,
    )
