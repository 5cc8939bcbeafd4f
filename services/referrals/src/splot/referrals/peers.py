"""The other Splot services this one calls, behind a port.

:class:`Peers` is what the referral rules need from the directory (institutions, the service-type
and legal-basis catalogues, offers and the places referrals occupy in them, staff) and from the client registry (may this sender refer this person to that
target, the receiver's access as the referral changes, a person's status, the plan actions
referrals serve). :class:`HttpPeers`
calls them over HTTP with this service's own client-credentials token; tests inject an in-memory
fake through ``app.state.peers``. Any peer failure is a 503 ``peer_unavailable`` with
``Retry-After``.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import structlog
from fastapi import Request

from splot.common.errors import Problem
from splot.common.http import ServiceTokenProvider, service_http_client
from splot.referrals.config import ReferralsSettings

# The registry's data types, re-exported: the port's users import them from here.
from splot.referrals.peers_clients import (
    AccessState as AccessState,
)
from splot.referrals.peers_clients import (
    CheckResult as CheckResult,
)
from splot.referrals.peers_clients import (
    ClientsCalls,
)
from splot.referrals.peers_clients import (
    PersonSummary as PersonSummary,
)
from splot.referrals.peers_clients import (
    ReferralCheck as ReferralCheck,
)
from splot.referrals.peers_clients_plans import ClientsPlanCalls, PlanActionState
from splot.referrals.peers_partnerships import PartnershipCalls, StandardDeadline

log = structlog.get_logger("splot.referrals.peers")

RETRY_AFTER_SECONDS = 5


class PeerUnavailable(Problem):
    def __init__(self, peer: str) -> None:
        super().__init__(
            503,
            "peer_unavailable",
            f"the {peer} service cannot be reached now; nothing was changed, try again shortly",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            peer=peer,
        )
        self.peer = peer


@dataclass(frozen=True)
class InstitutionInfo:
    id: uuid.UUID
    type: str
    name: str
    teryt: str
    active: bool
    email: str | None = None


@dataclass(frozen=True)
class ServiceTypeInfo:
    code: str
    sensitive: bool
    response_days_routine: int | None = None
    response_days_urgent: int | None = None
    active: bool = True
    name_pl: str = ""
    #: Institution types that provide it (an institution of another type needs an active offer).
    provider_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    institution_id: uuid.UUID
    active: bool


@dataclass(frozen=True)
class UserContact:
    """A staff member's name and work e-mail (the directory's ``/v1/internal/users/{id}/contact``)."""

    id: uuid.UUID
    institution_id: uuid.UUID
    full_name: str
    email: str
    active: bool = True


@dataclass(frozen=True)
class OfferInfo:
    id: uuid.UUID
    institution_id: uuid.UUID
    service_type_code: str
    active: bool = True
    capacity_available: int | None = None
    capacity_max: int | None = None


@dataclass(frozen=True)
class LegalBasisInfo:
    """A provision of the directory's legal-basis catalogue (``GET /v1/legal-bases``)."""

    code: str
    citation: str
    institution_types: tuple[str, ...]
    #: Empty: every service type.
    service_types: tuple[str, ...] = ()
    active: bool = True
    title_pl: str = ""

    def covers_institution(self, institution_type: str) -> bool:
        return institution_type in self.institution_types

    def covers_service(self, service_type_code: str) -> bool:
        return not self.service_types or service_type_code in self.service_types


@dataclass(frozen=True)
class ProgrammeInfo:
    """A programme of the directory's catalogue (``GET /v1/programmes``)."""

    code: str
    name: str = ""
    active: bool = True


@dataclass(frozen=True)
class OccupancyState:
    """Whether a referral occupies a place of an offer, as of one referral version (the body of
    the directory's ``PUT /v1/internal/offer-occupancy/{referral_id}``)."""

    referral_id: uuid.UUID
    offer_id: uuid.UUID
    occupying: bool
    version: int


class Peers(Protocol):
    async def institution(self, institution_id: uuid.UUID) -> InstitutionInfo | None: ...

    async def service_types(self) -> dict[str, ServiceTypeInfo]: ...

    async def legal_bases(self) -> dict[str, LegalBasisInfo]: ...

    async def programmes(self) -> dict[str, ProgrammeInfo]: ...

    async def put_occupancy(self, state: OccupancyState) -> None: ...

    async def offer(self, offer_id: uuid.UUID) -> OfferInfo | None: ...

    async def has_active_offer(self, institution_id: uuid.UUID, service_type_code: str) -> bool: ...

    async def user(self, user_id: uuid.UUID) -> UserInfo | None: ...

    async def user_contact(self, user_id: uuid.UUID) -> UserContact | None: ...

    async def check_referral(self, check: ReferralCheck) -> CheckResult: ...

    async def put_access(self, state: AccessState) -> None: ...

    async def person_summary(self, person_id: uuid.UUID) -> PersonSummary | None: ...

    async def put_plan_action_referral(self, state: PlanActionState) -> None: ...

    async def standard_deadline(
        self, sender_id: uuid.UUID, receiver_id: uuid.UUID, service_type_code: str
    ) -> StandardDeadline | None: ...


async def get_peers(request: Request) -> Peers:
    peers: Peers = request.app.state.peers
    return peers


class HttpPeers(ClientsCalls, ClientsPlanCalls, PartnershipCalls):
    """The directory and the client registry over HTTP (institutions and catalogue cached briefly;
    the registry's plan endpoints in :mod:`splot.referrals.peers_clients_plans`)."""

    def __init__(
        self, settings: ReferralsSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.directory_url = settings.directory_url.rstrip("/")
        self.clients_url = settings.clients_url.rstrip("/")
        self.cache_seconds = settings.directory_cache_seconds
        self._http = service_http_client(
            transport=transport, timeout=httpx.Timeout(settings.peer_timeout_seconds, connect=5.0)
        )
        self._tokens = ServiceTokenProvider(
            token_url=settings.token_url,
            client_id=settings.service_client_id,
            client_secret=settings.service_client_secret.get_secret_value(),
            scope=settings.peer_scope,
            http=self._http,
        )
        self._institutions: dict[uuid.UUID, tuple[float, InstitutionInfo]] = {}
        self._service_types: tuple[float, dict[str, ServiceTypeInfo]] | None = None
        self._legal_bases: tuple[float, dict[str, LegalBasisInfo]] | None = None
        self._programmes: tuple[float, dict[str, ProgrammeInfo]] | None = None
        self._standard_deadlines: dict[
            tuple[uuid.UUID, uuid.UUID, str], tuple[float, StandardDeadline | None]
        ] = {}

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _token(self, peer: str) -> str:
        try:
            return await self._tokens.token()
        except (Problem, httpx.HTTPError, ValueError, KeyError) as exc:
            log.warning("peer_token_failed", peer=peer, error_type=type(exc).__name__)
            raise PeerUnavailable(peer) from exc

    async def _call(
        self, peer: str, method: str, url: str, *, json: dict[str, Any] | None = None, ok: tuple[int, ...]
    ) -> httpx.Response:
        response: httpx.Response | None = None
        for attempt in (1, 2):
            token = await self._token(peer)
            try:
                response = await self._http.request(
                    method, url, json=json, headers={"Authorization": f"Bearer {token}"}
                )
            except httpx.HTTPError as exc:
                log.warning("peer_unreachable", peer=peer, error_type=type(exc).__name__)
                raise PeerUnavailable(peer) from exc
            if response.status_code == 401 and attempt == 1:
                # Our cached token may have been signed with a key the peer no longer trusts.
                self._tokens.invalidate()
                continue
            break
        assert response is not None
        if response.status_code not in ok:
            log.warning("peer_unexpected_status", peer=peer, status=response.status_code)
            raise PeerUnavailable(peer)
        return response

    @staticmethod
    def _json(peer: str, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError as exc:
            raise PeerUnavailable(peer) from exc
        if not isinstance(body, dict):
            raise PeerUnavailable(peer)
        return body

    async def institution(self, institution_id: uuid.UUID) -> InstitutionInfo | None:
        cached = self._institutions.get(institution_id)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        response = await self._call(
            "directory", "GET", f"{self.directory_url}/v1/institutions/{institution_id}", ok=(200, 404)
        )
        if response.status_code == 404:
            return None
        body = self._json("directory", response)
        try:
            info = InstitutionInfo(
                id=uuid.UUID(str(body["id"])),
                type=str(body["type"]),
                name=str(body.get("name", "")),
                teryt=str(body.get("teryt", "")),
                active=bool(body.get("active", True)),
                email=body.get("email"),
            )
        except (KeyError, ValueError) as exc:
            raise PeerUnavailable("directory") from exc
        self._institutions[institution_id] = (time.monotonic() + self.cache_seconds, info)
        return info

    async def service_types(self) -> dict[str, ServiceTypeInfo]:
        if self._service_types and self._service_types[0] > time.monotonic():
            return self._service_types[1]
        response = await self._call("directory", "GET", f"{self.directory_url}/v1/service-types", ok=(200,))
        try:
            items = {
                str(item["code"]): ServiceTypeInfo(
                    code=str(item["code"]),
                    sensitive=bool(item.get("sensitive", False)),
                    response_days_routine=item.get("response_days_routine"),
                    response_days_urgent=item.get("response_days_urgent"),
                    active=bool(item.get("active", True)),
                    name_pl=str(item.get("name_pl", "")),
                    provider_types=tuple(str(t) for t in item.get("provider_types") or ()),
                )
                for item in self._json("directory", response)["items"]
            }
        except (KeyError, TypeError) as exc:
            raise PeerUnavailable("directory") from exc
        self._service_types = (time.monotonic() + self.cache_seconds, items)
        return items

    async def legal_bases(self) -> dict[str, LegalBasisInfo]:
        if self._legal_bases and self._legal_bases[0] > time.monotonic():
            return self._legal_bases[1]
        response = await self._call("directory", "GET", f"{self.directory_url}/v1/legal-bases", ok=(200,))
        try:
            items = {
                str(item["code"]): LegalBasisInfo(
                    code=str(item["code"]),
                    citation=str(item["citation"]),
                    institution_types=tuple(str(t) for t in item.get("institution_types") or ()),
                    service_types=tuple(str(t) for t in item.get("service_types") or ()),
                    active=bool(item.get("active", True)),
                    title_pl=str(item.get("title_pl", "")),
                )
                for item in self._json("directory", response)["items"]
            }
        except (KeyError, TypeError) as exc:
            raise PeerUnavailable("directory") from exc
        self._legal_bases = (time.monotonic() + self.cache_seconds, items)
        return items

    async def programmes(self) -> dict[str, ProgrammeInfo]:
        if self._programmes and self._programmes[0] > time.monotonic():
            return self._programmes[1]
        response = await self._call("directory", "GET", f"{self.directory_url}/v1/programmes", ok=(200,))
        try:
            items = {
                str(item["code"]): ProgrammeInfo(
                    code=str(item["code"]),
                    name=str(item.get("name", "")),
                    active=bool(item.get("active", True)),
                )
                for item in self._json("directory", response)["items"]
            }
        except (KeyError, TypeError) as exc:
            raise PeerUnavailable("directory") from exc
        self._programmes = (time.monotonic() + self.cache_seconds, items)
        return items

    async def put_occupancy(self, state: OccupancyState) -> None:
        await self._call(
            "directory",
            "PUT",
            f"{self.directory_url}/v1/internal/offer-occupancy/{state.referral_id}",
            json={"offer_id": str(state.offer_id), "occupying": state.occupying, "version": state.version},
            ok=(200,),
        )

    async def offer(self, offer_id: uuid.UUID) -> OfferInfo | None:
        response = await self._call(
            "directory", "GET", f"{self.directory_url}/v1/offers/{offer_id}", ok=(200, 404)
        )
        if response.status_code == 404:
            return None
        body = self._json("directory", response)
        try:
            return OfferInfo(
                id=uuid.UUID(str(body["id"])),
                institution_id=uuid.UUID(str(body["institution_id"])),
                service_type_code=str(body["service_type_code"]),
                active=bool(body.get("active", True)),
                capacity_available=body.get("capacity_available"),
                capacity_max=body.get("capacity_max"),
            )
        except (KeyError, ValueError) as exc:
            raise PeerUnavailable("directory") from exc

    async def has_active_offer(self, institution_id: uuid.UUID, service_type_code: str) -> bool:
        response = await self._call(
            "directory",
            "GET",
            f"{self.directory_url}/v1/offers?institution_id={institution_id}"
            f"&service_type={service_type_code}&active=true&limit=1",
            ok=(200,),
        )
        try:
            return bool(self._json("directory", response)["items"])
        except (KeyError, TypeError) as exc:
            raise PeerUnavailable("directory") from exc

    async def user(self, user_id: uuid.UUID) -> UserInfo | None:
        response = await self._call(
            "directory", "GET", f"{self.directory_url}/v1/internal/users/{user_id}", ok=(200, 404)
        )
        if response.status_code == 404:
            return None
        body = self._json("directory", response)
        try:
            return UserInfo(
                id=uuid.UUID(str(body["id"])),
                institution_id=uuid.UUID(str(body["institution_id"])),
                active=bool(body.get("active", True)),
            )
        except (KeyError, ValueError) as exc:
            raise PeerUnavailable("directory") from exc

    async def user_contact(self, user_id: uuid.UUID) -> UserContact | None:
        response = await self._call(
            "directory", "GET", f"{self.directory_url}/v1/internal/users/{user_id}/contact", ok=(200, 404)
        )
        if response.status_code == 404:
            return None
        body = self._json("directory", response)
        try:
            return UserContact(
                id=uuid.UUID(str(body["id"])),
                institution_id=uuid.UUID(str(body["institution_id"])),
                full_name=str(body["full_name"]),
                email=str(body["email"]),
                active=bool(body.get("active", True)),
            )
        except (KeyError, ValueError) as exc:
            raise PeerUnavailable("directory") from exc
