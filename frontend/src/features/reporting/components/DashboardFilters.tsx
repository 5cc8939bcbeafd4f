import { Group, SegmentedControl, Select, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Granularity, Scope } from "../api/reporting";
import { useServiceTypes } from "../api/reporting";
import { formatPeriod, parsePeriod, periodLabel, periodOf, periodRange } from "../lib/cells";
import type { DashboardFilters as Filters } from "../lib/useDashboardFilters";
import { VOIVODESHIPS } from "../map/geography";

const HISTORY: Record<Granularity, number> = { month: 36, quarter: 16, year: 8 };

export function periodOptions(granularity: Granularity, language: string) {
  const last = periodOf(new Date(), granularity);
  return periodRange(last, HISTORY[granularity])
    .reverse()
    .map((p) => ({ value: formatPeriod(p), label: periodLabel(formatPeriod(p), language) }));
}

/** Period, territory and service type of a dashboard. */
export function DashboardFilters({
  filters,
  onChange,
  scope,
  showTerritory = true,
  showServiceType = true,
}: {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  scope: Scope | undefined;
  showTerritory?: boolean;
  showServiceType?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const serviceTypes = useServiceTypes();
  const periods = useMemo(() => {
    const options = periodOptions(filters.granularity, i18n.language);
    if (!options.some((o) => o.value === filters.period) && parsePeriod(filters.period)) {
      options.unshift({ value: filters.period, label: periodLabel(filters.period, i18n.language) });
    }
    return options;
  }, [filters.granularity, filters.period, i18n.language]);
  const national = !scope || scope.kind === "national";
  const voivodeships = Object.entries(VOIVODESHIPS).map(([code, name]) => ({ value: code, label: name }));
  const serviceOptions = (serviceTypes.data?.items ?? []).map((s) => ({
    value: s.code,
    label: i18n.language === "en" ? s.name_en : s.name_pl,
  }));
  return (
    <Group gap="md" align="flex-end" mb="md" wrap="wrap" className="dashboard-filters">
      <div>
        <Text id="granularity-label" size="sm" fw={500} mb={4}>
          {t("reporting.filters.granularity")}
        </Text>
        <SegmentedControl
          aria-labelledby="granularity-label"
          value={filters.granularity}
          onChange={(value) => onChange({ granularity: value })}
          data={[
            { value: "month", label: t("reporting.granularity.month") },
            { value: "quarter", label: t("reporting.granularity.quarter") },
            { value: "year", label: t("reporting.granularity.year") },
          ]}
        />
      </div>
      <Select
        label={t("reporting.filters.period")}
        data={periods}
        value={filters.period}
        onChange={(value) => value && onChange({ period: value })}
        allowDeselect={false}
        w={170}
      />
      {showTerritory ? (
        national ? (
          <Select
            label={t("reporting.filters.voivodeship")}
            placeholder={t("reporting.filters.all_poland")}
            data={voivodeships}
            value={filters.voivodeship || null}
            onChange={(value) => onChange({ voivodeship: value ?? "" })}
            clearable
            searchable
            w={220}
          />
        ) : null
      ) : null}
      {showServiceType ? (
        <Select
          label={t("reporting.filters.service_type")}
          placeholder={t("reporting.filters.all_services")}
          data={serviceOptions}
          value={filters.serviceType || null}
          onChange={(value) => onChange({ serviceType: value ?? "" })}
          clearable
          searchable
          w={260}
        />
      ) : null}
    </Group>
  );
}
