"""The client registry as a peer: may this sender refer this person to that target
(``POST /v1/internal/referral-checks``), the receiver's access as a referral changes
(``POST /v1/internal/access-grants``) and a person's status after merges.

:class:`ClientsCalls` is mixed into :class:`~splot.referrals.peers.HttpPeers` (it uses its token
and error handling); this module does not import :mod:`splot.referrals.peers`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from splot.common.errors import Problem


@dataclass(frozen=True)
class ReferralCheck:
    person_id: uuid.UUID
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID
    target_institution_type: str
    service_type_code: str
    sensitive: bool
    legal_basis: str  # "statutory" | "consent"
    consent_id: uuid.UUID | None


@dataclass(frozen=True)
class CheckResult:
    allowed: bool
    code: str | None = None
    detail: str | None = None
    consent_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AccessState:
    """What a referral gives its receiver in the client registry, as of one referral version
    (the body of ``POST /v1/internal/access-grants``)."""

    person_id: uuid.UUID
    institution_id: uuid.UUID
    referral_id: uuid.UUID
    sender_institution_id: uuid.UUID
    service_type_code: str
    legal_basis: str
    consent_id: uuid.UUID | None
    covers_sensitive: bool
    accepted: bool
    active: bool
    retention_days: int | None
    version: int

    def to_json(self) -> dict[str, Any]:
        return {
            "person_id": str(self.person_id),
            "institution_id": str(self.institution_id),
            "referral_id": str(self.referral_id),
            "sender_institution_id": str(self.sender_institution_id),
            "service_type_code": self.service_type_code,
            "legal_basis": self.legal_basis,
            "consent_id": str(self.consent_id) if self.consent_id else None,
            "covers_sensitive": self.covers_sensitive,
            "accepted": self.accepted,
            "active": self.active,
            "retention_days": self.retention_days,
            "version": self.version,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AccessState:
        return cls(
            person_id=uuid.UUID(data["person_id"]),
            institution_id=uuid.UUID(data["institution_id"]),
            referral_id=uuid.UUID(data["referral_id"]),
            sender_institution_id=uuid.UUID(data["sender_institution_id"]),
            service_type_code=data["service_type_code"],
            legal_basis=data["legal_basis"],
            consent_id=uuid.UUID(data["consent_id"]) if data.get("consent_id") else None,
            covers_sensitive=bool(data["covers_sensitive"]),
            accepted=bool(data["accepted"]),
            active=bool(data["active"]),
            retention_days=data.get("retention_days"),
            version=int(data["version"]),
        )


@dataclass(frozen=True)
class PersonSummary:
    id: uuid.UUID
    status: str  # active, merged, anonymised
    merged_into: uuid.UUID | None = None


def _uuid(value: Any) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


def _unavailable(peer: str) -> Problem:
    from splot.referrals.peers import PeerUnavailable  # the port's one error, defined beside it

    return PeerUnavailable(peer)


class _Caller(Protocol):
    clients_url: str

    async def _call(
        self, peer: str, method: str, url: str, *, json: dict[str, Any] | None = None, ok: tuple[int, ...]
    ) -> httpx.Response: ...

    @staticmethod
    def _json(peer: str, response: httpx.Response) -> dict[str, Any]: ...


class ClientsCalls:
    """The registry's internal endpoints over HTTP (mixed into ``HttpPeers``)."""

    async def check_referral(self: _Caller, check: ReferralCheck) -> CheckResult:
        response = await self._call(
            "clients",
            "POST",
            f"{self.clients_url}/v1/internal/referral-checks",
            json={
                "person_id": str(check.person_id),
                "sender_institution_id": str(check.sender_institution_id),
                "target_institution_id": str(check.target_institution_id),
                "target_institution_type": check.target_institution_type,
                "service_type_code": check.service_type_code,
                "sensitive": check.sensitive,
                "legal_basis": check.legal_basis,
                "consent_id": str(check.consent_id) if check.consent_id else None,
            },
            ok=(200,),
        )
        body = self._json("clients", response)
        try:
            return CheckResult(
                allowed=bool(body["allowed"]),
                code=body.get("code"),
                detail=body.get("detail"),
                consent_id=_uuid(body.get("consent_id")),
            )
        except (KeyError, ValueError) as exc:
            raise _unavailable("clients") from exc

    async def put_access(self: _Caller, state: AccessState) -> None:
        await self._call(
            "clients",
            "POST",
            f"{self.clients_url}/v1/internal/access-grants",
            json=state.to_json(),
            ok=(200, 201, 204),
        )

    async def person_summary(self: _Caller, person_id: uuid.UUID) -> PersonSummary | None:
        response = await self._call(
            "clients", "GET", f"{self.clients_url}/v1/internal/persons/{person_id}/summary", ok=(200, 404)
        )
        if response.status_code == 404:
            return None
        body = self._json("clients", response)
        try:
            return PersonSummary(
                id=uuid.UUID(str(body["id"])),
                status=str(body.get("status", "active")),
                merged_into=_uuid(body.get("merged_into")),
            )
        except (KeyError, ValueError) as exc:
            raise _unavailable("clients") from exc
