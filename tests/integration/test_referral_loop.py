"""The closed loop across real services (directory, clients, referrals as separate processes on
loopback): PUP refers a person to the OPS, the OPS accepts and forwards to an NGO with the
client's consent, the NGO completes with an outcome, the PUP sees the chain and the outcome;
then the consent is withdrawn and the NGO loses access to the person."""

import uuid

import httpx

from cluster import Admin, ok


def test_pup_ops_ngo_closed_loop(cluster):
    cluster.services.get("directory") or cluster.start_directory()
    clients = cluster.services.get("clients") or cluster.start("clients", cluster.service_env("clients"))
    referrals = cluster.services.get("referrals") or cluster.start(
        "referrals", cluster.service_env("referrals")
    )
    admin = Admin(cluster)

    pup_id, ops_id, ngo_id = (
        admin.institution("PUP"),
        admin.institution("OPS"),
        admin.institution("NGO", name="Fundacja"),
    )
    pup, ops, ngo = admin.staff(pup_id), admin.staff(ops_id), admin.staff(ngo_id)

    person = ok(
        httpx.post(
            f"{clients.url}/v1/persons",
            headers=pup,
            json={
                "first_name": "Jan",
                "last_name": f"Testowy{uuid.uuid4().hex[:4]}",
                "birth_date": "1985-03-12",
                "sex": "M",
                "gmina": "1219053",
            },
        ),
        201,
    )
    person_url = f"{clients.url}/v1/persons/{person['id']}"
    assert httpx.get(person_url, headers=ops).status_code == 404  # not yet shared

    root = ok(
        httpx.post(
            f"{referrals.url}/v1/referrals",
            headers=pup,
            json={
                "person_id": person["id"],
                "target_institution_id": ops_id,
                "service_type_code": "social_work",
                "priority": "routine",
                "needs_description": "Wsparcie socjalne w poszukiwaniu pracy",
                "legal_basis": {"kind": "statutory", "code": "rp_pup_referral_to_social_services"},
                "send": True,
            },
        ),
        201,
    )
    assert root["status"] == "requested"
    ok(httpx.get(person_url, headers=ops))  # the receiver was granted access when it was sent

    def transition(headers: dict, referral_id: str, **body) -> dict:
        current = httpx.get(f"{referrals.url}/v1/referrals/{referral_id}", headers=headers)
        ok(current)
        return ok(
            httpx.post(
                f"{referrals.url}/v1/referrals/{referral_id}/transitions",
                json=body,
                headers={**headers, "If-Match": current.headers["etag"]},
            )
        )

    assert transition(ops, root["id"], action="accept")["status"] == "accepted"

    consent = ok(
        httpx.post(
            f"{person_url}/consents",
            headers=ops,
            json={
                "purpose": "referral",
                "recipient_institution_id": ngo_id,
                "evidence_reference": "Zgoda nr 1/2026",
            },
        ),
        201,
    )
    parent = httpx.get(f"{referrals.url}/v1/referrals/{root['id']}", headers=ops)
    child = ok(
        httpx.post(
            f"{referrals.url}/v1/referrals/{root['id']}/forward",
            headers={**ops, "If-Match": parent.headers["etag"]},
            json={
                "target_institution_id": ngo_id,
                "service_type_code": "kis",
                "priority": "routine",
                "needs_description": "Udział w klubie integracji społecznej",
                "legal_basis": {"kind": "consent"},
            },
        ),
        201,
    )
    assert child["parent_referral_id"] == root["id"] and child["chain_depth"] == 1
    ok(httpx.get(person_url, headers=ngo))

    transition(ngo, child["id"], action="accept")
    ok(
        httpx.post(
            f"{referrals.url}/v1/referrals/{child['id']}/messages",
            headers=ngo,
            json={"text": "Klient rozpoczął zajęcia"},
        ),
        201,
    )
    done = transition(
        ngo, child["id"], action="complete", outcome_codes=["programme_completed"], delivered="12 spotkań KIS"
    )
    assert done["status"] == "completed"

    chain = ok(httpx.get(f"{referrals.url}/v1/referrals/{root['id']}/chain", headers=pup))
    nodes = {n["id"]: n for n in _flatten(chain)}
    assert nodes[child["id"]]["status"] == "completed"
    assert nodes[child["id"]]["outcome_codes"] == ["programme_completed"]
    # The original sender sees the chain's outcome, but not the child's conversation.
    assert httpx.get(f"{referrals.url}/v1/referrals/{child['id']}/messages", headers=pup).status_code == 404

    ok(
        httpx.post(
            f"{clients.url}/v1/consents/{consent['id']}/withdraw",
            headers=ops,
            json={"reason": "Klient wycofał zgodę"},
        )
    )
    assert httpx.get(person_url, headers=ngo).status_code == 404
    ok(httpx.get(person_url, headers=ops))  # the statutory basis is untouched


def _flatten(node) -> list[dict]:
    if isinstance(node, list):
        return [n for item in node for n in _flatten(item)]
    if isinstance(node, dict):
        found = [node] if "status" in node and "id" in node else []
        for value in node.values():
            if isinstance(value, (list, dict)):
                found += _flatten(value)
        return found
    return []
