"""In-memory stand-ins for the peers (directory, client registry) and the e-mail sender."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from splot.referrals.emailer import OutgoingEmail
from splot.referrals.peers import (
    AccessState,
    CheckResult,
    InstitutionInfo,
    LegalBasisInfo,
    OccupancyState,
    OfferInfo,
    PeerUnavailable,
    PersonSummary,
    ProgrammeInfo,
    ReferralCheck,
    ServiceTypeInfo,
    UserContact,
    UserInfo,
)
from splot.referrals.peers_partnerships import StandardDeadline

#: The directory's programme catalogue as the tests see it (OLD-EU is no longer active).
PROGRAMMES = {
    "PAI": ProgrammeInfo("PAI", "Program Aktywizacja i Integracja"),
    "CIS-REINTEGRACJA": ProgrammeInfo("CIS-REINTEGRACJA", "Reintegracja w CIS"),
    "OLD-EU": ProgrammeInfo("OLD-EU", "Zakończony projekt EFS", active=False),
}

PUP, SOCIAL, NGO = ("PUP",), ("OPS", "CUS"), ("NGO", "KIS", "CIS")

#: As in the directory's catalogue: code, sensitivity, deadlines and who provides each.
CATALOGUE = {
    "job_placement": ServiceTypeInfo("job_placement", False, provider_types=PUP),
    "vocational_counselling": ServiceTypeInfo("vocational_counselling", False, provider_types=PUP),
    "social_work": ServiceTypeInfo("social_work", False, provider_types=SOCIAL),
    "social_contract": ServiceTypeInfo("social_contract", False, provider_types=SOCIAL),
    "crisis_intervention": ServiceTypeInfo(
        "crisis_intervention", False, 2, 1, provider_types=(*SOCIAL, "PCPR")
    ),
    "kis": ServiceTypeInfo("kis", False, provider_types=("KIS", "NGO", "OPS", "CUS")),
    "cis": ServiceTypeInfo("cis", False, provider_types=("CIS", "NGO")),
    "debt_counselling": ServiceTypeInfo("debt_counselling", False, provider_types=("NGO", *SOCIAL)),
    "addiction_therapy": ServiceTypeInfo("addiction_therapy", True, provider_types=("NGO",)),
    "psychological_counselling": ServiceTypeInfo(
        "psychological_counselling", True, provider_types=(*SOCIAL, "PCPR", "NGO")
    ),
    "retired_type": ServiceTypeInfo("retired_type", False, active=False, provider_types=SOCIAL),
}


_SERVING = ("PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS")

#: As in the directory's legal-basis catalogue: a provision every serving institution may cite for
#: any service type (what most tests use), a narrow one, and one no longer in force.
LEGAL_BASES = {
    "test_statutory": LegalBasisInfo("test_statutory", "art. 1 ustawy testowej", _SERVING),
    "ups_art45_social_work": LegalBasisInfo(
        "ups_art45_social_work",
        "art. 45 ustawy o pomocy społecznej",
        ("OPS", "CUS", "PCPR"),
        ("social_work",),
    ),
    "upz_art62a_pai": LegalBasisInfo(
        "upz_art62a_pai",
        "art. 62a ustawy o promocji zatrudnienia i instytucjach rynku pracy",
        ("PUP", "OPS", "CUS"),
        active=False,
    ),
}


@dataclass
class Consent:
    id: uuid.UUID
    person_id: uuid.UUID
    institution_id: uuid.UUID
    status: str = "active"  # active, withdrawn, expired


@dataclass
class FakePeers:
    institutions: dict[uuid.UUID, InstitutionInfo] = field(default_factory=dict)
    catalogue: dict[str, ServiceTypeInfo] = field(default_factory=lambda: dict(CATALOGUE))
    legal_basis_catalogue: dict[str, LegalBasisInfo] = field(default_factory=lambda: dict(LEGAL_BASES))
    programme_catalogue: dict[str, ProgrammeInfo] = field(default_factory=lambda: dict(PROGRAMMES))
    #: Every occupancy state handed to the directory, in order.
    occupancy: list[OccupancyState] = field(default_factory=list)
    offers: dict[uuid.UUID, OfferInfo] = field(default_factory=dict)
    persons: dict[uuid.UUID, PersonSummary] = field(default_factory=dict)
    consents: dict[uuid.UUID, Consent] = field(default_factory=dict)
    blocked_senders: set[uuid.UUID] = field(default_factory=set)
    users: dict[uuid.UUID, UserInfo] = field(default_factory=dict)
    checks: list[ReferralCheck] = field(default_factory=list)
    #: Every access state handed to the registry, in order.
    access: list[AccessState] = field(default_factory=list)
    #: Names of methods that fail as if the peer were down.
    down: set[str] = field(default_factory=set)
    #: Partnership standards: (sender, receiver, service type) -> the deadline they set.
    standards: dict[tuple[uuid.UUID, uuid.UUID, str], StandardDeadline] = field(default_factory=dict)

    def _maybe_down(self, method: str, peer: str) -> None:
        if method in self.down or peer in self.down:
            raise PeerUnavailable(peer)

    def add_institution(
        self, type: str = "OPS", *, active: bool = True, email: str | None = "biuro@example.org"
    ):
        info = InstitutionInfo(
            id=uuid.uuid4(), type=type, name=f"{type} test", teryt="1219053", active=active, email=email
        )
        self.institutions[info.id] = info
        return info.id

    def add_person(self, status: str = "active", merged_into: uuid.UUID | None = None) -> uuid.UUID:
        person_id = uuid.uuid4()
        self.persons[person_id] = PersonSummary(id=person_id, status=status, merged_into=merged_into)
        return person_id

    def add_consent(
        self, person_id: uuid.UUID, institution_id: uuid.UUID, status: str = "active"
    ) -> uuid.UUID:
        consent = Consent(uuid.uuid4(), person_id, institution_id, status)
        self.consents[consent.id] = consent
        return consent.id

    @property
    def grants(self) -> list[AccessState]:
        """The states that gave (or kept) access."""
        return [a for a in self.access if a.active]

    @property
    def revocations(self) -> list[tuple[uuid.UUID, uuid.UUID, int | None]]:
        """The states that ended access: (referral, receiver, retention days)."""
        return [(a.referral_id, a.institution_id, a.retention_days) for a in self.access if not a.active]

    def add_user(self, institution_id: uuid.UUID, user_id: uuid.UUID | None = None, active: bool = True):
        info = UserInfo(user_id or uuid.uuid4(), institution_id, active)
        self.users[info.id] = info
        return info.id

    def add_offer(
        self,
        institution_id: uuid.UUID,
        service_type_code: str,
        active: bool = True,
        *,
        available: int | None = 3,
        maximum: int | None = None,
    ) -> uuid.UUID:
        offer = OfferInfo(uuid.uuid4(), institution_id, service_type_code, active, available, maximum)
        self.offers[offer.id] = offer
        return offer.id

    def occupied(self, offer_id: uuid.UUID) -> int:
        """Places of the offer the delivered states occupy (the newest state of each referral)."""
        newest: dict[uuid.UUID, OccupancyState] = {}
        for state in self.occupancy:
            if state.referral_id not in newest or state.version > newest[state.referral_id].version:
                newest[state.referral_id] = state
        return sum(1 for s in newest.values() if s.offer_id == offer_id and s.occupying)

    async def institution(self, institution_id):
        self._maybe_down("institution", "directory")
        return self.institutions.get(institution_id)

    async def service_types(self):
        self._maybe_down("service_types", "directory")
        return self.catalogue

    async def legal_bases(self):
        self._maybe_down("legal_bases", "directory")
        return self.legal_basis_catalogue

    async def programmes(self):
        self._maybe_down("programmes", "directory")
        return self.programme_catalogue

    async def put_occupancy(self, state: OccupancyState) -> None:
        self._maybe_down("put_occupancy", "directory")
        self.occupancy.append(state)

    async def offer(self, offer_id):
        self._maybe_down("offer", "directory")
        return self.offers.get(offer_id)

    async def person_summary(self, person_id):
        self._maybe_down("person_summary", "clients")
        return self.persons.get(person_id)

    async def standard_deadline(self, sender_id, receiver_id, service_type_code):
        self._maybe_down("standard_deadline", "directory")
        return self.standards.get((sender_id, receiver_id, service_type_code))

    async def check_referral(self, check: ReferralCheck) -> CheckResult:
        self._maybe_down("check_referral", "clients")
        self.checks.append(check)
        if check.person_id not in self.persons:
            return CheckResult(False, "person_not_found", "no such person")
        if check.sender_institution_id in self.blocked_senders:
            return CheckResult(False, "sender_not_allowed", "the sender may not see this person")
        if check.legal_basis == "statutory":
            return CheckResult(True)
        if check.consent_id is not None:
            consent = self.consents.get(check.consent_id)
        else:
            consent = next(
                (
                    c
                    for c in self.consents.values()
                    if c.person_id == check.person_id
                    and c.institution_id == check.target_institution_id
                    and c.status == "active"
                ),
                None,
            )
        if (
            consent is None
            or consent.person_id != check.person_id
            or consent.institution_id != check.target_institution_id
        ):
            return CheckResult(False, "consent_missing", "no consent covers this target")
        if consent.status != "active":
            return CheckResult(False, f"consent_{consent.status}", "the consent is no longer valid")
        return CheckResult(True, consent_id=consent.id)

    async def put_access(self, state: AccessState) -> None:
        self._maybe_down("put_access", "clients")
        self.access.append(state)

    async def has_active_offer(self, institution_id, service_type_code) -> bool:
        self._maybe_down("has_active_offer", "directory")
        return any(
            o.institution_id == institution_id and o.service_type_code == service_type_code and o.active
            for o in self.offers.values()
        )

    async def user(self, user_id):
        self._maybe_down("user", "directory")
        return self.users.get(user_id)

    async def user_contact(self, user_id):
        self._maybe_down("user_contact", "directory")
        user = self.users.get(user_id)
        if user is None:
            return None
        return UserContact(
            user.id, user.institution_id, f"Pracownik {user.id.hex[:4]}", f"{user.id.hex[:8]}@example.org"
        )


@dataclass
class MemoryEmailSender:
    sent: list[OutgoingEmail] = field(default_factory=list)
    failing: bool = False

    async def send(self, email: OutgoingEmail) -> None:
        if self.failing:
            raise ConnectionError("smtp down")
        self.sent.append(email)
