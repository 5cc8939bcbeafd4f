/**
 * Published values and periods. A cell is {value, suppressed}: a suppressed cell is a small
 * number hidden for privacy (never 0), a null value that is not suppressed is undefined (a rate
 * with a zero denominator). Counts are rounded to base 5 by the API; the SPA never recomputes them.
 */
import { formatPercent } from "@/lib/format";
import type { Cell, Granularity } from "../api/reporting";

export type CellKind = "count" | "rate" | "duration";

const RATE = /(_rate|_share|_compliance)$/;
const DURATION = /_days$/;

export function measureKind(measure: string): CellKind {
  if (DURATION.test(measure)) return "duration";
  if (RATE.test(measure)) return "rate";
  return "count";
}

export function localeTag(language: string): string {
  return language === "en" ? "en-GB" : "pl-PL";
}

export function formatNumber(value: number, kind: CellKind, language: string): string {
  const locale = localeTag(language);
  if (kind === "rate") return formatPercent(value, { language });
  if (kind === "duration") return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export type CellState = "value" | "suppressed" | "undefined" | "missing";

export function cellState(cell: Cell | undefined | null): CellState {
  if (!cell) return "missing";
  if (cell.suppressed) return "suppressed";
  if (cell.value === null || cell.value === undefined) return "undefined";
  return "value";
}

/** A numeric value for charts: suppressed and undefined cells are gaps, not zeros. */
export function numeric(cell: Cell | undefined | null): number | null {
  return cellState(cell) === "value" ? Number(cell!.value) : null;
}

// ---- periods -----------------------------------------------------------------------------------

export interface Period {
  granularity: Granularity;
  year: number;
  /** Month 1–12 or quarter 1–4; 0 for a year. */
  index: number;
}

export function periodOf(date: Date, granularity: Granularity): Period {
  const year = date.getFullYear();
  if (granularity === "year") return { granularity, year, index: 0 };
  if (granularity === "quarter") return { granularity, year, index: Math.floor(date.getMonth() / 3) + 1 };
  return { granularity, year, index: date.getMonth() + 1 };
}

export function formatPeriod(period: Period): string {
  if (period.granularity === "year") return String(period.year);
  if (period.granularity === "quarter") return `${period.year}-Q${period.index}`;
  return `${period.year}-${String(period.index).padStart(2, "0")}`;
}

export function parsePeriod(text: string): Period | null {
  let match = /^(\d{4})$/.exec(text);
  if (match) return { granularity: "year", year: Number(match[1]), index: 0 };
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) return { granularity: "quarter", year: Number(match[1]), index: Number(match[2]) };
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) return { granularity: "month", year: Number(match[1]), index: Number(match[2]) };
  return null;
}

export function shiftPeriod(period: Period, by: number): Period {
  if (period.granularity === "year") return { ...period, year: period.year + by };
  const per = period.granularity === "quarter" ? 4 : 12;
  const zeroBased = period.year * per + (period.index - 1) + by;
  return { ...period, year: Math.floor(zeroBased / per), index: (zeroBased % per) + 1 };
}

/** The `count` periods ending with `last`, oldest first. */
export function periodRange(last: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
}

/** How a period reads to a person: "listopad 2026", "III kw. 2026", "2026". */
export function periodLabel(text: string, language: string): string {
  const period = parsePeriod(text);
  if (period === null) return text;
  if (period.granularity === "year") return String(period.year);
  if (period.granularity === "quarter") {
    return language === "en" ? `Q${period.index} ${period.year}` : `${["I", "II", "III", "IV"][period.index - 1]} kw. ${period.year}`;
  }
  const month = new Intl.DateTimeFormat(localeTag(language), { month: "short" }).format(new Date(period.year, period.index - 1, 1));
  return `${month} ${period.year}`;
}
