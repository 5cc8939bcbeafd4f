"""The indicators a partnership may set targets for: the names of the reporting service's
published measures (``splot.reporting.catalogue.MEASURES``) and of its cooperation indicators.
Services share no code, so the list is kept here; a measure renamed there must be renamed here."""

from __future__ import annotations

from enum import StrEnum

_COUNTS = (
    "referrals",
    "responded",
    "accepted",
    "rejected",
    "rejected_by_client",
    "rejected_by_provider",
    "started",
    "completed",
    "failed",
    "cancelled",
    "open",
    "ended",
    "closed_loop",
    "acknowledged",
    "sla_met",
    "sla_missed",
    "overdue",
    "forwarded",
    "employment_outcome",
    "followup_3m_answered",
    "followup_3m_employed",
    "followup_6m_answered",
    "followup_6m_employed",
)
_RATIOS = (
    "acceptance_rate",
    "rejection_rate",
    "client_declined_share",
    "sla_compliance",
    "closed_loop_rate",
    "acknowledgement_rate",
    "completion_rate",
    "employment_rate",
    "followup_3m_response_rate",
    "followup_3m_employment_rate",
    "followup_6m_response_rate",
    "followup_6m_employment_rate",
    "forwarded_share",
)
_DURATIONS = tuple(
    f"{prefix}_{what}_days" for what in ("response", "start", "completion") for prefix in ("median", "p90")
)
_COOPERATION = (
    "cooperation_index",
    "sector_coverage",
    "reciprocity",
    "ngo_involvement",
    "agreement_coverage",
    "agreements_in_force",
)

INDICATOR_CODES: tuple[str, ...] = (*_COUNTS, *_RATIOS, *_DURATIONS, *_COOPERATION)

IndicatorCode = StrEnum("IndicatorCode", {code: code for code in INDICATOR_CODES})  # type: ignore[misc]
