"""Referrals made through the API reach the reporting service's aggregates through the real event
feeds (directory, clients and referrals over HTTP), suppression included."""

import time
import uuid

import httpx

from cluster import Admin, ok


def test_referrals_appear_in_aggregates_after_ingestion(cluster):
    cluster.services.get("directory") or cluster.start_directory()
    clients = cluster.services.get("clients") or cluster.start("clients", cluster.service_env("clients"))
    referrals = cluster.services.get("referrals") or cluster.start(
        "referrals", cluster.service_env("referrals")
    )
    admin = Admin(cluster)

    # A powiat of its own (Kraków), so that other tests' referrals do not mix in.
    pup_id, ops_id = admin.institution("PUP", "1261011"), admin.institution("OPS", "1261011")
    pup = admin.staff(pup_id, ("caseworker",))
    analyst = admin.staff(admin.institution("WUP", "1261011"), ("analyst",), analyst_scope="1261")
    sent = 7
    for i in range(sent):
        person = ok(
            httpx.post(
                f"{clients.url}/v1/persons",
                headers=pup,
                json={
                    "first_name": "Anna",
                    "last_name": f"Raportowa{uuid.uuid4().hex[:5]}",
                    "birth_date": f"19{70 + i}-05-0{1 + i % 9}",
                    "sex": "F",
                    "gmina": "1261011",
                },
            ),
            201,
        )
        ok(
            httpx.post(
                f"{referrals.url}/v1/referrals",
                headers=pup,
                json={
                    "person_id": person["id"],
                    "target_institution_id": ops_id,
                    "service_type_code": "social_work",
                    "priority": "routine",
                    "legal_basis": {
                        "kind": "statutory",
                        "code": "rp_pup_referral_to_social_services",
                    },
                    "send": True,
                },
            ),
            201,
        )

    reporting = cluster.services.get("reporting") or cluster.start(
        "reporting", cluster.service_env("reporting")
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = httpx.get(f"{reporting.url}/v1/status", headers=analyst)
        sources = status.json().get("as_of", {}).get("sources", []) if status.status_code == 200 else []
        if len(sources) == 3 and all(s["head_seq"] and s["lag"] == 0 for s in sources):
            break
        time.sleep(1)
    else:
        raise AssertionError(f"ingestion did not catch up: {status.text}")

    aggregate = ok(
        httpx.get(
            f"{reporting.url}/v1/aggregate",
            headers=analyst,
            params={"measures": "referrals", "dimensions": "route", "granularity": "year"},
        )
    )
    cells = {row["dimensions"]["route"]: row["values"]["referrals"] for row in aggregate["rows"]}
    # 7 referrals, published rounded to the base of 5 (complementary protection): 5.
    assert cells["PUP->OPS"] == {"value": 5, "suppressed": False}
    assert "person_id" not in str(aggregate)

    few = ok(
        httpx.get(
            f"{reporting.url}/v1/aggregate",
            headers=analyst,
            params={
                "measures": "referrals",
                "dimensions": "status",
                "granularity": "year",
                "route": "PUP->OPS",
            },
        )
    )
    statuses = {row["dimensions"]["status"]: row["values"]["referrals"] for row in few["rows"]}
    assert statuses["requested"]["suppressed"] is False
