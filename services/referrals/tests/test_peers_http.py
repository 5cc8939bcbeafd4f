"""The HTTP implementation of the peers port, against stand-ins of the directory and the registry."""

import base64
import json
import uuid
from pathlib import Path

import httpx
import pytest

from splot.referrals.config import ReferralsSettings
from splot.referrals.peers import AccessState, HttpPeers, OccupancyState, PeerUnavailable, ReferralCheck

CONTRACTS = Path(__file__).resolve().parents[3] / "openapi"
INST = uuid.uuid4()
PERSON = uuid.uuid4()
CONSENT = uuid.uuid4()
USER = uuid.uuid4()
PARTNERSHIP = uuid.uuid4()


class Upstream:
    def __init__(self):
        self.requests: list[httpx.Request] = []
        self.fail: str | None = None
        self.tokens_issued = 0
        self.reject_token_once = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/dir/v1/oauth/token":
            self.tokens_issued += 1
            if self.fail == "token":
                return httpx.Response(401, json={"error": "invalid_client"})
            return httpx.Response(200, json={"access_token": f"tok-{self.tokens_issued}", "expires_in": 900})
        if self.fail == "down":
            return httpx.Response(502, text="bad gateway")
        if self.fail == "unreachable":
            raise httpx.ConnectError("refused", request=request)
        if self.reject_token_once:
            self.reject_token_once = False
            return httpx.Response(401, json={"code": "unauthenticated"})
        if path == f"/dir/v1/institutions/{INST}":
            return httpx.Response(
                200,
                json={
                    "id": str(INST),
                    "type": "NGO",
                    "name": "Fundacja",
                    "teryt": "1219053",
                    "powiat_code": "1219",
                    "voivodeship_code": "12",
                    "active": True,
                    "email": "biuro@fundacja.pl",
                    "version": 3,
                },
            )
        if path.startswith("/dir/v1/institutions/"):
            return httpx.Response(404, json={"code": "not_found"})
        if path == "/dir/v1/service-types":
            return httpx.Response(
                200,
                json={
                    "items": [
                        {
                            "code": "kis",
                            "name_pl": "KIS",
                            "name_en": "KIS",
                            "category": "social_employment",
                            "sensitive": False,
                            "provider_types": ["NGO"],
                            "response_days_routine": None,
                            "response_days_urgent": None,
                            "active": True,
                        },
                        {
                            "code": "addiction_therapy",
                            "name_pl": "Terapia",
                            "name_en": "Therapy",
                            "category": "other",
                            "sensitive": True,
                            "provider_types": [],
                            "response_days_routine": 3,
                            "response_days_urgent": 1,
                            "active": True,
                        },
                    ]
                },
            )
        if path.startswith("/dir/v1/offers/"):
            return httpx.Response(
                200,
                json={
                    "id": path.rsplit("/", 1)[1],
                    "institution_id": str(INST),
                    "service_type_code": "kis",
                    "capacity_available": 2,
                    "capacity_max": 10,
                    "active": True,
                },
            )
        if path == "/dir/v1/partnerships/standard-deadline":
            if request.url.params["service_type"] != "social_work":
                return httpx.Response(404, json={"code": "not_found"})
            return httpx.Response(
                200,
                json={
                    "partnership_id": str(PARTNERSHIP),
                    "step_id": str(uuid.uuid4()),
                    "deadline_working_days": 3,
                },
            )
        if path == "/cl/v1/internal/referral-checks":
            return httpx.Response(
                200, json={"allowed": True, "code": None, "detail": None, "consent_id": str(CONSENT)}
            )
        if path == "/cl/v1/internal/access-grants":
            ended = json.loads(request.content)["active"] is False
            return httpx.Response(204) if ended else httpx.Response(201, json={"id": str(uuid.uuid4())})
        if path == "/dir/v1/offers":
            has = request.url.params["service_type"] == "kis"
            return httpx.Response(200, json={"items": [{"id": str(uuid.uuid4())}] if has else []})
        if path == "/dir/v1/legal-bases":
            item = {
                "code": "uzs_art12_cis",
                "citation": "art. 12 ust. 1 ustawy o zatrudnieniu socjalnym",
                "institution_types": ["OPS", "CUS", "PUP"],
                "service_types": ["cis"],
                "active": True,
                "title_pl": "Skierowanie do CIS",
            }
            return httpx.Response(200, json={"items": [item]})
        if path.startswith("/dir/v1/internal/offer-occupancy/") and request.method == "PUT":
            body = json.loads(request.content)
            return httpx.Response(200, json={**body, "referral_id": path.rsplit("/", 1)[1], "applied": True})
        if path == f"/dir/v1/internal/users/{USER}":
            return httpx.Response(200, json={"id": str(USER), "institution_id": str(INST), "active": True})
        if path == f"/cl/v1/internal/persons/{PERSON}/summary":
            return httpx.Response(
                200,
                json={
                    "id": str(PERSON),
                    "birth_year": 1980,
                    "sex": "F",
                    "gmina": "1219053",
                    "status": "merged",
                    "merged_into": str(INST),
                },
            )
        return httpx.Response(404, json={"code": "not_found"})


@pytest.fixture
async def upstream_peers():
    upstream = Upstream()
    settings = ReferralsSettings(
        token_url="http://peer/dir/v1/oauth/token",
        directory_url="http://peer/dir",
        clients_url="http://peer/cl/",
        service_client_secret="s3cret",
    )
    peers = HttpPeers(settings, transport=httpx.MockTransport(upstream))
    yield upstream, peers
    await peers.aclose()


async def test_directory_calls_use_a_service_token_and_are_cached(upstream_peers):
    upstream, peers = upstream_peers
    info = await peers.institution(INST)
    assert (info.type, info.email, info.active) == ("NGO", "biuro@fundacja.pl", True)
    assert await peers.institution(INST) == info
    assert [r.url.path for r in upstream.requests] == ["/dir/v1/oauth/token", f"/dir/v1/institutions/{INST}"]
    token_request = upstream.requests[0]
    assert token_request.headers["authorization"] == "Basic " + base64.b64encode(b"referrals:s3cret").decode()
    assert b"grant_type=client_credentials" in token_request.content
    assert b"scope=clients%3Ainternal+directory%3Aread" in token_request.content
    assert upstream.requests[1].headers["authorization"] == "Bearer tok-1"
    assert await peers.institution(uuid.uuid4()) is None
    types = await peers.service_types()
    assert (
        types["addiction_therapy"].sensitive is True and types["addiction_therapy"].response_days_routine == 3
    )
    await peers.service_types()
    assert sum(r.url.path == "/dir/v1/service-types" for r in upstream.requests) == 1
    offer = await peers.offer(uuid.uuid4())
    assert offer.institution_id == INST and offer.service_type_code == "kis"
    assert types["kis"].provider_types == ("NGO",)
    assert await peers.has_active_offer(INST, "kis") is True
    assert await peers.has_active_offer(INST, "cis") is False
    offers_request = upstream.requests[-1]
    assert offers_request.url.path == "/dir/v1/offers"
    assert dict(offers_request.url.params) == {
        "institution_id": str(INST),
        "service_type": "cis",
        "active": "true",
        "limit": "1",
    }
    user = await peers.user(USER)
    assert user.institution_id == INST and user.active
    assert await peers.user(uuid.uuid4()) is None


async def test_legal_bases_are_cached_and_occupancy_is_put(upstream_peers):
    upstream, peers = upstream_peers
    bases = await peers.legal_bases()
    basis = bases["uzs_art12_cis"]
    assert basis.citation == "art. 12 ust. 1 ustawy o zatrudnieniu socjalnym"
    assert basis.covers_institution("PUP") and not basis.covers_institution("NGO")
    assert basis.covers_service("cis") and not basis.covers_service("kis")
    await peers.legal_bases()
    assert sum(r.url.path == "/dir/v1/legal-bases" for r in upstream.requests) == 1
    referral, offer = uuid.uuid4(), uuid.uuid4()
    await peers.put_occupancy(OccupancyState(referral, offer, True, 4))
    sent = upstream.requests[-1]
    assert (sent.method, sent.url.path) == ("PUT", f"/dir/v1/internal/offer-occupancy/{referral}")
    assert json.loads(sent.content) == {"offer_id": str(offer), "occupying": True, "version": 4}
    assert b"directory%3Aoccupancy" in upstream.requests[0].content  # the scope it needs


async def test_the_partnership_standard_deadline_is_read_and_cached(upstream_peers):
    upstream, peers = upstream_peers
    found = await peers.standard_deadline(INST, USER, "social_work")
    assert (found.partnership_id, found.working_days) == (PARTNERSHIP, 3)
    assert await peers.standard_deadline(INST, USER, "social_work") == found
    assert await peers.standard_deadline(INST, USER, "kis") is None
    assert await peers.standard_deadline(INST, USER, "kis") is None
    asked = [r for r in upstream.requests if r.url.path.endswith("/standard-deadline")]
    assert len(asked) == 2  # one per pair and service type, then from the cache
    assert dict(asked[0].url.params) == {
        "sender_institution_id": str(INST),
        "receiver_institution_id": str(USER),
        "service_type": "social_work",
    }


async def test_registry_calls_follow_the_internal_contract(upstream_peers):
    upstream, peers = upstream_peers
    referral_id = uuid.uuid4()
    result = await peers.check_referral(
        ReferralCheck(PERSON, uuid.uuid4(), INST, "NGO", "kis", False, "consent", None)
    )
    assert result.allowed and result.consent_id == CONSENT
    sent = json.loads(upstream.requests[-1].content)
    assert set(sent) == {
        "person_id",
        "sender_institution_id",
        "target_institution_id",
        "target_institution_type",
        "service_type_code",
        "sensitive",
        "legal_basis",
        "consent_id",
    }
    assert sent["consent_id"] is None and sent["legal_basis"] == "consent"
    sender = uuid.uuid4()
    state = AccessState(
        PERSON, INST, referral_id, sender, "kis", "consent", CONSENT, True, False, True, None, 3
    )
    await peers.put_access(state)
    assert json.loads(upstream.requests[-1].content) == {
        "person_id": str(PERSON),
        "institution_id": str(INST),
        "referral_id": str(referral_id),
        "sender_institution_id": str(sender),
        "service_type_code": "kis",
        "legal_basis": "consent",
        "consent_id": str(CONSENT),
        "covers_sensitive": True,
        "accepted": False,
        "active": True,
        "retention_days": None,
        "version": 3,
    }
    assert AccessState.from_json(json.loads(upstream.requests[-1].content)) == state
    # Ending a referral: the same endpoint, the state inactive (204 when nothing was granted).
    await peers.put_access(
        AccessState(PERSON, INST, referral_id, sender, "kis", "consent", None, True, True, False, 30, 5)
    )
    assert upstream.requests[-1].url.path == "/cl/v1/internal/access-grants"
    person = await peers.person_summary(PERSON)
    assert person.status == "merged" and person.merged_into == INST
    assert await peers.person_summary(uuid.uuid4()) is None


@pytest.mark.parametrize("failure", ["down", "unreachable", "token"])
async def test_failures_are_peer_unavailable(upstream_peers, failure):
    upstream, peers = upstream_peers
    upstream.fail = failure
    with pytest.raises(PeerUnavailable) as raised:
        await peers.check_referral(
            ReferralCheck(PERSON, uuid.uuid4(), INST, "NGO", "kis", False, "statutory", None)
        )
    assert raised.value.status == 503 and raised.value.code == "peer_unavailable"
    assert raised.value.headers["Retry-After"]


async def test_a_rejected_token_is_renewed_once(upstream_peers):
    upstream, peers = upstream_peers
    await peers.institution(INST)
    upstream.reject_token_once = True
    assert await peers.person_summary(PERSON) is not None
    assert upstream.tokens_issued == 2


def _operation(contract: dict, method: str, path: str) -> dict | None:
    import re

    for template, operations in contract["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in operations:
            return operations[method.lower()]
    return None


async def test_every_peer_call_is_in_the_peers_published_contracts(upstream_peers):
    """The mock above answers whatever is asked; the peers' committed OpenAPI documents say what
    they accept. Every call HttpPeers makes must be an operation there, with declared parameters
    (a misnamed filter would be refused by the real peer as an unknown query parameter)."""
    upstream, peers = upstream_peers
    await peers.institution(INST)
    await peers.service_types()
    await peers.offer(uuid.uuid4())
    await peers.has_active_offer(INST, "kis")
    await peers.user(USER)
    await peers.legal_bases()
    await peers.put_occupancy(OccupancyState(uuid.uuid4(), uuid.uuid4(), False, 2))
    await peers.check_referral(
        ReferralCheck(PERSON, uuid.uuid4(), INST, "NGO", "kis", False, "consent", None)
    )
    await peers.put_access(
        AccessState(PERSON, INST, uuid.uuid4(), INST, "kis", "statutory", None, False, False, True, None, 1)
    )
    await peers.person_summary(PERSON)
    await peers.standard_deadline(INST, USER, "social_work")
    contracts = {
        prefix: json.loads((CONTRACTS / name).read_text())
        for prefix, name in (("/dir", "directory.json"), ("/cl", "clients.json"))
    }
    for request in upstream.requests:
        prefix = "/dir" if request.url.path.startswith("/dir") else "/cl"
        path = request.url.path.removeprefix(prefix)
        operation = _operation(contracts[prefix], request.method, path)
        assert operation is not None, f"{request.method} {path} is not in the {prefix} contract"
        declared = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
        assert set(request.url.params) <= declared, (
            f"{request.method} {path}: {set(request.url.params) - declared}"
        )
