"""Analysts' long-lived API clients, through the real token flow: the directory (in process, on its
own migrated database) signs in the people and issues client-credentials tokens to the systems an
institution administrator registered; this service verifies them with the directory's published
keys. An institution's system with ``reporting:read`` sees exactly what its people see — the
ministry the country, a WUP its voivodeship (the widest scope the directory lets a WUP analyst
have), a PUP its own referrals — with the same suppression, and never more."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker
from statistics_sample import statistics_dataset

from splot.common.auth import TokenVerifier
from splot.common.db import create_engine
from splot.common.testing import ChainedKeys, ServiceSpec, migrated_database, without_rate_limit
from splot.directory.config import DirectorySettings
from splot.directory.main import SERVICE_DIR as DIRECTORY_DIR
from splot.directory.main import create_app as create_directory
from splot.directory.models import Institution, User
from splot.directory.security import hash_password

from sample import ingest

PASSWORD = "statistics test password"
PASSWORD_HASH = hash_password(PASSWORD)
PARAMS = {
    "measures": ["referrals", "acceptance_rate"],
    "dimensions": ["target_voivodeship"],
    "granularity": "year",
}


def _directory_app(url: str) -> FastAPI:
    return create_directory(DirectorySettings(database_url=url, log_json=True))


@pytest.fixture(scope="session")
async def directory_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = ServiceSpec(name="directory", service_dir=DIRECTORY_DIR, create_app=_directory_app)
    return await migrated_database(spec, "splot_test_directory_for_reporting", tmp_path_factory)


@dataclass
class Directory:
    http: httpx.AsyncClient
    app: FastAPI
    sessionmaker: Any

    async def token(self, **form: str) -> str:
        response = await self.http.post("/v1/oauth/token", data=form)
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    async def sign_in(self, email: str) -> str:
        return await self.token(grant_type="password", username=email, password=PASSWORD)

    async def register_system(
        self, admin_email: str, scopes: list[str], institution_id: uuid.UUID | None = None
    ) -> dict[str, Any]:
        """What an administrator does: register a system (for ``institution_id``: a system
        administrator's), get its id and secret."""
        admin = {"Authorization": f"Bearer {await self.sign_in(admin_email)}"}
        body: dict[str, Any] = {"name": "Hurtownia danych", "scopes": scopes}
        if institution_id is not None:
            body["institution_id"] = str(institution_id)
        created = await self.http.post("/v1/api-clients", json=body, headers=admin)
        assert created.status_code == 201, created.text
        return {**created.json(), "admin": admin}

    async def system_token(self, system: dict[str, Any], secret: str | None = None) -> str:
        return await self.token(
            grant_type="client_credentials",
            client_id=system["client_id"],
            client_secret=secret or system["client_secret"],
        )


@pytest.fixture
async def directory(directory_database_url: str) -> AsyncIterator[Directory]:
    engine = create_engine(directory_database_url)
    try:
        async with engine.connect() as connection:
            transaction = await connection.begin()
            maker = async_sessionmaker(
                bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
            )
            app = _directory_app(directory_database_url)
            app.state.sessionmaker = maker
            app.state.run_background = False
            without_rate_limit(app)
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://directory") as http:
                yield Directory(http, app, maker)
            await transaction.rollback()
    finally:
        await engine.dispose()


def trust_directory(reporting: FastAPI, directory: Directory, jwks: list[dict[str, Any]]) -> None:
    """Verify tokens as a deployed reporting service does: with the directory's published keys."""
    settings: DirectorySettings = directory.app.state.settings
    reporting.state.token_verifier = TokenVerifier(
        keys=ChainedKeys({key["kid"]: key for key in jwks}, None),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        revocations=reporting.state.token_verifier.revocations,
    )


SYSTEM_ADMIN = "sysadmin@statistics.example"


@dataclass
class Seated:
    key: str
    type: str
    teryt: str
    #: The person whose view the system must have: an analyst (with this scope) or, for a PUP, staff.
    analyst_scope: str | None
    id: uuid.UUID | None = None


@pytest.fixture
async def stats(sessionmaker, settings):
    data = statistics_dataset()
    await ingest(sessionmaker, data.feeds, settings)
    return data


@pytest.fixture
async def seated(directory: Directory, stats) -> dict[str, Seated]:
    """Four institutions in the directory, each with an administrator and a reader; the PUP is
    the dataset's PUP Kraków (the same id)."""
    institutions = [
        Seated("ministry", "MINISTRY", "1465011", ""),
        Seated("wup12", "WUP", "1261011", "12"),
        Seated("wup14", "WUP", "1465011", "14"),
        Seated("pup", "PUP", "1261011", None, stats.inst["PUP_K"].id),
    ]
    async with directory.sessionmaker() as session:
        for inst in institutions:
            row = Institution(
                id=inst.id or uuid.uuid4(), type=inst.type, teryt=inst.teryt, name=f"{inst.key} test"
            )
            session.add(row)
            await session.flush()
            inst.id = row.id
            reader_roles = ["analyst"] if inst.analyst_scope is not None else ["caseworker"]
            for who, roles, scope in (
                ("admin", ["institution_admin"], None),
                ("reader", reader_roles, inst.analyst_scope),
            ):
                session.add(
                    User(
                        institution_id=row.id,
                        email=f"{who}.{inst.key}@statistics.example",
                        full_name=f"{who} {inst.key}",
                        roles=roles,
                        analyst_scope=scope,
                        password_hash=PASSWORD_HASH,
                    )
                )
        session.add(
            User(
                institution_id=institutions[0].id,
                email=SYSTEM_ADMIN,
                full_name="system admin",
                roles=["system_admin"],
                password_hash=PASSWORD_HASH,
            )
        )
        await session.commit()
    return {inst.key: inst for inst in institutions}


async def _aggregate(client: httpx.AsyncClient, token: str, **extra: Any) -> dict[str, Any]:
    response = await client.get(
        "/v1/aggregate", params={**PARAMS, **extra}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def _total(body: dict[str, Any]) -> int:
    return sum(r["values"]["referrals"]["value"] or 0 for r in body["rows"])


async def test_an_institution_system_sees_what_its_people_see(client, app, directory, seated):
    # (expected scope, published total of the 23 referrals): the country 23 -> 25; voivodeship 12
    # 15; voivodeship 14 8 -> 10; PUP Kraków's own 15, exact.
    expected = {
        "ministry": ({"kind": "national", "territory": "", "institution_id": None}, 25),
        "wup12": ({"kind": "voivodeship", "territory": "12", "institution_id": None}, 15),
        "wup14": ({"kind": "voivodeship", "territory": "14", "institution_id": None}, 10),
        "pup": ({"kind": "institution", "territory": None, "institution_id": str(seated["pup"].id)}, 15),
    }
    tokens = {}
    for key in expected:
        if key == "pup":
            system = await directory.register_system(f"admin.{key}@statistics.example", ["reporting:read"])
        else:
            # An analysts' institution's own administrator cannot give a system the region's
            # statistics (it does not grant the analyst role either): a system administrator does.
            admin = {"Authorization": f"Bearer {await directory.sign_in(f'admin.{key}@statistics.example')}"}
            refused = await directory.http.post(
                "/v1/api-clients", json={"name": "Hurtownia", "scopes": ["reporting:read"]}, headers=admin
            )
            assert (refused.status_code, refused.json()["code"]) == (403, "scope_not_grantable"), key
            system = await directory.register_system(SYSTEM_ADMIN, ["reporting:read"], seated[key].id)
        tokens[key] = (
            await directory.sign_in(f"reader.{key}@statistics.example"),
            await directory.system_token(system),
        )
    trust_directory(app, directory, (await directory.http.get("/.well-known/jwks.json")).json()["keys"])

    for key, (scope, total) in expected.items():
        person, system = tokens[key]
        seen_by_person = await _aggregate(client, person)
        seen_by_system = await _aggregate(client, system)
        assert seen_by_system["scope"] == seen_by_person["scope"] == scope, key
        assert _total(seen_by_system) == total, key
        for part in ("suppression", "rows", "measures", "dimensions", "filters"):
            assert seen_by_system[part] == seen_by_person[part], (key, part)
        # The same through the stable downloads (SDMX-CSV here), byte for byte.
        downloads = [
            await client.get(
                "/v1/exports/aggregate",
                params={**PARAMS, "format": "sdmx-csv"},
                headers={"Authorization": f"Bearer {token}"},
            )
            for token in (person, system)
        ]
        assert [d.status_code for d in downloads] == [200, 200], key
        assert downloads[0].text == downloads[1].text, key

    # Voivodeship 12's system never sees Warsaw, even when it asks for it by a filter.
    warsaw = await _aggregate(client, tokens["wup12"][1], dimensions=[], target_voivodeship="14")
    assert _total(warsaw) == 0
    # The PUP's system gets its own referrals exact, not the region's.
    pup_rows = (await _aggregate(client, tokens["pup"][1]))["rows"]
    assert {r["dimensions"]["target_voivodeship"]: r["values"]["referrals"] for r in pup_rows} == {
        "12": {"value": 15, "suppressed": False}
    }


async def test_a_system_needs_reporting_read_and_its_secret_is_rotatable(client, app, directory, seated):
    admin_email = "admin.wup12@statistics.example"
    without = await directory.register_system(admin_email, ["referrals:read"])
    reader = await directory.register_system(SYSTEM_ADMIN, ["reporting:read"], seated["wup12"].id)
    old_secret = reader["client_secret"]
    rotated = await directory.http.post(
        f"/v1/api-clients/{reader['id']}/rotate-secret", headers=reader["admin"]
    )
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["client_secret"]
    assert new_secret != old_secret
    denied_token = await directory.system_token(without)
    new_token = await directory.system_token(reader, new_secret)
    old_token = await directory.system_token(reader, old_secret)  # within the grace period
    trust_directory(app, directory, (await directory.http.get("/.well-known/jwks.json")).json()["keys"])

    denied = await client.get(
        "/v1/aggregate", params=PARAMS, headers={"Authorization": f"Bearer {denied_token}"}
    )
    assert denied.status_code == 403 and denied.json()["code"] == "insufficient_scope"
    for token in (new_token, old_token):
        assert _total(await _aggregate(client, token)) == 15
    # After revocation no new token is issued with either secret.
    revoked = await directory.http.post(f"/v1/api-clients/{reader['id']}/revoke", headers=reader["admin"])
    assert revoked.status_code == 200, revoked.text
    refused = await directory.http.post(
        "/v1/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": reader["client_id"],
            "client_secret": new_secret,
        },
    )
    assert refused.status_code == 401
