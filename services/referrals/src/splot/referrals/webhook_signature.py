"""Webhook signatures by the Standard Webhooks specification (https://www.standardwebhooks.com/,
version 1.0.0, the symmetric scheme ``v1``): what Splot sends and what a receiver checks.

Only the standard library is used, so that an integrator may copy this file as it is; the
libraries of the specification (``pip install standardwebhooks``, ``npm i standardwebhooks``, Go,
Java, .NET, PHP, Ruby…) verify the same deliveries.

A delivery carries three headers:

``webhook-id``
    the event's id (the outbox event id): the same on every retry and replay, the key to
    deduplicate on;
``webhook-timestamp``
    the attempt's time, integer Unix seconds;
``webhook-signature``
    a space-separated list of ``v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>``: one
    entry per secret in use (two while a rotated-out secret is still honoured).

The secret is ``whsec_`` followed by the key in base64. Secrets issued before Splot followed the
specification used the URL-safe base64 alphabet without padding (``-`` and ``_`` instead of ``+``
and ``/``); they stand for their key the same way, and :func:`standard_secret` rewrites one in the
standard alphabet for libraries that insist on it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Iterable, Mapping

SECRET_PREFIX = "whsec_"
ID_HEADER = "webhook-id"
TIMESTAMP_HEADER = "webhook-timestamp"
SIGNATURE_HEADER = "webhook-signature"
#: The signature scheme's identifier (HMAC-SHA256); other schemes in the header are skipped.
VERSION = "v1"
#: How far a delivery's timestamp may lie from the receiver's clock (the specification's 5 minutes).
TOLERANCE_SECONDS = 300
#: Random bytes in a new secret (the specification asks for 24 to 64).
SECRET_BYTES = 32
MIN_KEY_BYTES, MAX_KEY_BYTES = 24, 64

_TIMESTAMP = re.compile(r"[0-9]{1,12}")


class WebhookVerificationError(Exception):
    """The delivery is not authentic (or not fresh): refuse it."""


def new_secret() -> str:
    """A new signing secret: ``whsec_`` and the standard base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key a secret stands for: the text after ``whsec_``, base64-decoded.

    The standard alphabet is the specification's; the URL-safe one (``-``, ``_``) of secrets issued
    before is read as the same digits, and missing padding is added. ``ValueError`` for anything
    that is not base64 of 24 to 64 bytes.
    """
    text = secret.removeprefix(SECRET_PREFIX)
    text = text.replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a webhook secret is 'whsec_' followed by base64") from None
    if not MIN_KEY_BYTES <= len(key) <= MAX_KEY_BYTES:
        raise ValueError(f"a webhook secret's key has {MIN_KEY_BYTES} to {MAX_KEY_BYTES} bytes")
    return key


def standard_secret(secret: str) -> str:
    """The same secret in the specification's spelling (standard base64 with padding)."""
    return SECRET_PREFIX + base64.b64encode(secret_key(secret)).decode()


def _mac(key: bytes, msg_id: str, timestamp: int, body: bytes) -> bytes:
    return hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One signature: ``v1,<base64 HMAC-SHA256(key, "{msg_id}.{timestamp}.{body}")>``."""
    if "." in msg_id:
        raise ValueError("the message id must not contain '.'")
    return f"{VERSION},{base64.b64encode(_mac(secret_key(secret), msg_id, timestamp, body)).decode()}"


def signature_header(secrets_in_use: Iterable[str], msg_id: str, timestamp: int, body: bytes) -> str:
    """``webhook-signature``: one signature per secret, space-separated."""
    return " ".join(sign(secret, msg_id, timestamp, body) for secret in secrets_in_use)


def verify(
    secret: str,
    body: bytes | str,
    headers: Mapping[str, str],
    *,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> None:
    """Check a delivery as a receiver does; raises :class:`WebhookVerificationError` unless it is
    authentic and fresh.

    ``body`` is the raw request body, exactly as received (not parsed and serialised again);
    ``headers`` the request's headers (names in any case). The timestamp must lie within
    ``tolerance`` seconds of ``now`` (the receiver's clock), and any one of the ``v1`` signatures
    in ``webhook-signature`` must match (compared in constant time): during a secret rotation the
    header carries one signature per secret, so both the new and the previous secret verify.
    Process each ``webhook-id`` once: a retry or replay carries the same id. A ``secret`` that is
    not a webhook secret at all is a ``ValueError`` (a configuration error, not a forgery).
    """
    found = {name.lower(): value for name, value in headers.items()}
    msg_id, timestamp, signatures = (
        found.get(ID_HEADER),
        found.get(TIMESTAMP_HEADER),
        found.get(SIGNATURE_HEADER),
    )
    if not (msg_id and timestamp and signatures):
        raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
    if not _TIMESTAMP.fullmatch(timestamp):
        raise WebhookVerificationError("webhook-timestamp is not Unix seconds")
    clock = time.time() if now is None else now
    if abs(clock - int(timestamp)) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    raw = body.encode() if isinstance(body, str) else body
    expected = _mac(secret_key(secret), msg_id, int(timestamp), raw)
    for entry in signatures.split(" "):
        version, _, value = entry.partition(",")
        if version != VERSION:
            continue
        try:
            candidate = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            continue
        if hmac.compare_digest(expected, candidate):
            return
    raise WebhookVerificationError("no matching signature")
