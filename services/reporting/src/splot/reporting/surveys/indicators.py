"""The hard indicators a survey question can be cross-tabulated with: each computed over the
respondent institutions' OWN referrals whose cohort month (sent) is in the round's reference
period, as sender or as receiver depending on the indicator. Names and formulas are those of
the catalogue (:mod:`splot.reporting.catalogue`, docs/indicators.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrossIndicator:
    code: str
    #: "sender": referrals the institutions sent; "target": referrals they received.
    side: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] = ()


INDICATORS: dict[str, CrossIndicator] = {
    i.code: i
    for i in (
        # Referrals the institutions sent in the period.
        CrossIndicator("referrals", "sender", ("referrals",)),
        # Of the referrals they received with a decided deadline, the share answered in time.
        CrossIndicator("sla_compliance", "target", ("sla_met",), ("sla_met", "sla_missed")),
        # Of the referrals they received and answered, the share accepted.
        CrossIndicator("acceptance_rate", "target", ("accepted",), ("responded",)),
        # Of the accepted referrals they received that ended, the share with the outcome reported back.
        CrossIndicator("closed_loop_rate", "target", ("closed_loop",), ("ended",)),
        # Of the accepted referrals they received that ended, the share completed.
        CrossIndicator("completion_rate", "target", ("completed",), ("ended",)),
    )
}
