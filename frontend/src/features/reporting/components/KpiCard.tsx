import { Paper, Skeleton, Text } from "@mantine/core";
import type { Cell } from "../api/reporting";
import { CellValue } from "./CellValue";

interface KpiCardProps {
  label: string;
  measure: string;
  cell: Cell | undefined;
  loading: boolean;
  hint?: string;
}

/** One indicator for the selected period, with its definition underneath. */
export function KpiCard({ label, measure, cell, loading, hint }: KpiCardProps) {
  return (
    <Paper withBorder p="md" radius="md" className="kpi" data-measure={measure}>
      <Text size="sm" c="dimmed" component="h3" m={0} fw={500}>
        {label}
      </Text>
      <Text component="div" fz={28} fw={700} mt={4} mih={40} className="kpi-value">
        {loading ? <Skeleton height={28} width={80} mt={6} /> : <CellValue cell={cell} measure={measure} />}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}
