"""Demo data for the embedded mode: a few hundred synthetic, fictional persons.

Names and addresses come from Faker (pl_PL) with a fixed seed; PESEL numbers are computed from the
birth date, sex and a serial with a valid check digit. Faker is the optional extra ``demo``
(``splot-clients[demo]``, which the embedded app depends on), imported only when demo data is
made: the service image does not install it. Ids are uuid5 of stable keys, so the
referrals demo can refer to these persons. Idempotent: a no-op when the persons already exist.
Rows are written directly (there is no acting user) with the events the API would emit.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import events, identity
from splot.clients.casework.demo import DemoPlanAction, seed_casework
from splot.clients.models import AttributeChange, CaseAttribute, Consent, ExternalRef, Person, Registration
from splot.common import teryt

if TYPE_CHECKING:
    from faker import Faker

DEMO_NAMESPACE = uuid.UUID("7c0d2a41-3b5e-4f6a-8e21-9d4c5b6a7e02")
PERSON_COUNT = 300
SEED = 20260101
DEMO_SUBJECT = "demo-seed"

#: Relative weight of institution types as registrants (others never register demo persons).
_REGISTRANT_WEIGHTS = {"PUP": 10, "OPS": 9, "CUS": 5, "NGO": 1, "CIS": 1, "KIS": 1}
_RECIPIENT_TYPES = ("NGO", "CIS", "KIS")
_EDUCATION = (
    "primary",
    "lower_secondary",
    "basic_vocational",
    "secondary_general",
    "secondary_vocational",
    "higher",
)


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


@dataclass(frozen=True)
class DemoInstitutionRef:
    """An institution of the directory's demo data, as the clients demo needs it."""

    id: uuid.UUID
    key: str
    type: str
    teryt: str


@dataclass(frozen=True)
class DemoPerson:
    id: uuid.UUID
    key: str
    institution_id: uuid.UUID
    institution_key: str
    #: Other institutions that registered the person too (shared clients).
    also_registered_by: tuple[uuid.UUID, ...] = ()


@dataclass
class DemoClients:
    created: bool
    persons: list[DemoPerson] = field(default_factory=list)
    #: Open actions of the demo's individual plans (only on the first run, when they are made).
    plan_actions: list[DemoPlanAction] = field(default_factory=list)


@dataclass
class _Plan:
    person: dict[str, Any]
    demo: DemoPerson
    attributes: list[tuple[uuid.UUID, str, Any]]
    consents: list[dict[str, Any]]


def _faker() -> Faker:
    """Faker (pl_PL), imported here: it is the optional extra ``demo``, not a service dependency."""
    try:
        from faker import Faker
    except ModuleNotFoundError as exc:
        if exc.name != "faker":
            raise
        raise RuntimeError(
            "demo data needs Faker, the optional extra 'demo' of splot-clients: install "
            "splot-clients[demo] (the embedded app does; `make install` in the repository)"
        ) from exc
    return Faker("pl_PL")


def _gminas_near(code: str) -> list[str]:
    register = teryt.register()
    gminas = [t.code for t in register.list(level=teryt.Level.gmina, parent=code[:4])]
    return gminas or ["1219053"]


def _plan(institutions: list[DemoInstitutionRef]) -> list[_Plan]:
    registrants = [i for i in institutions if i.type in _REGISTRANT_WEIGHTS]
    if not registrants:
        return []
    recipients = [i for i in institutions if i.type in _RECIPIENT_TYPES]
    social = [i for i in institutions if i.type in ("OPS", "CUS")]
    weights = [_REGISTRANT_WEIGHTS[i.type] for i in registrants]
    rng = random.Random(SEED)  # noqa: S311 - deterministic demo data, not a secret
    fake = _faker()
    fake.seed_instance(SEED)
    register = teryt.register()
    plans: list[_Plan] = []
    # One random sequence for the whole plan: the helpers draw from it in a fixed order.
    for n in range(PERSON_COUNT):
        key = f"person-{n:04d}"
        owner = rng.choices(registrants, weights)[0]
        person = _person(n, key, owner, rng=rng, fake=fake, register=register)
        also: list[uuid.UUID] = []
        if owner.type == "PUP" and social and rng.random() < 0.25:
            also.append(rng.choice(social).id)
        attributes = _attributes(owner, also, rng=rng)
        consents = _consents(n, key, owner, recipients, rng=rng)
        demo = DemoPerson(person["id"], key, owner.id, owner.key, tuple(also))
        plans.append(_Plan(person, demo, attributes, consents))
    return plans


def _person(
    n: int, key: str, owner: DemoInstitutionRef, *, rng: random.Random, fake: Faker, register: teryt.Register
) -> dict[str, Any]:
    """The person's row: identity, address in or near the owner's gmina, contact data."""
    sex = rng.choice("FM")
    first = fake.first_name_female() if sex == "F" else fake.first_name_male()
    last = fake.last_name_female() if sex == "F" else fake.last_name_male()
    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 46))
    foreign = rng.random() < 0.08
    gmina = owner.teryt if register.is_gmina(owner.teryt) else rng.choice(_gminas_near(owner.teryt))
    if rng.random() < 0.3:
        gmina = rng.choice(_gminas_near(owner.teryt))
    territory = register.get(gmina)
    email_local = f"{identity.normalise_name(first)}.{identity.normalise_name(last)}".replace(" ", "-")
    person = {
        "id": demo_id("person", key),
        "pesel": None if foreign else identity.make_pesel(birth, sex, n),
        "document_number": f"FX{rng.randrange(10**6):06d}{n:03d}" if foreign else None,
        "citizenship": "UA" if foreign else "PL",
        "first_name": first,
        "last_name": last,
        "first_name_norm": identity.normalise_name(first),
        "last_name_norm": identity.normalise_name(last),
        "birth_date": birth,
        "birth_year": birth.year,
        "sex": sex,
        "street": f"{fake.street_name()} {rng.randint(1, 120)}",
        "postal_code": f"{rng.randint(30, 34)}-{rng.randint(0, 999):03d}",
        "city": territory.name if territory else None,
        "gmina": gmina,
        "phone": f"+48 {rng.randint(500, 899)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "email": f"{email_local}.{n}@example.com",
        "preferred_contact": rng.choice(("phone", "email", "in_person")),
        "registered_by_institution_id": owner.id,
    }
    return person


def _attributes(
    owner: DemoInstitutionRef, also: list[uuid.UUID], *, rng: random.Random
) -> list[tuple[uuid.UUID, str, Any]]:
    """Case attributes the PUP and the OPS/CUS (owner or co-registrant) recorded."""
    attributes: list[tuple[uuid.UUID, str, Any]] = []
    if owner.type == "PUP":
        since = date(2025, 1, 1) + timedelta(days=rng.randrange(500))
        attributes += [
            (owner.id, "education_level", rng.choice(_EDUCATION)),
            (owner.id, "unemployment_status", "registered_unemployed"),
            (owner.id, "unemployed_since", since.isoformat()),
        ]
        if rng.random() < 0.3:
            attributes.append((owner.id, "long_term_unemployed", True))
    if owner.type in ("OPS", "CUS") or also:
        ops = owner.id if owner.type in ("OPS", "CUS") else also[0]
        attributes += [
            (ops, "social_assistance_status", rng.choice(("applicant", "beneficiary", "beneficiary"))),
            (ops, "household_size", rng.randint(1, 6)),
        ]
        if rng.random() < 0.12:
            attributes.append((ops, "disability_degree", rng.choice(("mild", "moderate", "severe"))))
        if rng.random() < 0.06:
            attributes.append((ops, "addiction_therapy", True))
    return attributes


def _consents(
    n: int, key: str, owner: DemoInstitutionRef, recipients: list[DemoInstitutionRef], *, rng: random.Random
) -> list[dict[str, Any]]:
    """A referral consent for about a quarter of the persons."""
    consents: list[dict[str, Any]] = []
    if recipients and rng.random() < 0.25:
        given = datetime(2025, 10, 1, 9, 0, tzinfo=UTC) + timedelta(days=rng.randrange(60), minutes=n)
        by_type = rng.random() < 0.3
        consents.append(
            {
                "id": demo_id("consent", key),
                "purpose": "referral",
                "recipient_institution_id": None if by_type else rng.choice(recipients).id,
                "recipient_institution_type": "NGO" if by_type else None,
                "covers_sensitive": rng.random() < 0.3,
                "given_at": given,
                "expires_at": given + timedelta(days=730),
                "evidence_reference": f"ZGODA/{given.year}/{n:04d}",
                "recorded_by_institution_id": owner.id,
            }
        )
    return consents


async def seed(session: AsyncSession, *, institutions: list[DemoInstitutionRef]) -> DemoClients:
    plans = _plan(institutions)
    if not plans:
        return DemoClients(created=False)
    persons = [p.demo for p in plans]
    if await session.get(Person, plans[0].person["id"]) is not None:
        return DemoClients(created=False, persons=persons)
    for plan in plans:
        person = Person(**plan.person)
        session.add(person)
        await session.flush()
        session.add(
            Registration(
                person_id=person.id,
                institution_id=person.registered_by_institution_id,
                registered_by=DEMO_SUBJECT,
                how="created",
            )
        )
        session.add(
            ExternalRef(
                institution_id=person.registered_by_institution_id,
                external_id=plan.demo.key,
                person_id=person.id,
            )
        )
        await events.person_event(session, "person.created", person)
        for other in plan.demo.also_registered_by:
            session.add(
                Registration(
                    person_id=person.id, institution_id=other, registered_by=DEMO_SUBJECT, how="identifier"
                )
            )
            await events.person_event(session, "person.registered", person, institution_id=str(other))
        for institution_id, code, value in plan.attributes:
            session.add(
                CaseAttribute(
                    person_id=person.id,
                    institution_id=institution_id,
                    code=code,
                    value=value,
                    recorded_by=DEMO_SUBJECT,
                )
            )
            session.add(
                AttributeChange(
                    person_id=person.id,
                    institution_id=institution_id,
                    code=code,
                    change="recorded",
                    value=value,
                    changed_by=DEMO_SUBJECT,
                )
            )
        for values in plan.consents:
            consent = Consent(person_id=person.id, recorded_by=DEMO_SUBJECT, **values)
            session.add(consent)
            await session.flush()
            await events.consent_event(session, "consent.given", consent)
    await session.flush()
    plan_actions = await seed_casework(session, persons=persons, institutions=institutions)
    return DemoClients(created=True, persons=persons, plan_actions=plan_actions)
