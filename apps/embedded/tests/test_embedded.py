"""The embedded mode: migrations and demo data on SQLite files, one origin for SPA and APIs."""

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import func, select

from splot.common.db import create_engine, create_sessionmaker
from splot.directory.demo import DEMO_PASSWORD
from splot.directory.models import Institution, User
from splot.embedded import cli


async def _count(model) -> int:
    from splot.directory.config import DirectorySettings

    engine = create_engine(DirectorySettings().effective_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            return await session.scalar(select(func.count()).select_from(model))
    finally:
        await engine.dispose()


async def test_seed_is_idempotent(data_dir):
    await cli.migrate()
    assert await cli.seed() is True
    institutions, users = await _count(Institution), await _count(User)
    assert institutions >= 10 and users >= 15
    assert (data_dir / "directory.db").exists()
    await cli.migrate()
    assert await cli.seed() is False
    assert (await _count(Institution), await _count(User)) == (institutions, users)


async def test_one_origin_serves_spa_and_apis(data_dir):
    await cli.migrate()
    await cli.seed()
    app = cli.build_app()
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
            index = await client.get("/")
            assert index.status_code == 200 and "id=root" in index.text
            assert "frame-ancestors 'none'" in index.headers["content-security-policy"]
            assert index.headers["x-content-type-options"] == "nosniff"
            deep_link = await client.get("/skierowania/123")
            assert deep_link.status_code == 200 and "id=root" in deep_link.text
            assert (await client.get("/assets/app.js")).status_code == 200
            assert (await client.get("/assets/missing.js")).status_code == 404

            assert (await client.get("/api/directory/health")).json() == {"status": "ok"}
            assert (await client.get("/api/directory/ready")).status_code == 200
            docs = await client.get("/api/directory/docs")
            assert docs.status_code == 200 and "/api/directory/openapi.json" in docs.text
            assert "cdn." not in docs.text

            token = await client.post(
                "/api/directory/v1/oauth/token",
                data={"grant_type": "password", "username": "pup@splot.example", "password": DEMO_PASSWORD},
            )
            assert token.status_code == 200, token.text
            me = await client.get(
                "/api/directory/v1/me", headers={"Authorization": f"Bearer {token.json()['access_token']}"}
            )
            assert me.json()["institution"]["name"] == "Powiatowy Urząd Pracy w Wieliczce"


async def test_demo_service_clients_can_get_tokens(data_dir):
    await cli.migrate()
    await cli.seed()
    app = cli.build_app()
    async with LifespanManager(app):
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000"
        ) as client:
            token = await client.post(
                "/api/directory/v1/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=("reporting", "dev-insecure-service-secret"),
            )
            assert token.status_code == 200, token.text
            feed = await client.get(
                "/api/directory/v1/events",
                params={"limit": 5},
                headers={"Authorization": f"Bearer {token.json()['access_token']}"},
            )
            assert feed.status_code == 200
            assert [e["type"] for e in feed.json()["items"]][0] == "institution.created"


async def test_the_public_origin_hides_metrics_and_answers_odd_paths_with_problems(data_dir):
    await cli.migrate()
    app = cli.build_app()
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
            for path in ("/api/clients/metrics", "/api/directory/metrics/", "/api/reporting/metrics"):
                hidden = await client.get(path)
                assert hidden.status_code == 404, path
                assert hidden.headers["content-type"] == "application/problem+json"
                assert "splot_http_requests_total" not in hidden.text
            for path in ("/api/referrals/v1/referrals/%0A/x", "/api/clients/%0Ax/y", "/%0A/%0D"):
                odd = await client.get(path)
                assert odd.status_code == 404, path
                assert odd.headers["content-type"] == "application/problem+json", path
                assert odd.json()["code"] == "not_found"
