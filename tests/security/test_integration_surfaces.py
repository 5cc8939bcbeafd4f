"""Attacks on what integrators and partnerships gained this round, by legitimate users of other
institutions: reading another institution's referral events through the pull feed, forging its
cursor, and reading or planting files of a partnership one is no party to. (That only a system
administrator gives a WUP/ROPS/ministry system reporting:read is tested in the directory,
test_oauth.py, and through the token flow in services/reporting/tests/test_statistics_clients.py:
the demo has no administrator of such an institution to attack with.)"""

from __future__ import annotations

import time
from typing import Any

import httpx

from blackbox import Api, ok, problem

PUP = "pup.koordynator@splot.example"
OPS = "ops.koordynator@splot.example"
CIS = "cis@splot.example"  # a coordinator of an institution in no partnership of the demo
ANALYST = "analityk@splot.example"
FEED = "/api/referrals/v1/referral-events"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _get(who: Any, path: str, **kwargs: Any) -> httpx.Response:
    """A GET that waits out the caller's rate limit (other tests of the suite flood with the same
    users), as a well-behaved client does: 429 is the limiter's answer, not the one under test."""
    for _ in range(10):
        answer: httpx.Response = who.get(path, **kwargs)
        if answer.status_code != 429:
            return answer
        time.sleep(int(answer.headers.get("retry-after", "1")))
    raise AssertionError(f"{path}: still rate limited")


def _whole_feed(who: Any) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor = None
    for _ in range(200):
        page = ok(_get(who, FEED, params={"limit": 500, **({"after": cursor} if cursor else {})}))
        events += page["items"]
        if not page["has_more"]:
            return events
        cursor = page["next_cursor"]
    raise AssertionError("the feed never ended")


def test_the_feed_gives_an_institution_only_the_referrals_it_is_party_to(api: Api) -> None:
    pup, ops, cis = api.as_(PUP), api.as_(OPS), api.as_(CIS)
    person = api.person(pup)
    referral = ok(api.refer(pup, person["id"], ops.institution_id(), "social_work"), 201)
    assert referral["id"] in {e["aggregate_id"] for e in _whole_feed(ops)}
    outsider = _whole_feed(cis)
    assert referral["id"] not in {e["aggregate_id"] for e in outsider}
    # What the outsider does see names no person: ids and codes only.
    assert all(person["pesel"] not in str(e) and person["last_name"] not in str(e) for e in outsider)
    # Nor can the analyst (no referrals to read) or an institution admin use the feed.
    problem(_get(api.as_(ANALYST), FEED), 403)
    problem(_get(api.as_("pup.admin@splot.example"), FEED), 403)


def test_a_forged_feed_cursor_is_a_problem_never_a_500_nor_others_events(api: Api) -> None:
    cis = api.as_(CIS)
    for cursor in (
        "",
        "x",
        "-1",
        "W10",
        "WyJhIl0",
        "WzE5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ",
        "%00",
        "../" * 50,
        "😀",
    ):
        answer = _get(cis, FEED, params={"after": cursor})
        assert answer.status_code == 422, (cursor, answer.status_code, answer.text[:200])
    problem(_get(cis, FEED, params={"since": "yesterday"}), 422)
    problem(_get(cis, FEED, params={"limit": 10_000}), 422)


def _wieliczka(api: Api) -> tuple[str, str]:
    """The demo's partnership in force and one of its meetings (as a party's coordinator)."""
    ops = api.as_(OPS)
    items = ok(ops.get("/api/directory/v1/partnerships", params={"limit": 100}))["items"]
    partnership = next(p for p in items if p["status"] == "in_force")
    meetings = ok(ops.get(f"/api/directory/v1/partnerships/{partnership['id']}/meetings"))["items"]
    return partnership["id"], meetings[0]["id"]


def test_a_partnerships_files_stay_with_its_parties(api: Api) -> None:
    partnership_id, meeting_id = _wieliczka(api)
    ops, cis, analyst = api.as_(OPS), api.as_(CIS), api.as_(ANALYST)
    minutes = f"/api/directory/v1/partnerships/{partnership_id}/meetings/{meeting_id}/minutes"
    # A page disguised as a PDF, a script, a document of another type: refused by content.
    for name, content in (
        ("protokol.pdf", b"<html><script>alert(document.cookie)</script></html>"),
        ("protokol.svg", b"<svg onload=alert(1)>"),
        ("protokol.docx", PDF),
    ):
        problem(
            ops.post(minutes, files={"file": (name, content, "application/pdf")}),
            415,
            "unsupported_media_type",
        )
    kept = ok(
        ops.post(minutes, files={"file": ('..\\..\\etc/"passwd"<b>.pdf', PDF, "text/html")}),
        201,
    )
    assert "/" not in kept["file_name"] and "\\" not in kept["file_name"] and '"' not in kept["file_name"]
    assert kept["media_type"] == "application/pdf"  # what it is, not what the browser said
    document = f"/api/directory/v1/partnerships/{partnership_id}/documents/{kept['id']}"
    got = ops.get(document)
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["x-content-type-options"] == "nosniff" and got.headers[
        "content-disposition"
    ].startswith("attachment")
    # No party: the same 404 as for a file that does not exist; and no planting either.
    for outsider in (cis, analyst):
        assert problem(_get(outsider, document), 404)["code"] == "not_found"
        assert outsider.post(minutes, files={"file": ("x.pdf", PDF, "application/pdf")}).status_code == 404
    # A party's file is not reachable through another partnership's path.
    other = ok(
        cis.post(
            "/api/directory/v1/partnerships",
            json={
                "name": "Inne",
                "purpose": "Test",
                "area_teryt": ["1219"],
                "invited_institution_ids": [ops.institution_id()],
            },
        ),
        201,
    )
    problem(_get(cis, f"/api/directory/v1/partnerships/{other['id']}/documents/{kept['id']}"), 404)
