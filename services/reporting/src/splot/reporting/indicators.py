"""Named indicators that are not plain sums of the referral cubes: shared clients (distinct
persons), the cooperation index per powiat, the cooperation network and an institution's partners.
All return protected values only."""

from __future__ import annotations

import uuid
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, Subquery, case, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.reporting import cubes
from splot.reporting.catalogue import NGO_TYPES, OPS_TYPES, SECTORS
from splot.reporting.models import (
    AgreementDim,
    InstitutionDim,
    PersonContact,
    PersonDim,
    ReferralFact,
    SourceCursor,
    agreement_party,
)
from splot.reporting.periods import MonthRange, Period
from splot.reporting.scopes import Scope
from splot.reporting.suppression import SUPPRESSED, Cell, Policy

SECTOR_PAIRS = (frozenset({"PUP", "OPS"}), frozenset({"PUP", "NGO"}), frozenset({"OPS", "NGO"}))


def period_months(period: Period) -> MonthRange:
    return MonthRange(period.first_month, period.last_month)


def period_end(period: Period) -> date:
    year, month = period.last_month
    return date(year, month, monthrange(year, month)[1])


# --- as of ---------------------------------------------------------------------------------------


async def as_of(session: AsyncSession) -> dict[str, Any]:
    """How current the data is: per source, the cursor, the feed head and the last good poll."""
    cursors = (await session.scalars(select(SourceCursor).order_by(SourceCursor.source))).all()
    sources = [
        {
            "source": c.source,
            "last_seq": c.last_seq,
            "head_seq": c.head_seq,
            "lag": max(0, c.head_seq - c.last_seq),
            "last_success_at": c.last_success_at,
            "last_error_at": c.last_error_at,
            "consecutive_failures": c.consecutive_failures or 0,
        }
        for c in cursors
    ]
    polls = [c.last_success_at for c in cursors if c.last_success_at is not None]
    return {"generated_at": utcnow(), "data_as_of": min(polls) if polls else None, "sources": sources}


# --- shared clients --------------------------------------------------------------------------------

SHARED_MEASURES = (
    "persons_served",
    "persons_pup_ops",
    "persons_pup_ngo",
    "persons_ops_ngo",
    "persons_pup_ops_ngo",
)


def _sectors_per_person(months: MonthRange, scope: Scope) -> Subquery:
    """Per pseudonym: whether a PUP, an OPS or an NGO served the person in the months (0/1), and
    whether the scope's own institution did (always 1 outside institution scopes)."""
    f = ReferralFact.__table__
    c = PersonContact.__table__
    i = InstitutionDim.__table__
    counted = (f.c.person_pseudonym.is_not(None), months.clause(f.c.sent_year, f.c.sent_month))
    contacts = union_all(
        select(
            f.c.person_pseudonym.label("pseudonym"), f.c.sender_institution_id.label("institution_id")
        ).where(*counted),
        select(f.c.person_pseudonym, f.c.target_institution_id).where(*counted),
        select(c.c.pseudonym, c.c.institution_id).where(months.clause(c.c.year, c.c.month)),
    ).subquery("contacts")
    own = (
        case((contacts.c.institution_id == scope.institution_id, 1), else_=0)
        if scope.is_institution
        else literal(1)
    )
    return (
        select(
            contacts.c.pseudonym,
            func.max(case((i.c.type == "PUP", 1), else_=0)).label("pup"),
            func.max(case((i.c.type.in_(OPS_TYPES), 1), else_=0)).label("ops"),
            func.max(case((i.c.type.in_(NGO_TYPES), 1), else_=0)).label("ngo"),
            func.max(own).label("own"),
        )
        .select_from(contacts.join(i, i.c.id == contacts.c.institution_id))
        .group_by(contacts.c.pseudonym)
        .subquery("pp")
    )


def _shared_counts(per_person: Subquery, *, level: str, scope: Scope) -> Select[Any]:
    """Persons counted per territory of residence at ``level``, for every combination of sectors."""
    p = PersonDim.__table__
    width = {"national": 0, "voivodeship": 2, "powiat": 4}[level]
    territory = func.coalesce(func.substr(p.c.gmina, 1, width), "unknown") if width else literal("")
    where = [per_person.c.own == 1]
    if scope.territory and not scope.is_institution:
        where.append(p.c.gmina.startswith(scope.territory, autoescape=True))
    inner = (
        select(territory.label("territory"), per_person.c.pup, per_person.c.ops, per_person.c.ngo)
        .select_from(per_person.outerjoin(p, p.c.pseudonym == per_person.c.pseudonym))
        .where(*where)
        .subquery("t")
    )
    return select(
        inner.c.territory,
        func.count().label("persons_served"),
        func.sum(inner.c.pup * inner.c.ops).label("persons_pup_ops"),
        func.sum(inner.c.pup * inner.c.ngo).label("persons_pup_ngo"),
        func.sum(inner.c.ops * inner.c.ngo).label("persons_ops_ngo"),
        func.sum(inner.c.pup * inner.c.ops * inner.c.ngo).label("persons_pup_ops_ngo"),
    ).group_by(inner.c.territory)


async def shared_clients(
    session: AsyncSession, *, period: Period, level: str, scope: Scope, policy: Policy
) -> list[dict[str, Any]]:
    """Distinct persons served in the period by each combination of sectors, by the person's
    territory of residence (persons with no recorded gmina count only nationally)."""
    per_person = _sectors_per_person(period_months(period), scope)
    rows = (await session.execute(_shared_counts(per_person, level=level, scope=scope))).all()
    out = []
    for row in sorted(rows, key=lambda r: r[0]):
        totals = dict(zip(SHARED_MEASURES, (int(v or 0) for v in row[1:]), strict=True))
        values = {name: policy.count(totals[name]) for name in SHARED_MEASURES}
        values["pup_ops_share"] = policy.ratio(totals["persons_pup_ops"], totals["persons_served"])
        values["pup_ops_ngo_share"] = policy.ratio(totals["persons_pup_ops_ngo"], totals["persons_served"])
        out.append({"period": period.label, "territory": row[0] or None, "values": values})
    return out


# --- institution flows (cooperation index, network, partners) ---------------------------------


@dataclass(frozen=True)
class Node:
    id: uuid.UUID
    name: str
    type: str
    powiat_code: str
    voivodeship_code: str


async def _institutions(session: AsyncSession, ids: set[uuid.UUID] | None = None) -> dict[uuid.UUID, Node]:
    statement = select(InstitutionDim)
    if ids is not None:
        if not ids:
            return {}
        statement = statement.where(InstitutionDim.id.in_(ids))
    rows = (await session.scalars(statement)).all()
    return {r.id: Node(r.id, r.name, r.type, r.powiat_code, r.voivodeship_code) for r in rows}


async def _flows(
    session: AsyncSession,
    *,
    months: MonthRange,
    service_type: str | None = None,
    touching: uuid.UUID | None = None,
    territory: str = "",
) -> dict[tuple[uuid.UUID, uuid.UUID], dict[str, int]]:
    table = cubes.INSTITUTION.table
    s = InstitutionDim.__table__.alias("si")
    t = InstitutionDim.__table__.alias("ti")
    statement = (
        select(
            table.c.sender_institution_id,
            table.c.target_institution_id,
            func.sum(table.c.referrals),
            func.sum(table.c.responded),
            func.sum(table.c.accepted),
            func.sum(table.c.completed),
        )
        .select_from(
            table.outerjoin(s, s.c.id == table.c.sender_institution_id).outerjoin(
                t, t.c.id == table.c.target_institution_id
            )
        )
        .where(months.clause(table.c.year, table.c.month))
        .group_by(table.c.sender_institution_id, table.c.target_institution_id)
    )
    if service_type:
        statement = statement.where(table.c.service_type == service_type)
    if touching is not None:
        statement = statement.where(
            or_(table.c.sender_institution_id == touching, table.c.target_institution_id == touching)
        )
    if territory:
        statement = statement.where(
            or_(s.c.powiat_code.startswith(territory), t.c.powiat_code.startswith(territory))
        )
    rows = (await session.execute(statement)).all()
    return {
        (r[0], r[1]): {
            "referrals": int(r[2] or 0),
            "responded": int(r[3] or 0),
            "accepted": int(r[4] or 0),
            "completed": int(r[5] or 0),
        }
        for r in rows
    }


async def _agreements_in_force(session: AsyncSession, day: date) -> list[set[uuid.UUID]]:
    """The parties of each agreement in force on ``day``: confirmed by all, within its dates."""
    a = AgreementDim.__table__
    rows = (
        await session.execute(
            select(agreement_party.c.agreement_id, agreement_party.c.institution_id)
            .join(a, a.c.id == agreement_party.c.agreement_id)
            .where(a.c.valid_from <= day, or_(a.c.valid_to.is_(None), a.c.valid_to >= day))
            # Only agreements every party had confirmed by then and that had not ended.
            .where(a.c.confirmed_on <= day, or_(a.c.ended_on.is_(None), a.c.ended_on > day))
        )
    ).all()
    parties: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for agreement_id, institution_id in rows:
        parties[agreement_id].add(institution_id)
    return list(parties.values())


_Edges = dict[tuple[uuid.UUID, uuid.UUID], int]


def _edges_per_powiat(
    flows: dict[tuple[uuid.UUID, uuid.UUID], dict[str, int]],
    institutions: dict[uuid.UUID, Node],
    powiats: set[str],
) -> dict[str, _Edges]:
    """Referrals per (sender, target), under the powiat of either end (both, if they differ)."""
    per_powiat: dict[str, _Edges] = defaultdict(dict)
    for (sender, target), values in flows.items():
        for inst in {sender, target}:
            node = institutions.get(inst)
            if node is not None and node.powiat_code in powiats:
                per_powiat[node.powiat_code][(sender, target)] = values["referrals"]
    return per_powiat


def _cooperation_components(
    edges: _Edges, institutions: dict[uuid.UUID, Node], parties_here: list[set[uuid.UUID]]
) -> tuple[int, dict[str, float]]:
    """The number of active pairs of a powiat and the four 0-1 components of its index."""
    pairs = {frozenset(k) for k, n in edges.items() if n > 0 and k[0] != k[1]}
    reciprocal = {pair for pair in pairs if all((a, b) in edges for a in pair for b in pair if a != b)}

    def sector(inst: uuid.UUID) -> str | None:
        node = institutions.get(inst)
        return SECTORS.get(node.type) if node else None

    sector_pairs = {frozenset({sector(a), sector(b)}) for a, b in (tuple(p) for p in pairs)}
    ngo_pairs = {pair for pair in pairs if any(sector(i) == "NGO" for i in pair)}
    covered = {pair for pair in pairs if any(pair <= parties for parties in parties_here)}
    return len(pairs), {
        "sector_coverage": sum(1 for sp in SECTOR_PAIRS if sp in sector_pairs) / len(SECTOR_PAIRS),
        "reciprocity": len(reciprocal) / len(pairs) if pairs else 0.0,
        "ngo_involvement": len(ngo_pairs) / len(pairs) if pairs else 0.0,
        "agreement_coverage": len(covered) / len(pairs) if pairs else 0.0,
    }


def _cooperation_row(
    *,
    period: Period,
    powiat: str,
    edges: _Edges,
    institutions: dict[uuid.UUID, Node],
    agreements: list[set[uuid.UUID]],
    policy: Policy,
) -> dict[str, Any]:
    """One powiat's row; every component is blank when its referral count is not published."""
    referrals = sum(edges.values())
    parties_here = [
        parties
        for parties in agreements
        if any(institutions.get(i) and institutions[i].powiat_code == powiat for i in parties)
    ]
    cell_referrals = policy.count(referrals)
    row: dict[str, Any] = {
        "period": period.label,
        "powiat": powiat,
        "agreements_in_force": len(parties_here),
    }
    if referrals == 0 or cell_referrals.suppressed:
        blank = Cell(None, cell_referrals.suppressed)
        row.update(
            referrals=cell_referrals,
            active_pairs=blank,
            reciprocity=blank,
            sector_coverage=blank,
            ngo_involvement=blank,
            agreement_coverage=blank,
            cooperation_index=blank,
        )
    else:
        active_pairs, components = _cooperation_components(edges, institutions, parties_here)
        index = round(100 * sum(components.values()) / len(components), 1)
        row.update(
            referrals=cell_referrals,
            active_pairs=Cell(active_pairs, False),
            cooperation_index=Cell(index, False),
            **{k: Cell(round(v, 4), False) for k, v in components.items()},
        )
    return row


async def cooperation_index(
    session: AsyncSession, *, period: Period, scope: Scope, policy: Policy
) -> list[dict[str, Any]]:
    """Per powiat: institution pairs cooperating through referrals, their reciprocity, the three
    sectors' coverage, NGO involvement and agreements in force, combined into a 0-100 index."""
    territory = scope.territory if not scope.is_institution else ""
    flows = await _flows(session, months=period_months(period), territory=territory)
    institutions = await _institutions(session)
    agreements = await _agreements_in_force(session, period_end(period))
    if scope.is_institution:
        own = institutions.get(scope.institution_id) if scope.institution_id else None
        if own is None:
            return []
        powiats = {own.powiat_code}
    else:
        powiats = {n.powiat_code for n in institutions.values() if n.powiat_code.startswith(territory)}
    per_powiat = _edges_per_powiat(flows, institutions, powiats)
    return [
        _cooperation_row(
            period=period,
            powiat=powiat,
            edges=per_powiat.get(powiat, {}),
            institutions=institutions,
            agreements=agreements,
            policy=policy,
        )
        for powiat in sorted(powiats)
    ]


async def network(
    session: AsyncSession,
    *,
    period: Period,
    scope: Scope,
    policy: Policy,
    service_type: str | None,
    limit: int,
) -> dict[str, Any]:
    """Institutions as nodes, referral flows between them as weighted (protected) edges."""
    flows = await _flows(
        session,
        months=period_months(period),
        service_type=service_type,
        touching=scope.institution_id if scope.is_institution else None,
        territory=scope.territory if not scope.is_institution else "",
    )
    sensitive = policy.is_sensitive(service_type)
    edges: list[dict[str, Any]] = []
    for (sender, target), values in flows.items():
        if values["referrals"] == 0:
            continue
        edges.append(
            {
                "source": sender,
                "target": target,
                "referrals": policy.count(values["referrals"], sensitive=sensitive),
                "accepted": policy.count(values["accepted"], sensitive=sensitive),
                "completed": policy.count(values["completed"], sensitive=sensitive),
            }
        )
    # Order by published weight only (suppressed last), so the order reveals nothing more.
    edges.sort(key=lambda e: (-(e["referrals"].value or 0), str(e["source"]), str(e["target"])))
    truncated = len(edges) > limit
    edges = edges[:limit]
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = await _institutions(session, ids)
    return {
        "period": period.label,
        "nodes": [
            node.__dict__ for node in sorted(nodes.values(), key=lambda n: (n.powiat_code, n.type, n.name))
        ],
        "edges": edges,
        "truncated": truncated,
    }


async def partners(
    session: AsyncSession,
    *,
    period: Period,
    institution_id: uuid.UUID,
    policy: Policy,
    exact: bool = False,
) -> dict[str, Any]:
    """An institution's flows with each partner, and each partner's aggregated flows; its own
    flows are exact when the institution itself asks (``exact``), the partners' totals protected."""
    months = period_months(period)
    institutions = await _institutions(session)
    if institution_id not in institutions:
        raise Problem(404, "not_found", "institution not found")
    own_flows = await _flows(session, months=months, touching=institution_id)
    agreements = await _agreements_in_force(session, period_end(period))
    with_agreement = {i for parties in agreements if institution_id in parties for i in parties} - {
        institution_id
    }
    partner_ids = ({s for s, _ in own_flows} | {t for _, t in own_flows} | with_agreement) - {institution_id}
    all_flows = await _flows(session, months=months) if partner_ids else {}
    sent_total: dict[uuid.UUID, int] = defaultdict(int)
    received_total: dict[uuid.UUID, int] = defaultdict(int)
    for (sender, target), values in all_flows.items():
        sent_total[sender] += values["referrals"]
        received_total[target] += values["referrals"]
    empty = {"referrals": 0, "responded": 0, "accepted": 0, "completed": 0}
    rows = []
    for partner in sorted(
        partner_ids, key=lambda i: (institutions[i].name if i in institutions else "", str(i))
    ):
        out_flow = own_flows.get((institution_id, partner), empty)
        in_flow = own_flows.get((partner, institution_id), empty)
        cells = _partner_values(policy, out_flow, in_flow, exact=exact)
        cells["partner_referrals_sent"] = policy.count(sent_total[partner])
        cells["partner_referrals_received"] = policy.count(received_total[partner])
        node = institutions.get(partner)
        rows.append(
            {
                "partner": node.__dict__ if node else _unknown_partner(partner),
                "agreement_in_force": partner in with_agreement,
                "values": cells,
            }
        )
    own = institutions[institution_id]
    return {"period": period.label, "institution": own.__dict__, "partners": rows}


def _partner_values(
    policy: Policy, out_flow: dict[str, int], in_flow: dict[str, int], *, exact: bool
) -> dict[str, Cell]:
    """The flows with one partner: exact for the institution itself, protected for anyone else."""
    return {
        "referrals_to_partner": policy.count(out_flow["referrals"], exact=exact),
        "referrals_from_partner": policy.count(in_flow["referrals"], exact=exact),
        "partner_acceptance_rate": policy.ratio(out_flow["accepted"], out_flow["responded"], exact=exact),
        "own_acceptance_rate": policy.ratio(in_flow["accepted"], in_flow["responded"], exact=exact),
    }


def _unknown_partner(partner: uuid.UUID) -> dict[str, Any]:
    unknown = "unknown"
    return {"id": partner, "name": "", "type": unknown, "powiat_code": unknown, "voivodeship_code": unknown}


def suppressed_like(cell: Cell) -> Cell:
    return SUPPRESSED if cell.suppressed else cell
