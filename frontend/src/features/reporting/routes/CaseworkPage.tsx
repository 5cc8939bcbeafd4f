import { Alert, Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { unwrap } from "@/lib/api/client";
import { clients } from "@/lib/api/clients";
import { currentLanguage } from "@/lib/i18n";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { useCasework, type CaseworkRead, type Cell } from "../api/reporting";
import { AsOfNote } from "../components/AsOfNote";
import { CellValue } from "../components/CellValue";
import { DashboardFilters } from "../components/DashboardFilters";
import { cellState, type CellKind } from "../lib/cells";
import { caseworkMonths } from "../lib/caseworkMonths";
import { useScopeLabel } from "../lib/scope";
import { useDashboardFilters } from "../lib/useDashboardFilters";

type Measure =
  | "persons_with_plan"
  | "persons_with_joint_plan"
  | "actions"
  | "actions_by_other_institution"
  | "share_by_other_institution"
  | "plans_with_first_action_after_diagnosis"
  | "median_working_days_diagnosis_to_first_action"
  | "plans_reviewed"
  | "plans_reviewed_on_time"
  | "review_on_time_share";

/** The single-valued measures, grouped as the page shows them, each with its kind. */
const SECTIONS: { key: string; measures: [Measure, CellKind][] }[] = [
  {
    key: "persons",
    measures: [
      ["persons_with_plan", "count"],
      ["persons_with_joint_plan", "count"],
    ],
  },
  {
    key: "actions",
    measures: [
      ["actions", "count"],
      ["actions_by_other_institution", "count"],
      ["share_by_other_institution", "rate"],
      ["plans_with_first_action_after_diagnosis", "count"],
      ["median_working_days_diagnosis_to_first_action", "duration"],
    ],
  },
  {
    key: "reviews",
    measures: [
      ["plans_reviewed", "count"],
      ["plans_reviewed_on_time", "count"],
      ["review_on_time_share", "rate"],
    ],
  },
];

const ASSESSMENTS = ["achieved", "partly_achieved", "not_achieved", "abandoned"] as const;

/** A cell that holds nothing: a published 0 or an undefined rate (never a suppressed one). */
function isNothing(cell: Cell): boolean {
  const state = cellState(cell);
  return state === "undefined" || (state === "value" && Number(cell.value) === 0);
}

/** Nothing in the period: no plan, action, assessed goal, first action or review. */
export function caseworkIsEmpty(data: CaseworkRead): boolean {
  return (
    data.goals.length === 0 &&
    data.persons_with_plan_by_type.every((row) => isNothing(row.value)) &&
    SECTIONS.every((section) => section.measures.every(([measure]) => isNothing(data[measure])))
  );
}

const REFERENCE = { staleTime: 60 * 60 * 1000, retry: false } as const;

/**
 * Names of plan types and problem areas from the client registry's catalogues (the keys the
 * casework screens use). Only front-line staff may read them: anyone else sees the codes.
 */
function useCatalogueLabels() {
  const areas = useQuery({
    queryKey: ["casework", "problem-areas"],
    queryFn: () => unwrap(clients.GET("/v1/problem-areas")),
    ...REFERENCE,
  });
  const types = useQuery({
    queryKey: ["casework", "plan-types"],
    queryFn: () => unwrap(clients.GET("/v1/plan-types")),
    ...REFERENCE,
  });
  const label = (rows: { code: string; label_pl: string; label_en: string }[] | undefined, code: string) => {
    const row = rows?.find((r) => r.code === code);
    if (!row) return code;
    return currentLanguage() === "en" ? row.label_en : row.label_pl;
  };
  return {
    area: (code: string) => label(areas.data?.items, code),
    planType: (code: string) => label(types.data?.items, code),
  };
}

function MeasureTable({ data, section }: { data: CaseworkRead; section: (typeof SECTIONS)[number] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Table fz="sm" className="casework-measures" data-section={section.key}>
        <Table.Caption>{t(`reporting.casework.section.${section.key}`)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("reporting.casework.measure")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("reporting.casework.value")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section.measures.map(([measure, kind]) => (
            <Table.Tr key={measure}>
              <Table.Th scope="row" fw={400}>
                {t(`reporting.casework.measures.${measure}`)}
              </Table.Th>
              <Table.Td style={{ textAlign: "right" }}>
                <CellValue cell={data[measure]} measure={measure} kind={kind} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function PlanTypesTable({ data, label }: { data: CaseworkRead; label: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Table striped fz="sm">
        <Table.Caption>{t("reporting.casework.by_type_caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("reporting.casework.plan_type")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("reporting.casework.measures.persons_with_plan")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.persons_with_plan_by_type.map((row) => (
            <Table.Tr key={row.plan_type}>
              <Table.Th scope="row" fw={400}>
                {label(row.plan_type)}
              </Table.Th>
              <Table.Td style={{ textAlign: "right" }}>
                <CellValue cell={row.value} measure="persons_with_plan" kind="count" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.persons_with_plan_by_type.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reporting.casework.no_plans")}
        </Text>
      ) : null}
    </Paper>
  );
}

/** Goals assessed in the period: problem areas × final assessments (an absent pair is 0). */
function GoalsTable({ data, label }: { data: CaseworkRead; label: (code: string) => string }) {
  const { t } = useTranslation();
  const areas = [...new Set(data.goals.map((g) => g.area_code))];
  const cell = (area: string, assessment: string) => data.goals.find((g) => g.area_code === area && g.assessment === assessment)?.value;
  return (
    <Paper withBorder p="md" radius="md" mt="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped fz="sm">
          <Table.Caption>{t("reporting.casework.goals_caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reporting.casework.area")}</Table.Th>
              {ASSESSMENTS.map((a) => (
                <Table.Th key={a} scope="col" style={{ textAlign: "right" }}>
                  {t(`casework.assessment.${a}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {areas.map((area) => (
              <Table.Tr key={area}>
                <Table.Th scope="row" fw={400}>
                  {label(area)}
                </Table.Th>
                {ASSESSMENTS.map((a) => (
                  <Table.Td key={a} style={{ textAlign: "right" }}>
                    <CellValue cell={cell(area, a)} measure="goals" kind="count" />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {areas.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reporting.casework.no_goals")}
        </Text>
      ) : null}
    </Paper>
  );
}

/**
 * /raporty/plany: the casework measures (diagnoses, individual plans, their goals, actions and
 * reviews) of the plans owned in the caller's scope — protected for analysts' territories, exact
 * for an institution's own plans.
 */
export default function CaseworkPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const { from, to } = caseworkMonths(filters.period);
  const casework = useCasework(from, to);
  const labels = useCatalogueLabels();
  const scopeLabel = useScopeLabel(casework.data?.scope);
  const data = casework.data;
  return (
    <>
      <PageHeader title={t("reporting.casework.title")} description={scopeLabel} />
      <DashboardFilters filters={filters} onChange={setFilters} scope={data?.scope} showTerritory={false} showServiceType={false} />
      <AsOfNote asOf={data?.as_of} />
      {casework.isError ? <ErrorAlert error={casework.error} onRetry={() => void casework.refetch()} /> : null}
      {casework.isPending ? (
        <Paper withBorder p="md" radius="md" mt="md" aria-busy="true">
          <Table>
            <Table.Tbody>
              <TableSkeletonRows columns={2} rows={5} />
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {data ? (
        <>
          <Alert variant="light" color={data.exact ? "blue" : "gray"} mt="md" data-testid="casework-precision">
            {data.exact
              ? t("reporting.casework.exact")
              : t("reporting.casework.protected", {
                  threshold: data.suppression.threshold,
                  base: data.suppression.rounding_base,
                })}
          </Alert>
          {caseworkIsEmpty(data) ? (
            <EmptyState title={t("reporting.casework.empty")} description={t("reporting.casework.empty_help")} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, md: 3 }} mt="md">
                {SECTIONS.map((section) => (
                  <MeasureTable key={section.key} data={data} section={section} />
                ))}
              </SimpleGrid>
              <Title order={2} size="h4" mt="lg">
                {t("reporting.casework.plans_and_goals")}
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
                <PlanTypesTable data={data} label={labels.planType} />
              </SimpleGrid>
              <GoalsTable data={data} label={labels.area} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
