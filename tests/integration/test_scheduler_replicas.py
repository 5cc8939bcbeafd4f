"""Scale-out: two extra replicas of the referrals service run their schedulers against the same
database as the first; overdue escalation and automatic expiry happen exactly once per referral."""

import asyncio
import time
import uuid
from datetime import timedelta

import httpx
from sqlalchemy import Uuid, column, table, update

from splot.common.db import UTCDateTime, create_engine, utcnow

from cluster import Admin, ok

# The referrals service's own table, as far as this test moves its clock.
REFERRAL = table(
    "referral", column("id", Uuid()), column("due_at", UTCDateTime()), column("expires_at", UTCDateTime())
)


async def _backdate(url: str, *, expire: list[str], escalate: list[str]) -> None:
    engine = create_engine(url, null_pool=True)
    past = utcnow() - timedelta(days=1)
    future = utcnow() + timedelta(days=30)
    try:
        async with engine.begin() as conn:
            for ids, expires_at in ((expire, past), (escalate, future)):
                for referral_id in ids:
                    await conn.execute(
                        update(REFERRAL)
                        .where(REFERRAL.c.id == uuid.UUID(referral_id))
                        .values(due_at=past, expires_at=expires_at)
                    )
    finally:
        await engine.dispose()


def test_two_replicas_do_nothing_twice(cluster):
    directory = cluster.services.get("directory") or cluster.start_directory()
    clients = cluster.services.get("clients") or cluster.start("clients", cluster.service_env("clients"))
    referrals = cluster.services.get("referrals") or cluster.start(
        "referrals", cluster.service_env("referrals")
    )
    admin = Admin(cluster)
    pup_id, ops_id = admin.institution("PUP", "1219043"), admin.institution("OPS", "1219043")
    pup = admin.staff(pup_id, ("caseworker",))

    ids = []
    for i in range(6):
        person = ok(
            httpx.post(
                f"{clients.url}/v1/persons",
                headers=pup,
                json={
                    "first_name": "Ewa",
                    "last_name": f"Replika{uuid.uuid4().hex[:5]}",
                    "birth_date": f"198{i}-02-0{1 + i}",
                    "sex": "F",
                },
            ),
            201,
        )
        ids.append(
            ok(
                httpx.post(
                    f"{referrals.url}/v1/referrals",
                    headers=pup,
                    json={
                        "person_id": person["id"],
                        "target_institution_id": ops_id,
                        "service_type_code": "social_work",
                        "priority": "routine",
                        "send": True,
                        "legal_basis": {
                            "kind": "statutory",
                            "code": "rp_pup_referral_to_social_services",
                        },
                    },
                ),
                201,
            )["id"]
        )
    expire, escalate = ids[:3], ids[3:]

    fast = {**cluster.service_env("referrals"), "SPLOT_REFERRALS_SCHEDULER_INTERVAL_SECONDS": "0.2"}
    replicas = [cluster.start("referrals", fast, key=f"referrals-replica-{n}") for n in (1, 2)]
    asyncio.run(_backdate(cluster.database_url("referrals"), expire=expire, escalate=escalate))

    service_token = ok(
        httpx.post(
            f"{directory.url}/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("reporting", cluster.secrets["reporting"]),
        )
    )["access_token"]

    def events() -> list[dict]:
        found, after = [], 0
        while True:
            page = ok(
                httpx.get(
                    f"{replicas[0].url}/v1/events",
                    params={"after": after, "limit": 1000},
                    headers={"Authorization": f"Bearer {service_token}"},
                )
            )
            found += page["items"]
            if page["last_seq"] == after:
                return found
            after = page["last_seq"]

    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        seen = events()
        expired = [e for e in seen if e["type"] == "referral.expired" and e["aggregate_id"] in expire]
        overdue = [e for e in seen if e["type"] == "referral.overdue" and e["aggregate_id"] in escalate]
        if len({e["aggregate_id"] for e in expired}) == 3 and len({e["aggregate_id"] for e in overdue}) == 3:
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the replicas did not process the backdated referrals in time")

    time.sleep(2)  # several more scheduler rounds on both replicas: still nothing repeated
    seen = events()
    for referral_id in expire:
        assert [e["type"] for e in seen if e["aggregate_id"] == referral_id].count("referral.expired") == 1
    for referral_id in escalate:
        assert [e["type"] for e in seen if e["aggregate_id"] == referral_id].count("referral.overdue") == 1
    for replica in replicas:
        replica.process.terminate()
