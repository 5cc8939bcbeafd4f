import { formatPeriod, parsePeriod } from "./cells";

/**
 * The months (YYYY-MM) a period of the dashboard's picker spans, as the casework endpoint takes
 * them: a month itself, a quarter's three months, a year's twelve. An unreadable period reads as
 * itself (the API answers 422).
 */
export function caseworkMonths(period: string): { from: string; to: string } {
  const parsed = parsePeriod(period);
  if (parsed === null) return { from: period, to: period };
  if (parsed.granularity === "month") return { from: period, to: period };
  const [first, last] = parsed.granularity === "year" ? [1, 12] : [parsed.index * 3 - 2, parsed.index * 3];
  const month = (index: number) => formatPeriod({ granularity: "month", year: parsed.year, index });
  return { from: month(first), to: month(last) };
}
