import { Alert, Paper, SimpleGrid, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { unwrap } from "@/lib/api/client";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { AsOfNote } from "../components/AsOfNote";
import { CellValue } from "../components/CellValue";
import { BarChart } from "../components/charts";
import { DashboardFilters } from "../components/DashboardFilters";
import { caseworkMonths } from "../lib/caseworkMonths";
import { useScopeLabel } from "../lib/scope";
import { useDashboardFilters } from "../lib/useDashboardFilters";

type ProblemAreasRead = ReportingSchemas["ProblemAreasRead"];
const SOURCES = ["referrals", "evaluations", "surveys", "total"] as const;

function useProblemAreaCounts(from: string, to: string, territory: string, enabled: boolean) {
  return useQuery({
    queryKey: ["reporting", "problem-areas", from, to, territory],
    queryFn: () => unwrap(reporting.GET("/v1/problem-areas", { params: { query: { from, to, territory: territory || undefined } } })),
    enabled,
  });
}

function CountsTable({ data, name }: { data: ProblemAreasRead; name: (row: ProblemAreasRead["items"][number]) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped fz="sm">
          <Table.Caption>{t("reporting.problems.table_caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reporting.problems.area")}</Table.Th>
              {SOURCES.map((s) => (
                <Table.Th key={s} scope="col" style={{ textAlign: "right" }}>
                  {t(`reporting.problems.source.${s}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Th scope="row" fw={400}>
                  {name(row)}
                </Table.Th>
                {SOURCES.map((s) => (
                  <Table.Td key={s} style={{ textAlign: "right" }}>
                    <CellValue cell={row[s]} measure={`problem_areas_${s}`} kind="count" />
                    {s === "total" && row.partial ? (
                      <Text span size="xs" c="dimmed" title={t("reporting.problems.partial")}>
                        {" "}
                        *
                      </Text>
                    ) : null}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.items.some((r) => r.partial) ? (
        <Text size="xs" c="dimmed" mt="xs">
          * {t("reporting.problems.partial")}
        </Text>
      ) : null}
    </Paper>
  );
}

/**
 * /raporty/problemy: problem areas of cooperation by three sources — referrals rejected or failed
 * for a reason in the area, partnership evaluations and survey answers naming it.
 */
export default function ProblemAreasPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const { from, to } = caseworkMonths(filters.period);
  const counts = useProblemAreaCounts(from, to, filters.voivodeship, true);
  const data = counts.data;
  const scopeLabel = useScopeLabel(data?.scope);
  const name = (row: { name_pl: string; name_en: string }) => (i18n.language === "en" ? row.name_en : row.name_pl);
  return (
    <>
      <PageHeader title={t("reporting.problems.title")} description={scopeLabel} />
      <DashboardFilters filters={filters} onChange={setFilters} scope={data?.scope} showServiceType={false} />
      <AsOfNote asOf={data?.as_of} />
      {counts.isError ? <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} /> : null}
      {counts.isPending ? (
        <Paper withBorder p="md" radius="md" mt="md" aria-busy="true">
          <Table>
            <Table.Tbody>
              <TableSkeletonRows columns={5} rows={5} />
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {data ? (
        <>
          <Alert variant="light" color={data.exact ? "blue" : "gray"} mt="md" data-testid="problems-precision">
            {data.exact
              ? t("reporting.problems.exact")
              : t("reporting.problems.protected", {
                  threshold: data.suppression.threshold,
                  base: data.suppression.rounding_base,
                  institutions: data.institution_threshold,
                })}
          </Alert>
          <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md">
            <CountsTable data={data} name={name} />
            <Paper withBorder p="md" radius="md">
              <BarChart
                title={t("reporting.problems.chart_title")}
                measure="problem_areas_total"
                bars={data.items.map((row) => ({ key: row.code, label: name(row), cell: row.total }))}
                empty={t("reporting.problems.empty")}
              />
            </Paper>
          </SimpleGrid>
        </>
      ) : null}
    </>
  );
}
