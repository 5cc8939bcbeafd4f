"""Attacks through the network edge: webhook targets inside our network (SSRF), the metrics
endpoint, odd paths, and caches keeping personal data."""

from __future__ import annotations

import pytest

from blackbox import Api, ok, problem

ADMIN = "pup.admin@splot.example"

#: Targets the service must never call: loopback, private, link-local and metadata, shared and
#: reserved ranges, IPv6 and IPv4-in-IPv6 forms, odd IPv4 spellings, and local names. Only
#: literals and names this machine resolves itself (localhost): no test asks a real DNS server.
INSIDE = [
    "https://127.0.0.1/hook",
    "https://127.1.2.3:8443/hook",
    "https://localhost/hook",
    "https://api.localhost/hook",
    "https://10.0.0.5/hook",
    "https://172.16.3.4/hook",
    "https://192.168.1.10/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/hook",
    "https://0.0.0.0/hook",
    "https://[::1]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://[::ffff:10.0.0.1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[64:ff9b::a00:1]/hook",
    "https://2130706433/hook",
    "https://0x7f.1/hook",
    "https://017700000001/hook",
    "https://user@10.0.0.1/hook",
    "http://93.184.215.14/hook",  # not https
]


@pytest.mark.parametrize("url", INSIDE)
def test_webhooks_cannot_target_our_network(api: Api, url: str) -> None:
    admin = api.as_(ADMIN)
    response = admin.post("/api/referrals/v1/webhooks/subscriptions", json={"url": url, "event_types": []})
    body = problem(response, 422, "webhook_url_not_allowed")
    assert body["errors"][0]["loc"] == ["body", "url"]


def test_metrics_are_not_public_and_odd_paths_get_problems(api: Api) -> None:
    for path in (
        "/api/clients/metrics",
        "/api/directory/metrics",
        "/api/referrals/metrics",
        "/api/reporting/metrics",
    ):
        response = api.http.get(path)
        problem(response, 404)
        assert "splot_http_requests_total" not in response.text
    for path in (
        "/api/referrals/v1/referrals/%0A/x",
        "/api/clients/v1/persons/%00",
        "/api/directory/%0D%0Ax",
    ):
        problem(api.http.get(path), 404)


def test_answers_with_personal_data_are_never_cached(api: Api) -> None:
    pup = api.as_("pup@splot.example")
    person = api.person(pup)
    for response in (
        pup.get(f"/api/clients/v1/persons/{person['id']}"),
        pup.get("/api/clients/v1/persons", params={"q": "Testowa"}),
        pup.get("/api/referrals/v1/referrals/outbox"),
        pup.get("/api/directory/v1/me"),
    ):
        ok(response)
        assert response.headers["cache-control"] == "no-store", response.request.url
