import { useState } from "react";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { partnershipQueries, type Partnership, type PartnershipMeasures, type Target } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";
import { isOrganiser } from "../lib/access";
import { formatValue, meets } from "./measures";
import { TargetsForm } from "./TargetsForm";

type Measured = { value: number | null; suppressed: boolean } | "unavailable" | "loading" | "error";
interface PeriodResult {
  data?: PartnershipMeasures;
  isError: boolean;
}

function measuredOf(target: Target, periods: string[], results: PeriodResult[]): Measured {
  const result = results[periods.indexOf(target.period)];
  if (!result || result.isError) return "error";
  if (!result.data) return "loading";
  const cell = result.data.indicators[target.indicator_code];
  if (!cell) return "unavailable";
  return { value: typeof cell.value === "number" ? cell.value : null, suppressed: cell.suppressed };
}

function MeasuredCell({ target, measured }: { target: Target; measured: Measured }) {
  const { t } = useTranslation();
  if (measured === "loading") return <span aria-busy="true">…</span>;
  if (measured === "unavailable")
    return (
      <Text size="sm" c="dimmed">
        {t("partnerships.targets.not_measured")}
      </Text>
    );
  if (measured === "error")
    return (
      <Text size="sm" c="dimmed">
        {t("partnerships.targets.measure_error")}
      </Text>
    );
  if (measured.suppressed) return <Text size="sm">{t("partnerships.targets.suppressed")}</Text>;
  const met = meets(target, measured.value);
  return (
    <Group gap={6}>
      <Text size="sm" data-testid={`measured-${target.indicator_code}`}>
        {formatValue(target.indicator_code, measured.value)}
      </Text>
      {met === null ? null : (
        <Badge size="sm" variant="light" color={met ? "green" : "orange"} tt="none">
          {met ? t("partnerships.targets.met") : t("partnerships.targets.not_met")}
        </Badge>
      )}
    </Group>
  );
}

/** The partnership's measured values for each target's period (one reporting call per period). */
export function useMeasured(partnershipId: string, targets: readonly Target[]) {
  const periods = [...new Set(targets.map((x) => x.period))];
  const results = useQueries({ queries: periods.map((period) => partnershipQueries.measured(partnershipId, period)) });
  const exact = results.find((r) => r.data)?.data?.exact;
  return { periods, results, exact, refetch: () => results.forEach((r) => void r.refetch()) };
}

/** Targets (indicator, period, baseline, target) against the partnership's measured joint work. */
export function TargetsTab({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const plan = useQuery(partnershipQueries.plan(partnership.id));
  const [editing, setEditing] = useState(false);
  const targets = plan.data?.data.targets ?? [];
  const { periods, results, exact } = useMeasured(partnership.id, targets);

  const columns: Column<Target>[] = [
    {
      key: "indicator",
      header: t("partnerships.targets.indicator"),
      cell: (x) => t(`reporting.measure.${x.indicator_code}`, { defaultValue: x.indicator_code }),
    },
    { key: "period", header: t("partnerships.targets.period"), cell: (x) => x.period },
    { key: "baseline", header: t("partnerships.targets.baseline"), cell: (x) => formatValue(x.indicator_code, x.baseline) },
    {
      key: "target",
      header: t("partnerships.targets.target"),
      cell: (x) => `${t(`partnerships.targets.direction.${x.direction}`)} ${formatValue(x.indicator_code, x.target_value)}`,
    },
    {
      key: "measured",
      header: t("partnerships.targets.measured"),
      cell: (x) => <MeasuredCell target={x} measured={measuredOf(x, periods, results)} />,
    },
  ];

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("partnerships.targets.title")}
        </Title>
        {isOrganiser(me, partnership) && plan.data ? (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t("partnerships.targets.edit")}
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {exact === true
            ? t("partnerships.targets.scope_exact")
            : exact === false
              ? t("partnerships.targets.scope_protected")
              : t("partnerships.targets.scope_help")}
        </Text>
        {plan.isError ? (
          <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
        ) : (
          <DataTable
            caption={t("partnerships.targets.title")}
            columns={columns}
            rows={targets}
            rowKey={(x) => x.id}
            loading={plan.isPending}
            empty={<EmptyState title={t("partnerships.targets.empty")} />}
          />
        )}
      </Stack>
      {editing && plan.data ? <TargetsForm partnership={partnership} plan={plan.data} onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}
