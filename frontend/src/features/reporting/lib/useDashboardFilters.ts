import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { Granularity } from "../api/reporting";
import { formatPeriod, parsePeriod, periodOf } from "./cells";

export interface DashboardFilters {
  granularity: Granularity;
  /** The period the KPIs, the map and the breakdowns show. */
  period: string;
  /** Two-digit TERYT code of a voivodeship, or "" for the whole scope. */
  voivodeship: string;
  serviceType: string;
}

const GRANULARITIES: readonly Granularity[] = ["month", "quarter", "year"];

export function defaultPeriod(granularity: Granularity, now = new Date()): string {
  return formatPeriod(periodOf(now, granularity));
}

/** The dashboard's filters live in the address, so a view can be bookmarked and shared. */
export function useDashboardFilters(): [DashboardFilters, (patch: Partial<DashboardFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<DashboardFilters>(() => {
    const g = params.get("okres_typ");
    const granularity: Granularity = GRANULARITIES.includes(g as Granularity) ? (g as Granularity) : "year";
    const p = params.get("okres") ?? "";
    const parsed = parsePeriod(p);
    const period = parsed && parsed.granularity === granularity ? p : defaultPeriod(granularity);
    const w = params.get("woj") ?? "";
    return {
      granularity,
      period,
      voivodeship: /^\d{2}$/.test(w) ? w : "",
      serviceType: /^[a-z][a-z0-9_]{0,47}$/.test(params.get("usluga") ?? "") ? params.get("usluga")! : "",
    };
  }, [params]);
  const update = useCallback(
    (patch: Partial<DashboardFilters>) => {
      const next = { ...filters, ...patch };
      if (patch.granularity && patch.granularity !== filters.granularity && !patch.period) {
        next.period = defaultPeriod(patch.granularity);
      }
      const search = new URLSearchParams(params);
      for (const key of ["woj", "usluga"]) search.delete(key);
      search.set("okres_typ", next.granularity);
      search.set("okres", next.period);
      if (next.voivodeship) search.set("woj", next.voivodeship);
      if (next.serviceType) search.set("usluga", next.serviceType);
      setParams(search, { replace: true });
    },
    [filters, params, setParams],
  );
  return [filters, update];
}
