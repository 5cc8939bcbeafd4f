"""Pagination, ETags, Idempotency-Key, the event feed, request ids, probes and metrics."""

import uuid

from sqlalchemy import func, select

from splot.common.events import outbox_event


async def _create(client, tokens, name, **headers):
    response = await client.post("/v1/widgets", json={"name": name}, headers={**tokens.headers(), **headers})
    assert response.status_code == 201, response.text
    return response.json()


async def test_cursor_pagination_walks_every_item_once_in_order(client, tokens):
    names = [f"w{i:02d}" for i in range(7)]
    for name in reversed(names):
        await _create(client, tokens, name)
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/v1/widgets", params=params, headers=tokens.headers())).json()
        seen += [item["name"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == names


async def test_invalid_cursor_is_a_422(client, tokens):
    response = await client.get("/v1/widgets", params={"cursor": "%%%not-a-cursor"}, headers=tokens.headers())
    assert response.status_code == 422 and response.json()["code"] == "invalid_cursor"


async def test_if_match_is_required_and_checked(client, tokens):
    widget = await _create(client, tokens, "versioned")
    url = f"/v1/widgets/{widget['id']}"
    missing = await client.patch(url, json={"name": "x"}, headers=tokens.headers())
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    stale = await client.patch(
        url, json={"name": "x"}, headers={**tokens.headers(), "If-Match": f'"{widget["id"]}.99"'}
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_etag"
    ok = await client.patch(
        url, json={"name": "renamed"}, headers={**tokens.headers(), "If-Match": f'"{widget["id"]}.1"'}
    )
    assert ok.status_code == 200
    assert ok.headers["etag"] == f'"{widget["id"]}.2"'
    again = await client.patch(
        url, json={"name": "again"}, headers={**tokens.headers(), "If-Match": f'"{widget["id"]}.1"'}
    )
    assert again.status_code == 412


async def test_idempotency_key_replays_the_same_response(client, tokens, session):
    headers = {**tokens.headers(sub="integrator-1"), "Idempotency-Key": "import-42"}
    first = await client.post("/v1/widgets", json={"name": "once"}, headers=headers)
    second = await client.post("/v1/widgets", json={"name": "once"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true"
    count = await session.scalar(
        select(func.count()).select_from(outbox_event).where(outbox_event.c.type == "widget.created")
    )
    assert count == 1


async def test_idempotency_key_reused_with_another_body_is_422(client, tokens):
    headers = {**tokens.headers(sub="integrator-2"), "Idempotency-Key": "k-1"}
    assert (await client.post("/v1/widgets", json={"name": "a"}, headers=headers)).status_code == 201
    reused = await client.post("/v1/widgets", json={"name": "b"}, headers=headers)
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"


async def test_idempotency_key_fingerprint_includes_the_query_string(client, tokens):
    headers = {**tokens.headers(sub="integrator-3"), "Idempotency-Key": "k-dry"}
    dry = await client.post("/v1/widgets?dry_run=true", json={"name": "a"}, headers=headers)
    assert dry.status_code == 200
    real = await client.post("/v1/widgets", json={"name": "a"}, headers=headers)
    assert real.status_code == 422 and real.json()["code"] == "idempotency_key_reused"


async def test_the_stored_answer_exists_before_the_client_sees_the_response(app, tokens, session):
    """A retry sent the instant the 201 arrives must be replayed, so the answer is stored first."""
    from splot.common.idempotency import idempotency_key

    stored_when_answered: list[object] = []
    body = b'{"name": "stored-first"}'
    headers = [
        (b"authorization", tokens.headers(sub="integrator-4")["Authorization"].encode()),
        (b"idempotency-key", b"k-first"),
        (b"content-type", b"application/json"),
    ]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/widgets",
        "raw_path": b"/v1/widgets",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            stored_when_answered.append(
                await session.scalar(
                    select(idempotency_key.c.status_code).where(idempotency_key.c.key == "k-first")
                )
            )

    await app(scope, receive, send)
    assert stored_when_answered == [201]


async def test_idempotency_keys_are_per_caller(client, tokens):
    a = await client.post(
        "/v1/widgets",
        json={"name": "same"},
        headers={**tokens.headers(sub="caller-a"), "Idempotency-Key": "shared"},
    )
    b = await client.post(
        "/v1/widgets",
        json={"name": "same"},
        headers={**tokens.headers(sub="caller-b"), "Idempotency-Key": "shared"},
    )
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]


async def test_failed_request_releases_the_idempotency_key(client, tokens):
    headers = {**tokens.headers(sub="caller-c"), "Idempotency-Key": "retry-me"}
    assert (await client.post("/v1/widgets", json={"name": "explode"}, headers=headers)).status_code == 500
    assert (await client.post("/v1/widgets", json={"name": "explode"}, headers=headers)).status_code == 500


async def test_event_feed_is_for_service_tokens_only(client, tokens):
    assert (await client.get("/v1/events")).status_code == 401
    user = await client.get("/v1/events", headers=tokens.headers(scope="events:read"))
    assert user.status_code == 403
    service_without_scope = await client.get(
        "/v1/events", headers=tokens.service_headers("reporting", scope="")
    )
    assert service_without_scope.status_code == 403


async def test_event_feed_pages_in_sequence_order(client, tokens):
    ids = [(await _create(client, tokens, f"e{i}"))["id"] for i in range(5)]
    headers = tokens.service_headers("reporting", scope="events:read")
    start = (await client.get("/v1/events", params={"after": 0, "limit": 1000}, headers=headers)).json()
    baseline = start["last_seq"] - 5
    first = (await client.get("/v1/events", params={"after": baseline, "limit": 2}, headers=headers)).json()
    assert [e["payload"]["id"] for e in first["items"]] == ids[:2]
    rest = (
        await client.get("/v1/events", params={"after": first["last_seq"], "limit": 10}, headers=headers)
    ).json()
    assert [e["payload"]["id"] for e in rest["items"]] == ids[2:]
    seqs = [e["seq"] for e in first["items"] + rest["items"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    assert rest["head_seq"] == rest["last_seq"]
    nothing = (await client.get("/v1/events", params={"after": rest["last_seq"]}, headers=headers)).json()
    assert nothing["items"] == [] and nothing["last_seq"] == rest["last_seq"]
    assert all(e["type"] == "widget.created" and e["aggregate_type"] == "widget" for e in rest["items"])


async def test_rolled_back_change_leaves_no_event(client, tokens, session):
    before = await session.scalar(select(func.count()).select_from(outbox_event))
    await client.post("/v1/widgets", json={"name": "fail-after-write"}, headers=tokens.headers())
    assert await session.scalar(select(func.count()).select_from(outbox_event)) == before


async def test_request_id_is_generated_or_kept(client):
    generated = await client.get("/health")
    assert len(generated.headers["x-request-id"]) == 32
    kept = await client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    refused = await client.get("/health", headers={"X-Request-ID": "bad id with spaces\n"})
    assert refused.headers["x-request-id"] != "bad id with spaces\n"


async def test_health_ready_and_metrics(client, tokens):
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200 and ready.json()["migration"] == "s001"
    await client.get(f"/v1/widgets/{uuid.uuid4()}", headers=tokens.headers())
    await _create(client, tokens, "measured")
    metrics = (await client.get("/metrics")).text
    assert 'route="/v1/widgets/{widget_id}"' in metrics
    assert "splot_http_request_duration_seconds_bucket" in metrics
    head = [line for line in metrics.splitlines() if line.startswith("splot_outbox_head_seq{")]
    assert head and float(head[0].split()[-1]) >= 1
    assert str(uuid.uuid4())[:8] not in metrics


async def test_ready_reports_pending_migrations(app, client):
    from sqlalchemy import text

    async with app.state.sessionmaker() as s:
        await s.execute(text("UPDATE alembic_version SET version_num = 'older'"))
        await s.commit()
    response = await client.get("/ready")
    assert response.status_code == 503 and response.json()["code"] == "migrations_pending"


async def test_stored_responses_are_forgotten_after_the_retention_window(client, tokens, session):
    from datetime import timedelta

    from sqlalchemy import update

    from splot.common.db import utcnow
    from splot.common.idempotency import RETENTION, idempotency_key, purge_expired

    for key in ("old", "new"):
        headers = {**tokens.headers(sub="caller-purge"), "Idempotency-Key": key}
        assert (await client.post("/v1/widgets", json={"name": key}, headers=headers)).status_code == 201
    await session.execute(
        update(idempotency_key)
        .where(idempotency_key.c.key == "old")
        .values(created_at=utcnow() - RETENTION - timedelta(minutes=1))
    )
    assert await purge_expired(session) == 1
    keys = (
        (
            await session.execute(
                select(idempotency_key.c.key).where(idempotency_key.c.caller.like("%caller-purge%"))
            )
        )
        .scalars()
        .all()
    )
    assert keys == ["new"]
