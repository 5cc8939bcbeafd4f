"""Cross-service atomicity: the referrals service dies (as under ``kill -9``) exactly between
sending a referral and giving its receiver access in the client registry.

Before the fix the grant was created over HTTP *before* the referral committed: a crash in
between left a permanent grant for a referral that never existed. Now the grant follows the
committed referral: a crash before the commit leaves neither, a crash after it leaves the
access state in the referrals database, and the restarted service's scheduler delivers it.
"""

import time
import uuid

import httpx
import pytest

from cluster import Admin, Cluster, ok

KILLED = 137


def _referral(person_id: str, target: str) -> dict:
    return {
        "person_id": person_id,
        "target_institution_id": target,
        "service_type_code": "social_work",
        "priority": "routine",
        "needs_description": "Wsparcie socjalne",
        "legal_basis": {"kind": "statutory", "code": "rp_pup_referral_to_social_services"},
        "send": True,
    }


def _crash_while_sending(
    cluster: Cluster, key: str, failpoint: str, url_body: tuple[str, dict], headers: dict
):
    service = cluster.start(
        "referrals",
        {
            **cluster.service_env("referrals"),
            "SPLOT_FAILPOINT": failpoint,
            "SPLOT_REFERRALS_SCHEDULER_ENABLED": "false",
        },
        key=key,
    )
    with pytest.raises(httpx.HTTPError):
        httpx.post(f"{service.url}/v1/referrals", json=url_body[1], headers=headers, timeout=30)
    assert service.process is not None
    assert service.process.wait(timeout=30) == KILLED, service.log.read_text() if service.log else ""


@pytest.fixture
def crash_cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("crash"), db_prefix="splot_crash_")
    try:
        yield c
    finally:
        c.stop()


def test_a_grant_exists_exactly_when_its_referral_committed(crash_cluster):
    cluster = crash_cluster
    cluster.start_directory()
    clients = cluster.start("clients", cluster.service_env("clients"))
    admin = Admin(cluster)
    pup_id, ops_id = admin.institution("PUP"), admin.institution("OPS")
    pup, ops = admin.staff(pup_id), admin.staff(ops_id)
    person = ok(
        httpx.post(
            f"{clients.url}/v1/persons",
            headers=pup,
            json={
                "first_name": "Ewa",
                "last_name": f"Awaryjna{uuid.uuid4().hex[:4]}",
                "birth_date": "1984-05-06",
                "sex": "F",
                "gmina": "1219053",
            },
        ),
        201,
    )
    person_url = f"{clients.url}/v1/persons/{person['id']}"
    body = _referral(person["id"], ops_id)

    # 1. Killed before the commit: no referral, and no access for the OPS.
    _crash_while_sending(
        cluster, "referrals-killed-before-commit", "referrals.send_before_commit", ("", body), pup
    )
    assert httpx.get(person_url, headers=ops).status_code == 404

    # 2. Killed after the commit, before the registry was told: the referral stands, access not yet.
    _crash_while_sending(
        cluster, "referrals-killed-after-commit", "referrals.access_after_commit", ("", body), pup
    )
    assert httpx.get(person_url, headers=ops).status_code == 404

    # 3. Restarted: exactly one referral exists, and its receiver gets access from the scheduler.
    referrals = cluster.start(
        "referrals",
        {**cluster.service_env("referrals"), "SPLOT_REFERRALS_SCHEDULER_INTERVAL_SECONDS": "0.5"},
        key="referrals-restarted",
    )
    outbox = ok(httpx.get(f"{referrals.url}/v1/referrals/outbox", headers=pup))["items"]
    assert [(r["person_id"], r["status"]) for r in outbox] == [(person["id"], "requested")]
    deadline = time.monotonic() + 30
    while httpx.get(person_url, headers=ops).status_code != 200:
        assert time.monotonic() < deadline, "the committed referral's access was never delivered"
        time.sleep(0.3)
    grants = ok(httpx.get(f"{person_url}/access-grants", headers=pup))["items"]
    assert [(g["institution_id"], g["referral_id"], g["active"]) for g in grants] == [
        (ops_id, outbox[0]["id"], True)
    ]
