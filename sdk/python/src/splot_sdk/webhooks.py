"""Verify a webhook delivery (Standard Webhooks, https://www.standardwebhooks.com/, scheme ``v1``)
before trusting it: the signature over ``{webhook-id}.{webhook-timestamp}.{body}`` with the
subscription's secret, and the timestamp within 5 minutes of this machine's clock.

While a secret is being rotated, Splot signs every delivery with the new and the previous secret
(``POST /v1/webhooks/subscriptions/{id}/rotate-secret``): pass both secrets until the switch is done.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from splot_sdk.events import Event

__all__ = ["WebhookVerificationError", "standard_secret", "verify_webhook"]

_PREFIX = "whsec_"


def standard_secret(secret: str) -> str:
    """The secret in the standard base64 alphabet that the ``standardwebhooks`` libraries expect.
    Secrets issued before Splot followed the specification were URL-safe base64 without padding;
    they stand for the same key."""
    key = secret.removeprefix(_PREFIX).strip()
    key = key.replace("-", "+").replace("_", "/")
    key += "=" * (-len(key) % 4)
    try:
        base64.b64decode(key, validate=True)
    except binascii.Error as exc:
        raise ValueError("not a webhook secret (whsec_ and base64)") from exc
    return _PREFIX + key


def verify_webhook(secrets: str | Sequence[str], headers: Mapping[str, str], body: bytes | str) -> Event:
    """The delivery's event, once its signature verifies with one of ``secrets`` and its timestamp
    is fresh; otherwise :class:`WebhookVerificationError` (answer such a request 400 and drop it).

    ``headers`` are the request's headers (any capitalisation); ``body`` is the raw body exactly as
    received — never one parsed and serialised again.
    """
    candidates = [secrets] if isinstance(secrets, str) else list(secrets)
    if not candidates:
        raise ValueError("no secret to verify with")
    lowered = {name.lower(): value for name, value in headers.items()}
    raw = body.encode() if isinstance(body, str) else body
    last: WebhookVerificationError | None = None
    for secret in candidates:
        try:
            Webhook(standard_secret(secret)).verify(raw, lowered)
        except WebhookVerificationError as exc:
            last = exc
            continue
        try:
            parsed = json.loads(raw)
            if not isinstance(parsed, Mapping):
                raise ValueError("the body is not a JSON object")
            return Event.from_dict(parsed)
        except ValueError as exc:
            raise WebhookVerificationError(f"signed, but not an event: {exc}") from exc
    assert last is not None
    raise last
