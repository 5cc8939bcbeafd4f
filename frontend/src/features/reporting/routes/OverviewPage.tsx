import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useAggregate, useSeries, type Filters, type MeasureName } from "../api/reporting";
import { AsOfNote } from "../components/AsOfNote";
import { CellValue } from "../components/CellValue";
import { BarChart, LineChart } from "../components/charts";
import { DashboardFilters } from "../components/DashboardFilters";
import { KpiCard } from "../components/KpiCard";
import { PolandMap } from "../components/PolandMap";
import { formatNumber, formatPeriod, measureKind, numeric, parsePeriod, periodRange } from "../lib/cells";
import { useDashboardFilters, type DashboardFilters as DF } from "../lib/useDashboardFilters";
import { VOIVODESHIPS } from "../map/geography";
import { useScopeLabel } from "../lib/scope";
import { usePowiatNames } from "../lib/usePowiatNames";

const KPIS: MeasureName[] = [
  "referrals",
  "acceptance_rate",
  "median_response_days",
  "sla_compliance",
  "closed_loop_rate",
  "employment_rate",
];
const MAP_MEASURES: MeasureName[] = ["referrals", "acceptance_rate", "sla_compliance", "closed_loop_rate", "median_response_days"];
const TREND: Record<DF["granularity"], number> = { month: 12, quarter: 8, year: 5 };

export function apiFilters(filters: DF): Filters {
  return {
    sender_voivodeship: filters.voivodeship || undefined,
    service_type: filters.serviceType || undefined,
  };
}

/** /raporty: the indicators of cooperation for a period and territory. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const [mapMeasure, setMapMeasure] = useState<MeasureName>("referrals");
  const common = { granularity: filters.granularity, filters: apiFilters(filters) };
  const kpi = useAggregate({ ...common, measures: KPIS, period_from: filters.period, period_to: filters.period });
  const scope = kpi.data?.scope;
  const scopeText = useScopeLabel(scope);

  const periods = useMemo(() => {
    const last = parsePeriod(filters.period);
    return last ? periodRange(last, TREND[filters.granularity]).map(formatPeriod) : [];
  }, [filters.period, filters.granularity]);
  const series = useSeries({
    ...common,
    measures: ["referrals", "accepted", "completed", "median_response_days", "p90_response_days"],
    period_from: periods[0],
    period_to: filters.period,
  });
  const routes = useAggregate({
    ...common,
    measures: ["referrals"],
    dimensions: ["route"],
    period_from: filters.period,
    period_to: filters.period,
  });

  // The map: voivodeships of Poland, or the powiats of one voivodeship.
  const mapVoivodeship = filters.voivodeship || (scope && scope.kind !== "national" && scope.territory ? scope.territory.slice(0, 2) : "");
  const mapLevel = mapVoivodeship ? "powiat" : "voivodeship";
  // The level depends on the caller's scope: ask once it is known, not first for the whole country.
  const map = useAggregate(
    {
      ...common,
      measures: [mapMeasure],
      dimensions: [mapLevel === "powiat" ? "sender_powiat" : "sender_voivodeship"],
      period_from: filters.period,
      period_to: filters.period,
    },
    scope !== undefined,
  );
  const mapValues = useMemo(() => {
    const out: Record<string, { value: number | null; suppressed: boolean }> = {};
    for (const row of map.data?.rows ?? []) {
      const code = row.dimensions[mapLevel === "powiat" ? "sender_powiat" : "sender_voivodeship"];
      const cell = row.values[mapMeasure];
      if (code && cell) out[code] = { value: cell.value === null ? null : Number(cell.value), suppressed: cell.suppressed };
    }
    return out;
  }, [map.data, mapLevel, mapMeasure]);

  const seriesByPeriod = new Map((series.data?.points ?? []).map((p) => [p.period, p.values]));
  const measureLabel = (m: string) => t(`reporting.measure.${m}`);

  return (
    <>
      <PageHeader title={t("reporting.overview.title")} description={scopeText} />
      <DashboardFilters filters={filters} onChange={setFilters} scope={scope} />
      <AsOfNote asOf={kpi.data?.as_of} />
      {kpi.isError ? <ErrorAlert error={kpi.error} onRetry={() => void kpi.refetch()} /> : null}

      <Title order={2} size="h3" mt="lg" mb="sm">
        {t("reporting.overview.kpis", { period: filters.period })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        {KPIS.map((measure) => (
          <KpiCard
            key={measure}
            measure={measure}
            label={measureLabel(measure)}
            hint={t(`reporting.measure_hint.${measure}`)}
            loading={kpi.isPending}
            cell={kpi.data?.rows[0]?.values[measure]}
          />
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t("reporting.suppression_note", {
          threshold: kpi.data?.suppression.threshold ?? 5,
          base: kpi.data?.suppression.rounding_base ?? 5,
        })}
      </Text>

      <SimpleGrid mt="lg" cols={{ base: 1, lg: 2 }} spacing="lg">
        <div>
          <Paper withBorder p="md" radius="md">
            {series.isError ? (
              <ErrorAlert error={series.error} />
            ) : (
              <LineChart
                title={t("reporting.overview.flows_chart")}
                measure="referrals"
                periods={periods}
                series={(["referrals", "accepted", "completed"] as const).map((m) => ({
                  key: m,
                  label: measureLabel(m),
                  // The API answers every period of the range: null where it holds no data (a gap).
                  cells: periods.map((p) => seriesByPeriod.get(p)?.[m]),
                }))}
              />
            )}
          </Paper>
        </div>
        <div>
          <Paper withBorder p="md" radius="md">
            <LineChart
              title={t("reporting.overview.times_chart")}
              measure="median_response_days"
              periods={periods}
              series={(["median_response_days", "p90_response_days"] as const).map((m) => ({
                key: m,
                label: measureLabel(m),
                cells: periods.map((p) => seriesByPeriod.get(p)?.[m]),
              }))}
            />
          </Paper>
        </div>
        <div>
          <Paper withBorder p="md" radius="md">
            {routes.isError ? (
              <ErrorAlert error={routes.error} />
            ) : (
              <BarChart
                title={t("reporting.overview.routes_chart", { period: filters.period })}
                measure="referrals"
                empty={t("reporting.no_data")}
                loading={routes.isPending}
                bars={(routes.data?.rows ?? []).map((row) => ({
                  key: row.dimensions.route ?? "",
                  label: (row.dimensions.route ?? "").replace("->", " → "),
                  cell: row.values.referrals,
                }))}
              />
            )}
          </Paper>
        </div>
        <div>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" align="flex-start" mb="xs">
              <Stack gap={0}>
                <Title order={2} size="h4">
                  {mapVoivodeship
                    ? t("reporting.map.title_powiats", { name: VOIVODESHIPS[mapVoivodeship] ?? mapVoivodeship })
                    : t("reporting.map.title_voivodeships")}
                </Title>
                <Text size="xs" c="dimmed">
                  {t(
                    mapLevel === "voivodeship" && (!scope || scope.kind === "national")
                      ? "reporting.map.by_sender"
                      : "reporting.map.by_sender_powiats",
                  )}
                </Text>
              </Stack>
              {filters.voivodeship ? (
                <Anchor component="button" size="sm" onClick={() => setFilters({ voivodeship: "" })}>
                  {t("reporting.map.back_to_poland")}
                </Anchor>
              ) : null}
            </Group>
            <SegmentedControl
              size="xs"
              mb="sm"
              fullWidth
              aria-label={t("reporting.map.measure")}
              value={mapMeasure}
              onChange={(value) => setMapMeasure(value)}
              data={MAP_MEASURES.map((m) => ({ value: m, label: t(`reporting.measure_short.${m}`) }))}
            />
            {map.isError ? (
              <ErrorAlert error={map.error} />
            ) : (
              <PolandMap
                level={mapLevel}
                values={mapValues}
                measureLabel={measureLabel(mapMeasure)}
                format={(n) => formatNumber(n, measureKind(mapMeasure), i18n.language)}
                highlightVoivodeship={mapVoivodeship || undefined}
                onSelect={
                  mapLevel === "voivodeship" && (!scope || scope.kind === "national")
                    ? (code) => setFilters({ voivodeship: code })
                    : undefined
                }
              />
            )}
            <MapTable level={mapLevel} rows={map.data?.rows ?? []} measure={mapMeasure} period={filters.period} />
          </Paper>
        </div>
      </SimpleGrid>
    </>
  );
}

function MapTable({
  level,
  rows,
  measure,
  period,
}: {
  level: "voivodeship" | "powiat";
  rows: { dimensions: Record<string, string>; values: Record<string, { value: number | null; suppressed: boolean }> }[];
  measure: string;
  period: string;
}) {
  const { t } = useTranslation();
  const powiats = usePowiatNames(level === "powiat");
  const dim = level === "powiat" ? "sender_powiat" : "sender_voivodeship";
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => (numeric(b.values[measure]) ?? -1) - (numeric(a.values[measure]) ?? -1));
  return (
    <details className="map-table">
      <summary>
        <Text component="span" size="sm">
          {t("reporting.map.as_table")}
        </Text>
      </summary>
      <Table striped mt="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              {t(level === "powiat" ? "reporting.dimension.sender_powiat" : "reporting.dimension.sender_voivodeship")}
            </Table.Th>
            <Table.Th scope="col">
              {t(`reporting.measure.${measure}`)} ({period})
            </Table.Th>
            {level === "powiat" ? <Table.Th scope="col">{t("reporting.network.title")}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => {
            const code = row.dimensions[dim] ?? "";
            return (
              <Table.Tr key={code}>
                <Table.Td>
                  {code === "unknown" ? t("reporting.unknown") : ((level === "voivodeship" ? VOIVODESHIPS : powiats)[code] ?? code)}
                </Table.Td>
                <Table.Td>
                  <CellValue cell={row.values[measure]} measure={measure} />
                </Table.Td>
                {level === "powiat" ? (
                  <Table.Td>
                    {/^\d{4}$/.test(code) ? (
                      <Anchor component={Link} to={`/raporty/siec?powiat=${code}&okres=${period}`} size="sm">
                        {t("reporting.network.open")}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </details>
  );
}
