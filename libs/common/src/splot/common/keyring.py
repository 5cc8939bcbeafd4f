"""Secrets kept encrypted at rest under a ring of keys (the directory's private signing keys, the
referrals service's webhook secrets).

A ring is configured as a comma-separated list (``…_KEYS``): the first key encrypts, every key
decrypts (``MultiFernet``). To rotate, put a new key first, re-encrypt what is stored
(:func:`reencrypt_column`, the services' ``reencrypt-…`` commands), then drop the old key. The
single key of earlier releases (``…_KEY``) is still read and goes first, taken whole. Each key is
any long random string; the Fernet key is derived from it with SHA-256.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from pydantic import SecretStr
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import rows_affected, table_of
from splot.common.settings import DEV_SECRET_PREFIX, DevSecretInProduction

__all__ = ["InvalidToken", "KeyRing", "Reencryption", "reencrypt_column"]


def _fernet(key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))


class KeyRing:
    """The keys of one kind of secret: the first encrypts, every one decrypts."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys or any(not key for key in keys):
            raise ValueError("a key ring needs at least one key and no empty ones")
        self.keys: tuple[str, ...] = tuple(keys)
        self._primary = _fernet(self.keys[0])
        self._every = MultiFernet([_fernet(key) for key in self.keys])

    @classmethod
    def configured(
        cls,
        *,
        single: SecretStr | None,
        listed: SecretStr | None,
        development_default: str,
        production: bool,
        setting: str,
    ) -> KeyRing:
        """The ring the settings describe: ``single`` (earlier releases' variable) first, then
        ``listed``, each key once. Unset, development uses ``development_default``; production
        refuses an unset ring and any development or empty key in it."""
        keys: list[str] = []
        if single is not None and single.get_secret_value():
            keys.append(single.get_secret_value())
        if listed is not None:
            keys.extend(key.strip() for key in listed.get_secret_value().split(","))
        keys = [key for key in dict.fromkeys(keys) if key]
        if production and (not keys or any(key.startswith(DEV_SECRET_PREFIX) for key in keys)):
            raise DevSecretInProduction(f"production refuses development or empty secrets: {setting}")
        return cls(keys or [development_default])

    def __len__(self) -> int:
        return len(self.keys)

    def __repr__(self) -> str:  # never the keys themselves
        return f"KeyRing(<{len(self.keys)} keys>)"

    def encrypt(self, plaintext: str) -> str:
        return self._every.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        """The plaintext; :class:`InvalidToken` when no key of the ring decrypts ``token``."""
        return self._every.decrypt(token.encode()).decode()

    def is_current(self, token: str) -> bool:
        """Encrypted with the first key (nothing to re-encrypt)."""
        try:
            self._primary.decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def reencrypt(self, token: str) -> str:
        """The same plaintext encrypted with the first key; :class:`InvalidToken` if unreadable."""
        return self._every.rotate(token.encode()).decode()


@dataclass
class Reencryption:
    """What :func:`reencrypt_column` did."""

    keys: int
    reencrypted: int = 0
    already_current: int = 0
    #: Rows changed by someone else meanwhile (they are written with the first key anyway): run again.
    changed_meanwhile: int = 0
    #: Rows no key of the ring decrypts (keep the key that does, or replace their secrets).
    unreadable: list[str] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        return (
            f"keys={self.keys} reencrypted={self.reencrypted} already_current={self.already_current} "
            f"changed_meanwhile={self.changed_meanwhile} unreadable={len(self.unreadable)}"
        )


async def reencrypt_column(
    session: AsyncSession, ring: KeyRing, *, model: type[Any], key: str, column: str
) -> Reencryption:
    """Encrypt every value of ``model.column`` with the ring's first key, so that the other keys
    can be dropped (rows identified by ``key`` in the report). The plaintexts do not change, and
    neither do the rows' versions (ETags) or ``updated_at``: a plain UPDATE that applies only if
    the value is still the one read."""
    report = Reencryption(keys=len(ring))
    table = table_of(model)
    ident, encrypted = table.c[key], table.c[column]
    # Columns the UPDATE would otherwise stamp (``updated_at``) keep their values.
    unchanged = {c.name: c for c in table.columns if c.onupdate is not None and c.name != column}
    rows = (await session.execute(select(ident, encrypted).order_by(ident))).all()
    for row_key, token in rows:
        if ring.is_current(token):
            report.already_current += 1
            continue
        try:
            fresh = ring.reencrypt(token)
        except InvalidToken:
            report.unreadable.append(str(row_key))
            continue
        # Through the ORM, so that objects already loaded in this session see the new value too.
        result = await session.execute(
            update(model)
            .where(ident == row_key, encrypted == token)
            .values({**unchanged, column: fresh})
            .execution_options(synchronize_session="fetch")
        )
        if rows_affected(result):
            report.reencrypted += 1
        else:
            report.changed_meanwhile += 1
    return report
