"""Webhook signing secrets at rest.

A subscription's secret (and, after a rotation, the previous one for the grace period) is stored
encrypted with the ``webhook_secret_keys`` ring (``MultiFernet``: the first key encrypts, every
one decrypts; :func:`reencrypt_secrets` moves stored secrets to the first key).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.keyring import Reencryption, reencrypt_column
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookSubscription


@dataclass(frozen=True)
class SigningSecrets:
    """A subscription's secrets: the current one and, after a rotation, the previous one until
    ``previous_until``. Stored encrypted in ``secret_encrypted``: the bare secret while there is no
    previous one (as before rotation had a grace period), else a small JSON document."""

    current: str
    previous: str | None = None
    previous_until: datetime | None = None

    def in_use(self, now: datetime) -> list[str]:
        """The secrets a delivery is signed with at ``now``: the current one first."""
        if self.previous is not None and self.previous_until is not None and now < self.previous_until:
            return [self.current, self.previous]
        return [self.current]

    def plaintext(self) -> str:
        if self.previous is None or self.previous_until is None:
            return self.current
        return json.dumps(
            {
                "current": self.current,
                "previous": self.previous,
                "previous_until": self.previous_until.isoformat(),
            }
        )

    @classmethod
    def parse(cls, plaintext: str) -> SigningSecrets:
        if not plaintext.startswith("{"):
            return cls(plaintext)
        data = json.loads(plaintext)
        return cls(data["current"], data["previous"], datetime.fromisoformat(data["previous_until"]))


def seal(settings: ReferralsSettings, found: SigningSecrets) -> str:
    return settings.webhook_key_ring.encrypt(found.plaintext())


def unseal(settings: ReferralsSettings, token: str) -> SigningSecrets:
    """The secrets of a subscription; ``InvalidToken`` when no configured key decrypts them."""
    return SigningSecrets.parse(settings.webhook_key_ring.decrypt(token))


async def reencrypt_secrets(session: AsyncSession, settings: ReferralsSettings) -> Reencryption:
    """Encrypt every stored subscription secret with the first key of ``webhook_secret_keys``, so
    that the other keys can be dropped. Nothing else changes: not the secrets, not the
    subscriptions' versions (ETags) or ``updated_at``; a row changed meanwhile is left alone."""
    return await reencrypt_column(
        session, settings.webhook_key_ring, model=WebhookSubscription, key="id", column="secret_encrypted"
    )
