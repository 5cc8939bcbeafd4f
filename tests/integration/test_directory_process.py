"""The directory as a real process: other services obtain tokens from it and verify them with
its JWKS over HTTP, including after a key rotation."""

import asyncio
import subprocess

import httpx

from splot.common.auth import JwksClient, TokenVerifier

from cluster import BIN, admin_token


def test_service_token_and_jwks_over_http(cluster):
    directory = cluster.services.get("directory") or cluster.start_directory()
    token = httpx.post(
        f"{directory.url}/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("reporting", cluster.secrets["reporting"]),
    )
    assert token.status_code == 200, token.text
    feed = httpx.get(
        f"{directory.url}/v1/events", headers={"Authorization": f"Bearer {token.json()['access_token']}"}
    )
    assert feed.status_code == 200

    async def verify(raw: str):
        verifier = TokenVerifier(
            keys=JwksClient(f"{directory.url}/.well-known/jwks.json"),
            issuer="splot-directory",
            audience="splot",
        )
        return await verifier.verify(raw)

    principal = asyncio.run(verify(token.json()["access_token"]))
    assert principal.is_service and principal.has_scope("events:read")

    before = admin_token(cluster)
    rotated = subprocess.run(
        [str(BIN / "splot-directory"), "rotate-keys"],
        env=directory.env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert rotated.stdout.strip()
    after = admin_token(cluster)
    users = [
        httpx.get(f"{directory.url}/v1/me", headers={"Authorization": f"Bearer {t}"}) for t in (before, after)
    ]
    assert [u.status_code for u in users] == [200, 200]
    assert asyncio.run(verify(after)).subject == asyncio.run(verify(before)).subject
