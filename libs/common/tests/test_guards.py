"""What every service refuses or adds on its own: control characters, cursors of the wrong shape,
database races as 409/412, no caching, the per-caller rate limit, revoked and odd tokens."""

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from splot.common import jwt
from splot.common.revocation import Revocation, RevocationList


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


async def _create(client, tokens, name):
    response = await client.post("/v1/widgets", json={"name": name}, headers=tokens.headers())
    assert response.status_code == 201, response.text
    return response.json()


# --- control characters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"name": "a\\u0000b"}',
        '{"name": "a\\u0001b"}',
        '{"name": "\\u001f"}',
        '{"name": "a\\u000Bb"}',
        '{"name": "ok", "extra": ["\\u0000"]}',
        '{"name": "a\\\\\\u0000"}',  # an escaped backslash, then a real escape of NUL
    ],
)
async def test_control_characters_in_json_bodies_are_refused(client, tokens, body):
    response = await client.post(
        "/v1/widgets", content=body, headers={**tokens.headers(), "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "control_character"
    assert problem["errors"][0]["loc"] == ["body"]


@pytest.mark.parametrize(
    "name", ["tab\there", "line\nbreak", "carriage\rreturn", "a\\u0000 as text", "zażółć"]
)
async def test_tabs_line_breaks_and_escaped_backslashes_are_text(client, tokens, name):
    # "\\u0000" here is a backslash followed by the letters u0000: text, not a control character.
    widget = await _create(client, tokens, name)
    assert widget["name"] == name


async def test_control_characters_in_the_query_string_are_refused(client, tokens):
    response = await client.get("/v1/widgets?cursor=%00abc", headers=tokens.headers())
    assert response.status_code == 422
    assert response.json()["code"] == "control_character"
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]


async def test_control_characters_in_a_form_body_are_refused(client, tokens):
    response = await client.post(
        "/v1/widgets",
        content=b"name=a%00b",
        headers={**tokens.headers(), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "name"]


@pytest.mark.parametrize("path", ["/v1/widgets/%0A/x", "/v1/wid%00gets", "/v1/widgets/%0a"])
async def test_a_control_character_in_the_path_is_a_problem_404(client, tokens, path):
    response = await client.get(path, headers=tokens.headers())
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


# --- cursors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        [{"u": "not-a-uuid"}, "x"],  # wrong shapes for (name: str, id: uuid)
        ["name", "plain string where a uuid belongs"],
        ["name", 42],
        [{"t": "2026-01-01T00:00:00+00:00"}, {"u": str(uuid.uuid4())}],  # a timestamp for a name
        ["name", {"u": str(uuid.uuid4()), "t": "x"}],
        ["name", {"x": "y"}],
        ["name", [1, 2]],
        ["only one value"],
        {"not": "a list"},
    ],
)
async def test_cursors_that_decode_but_do_not_fit_the_list_are_422(client, tokens, values):
    response = await client.get("/v1/widgets", params={"cursor": _cursor(values)}, headers=tokens.headers())
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_cursor"
    assert response.json()["errors"][0]["loc"] == ["query", "cursor"]


async def test_garbage_cursors_are_422(client, tokens):
    for cursor in ("%%%not-a-cursor", "AAAA", "e30", _cursor(["a"])[:-3]):
        response = await client.get("/v1/widgets", params={"cursor": cursor}, headers=tokens.headers())
        assert response.status_code == 422, cursor
        assert response.json()["code"] == "invalid_cursor"


def test_dates_and_timestamps_round_trip_through_a_cursor():
    from datetime import date

    from splot.common.pagination import decode_cursor, encode_cursor

    moment = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    ident = uuid.uuid4()
    cursor = encode_cursor([date(2026, 1, 31), moment, ident, 7, "x"])
    assert decode_cursor(cursor, 5, [date, datetime, uuid.UUID, int, str]) == [
        date(2026, 1, 31),
        moment,
        ident,
        7,
        "x",
    ]


# --- database races ----------------------------------------------------------------------------


async def test_a_unique_key_lost_at_commit_is_a_409_problem(client, tokens):
    widget = await _create(client, tokens, "original")
    response = await client.post(
        "/v1/widgets", json={"name": f"duplicate-at-commit:{widget['id']}"}, headers=tokens.headers()
    )
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "conflict"
    assert "duplicate" not in response.text.lower() and "unique" not in response.text.lower()


async def test_an_optimistic_lock_lost_at_commit_is_a_412_problem(client, tokens):
    widget = await _create(client, tokens, "versioned")
    response = await client.post(
        "/v1/widgets", json={"name": f"stale-at-commit:{widget['id']}"}, headers=tokens.headers()
    )
    assert response.status_code == 412, response.text
    assert response.json()["code"] == "stale_etag"


# --- caching -----------------------------------------------------------------------------------


async def test_answers_are_not_stored_by_caches(client, tokens):
    await _create(client, tokens, "cached?")
    for response in (
        await client.get("/v1/widgets", headers=tokens.headers()),
        await client.get("/v1/widgets"),  # a 401 too
        await client.get("/v1/widgets/%0A/x", headers=tokens.headers()),
    ):
        assert response.headers["cache-control"] == "no-store"


# --- rate limit --------------------------------------------------------------------------------


async def test_a_caller_over_its_rate_limit_gets_429_with_retry_after(app, client, tokens):
    from splot.common.ratelimit import RateLimiter

    app.state.rate_limiter = RateLimiter(per_minute=60, burst=3)
    mine = tokens.headers(sub="busy-caller")
    answers = [await client.get("/v1/widgets", headers=mine) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [r.headers["ratelimit-remaining"] for r in answers[:3]] == ["2", "1", "0"]
    assert answers[0].headers["ratelimit-limit"] == "3"
    refused = answers[3]
    assert refused.json()["code"] == "rate_limited"
    assert int(refused.headers["retry-after"]) >= 1
    # Another caller has its own bucket; Splot's own services are not limited.
    assert (await client.get("/v1/widgets", headers=tokens.headers(sub="someone-else"))).status_code == 200
    service = tokens.service_headers("referrals", "events:read")
    for _ in range(5):
        assert (await client.get("/v1/events", headers=service)).status_code == 200


def test_the_bucket_refills_with_time():
    from splot.common.ratelimit import RateLimiter

    limiter = RateLimiter(per_minute=60, burst=2)
    assert limiter.hit("a", now=0.0).allowed and limiter.hit("a", now=0.0).allowed
    refused = limiter.hit("a", now=0.0)
    assert not refused.allowed and refused.retry_after == 1
    assert limiter.hit("a", now=1.01).allowed
    assert not limiter.hit("a", now=1.02).allowed


def test_the_contract_declares_the_rate_limit_on_every_operation(app):
    for path, operations in app.openapi()["paths"].items():
        if path in ("/health", "/ready"):
            continue
        for method, operation in operations.items():
            declared = operation["responses"].get("429")
            assert declared is not None, f"{method} {path}"
            assert {"Retry-After", "RateLimit-Limit", "RateLimit-Remaining"} <= set(declared["headers"])


# --- tokens ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claims",
    [
        {"exp": "9999999999"},
        {"exp": True},
        {"iat": "0"},
        {"nbf": [1]},
        {"exp": None},
        {"sub": 12345},
        {"jti": {"a": 1}},
    ],
)
async def test_tokens_with_claims_of_the_wrong_type_are_refused(client, tokens, claims):
    response = await client.get("/v1/widgets", headers={"Authorization": f"Bearer {tokens.token(**claims)}"})
    assert response.status_code == 401, response.text


def _revocation(id, kind, value, *, min_stamp=None, not_after=None):
    return Revocation(
        id=id,
        kind=kind,
        value=value,
        expires_at=datetime.now(UTC) + timedelta(minutes=15),
        min_stamp=min_stamp,
        not_after=not_after,
    )


def test_the_revocation_list_matches_each_kind():
    now = datetime.now(UTC)
    iat = int(now.timestamp())
    revocations = RevocationList()
    revocations.apply(
        [
            _revocation(1, "user", "u1", min_stamp=3),
            _revocation(2, "session", "s1"),
            _revocation(3, "client", "splot_abc", not_after=now),
            _revocation(4, "institution", "i1", not_after=now),
        ]
    )
    assert revocations.last_id == 4
    user = {"ptype": "user", "sub": "u1", "iat": iat}
    assert revocations.is_revoked({**user, "stp": 2})
    assert revocations.is_revoked(user)  # no stamp: issued before stamps existed
    assert not revocations.is_revoked({**user, "stp": 3})
    assert revocations.is_revoked({"ptype": "user", "sub": "u2", "sid": "s1", "iat": iat})
    assert not revocations.is_revoked({"ptype": "user", "sub": "u2", "sid": "s2", "iat": iat})
    assert revocations.is_revoked({"ptype": "client", "sub": "splot_abc", "iat": iat})
    assert not revocations.is_revoked({"ptype": "client", "sub": "splot_abc", "iat": iat + 2})
    assert revocations.is_revoked({"ptype": "user", "sub": "u3", "inst": "i1", "iat": iat - 60})
    assert not revocations.is_revoked({"ptype": "user", "sub": "u3", "inst": "i1", "iat": iat + 2})
    # The strongest revocation of a key wins, whatever order they arrive in.
    revocations.apply([_revocation(5, "user", "u1", min_stamp=2)])
    assert revocations.is_revoked({**user, "stp": 2})


def test_revocations_are_forgotten_once_no_token_they_cover_can_be_valid():
    revocations = RevocationList()
    old = Revocation(id=1, kind="session", value="s", expires_at=datetime.now(UTC) - timedelta(seconds=1))
    revocations.apply([old])
    revocations.prune()
    assert len(revocations) == 0 and revocations.last_id == 1


async def test_the_verifier_refuses_a_revoked_token(app, client, tokens):
    token = tokens.token(sub="signed-out", sid="family-1")
    assert (await client.get("/v1/widgets", headers={"Authorization": f"Bearer {token}"})).status_code == 200
    app.state.token_verifier.revocations.apply([_revocation(1, "session", "family-1")])
    refused = await client.get("/v1/widgets", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and refused.json()["detail"] == "token revoked"


async def test_revocations_are_fetched_incrementally_from_the_directory():
    import httpx

    from splot.common.revocation import HttpRevocationSource, refresh

    served = [
        {
            "id": i,
            "kind": "user",
            "value": f"u{i}",
            "min_stamp": 2,
            "not_after": None,
            "expires_at": (datetime.now(UTC) + timedelta(minutes=5)).isoformat(),
        }
        for i in range(1, 4)
    ]
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        after = int(request.url.params["after"])
        asked.append((after, request.headers["authorization"]))
        return httpx.Response(200, json={"items": [i for i in served if i["id"] > after]})

    async def token() -> str:
        return "service-token"

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    revocations = RevocationList()
    source = HttpRevocationSource("http://directory/v1/token-revocations", token, http=http)
    assert await refresh(revocations, source) == 3
    served.append({**served[0], "id": 4, "value": "u4"})
    assert await refresh(revocations, source) == 1
    assert asked == [(0, "Bearer service-token"), (3, "Bearer service-token")]
    assert revocations.is_revoked({"ptype": "user", "sub": "u4", "stp": 1})


def test_jwt_decode_refuses_a_string_expiry(test_key):
    from splot.common.testing import TokenFactory

    token = TokenFactory(test_key).token(exp="99999999999")
    with pytest.raises(jwt.TokenError):
        jwt.decode(token, public_jwk=test_key.jwk, issuer="splot-directory", audience="splot")
