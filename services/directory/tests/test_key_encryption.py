"""The key-encryption keys of the private signing keys: a ring (MultiFernet) that rotates without
downtime, the re-encryption command, and production's refusal of development keys."""

import asyncio

import pytest
from cryptography.fernet import InvalidToken
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from splot.common import jwt
from splot.common.db import create_engine
from splot.common.keyring import KeyRing
from splot.common.settings import DevSecretInProduction
from splot.directory import cli
from splot.directory.config import DirectorySettings
from splot.directory.models import SigningKey
from splot.directory.security import active_key, create_signing_key, reencrypt_signing_keys

from conftest import bearer, login

OLD_KEY = "old-key-encryption-key-" + "o" * 32
NEW_KEY = "new-key-encryption-key-" + "n" * 32
KEY_VARIABLES = ("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEY", "SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS")


@pytest.fixture
def no_key_variables(monkeypatch):
    for name in KEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def rekeyed(settings: DirectorySettings, keys: str) -> DirectorySettings:
    """The same settings with ``key_encryption_keys`` (and no single key) as an operator sets them."""
    data = settings.model_dump()
    data.pop("key_encryption_key")
    return DirectorySettings(**{**data, "key_encryption_keys": keys})


def test_the_key_settings(no_key_variables):
    monkeypatch = no_key_variables
    assert DirectorySettings().key_ring.keys == ("dev-insecure-key-encryption-key",)
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS", f" {NEW_KEY} ,{OLD_KEY},,{NEW_KEY}")
    assert DirectorySettings().key_ring.keys == (NEW_KEY, OLD_KEY)
    # The single key of earlier releases is still read, whole (a comma is part of it), and first.
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEY", "legacy,with-a-comma")
    assert DirectorySettings().key_ring.keys == ("legacy,with-a-comma", NEW_KEY, OLD_KEY)
    monkeypatch.delenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS")
    single = DirectorySettings()
    assert single.key_ring.keys == ("legacy,with-a-comma",)
    # The ring never shows its keys.
    assert "legacy" not in repr(single.key_ring) and "legacy" not in repr(single)


@pytest.mark.parametrize(
    "keys",
    [
        {},  # nothing set: the development default
        {"key_encryption_keys": "dev-insecure-key-encryption-key"},
        {"key_encryption_keys": f"{NEW_KEY},dev-insecure-key-encryption-key"},  # a later key counts too
        {"key_encryption_key": "dev-insecure-key-encryption-key", "key_encryption_keys": NEW_KEY},
        {"key_encryption_key": NEW_KEY, "key_encryption_keys": "dev-insecure-old"},
    ],
)
def test_production_refuses_development_keys(no_key_variables, keys):
    production = {
        "environment": "production",
        "database_url": "postgresql+asyncpg://splot@db.example/directory",
    }
    with pytest.raises((DevSecretInProduction, ValidationError), match="production refuses"):
        DirectorySettings(**production, **keys)
    assert DirectorySettings(**production, key_encryption_keys=f"{NEW_KEY},{OLD_KEY}").key_ring.keys == (
        NEW_KEY,
        OLD_KEY,
    )
    assert DirectorySettings(**production, key_encryption_key=OLD_KEY).key_ring.keys == (OLD_KEY,)


async def test_signing_keys_survive_a_key_encryption_key_rotation(session):
    """Encrypted with the old key; the new key added first (the old still decrypts); re-encrypted;
    the old key removed: the same private key still decrypts."""
    created = await create_signing_key(session, key_ring=KeyRing([OLD_KEY]))
    kid, pem = await active_key(session, key_ring=KeyRing([OLD_KEY]))
    assert kid == created.kid
    ring = rekeyed(DirectorySettings(), f"{NEW_KEY},{OLD_KEY}")
    assert await active_key(session, key_ring=ring.key_ring) == (kid, pem)
    report = await reencrypt_signing_keys(session, key_ring=ring.key_ring)
    assert (report.keys, report.reencrypted, report.already_current, report.unreadable) == (2, 1, 0, [])
    again = await reencrypt_signing_keys(session, key_ring=ring.key_ring)
    assert (again.reencrypted, again.already_current) == (0, 1)
    assert await active_key(session, key_ring=KeyRing([NEW_KEY])) == (kid, pem)
    with pytest.raises(InvalidToken):
        await active_key(session, key_ring=KeyRing([OLD_KEY]))
    # A key no configured key decrypts is reported, not lost.
    report = await reencrypt_signing_keys(session, key_ring=KeyRing(["yet-another-key-" + "y" * 32]))
    assert report.unreadable == [kid] and report.reencrypted == 0


async def test_sign_in_keeps_working_through_a_rotation(app, client, factory, session):
    staff = await factory.user(await factory.institution())
    app.state.settings = rekeyed(app.state.settings, OLD_KEY)
    before = (await login(client, staff.email)).json()["access_token"]
    app.state.settings = rekeyed(app.state.settings, f"{NEW_KEY},{OLD_KEY}")
    during = (await login(client, staff.email)).json()["access_token"]
    report = await reencrypt_signing_keys(session, key_ring=app.state.settings.key_ring)
    assert report.reencrypted >= 1 and report.unreadable == []
    app.state.settings = rekeyed(app.state.settings, NEW_KEY)
    after = (await login(client, staff.email)).json()["access_token"]
    # The same signing key throughout: only its encryption at rest changed.
    assert len({jwt.unverified_header(t)["kid"] for t in (before, during, after)}) == 1
    for token in (before, during, after):
        assert (await client.get("/v1/me", headers=bearer(token))).status_code == 200


def test_the_reencrypt_keys_command(tmp_path, no_key_variables, capsys):
    monkeypatch = no_key_variables
    url = f"sqlite+aiosqlite:///{tmp_path / 'directory.db'}"
    monkeypatch.setenv("SPLOT_DIRECTORY_DATABASE_URL", url)
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEY", OLD_KEY)
    assert cli.main(["migrate"]) == 0
    assert cli.main(["rotate-keys"]) == 0  # a signing key, encrypted with the single old key

    async def decrypted(keys: list[str]) -> str:
        engine = create_engine(url)
        try:
            async with async_sessionmaker(engine)() as session:
                kid, _ = await active_key(session, key_ring=KeyRing(keys))
                assert (await session.scalars(select(SigningKey.kid))).all() == [kid]
                return kid
        finally:
            await engine.dispose()

    kid = asyncio.run(decrypted([OLD_KEY]))
    # Rotation: the single key always goes first, so the operator moves it into the list, second.
    monkeypatch.delenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEY")
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS", f"{NEW_KEY},{OLD_KEY}")
    capsys.readouterr()
    assert cli.main(["reencrypt-keys"]) == 0
    assert (
        "keys=2 reencrypted=1 already_current=0 changed_meanwhile=0 unreadable=0" in capsys.readouterr().out
    )
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS", NEW_KEY)
    assert asyncio.run(decrypted([NEW_KEY])) == kid
    assert cli.main(["reencrypt-keys"]) == 0
    assert "reencrypted=0 already_current=1" in capsys.readouterr().out
    monkeypatch.setenv("SPLOT_DIRECTORY_KEY_ENCRYPTION_KEYS", "a-key-that-decrypts-nothing-" + "z" * 20)
    assert cli.main(["reencrypt-keys"]) == 1
    captured = capsys.readouterr()
    assert "unreadable=1" in captured.out and kid in captured.err
