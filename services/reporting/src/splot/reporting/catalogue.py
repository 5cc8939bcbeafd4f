"""The published vocabulary: measures and dimensions, with their stable names and definitions.

These names are the contract with external dashboards (docs/indicators.md documents each; a test
checks that every name here is documented there). Change a definition only with a new name.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from splot.reporting.cubes import AGE_BANDS
from splot.reporting.models import MEASURE_COLUMNS, UNKNOWN

INSTITUTION_TYPES = ("PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS", "WUP", "ROPS", "MINISTRY")
#: Statuses a counted referral can have (drafts and referrals entered in error never count).
STATUSES = ("requested", "accepted", "rejected", "in_progress", "on_hold", "completed", "failed", "cancelled")
#: Sectors for shared clients and the cooperation index.
SECTORS = {"PUP": "PUP", "OPS": "OPS", "CUS": "OPS", "PCPR": "OPS", "NGO": "NGO", "CIS": "NGO", "KIS": "NGO"}
NGO_TYPES = tuple(t for t, s in SECTORS.items() if s == "NGO")
OPS_TYPES = tuple(t for t, s in SECTORS.items() if s == "OPS")


@dataclass(frozen=True)
class Measure:
    name: str
    kind: str  # "count", "ratio" or "percentile"
    definition: str
    formula: str
    numerator: tuple[str, ...] = ()
    denominator: tuple[str, ...] = ()
    metric: str | None = None
    quantile: float | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.numerator, *self.denominator)


_COUNTS = {
    "referrals": (
        "Referrals sent in the period (cohort), excluding drafts and referrals entered in error.",
        "count(sent)",
    ),
    "responded": (
        "Referrals the receiver answered (accepted or rejected), at any time so far.",
        "count(responded_at is set)",
    ),
    "accepted": (
        "Referrals accepted by the receiver (ever; also when later cancelled or failed).",
        "count(accepted_at is set)",
    ),
    "rejected": ("Referrals whose current status is rejected.", "count(status = rejected)"),
    "rejected_by_client": (
        "Rejected referrals declined by the client.",
        "count(status = rejected and declined_by = client)",
    ),
    "rejected_by_provider": (
        "Rejected referrals declined by the provider.",
        "count(status = rejected and declined_by = provider)",
    ),
    "started": ("Referrals whose service started.", "count(started_at is set)"),
    "completed": ("Referrals completed.", "count(status = completed)"),
    "failed": ("Referrals failed after acceptance.", "count(status = failed)"),
    "cancelled": (
        "Referrals cancelled (withdrawn by the sender, cancelled by the receiver, expired).",
        "count(status = cancelled)",
    ),
    "open": (
        "Referrals still open: requested, accepted, in progress or on hold.",
        "count(status in open statuses)",
    ),
    "ended": (
        "Accepted referrals that ended: completed, failed or cancelled after acceptance.",
        "count(accepted_at is set and status in (completed, failed, cancelled))",
    ),
    "closed_loop": (
        "Ended referrals with an outcome reported back: completed with at least one outcome code, or failed/cancelled with a reason code.",
        "count(ended and outcome or reason reported)",
    ),
    "acknowledged": (
        "Completed or failed referrals whose sender acknowledged the outcome.",
        "count(status in (completed, failed) and acknowledged)",
    ),
    "sla_met": (
        "Referrals answered (accepted or rejected) by their response due date.",
        "count(responded_at <= due_at)",
    ),
    "sla_missed": (
        "Referrals answered after their due date, or not answered and flagged overdue.",
        "count(responded_at > due_at or (no response and overdue))",
    ),
    "overdue": (
        "Referrals still awaiting a response past their due date.",
        "count(status = requested and overdue)",
    ),
    "forwarded": ("Referrals that are forwards in a chain (chain depth above 0).", "count(chain_depth > 0)"),
    "employment_outcome": (
        "Completed referrals with an employment outcome (employed, employed_subsidised, self_employed).",
        "count(status = completed and outcome in employment outcomes)",
    ),
    "followup_3m_answered": (
        "Referrals with an employment outcome whose +3-month follow-up was answered.",
        "count(employment_outcome and follow-up 3 answered)",
    ),
    "followup_3m_employed": (
        "Referrals with an employment outcome whose +3-month follow-up reports employment.",
        "count(employment_outcome and follow-up 3 outcome in employment outcomes)",
    ),
    "followup_6m_answered": (
        "Referrals with an employment outcome whose +6-month follow-up was answered.",
        "count(employment_outcome and follow-up 6 answered)",
    ),
    "followup_6m_employed": (
        "Referrals with an employment outcome whose +6-month follow-up reports employment.",
        "count(employment_outcome and follow-up 6 outcome in employment outcomes)",
    ),
}

_RATIOS = {
    "acceptance_rate": (("accepted",), ("responded",), "Share of answered referrals that were accepted."),
    "rejection_rate": (("rejected",), ("responded",), "Share of answered referrals that are rejected."),
    "client_declined_share": (
        ("rejected_by_client",),
        ("rejected",),
        "Share of rejections declined by the client (the rest by the provider).",
    ),
    "sla_compliance": (
        ("sla_met",),
        ("sla_met", "sla_missed"),
        "Share of referrals with a decided response deadline that were answered in time.",
    ),
    "closed_loop_rate": (
        ("closed_loop",),
        ("ended",),
        "Share of ended referrals with an outcome reported back to the sender.",
    ),
    "acknowledgement_rate": (
        ("acknowledged",),
        ("completed", "failed"),
        "Share of completed or failed referrals acknowledged by the sender.",
    ),
    "completion_rate": (("completed",), ("ended",), "Share of ended referrals that were completed."),
    "employment_rate": (
        ("employment_outcome",),
        ("completed",),
        "Share of completed referrals with an employment outcome.",
    ),
    "followup_3m_response_rate": (
        ("followup_3m_answered",),
        ("employment_outcome",),
        "Share of employment outcomes with the +3-month follow-up answered.",
    ),
    "followup_3m_employment_rate": (
        ("followup_3m_employed",),
        ("followup_3m_answered",),
        "Share of answered +3-month follow-ups reporting employment.",
    ),
    "followup_6m_response_rate": (
        ("followup_6m_answered",),
        ("employment_outcome",),
        "Share of employment outcomes with the +6-month follow-up answered.",
    ),
    "followup_6m_employment_rate": (
        ("followup_6m_employed",),
        ("followup_6m_answered",),
        "Share of answered +6-month follow-ups reporting employment.",
    ),
    "forwarded_share": (("forwarded",), ("referrals",), "Share of referrals that are forwards in a chain."),
}

_PERCENTILES = {
    "response": "sending to the response (acceptance or rejection)",
    "start": "sending to the start of the service",
    "completion": "sending to completion (completed referrals only)",
}


def _build() -> dict[str, Measure]:
    measures: dict[str, Measure] = {}
    for name in MEASURE_COLUMNS:
        definition, formula = _COUNTS[name]
        measures[name] = Measure(name, "count", definition, formula, numerator=(name,))
    for name, (num, den, definition) in _RATIOS.items():
        formula = f"{' + '.join(num)} / ({' + '.join(den)})"
        measures[name] = Measure(name, "ratio", definition, formula, numerator=num, denominator=den)
    for metric, what in _PERCENTILES.items():
        for prefix, quantile in (("median", 0.5), ("p90", 0.9)):
            label = "Median" if prefix == "median" else "90th percentile of the"
            measures[f"{prefix}_{metric}_days"] = Measure(
                f"{prefix}_{metric}_days",
                "percentile",
                f"{label} time from {what}, in Polish working days.",
                f"nearest-rank P{int(quantile * 100)} of working_days({metric})",
                metric=metric,
                quantile=quantile,
            )
    return measures


MEASURES: dict[str, Measure] = _build()


@dataclass(frozen=True)
class Dimension:
    name: str
    definition: str
    #: The cube columns it is made of (route: two).
    columns: tuple[str, ...]
    pattern: str | None = None
    values: tuple[str, ...] | None = None


_TERRITORY = r"^(\d{2}|unknown)$"
_POWIAT = r"^(\d{4}|unknown)$"
_TYPES = (*INSTITUTION_TYPES, UNKNOWN)

DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in (
        Dimension(
            "sender_voivodeship",
            "Voivodeship (TERYT, 2 digits) of the sending institution's seat.",
            ("sender_voivodeship",),
            _TERRITORY,
        ),
        Dimension(
            "sender_powiat",
            "Powiat (TERYT, 4 digits) of the sending institution's seat.",
            ("sender_powiat",),
            _POWIAT,
        ),
        Dimension(
            "target_voivodeship",
            "Voivodeship of the receiving institution's seat.",
            ("target_voivodeship",),
            _TERRITORY,
        ),
        Dimension(
            "target_powiat", "Powiat of the receiving institution's seat.", ("target_powiat",), _POWIAT
        ),
        Dimension(
            "sender_type",
            "Type of the sending institution (PUP, OPS, CUS, PCPR, NGO, CIS, KIS…).",
            ("sender_type",),
            values=_TYPES,
        ),
        Dimension("target_type", "Type of the receiving institution.", ("target_type",), values=_TYPES),
        Dimension(
            "route",
            "Sender type and receiver type, written SENDER->RECEIVER (e.g. PUP->OPS).",
            ("sender_type", "target_type"),
            r"^[A-Za-z]{2,9}->[A-Za-z]{2,9}$",
        ),
        Dimension(
            "service_type",
            "Service type code of the directory's catalogue.",
            ("service_type",),
            r"^[a-z][a-z0-9_]{0,47}$",
        ),
        Dimension("priority", "Priority of the referral.", ("priority",), values=("routine", "urgent")),
        Dimension("status", "Current status of the referral.", ("status",), values=STATUSES),
        Dimension(
            "age_band",
            "Age of the person in the year the referral was sent, from the birth year.",
            ("age_band",),
            values=AGE_BANDS,
        ),
        Dimension(
            "sex", "Sex of the person as recorded in the registry.", ("sex",), values=("F", "M", UNKNOWN)
        ),
        Dimension(
            "programme",
            "Programme of the directory's catalogue the referral belongs to (e.g. PAI); none: no programme.",
            ("programme",),
            r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$",
        ),
    )
}

# Enums built from the catalogue (published as enums in the contract); mypy cannot follow members
# made from data, hence the one ignore each.
MeasureName = StrEnum("MeasureName", {name: name for name in MEASURES})  # type: ignore[misc]
DimensionName = StrEnum("DimensionName", {name: name for name in DIMENSIONS})  # type: ignore[misc]


def route_parts(value: str) -> tuple[str, str]:
    sender, _, target = value.partition("->")
    return sender, target
