"""The directory's local partnerships, as a peer: the working-day deadline that the service
standard of an in-force partnership of the sender and the receiver sets for the answer to a
referral of a service type (``GET /v1/partnerships/standard-deadline``; 404: none applies).
Answers are cached briefly, like the directory's catalogues.

:class:`PartnershipCalls` is mixed into :class:`~splot.referrals.peers.HttpPeers`; this module
does not import :mod:`splot.referrals.peers`.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

import httpx


@dataclass(frozen=True)
class StandardDeadline:
    partnership_id: uuid.UUID
    working_days: int


class _Caller(Protocol):
    directory_url: str
    cache_seconds: int
    _standard_deadlines: dict[tuple[uuid.UUID, uuid.UUID, str], tuple[float, StandardDeadline | None]]

    async def _call(
        self, peer: str, method: str, url: str, *, json: dict[str, Any] | None = None, ok: tuple[int, ...]
    ) -> httpx.Response: ...

    @staticmethod
    def _json(peer: str, response: httpx.Response) -> dict[str, Any]: ...


class PartnershipCalls:
    """The directory's partnership standard over HTTP (mixed into ``HttpPeers``)."""

    async def standard_deadline(
        self: _Caller, sender_id: uuid.UUID, receiver_id: uuid.UUID, service_type_code: str
    ) -> StandardDeadline | None:
        key = (sender_id, receiver_id, service_type_code)
        cached = self._standard_deadlines.get(key)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        response = await self._call(
            "directory",
            "GET",
            f"{self.directory_url}/v1/partnerships/standard-deadline?"
            + urlencode(
                {
                    "sender_institution_id": str(sender_id),
                    "receiver_institution_id": str(receiver_id),
                    "service_type": service_type_code,
                }
            ),
            ok=(200, 404),
        )
        found: StandardDeadline | None = None
        if response.status_code == 200:
            body = self._json("directory", response)
            try:
                found = StandardDeadline(
                    partnership_id=uuid.UUID(str(body["partnership_id"])),
                    working_days=int(body["deadline_working_days"]),
                )
            except (KeyError, ValueError, TypeError):
                found = None  # a malformed answer: the usual deadline applies
        self._standard_deadlines[key] = (time.monotonic() + self.cache_seconds, found)
        return found
