import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Text } from "@mantine/core";
import { useState } from "react";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import {
  downloadAggregate,
  useAggregate,
  useCatalogue,
  useServiceTypes,
  type AggregateQuery,
  type DimensionName,
  type Granularity,
  type MeasureName,
} from "../api/reporting";
import { AggregateTable } from "../components/AggregateTable";
import { AsOfNote } from "../components/AsOfNote";
import { DownloadButtons } from "../components/DownloadButtons";
import { periodOptions } from "../components/DashboardFilters";
import { formatPeriod, periodOf, periodRange } from "../lib/cells";
import { useScopeLabel } from "../lib/scope";
import { VOIVODESHIPS } from "../map/geography";

const FILTERABLE = [
  "sender_voivodeship",
  "route",
  "service_type",
  "status",
  "sender_type",
  "target_type",
  "age_band",
  "sex",
  "programme",
] as const;
type FilterName = (typeof FILTERABLE)[number];
const FRONT_LINE = ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS"];

function initialQuery(): AggregateQuery {
  const now = periodOf(new Date(), "month");
  return {
    measures: ["referrals", "accepted", "completed", "closed_loop_rate"],
    dimensions: ["route"],
    granularity: "month",
    period_from: formatPeriod(periodRange(now, 6)[0]),
    period_to: formatPeriod(now),
    filters: {},
  };
}

/** /raporty/zestawienia: any published combination as a table, downloadable as CSV or XLSX. */
export default function ExplorerPage() {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const serviceTypes = useServiceTypes();
  // The form is the table being composed; `applied` the one shown (and downloaded).
  const form = useForm<AggregateQuery>({ mode: "controlled", initialValues: initialQuery() });
  const draft = form.values;
  const [applied, setApplied] = useState<AggregateQuery>(form.getInitialValues);
  const result = useAggregate(applied);
  const scopeText = useScopeLabel(result.data?.scope);

  const measureOptions = (catalogue.data?.measures ?? []).map((m) => ({
    value: m.name,
    label: t(`reporting.measure.${m.name}`, { defaultValue: m.name }),
  }));
  const dimensionOptions = (catalogue.data?.dimensions ?? []).map((d) => ({
    value: d.name,
    label: t(`reporting.dimension.${d.name}`, { defaultValue: d.name }),
  }));
  const valuesOf = (name: FilterName): { value: string; label: string }[] => {
    if (name === "sender_voivodeship") return Object.entries(VOIVODESHIPS).map(([value, label]) => ({ value, label }));
    if (name === "service_type")
      return (serviceTypes.data?.items ?? []).map((s) => ({ value: s.code, label: i18n.language === "en" ? s.name_en : s.name_pl }));
    if (name === "route") {
      // The catalogue gives a pattern, not a list: every pair of front-line institution types.
      return FRONT_LINE.flatMap((from) =>
        FRONT_LINE.filter((to) => to !== from).map((to) => ({ value: `${from}->${to}`, label: `${from} → ${to}` })),
      );
    }
    const info = catalogue.data?.dimensions.find((d) => d.name === name);
    if (name === "programme") {
      // The programmes the directory's catalogue names, and referrals without one.
      const named = Object.entries(info?.labels ?? {}).map(([value, label]) => ({ value, label: `${label} (${value})` }));
      return [...named, { value: "none", label: t("programmes.none") }];
    }
    return (info?.values ?? [])
      .filter((v) => v !== "unknown")
      .map((value) => ({
        value,
        label:
          name === "status"
            ? t(`referrals.status.${value}`, { defaultValue: value })
            : name === "sex"
              ? t(`reporting.sex.${value}`, { defaultValue: value })
              : value.replace("->", " → "),
      }));
  };
  const periods = periodOptions(draft.granularity, i18n.language);
  const setFilter = (name: FilterName, value: string | null) =>
    form.setFieldValue("filters", { ...draft.filters, [name]: value ?? undefined });

  const submit = form.onSubmit((query) => {
    // The same table asked again is read again: the numbers move as the feeds are ingested.
    if (JSON.stringify(query) === JSON.stringify(applied)) void result.refetch();
    else setApplied(query);
  });

  return (
    <>
      <PageHeader title={t("reporting.explorer.title")} description={scopeText} />
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-label={t("reporting.explorer.form")}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <MultiSelect
            label={t("reporting.explorer.measures")}
            data={measureOptions}
            value={draft.measures}
            onChange={(value) => form.setFieldValue("measures", value as MeasureName[])}
            searchable
            required
            error={draft.measures.length === 0 ? t("reporting.explorer.measures_required") : undefined}
          />
          <MultiSelect
            label={t("reporting.explorer.dimensions")}
            description={t("reporting.explorer.dimensions_help")}
            data={dimensionOptions}
            value={draft.dimensions ?? []}
            onChange={(value) => form.setFieldValue("dimensions", value as DimensionName[])}
            maxValues={4}
            searchable
          />
        </SimpleGrid>
        <Group mt="md" gap="md" align="flex-end">
          <Select
            label={t("reporting.filters.granularity")}
            data={(["month", "quarter", "year"] as Granularity[]).map((g) => ({ value: g, label: t(`reporting.granularity.${g}`) }))}
            value={draft.granularity}
            onChange={(g) => {
              if (!g) return;
              const now = periodOf(new Date(), g);
              form.setValues({
                granularity: g,
                period_from: formatPeriod(periodRange(now, g === "year" ? 3 : 6)[0]),
                period_to: formatPeriod(now),
              });
            }}
            allowDeselect={false}
            w={140}
          />
          <Select
            label={t("reporting.explorer.from")}
            data={periods}
            value={draft.period_from ?? null}
            onChange={(v) => form.setFieldValue("period_from", v ?? undefined)}
            allowDeselect={false}
            w={160}
          />
          <Select
            label={t("reporting.explorer.to")}
            data={periods}
            value={draft.period_to ?? null}
            onChange={(v) => form.setFieldValue("period_to", v ?? undefined)}
            allowDeselect={false}
            w={160}
          />
        </Group>
        <Text fw={600} size="sm" mt="md" component="h2">
          {t("reporting.explorer.filters")}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt={4}>
          {FILTERABLE.map((name) => (
            <Select
              key={name}
              label={t(`reporting.dimension.${name}`)}
              placeholder={t("reporting.explorer.any")}
              data={valuesOf(name)}
              value={draft.filters?.[name] ?? null}
              onChange={(value) => setFilter(name, value)}
              clearable
              searchable
            />
          ))}
        </SimpleGrid>
        <Group mt="md" justify="space-between">
          <Button type="submit" disabled={draft.measures.length === 0}>
            {t("reporting.explorer.show")}
          </Button>
          <Group gap="sm">
            <DownloadButtons download={(format) => downloadAggregate(applied, format)} disabled={!result.data} />
          </Group>
        </Group>
      </Paper>
      <div style={{ marginTop: 16 }}>
        <AsOfNote asOf={result.data?.as_of} />
      </div>
      {result.isError ? <ErrorAlert error={result.error} /> : null}
      {result.data && result.data.rows.length === 0 ? (
        <EmptyState title={t("reporting.no_data")} description={t("reporting.explorer.empty_help")} />
      ) : null}
      {result.data && result.data.rows.length > 0 ? (
        <Paper withBorder p="md" radius="md" mt="md" aria-busy={result.isFetching}>
          <AggregateTable
            rows={result.data.rows}
            dimensions={result.data.dimensions}
            measures={result.data.measures}
            caption={t("reporting.explorer.caption", { count: result.data.rows.length })}
          />
        </Paper>
      ) : null}
    </>
  );
}
