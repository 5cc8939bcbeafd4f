import { formatPercent } from "@/lib/format";
import type { Target } from "../api/partnerships";

/** The reporting service's published measures. */
const MEASURES: readonly string[] = [
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
  "median_response_days",
  "p90_response_days",
  "median_start_days",
  "p90_start_days",
  "median_completion_days",
  "p90_completion_days",
];

/** Every indicator a target may name (the directory's list: the measures and the cooperation indicators). */
export const INDICATORS: readonly string[] = [
  ...MEASURES,
  "cooperation_index",
  "sector_coverage",
  "reciprocity",
  "ngo_involvement",
  "agreement_coverage",
  "agreements_in_force",
];

/** Shares (0–1) are shown as percentages. */
export function isShare(code: string): boolean {
  return (
    /(_rate|_share)$/.test(code) ||
    ["sla_compliance", "sector_coverage", "reciprocity", "ngo_involvement", "agreement_coverage"].includes(code)
  );
}

export function formatValue(code: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (isShare(code)) return formatPercent(value);
  return new Intl.NumberFormat("pl-PL", { maximumFractionDigits: 2 }).format(value);
}

/** Whether a measured value meets the target (null: nothing to compare). */
export function meets(target: Target, measured: number | null | undefined): boolean | null {
  if (measured === null || measured === undefined) return null;
  return target.direction === "at_most" ? measured <= target.target_value : measured >= target.target_value;
}
