"""Opaque candidate ids: how a likely duplicate the caller may not see is named in a 409 without
its registry id (which would let the caller follow the person across answers). The token is the
person's id and the time it was issued, encrypted (AES-GCM) with a key derived from the first key
of ``candidate_token_keys`` and bound to the calling institution: only that institution can use
it, only for ``candidate_token_hours``, and only to ask for access (``POST /v1/access-requests``).
Every key of the ring is accepted, so a rotation does not void the tokens already handed out."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct
import uuid
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from splot.clients.config import ClientsSettings
from splot.common.db import utcnow

_CONTEXT = b"splot.clients.candidate-token.v1"
_NONCE = 12


def _keys(settings: ClientsSettings) -> list[bytes]:
    """The AES keys of the ring, the issuing one first."""
    return [hmac.new(k.encode(), _CONTEXT, hashlib.sha256).digest() for k in settings.candidate_key_ring.keys]


def _open(settings: ClientsSettings, raw: bytes, institution_id: uuid.UUID) -> bytes | None:
    for key in _keys(settings):
        try:
            return AESGCM(key).decrypt(raw[:_NONCE], raw[_NONCE:], institution_id.bytes)
        except InvalidTag:
            continue
    return None


def issue(settings: ClientsSettings, *, person_id: uuid.UUID, institution_id: uuid.UUID) -> str:
    """A token naming ``person_id`` to ``institution_id`` alone."""
    nonce = os.urandom(_NONCE)
    plain = person_id.bytes + struct.pack(">Q", int(utcnow().timestamp()))
    sealed = AESGCM(_keys(settings)[0]).encrypt(nonce, plain, institution_id.bytes)
    return base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode()


def resolve(
    settings: ClientsSettings, token: str, *, institution_id: uuid.UUID, now: datetime | None = None
) -> uuid.UUID | None:
    """The person a token names, or None when it is malformed, another institution's or too old."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        return None
    plain = _open(settings, raw, institution_id) if len(raw) > _NONCE else None
    if plain is None or len(plain) != 24:
        return None
    issued = datetime.fromtimestamp(struct.unpack(">Q", plain[16:])[0], tz=(now or utcnow()).tzinfo)
    if (now or utcnow()) - issued > timedelta(hours=settings.candidate_token_hours):
        return None
    return uuid.UUID(bytes=plain[:16])
