"""Demo data for the embedded mode: real powiats and TERYT codes, fictional NGOs and people.

Idempotent: does nothing when the demo institutions already exist. Ids are derived from stable
names, so other services' demo data can refer to these institutions and users.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.events import emit
from splot.directory import api_clients, service
from splot.directory.models import (
    AgreementConfirmation,
    Institution,
    PartnershipAgreement,
    ServiceOffer,
    User,
)
from splot.directory.partnerships import demo as partnerships_demo
from splot.directory.partnerships import recorded
from splot.directory.security import hash_password

DEMO_NAMESPACE = uuid.UUID("5b1e7a52-4f0e-4c7e-9a53-7370c0d0e001")
DEMO_PASSWORD = "Splot-demo-2026"


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


@dataclass(frozen=True)
class DemoInstitution:
    key: str
    type: str
    name: str
    teryt: str
    city: str
    postal_code: str
    street: str
    regon: str | None = None
    offers: tuple[tuple[str, str, int | None, int | None], ...] = ()
    users: tuple[tuple[str, tuple[str, ...], str, str | None], ...] = ()

    @property
    def id(self) -> uuid.UUID:
        return demo_id("institution", self.key)


CW, CO, ADM = ("caseworker",), ("coordinator",), ("institution_admin",)

INSTITUTIONS: tuple[DemoInstitution, ...] = (
    DemoInstitution(
        "pup-wieliczka",
        "PUP",
        "Powiatowy Urząd Pracy w Wieliczce",
        "1219053",
        "Wieliczka",
        "32-020",
        "ul. Przykładowa 1",
        offers=(
            ("job_placement", "Pośrednictwo pracy", None, None),
            ("vocational_counselling", "Doradztwo zawodowe", 12, 20),
            ("training", "Szkolenia grupowe", 8, 30),
            ("traineeship", "Staże u pracodawców", 5, 25),
        ),
        users=(
            ("pup@splot.example", CW, "Anna Doradczyni", None),
            ("pup.koordynator@splot.example", CO, "Piotr Kierownik", None),
            ("pup.admin@splot.example", ADM, "Maria Administratorka", None),
        ),
    ),
    DemoInstitution(
        "mgops-wieliczka",
        "OPS",
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce",
        "1219053",
        "Wieliczka",
        "32-020",
        "ul. Testowa 5",
        offers=(
            ("social_work", "Praca socjalna", None, None),
            ("social_contract", "Kontrakt socjalny", 15, 40),
            ("family_assistant", "Asystent rodziny", 2, 10),
            ("socially_useful_work", "Prace społecznie użyteczne", 6, 15),
        ),
        users=(
            ("ops@splot.example", CW, "Katarzyna Pracownik-Socjalna", None),
            ("ops.koordynator@splot.example", CO, "Tomasz Koordynator", None),
            ("ops.admin@splot.example", ADM, "Ewa Administratorka", None),
        ),
    ),
    DemoInstitution(
        "ops-niepolomice",
        "OPS",
        "Ośrodek Pomocy Społecznej w Niepołomicach",
        "1219043",
        "Niepołomice",
        "32-005",
        "ul. Przykładowa 12",
        offers=(
            ("social_work", "Praca socjalna", None, None),
            ("crisis_intervention", "Interwencja kryzysowa", 3, 5),
        ),
        users=(("ops.niepolomice@splot.example", CW, "Joanna Pracownik", None),),
    ),
    DemoInstitution(
        "cus-gdow",
        "CUS",
        "Centrum Usług Społecznych w Gdowie",
        "1219022",
        "Gdów",
        "32-420",
        "Rynek 1",
        offers=(
            ("social_work", "Praca socjalna i koordynacja usług", None, None),
            ("care_services", "Usługi opiekuńcze", 4, 12),
        ),
        users=(("cus@splot.example", CO, "Agnieszka Koordynatorka", None),),
    ),
    DemoInstitution(
        "gup-krakow",
        "PUP",
        "Grodzki Urząd Pracy w Krakowie",
        "1261011",
        "Kraków",
        "31-000",
        "ul. Przykładowa 100",
        offers=(("job_placement", "Pośrednictwo pracy", None, None), ("training", "Szkolenia", 20, 60)),
        users=(("gup@splot.example", CW, "Michał Doradca", None),),
    ),
    DemoInstitution(
        "mops-krakow",
        "OPS",
        "Miejski Ośrodek Pomocy Społecznej w Krakowie",
        "1261011",
        "Kraków",
        "31-001",
        "ul. Testowa 20",
        offers=(("social_work", "Praca socjalna", None, None),),
        users=(("mops@splot.example", CW, "Barbara Pracownik", None),),
    ),
    DemoInstitution(
        "fundacja-wspolny-krok",
        "NGO",
        "Fundacja Wspólny Krok",
        "1219053",
        "Wieliczka",
        "32-020",
        "ul. Zmyślona 3",
        offers=(
            ("kis", "Klub Integracji Społecznej „Krok po kroku”", 4, 15),
            ("vocational_counselling", "Coaching zawodowy", 6, 10),
        ),
        users=(
            ("ngo@splot.example", CW, "Zofia Trenerka", None),
            ("ngo.koordynator@splot.example", CO, "Jan Prezes", None),
            ("ngo.admin@splot.example", ADM, "Olga Administratorka", None),
        ),
    ),
    DemoInstitution(
        "stowarzyszenie-nowy-start",
        "CIS",
        "Centrum Integracji Społecznej Stowarzyszenia Nowy Start",
        "1219043",
        "Niepołomice",
        "32-005",
        "ul. Fikcyjna 8",
        offers=(("cis", "Reintegracja społeczna i zawodowa (CIS)", 0, 25),),
        users=(("cis@splot.example", CO, "Robert Kierownik-CIS", None),),
    ),
    DemoInstitution(
        "fundacja-dobry-adres",
        "NGO",
        "Fundacja Dobry Adres",
        "1261011",
        "Kraków",
        "31-002",
        "ul. Zmyślona 9",
        offers=(
            ("debt_counselling", "Poradnictwo dłużnicze", 10, 20),
            ("housing_support", "Wsparcie w najmie", 2, 8),
        ),
        users=(("dobryadres@splot.example", CW, "Krzysztof Doradca-Dłużniczy", None),),
    ),
    DemoInstitution(
        "stowarzyszenie-wolni",
        "NGO",
        "Stowarzyszenie Wolni od Nałogu",
        "1219053",
        "Wieliczka",
        "32-020",
        "ul. Fikcyjna 2",
        offers=(
            ("addiction_therapy", "Terapia uzależnień — grupa wsparcia", 3, 12),
            ("mental_health_support", "Wsparcie psychologiczne", 5, 10),
        ),
        users=(("wolni@splot.example", CW, "Halina Terapeutka", None),),
    ),
    DemoInstitution(
        "wup-krakow",
        "WUP",
        "Wojewódzki Urząd Pracy w Krakowie",
        "1261011",
        "Kraków",
        "31-003",
        "ul. Przykładowa 7",
        users=(("wup.analityk@splot.example", ("analyst",), "Adam Analityk-Regionalny", "12"),),
    ),
    DemoInstitution(
        "rops-krakow",
        "ROPS",
        "Regionalny Ośrodek Polityki Społecznej w Krakowie",
        "1261011",
        "Kraków",
        "31-004",
        "ul. Testowa 40",
        users=(("rops.analityk@splot.example", ("analyst",), "Beata Analityczka", "1219"),),
    ),
    DemoInstitution(
        "ministerstwo",
        "MINISTRY",
        "Ministerstwo Rodziny, Pracy i Polityki Społecznej",
        "1465011",
        "Warszawa",
        "00-513",
        "ul. Nowogrodzka 1/3/5",
        users=(
            ("analityk@splot.example", ("analyst",), "Celina Analityczka-Krajowa", ""),
            ("audytor@splot.example", ("auditor",), "Dariusz Inspektor-Ochrony-Danych", None),
            ("admin@splot.example", ("system_admin",), "Administrator Systemu", None),
        ),
    ),
)

AGREEMENTS = (
    (
        "porozumienie-wieliczka",
        "Porozumienie o współpracy na rzecz aktywizacji społeczno-zawodowej",
        "PUP-WIE/2026/01",
        "Wspólna diagnoza, skierowania i monitoring klientów PUP i OPS (model WRZOS).",
        date(2026, 1, 1),
        None,
        (
            "pup-wieliczka",
            "mgops-wieliczka",
            "ops-niepolomice",
            "fundacja-wspolny-krok",
            "stowarzyszenie-nowy-start",
        ),
    ),
    (
        "porozumienie-krakow",
        "Porozumienie o współpracy PUP–OPS w Krakowie",
        "GUP-KRK/2025/07",
        "Wymiana informacji o klientach wspólnych i skierowania do usług.",
        date(2025, 7, 1),
        date(2027, 6, 30),
        ("gup-krakow", "mops-krakow", "fundacja-dobry-adres"),
    ),
)

#: The service identities of the other Splot services (embedded mode) and their scopes.
SERVICE_CLIENTS = {
    "clients": ["events:read", "directory:read"],
    "referrals": ["events:read", "clients:internal", "directory:read", "directory:occupancy"],
    "reporting": ["events:read"],
}


@dataclass
class DemoLogin:
    email: str
    roles: tuple[str, ...]
    institution: str


@dataclass
class DemoDirectory:
    created: bool
    logins: list[DemoLogin] = field(default_factory=list)


def logins() -> list[DemoLogin]:
    return [DemoLogin(email, roles, inst.name) for inst in INSTITUTIONS for email, roles, _, _ in inst.users]


async def seed(session: AsyncSession, *, service_secrets: dict[str, str]) -> DemoDirectory:
    await _seed_service_clients(session, service_secrets)
    if await session.get(Institution, INSTITUTIONS[0].id) is not None:
        return DemoDirectory(created=False, logins=logins())
    # Rows are written directly (the demo has no acting user), but with the same events the API
    # would emit, so that the reporting service learns about them from the feed as usual.
    password_hash = hash_password(DEMO_PASSWORD)
    for spec in INSTITUTIONS:
        await _seed_institution(session, spec)
    for spec in INSTITUTIONS:
        for code, name, available, maximum in spec.offers:
            await _seed_offer(session, spec, code, name, available, maximum)
        _add_users(session, spec, password_hash)
    for agreement in AGREEMENTS:
        await _seed_agreement(session, *agreement)
    await partnerships_demo.seed(session, demo_id=demo_id, today=utcnow().date())
    return DemoDirectory(created=True, logins=logins())


async def _seed_service_clients(session: AsyncSession, service_secrets: dict[str, str]) -> None:
    """The other services' identities, on every run (an existing one is keyed again with its secret)."""
    for client_id, scopes in SERVICE_CLIENTS.items():
        if client_id in service_secrets:
            await api_clients.create_service_client(
                session,
                client_id=client_id,
                name=f"Splot {client_id} service",
                scopes=scopes,
                secret=service_secrets[client_id],
            )


async def _seed_institution(session: AsyncSession, spec: DemoInstitution) -> None:
    inst = Institution(
        id=spec.id,
        type=spec.type,
        name=spec.name,
        teryt=spec.teryt,
        city=spec.city,
        postal_code=spec.postal_code,
        street=spec.street,
        email=f"kontakt@{spec.key}.splot.example",
    )
    session.add(inst)
    await session.flush()
    await emit(
        session,
        "institution.created",
        aggregate_type="institution",
        aggregate_id=inst.id,
        payload=service.institution_event_payload(inst),
    )


async def _seed_offer(
    session: AsyncSession,
    spec: DemoInstitution,
    code: str,
    name: str,
    available: int | None,
    maximum: int | None,
) -> None:
    offer = ServiceOffer(
        id=demo_id("offer", f"{spec.key}:{code}"),
        institution_id=spec.id,
        service_type_code=code,
        name=name,
        teryt=spec.teryt,
        city=spec.city,
        capacity_available=available,
        capacity_max=maximum,
        capacity_updated_at=utcnow() if maximum is not None else None,
        eligibility_note="Osoby skierowane przez partnerów porozumienia." if maximum else None,
    )
    session.add(offer)
    await session.flush()
    await emit(
        session,
        "offer.created",
        aggregate_type="offer",
        aggregate_id=offer.id,
        payload=service.offer_event_payload(offer),
    )


def _add_users(session: AsyncSession, spec: DemoInstitution, password_hash: str) -> None:
    """The institution's staff (written with the next flush; users emit no events)."""
    for email, roles, full_name, analyst_scope in spec.users:
        session.add(
            User(
                id=demo_id("user", email),
                institution_id=spec.id,
                email=email,
                full_name=full_name,
                roles=list(roles),
                analyst_scope=analyst_scope,
                password_hash=password_hash,
            )
        )


async def _seed_agreement(
    session: AsyncSession,
    key: str,
    title: str,
    number: str,
    scope: str,
    valid_from: date,
    valid_to: date | None,
    parties: tuple[str, ...],
) -> None:
    by_key = {spec.key: spec for spec in INSTITUTIONS}
    party_objs = [await session.get(Institution, by_key[p].id) for p in parties]
    agreement = PartnershipAgreement(
        id=demo_id("agreement", key),
        title=title,
        document_number=number,
        scope=scope,
        valid_from=valid_from,
        valid_to=valid_to,
        created_by_institution_id=by_key[parties[0]].id,
        parties=party_objs,
        # Signed on paper before Splot: recorded as confirmed by every party on its first day.
        confirmations=[
            AgreementConfirmation(
                institution_id=by_key[p].id,
                confirmed_by_subject="operator",
                confirmed_by_role="coordinator",
                confirmed_at=datetime(valid_from.year, valid_from.month, valid_from.day, tzinfo=UTC),
            )
            for p in parties
        ],
        confirmed_on=valid_from,
    )
    session.add(agreement)
    await session.flush()
    await emit(
        session,
        "agreement.created",
        aggregate_type="agreement",
        aggregate_id=agreement.id,
        payload=recorded.agreement_event_payload(agreement),
    )
