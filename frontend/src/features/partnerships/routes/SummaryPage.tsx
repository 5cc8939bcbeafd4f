import { useState } from "react";
import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { PageHeader } from "@/lib/ui/PageHeader";
import { partnershipQueries, type PartnershipMeasures } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge } from "../components/StatusBadge";
import { formatValue } from "../tabs/measures";

type Flow = PartnershipMeasures["flows"][number];
type Cell = PartnershipMeasures["indicators"][string];
const FLOW_MEASURES = ["referrals", "responded", "accepted", "completed", "employment_outcome"] as const;
const KEY_INDICATORS = ["referrals", "sla_compliance", "acceptance_rate", "closed_loop_rate", "employment_outcome", "cooperation_index"];

function CellText({ code, cell }: { code: string; cell: Cell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return <>—</>;
  if (cell.suppressed) return <>{t("partnerships.targets.suppressed")}</>;
  return <>{formatValue(code, typeof cell.value === "number" ? cell.value : null)}</>;
}

/** /partnerstwa/:id/podsumowanie: what an analyst sees of a partnership — its status, area and parties, and its measured joint work (protected). */
export default function SummaryPage() {
  const { t } = useTranslation();
  const { partnershipId = "" } = useParams();
  const summary = useQuery(partnershipQueries.summary(partnershipId));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const measured = useQuery(partnershipQueries.measured(partnershipId, year));

  if (summary.isPending) return <PageSkeleton />;
  if (summary.isError) {
    return (
      <>
        <PageHeader title={t("partnerships.title")} />
        <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    );
  }
  const p = summary.data;
  const columns: Column<Flow>[] = [
    { key: "route", header: t("partnerships.summary.route"), cell: (f) => f.route },
    { key: "service", header: t("partnerships.plan.service_type"), cell: (f) => f.service_type },
    ...FLOW_MEASURES.map((code) => ({
      key: code,
      header: t(`reporting.measure.${code}`, { defaultValue: code }),
      cell: (f: Flow) => <CellText code={code} cell={f.values[code]} />,
    })),
  ];
  return (
    <>
      <PageHeader
        title={p.name}
        description={<StatusBadge status={p.status} />}
        actions={
          <Anchor component={Link} to="/partnerstwa" size="sm">
            {t("partnerships.page.back")}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Text size="sm">
              {t("partnerships.fields.area")}: {p.area_teryt.join(", ")}
            </Text>
            <Text size="sm" component="div">
              {t("partnerships.roles.leader")}: <InstitutionName id={p.leader_institution_id} />
            </Text>
            <Text size="sm">{t("partnerships.list.party_count", { count: p.party_ids.length })}</Text>
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="sm">
            {t("partnerships.summary.only_summary")}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm" align="flex-end">
            <Title order={2} size="h4">
              {t("partnerships.summary.measured_title", { year })}
            </Title>
            <NativeSelect
              label={t("partnerships.summary.year")}
              value={year}
              onChange={(e) => setYear(e.currentTarget.value)}
              data={[0, 1, 2].map((back) => String(thisYear - back))}
              w={120}
            />
          </Group>
          {measured.isError ? (
            <ProblemAlert error={measured.error} onRetry={() => void measured.refetch()} />
          ) : measured.isPending ? (
            <div className="skeleton-block" style={{ height: 120 }} aria-busy="true" />
          ) : (
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {measured.data.exact ? t("partnerships.targets.scope_exact") : t("partnerships.targets.scope_protected")}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }}>
                {KEY_INDICATORS.map((code) => (
                  <Stack key={code} gap={0}>
                    <Text size="xs" c="dimmed">
                      {t(`reporting.measure.${code}`, { defaultValue: code })}
                    </Text>
                    <Text fw={600} data-testid={`summary-${code}`}>
                      <CellText code={code} cell={measured.data.indicators[code]} />
                    </Text>
                  </Stack>
                ))}
              </SimpleGrid>
              <DataTable
                caption={t("partnerships.summary.flows")}
                columns={columns}
                rows={measured.data.flows}
                rowKey={(f) => `${f.route}/${f.service_type}`}
                loading={false}
                empty={<EmptyState title={t("partnerships.summary.no_flows")} />}
              />
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
