import { Badge, SegmentedControl, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { OUTCOMES, rejection, useImportRows, type ImportRow, type Outcome } from "../api/imports";

/** Why a row was refused: the translated code (or the server's detail) and the columns at fault. */
function Reason({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (row.outcome !== "rejected") return null;
  const { code, detail, fields } = rejection(row);
  return (
    <Stack gap={0}>
      <Text size="sm">{t(`imports.reason.${code}`, { defaultValue: detail || code })}</Text>
      {fields.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t("imports.rows.fields", { fields: fields.join(", ") })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A job's rows with their outcome (and why a rejected one was refused), filterable, paged. */
export function RowsTable({
  jobId,
  enabled,
  outcome,
  onOutcome,
}: {
  jobId: string;
  enabled: boolean;
  outcome: Outcome | null;
  onOutcome: (outcome: Outcome | null) => void;
}) {
  const { t } = useTranslation();
  const rows = useImportRows(jobId, outcome, enabled);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: Column<ImportRow>[] = [
    { key: "row", header: t("imports.rows.row"), cell: (row) => row.row_number },
    { key: "external_id", header: t("imports.rows.external_id"), cell: (row) => row.external_id ?? "—" },
    {
      key: "outcome",
      header: t("imports.rows.outcome"),
      cell: (row) =>
        row.outcome ? (
          <Badge variant="light" color={row.outcome === "rejected" ? "red" : "green"}>
            {t(`imports.outcome.${row.outcome}`, { defaultValue: row.outcome })}
          </Badge>
        ) : (
          t("imports.rows.pending")
        ),
    },
    { key: "reason", header: t("imports.rows.reason"), cell: (row) => <Reason row={row} /> },
  ];
  return (
    <>
      <SegmentedControl
        mb="sm"
        aria-label={t("imports.rows.filter")}
        value={outcome ?? "all"}
        onChange={(value) => onOutcome(value === "all" ? null : value)}
        data={[
          { value: "all", label: t("imports.rows.all") },
          ...OUTCOMES.map((value) => ({ value, label: t(`imports.outcome.${value}`) })),
        ]}
      />
      <DataTable
        caption={t("imports.rows.caption")}
        columns={columns}
        rows={items}
        rowKey={(row) => String(row.row_number)}
        loading={rows.isPending && enabled}
        error={rows.error}
        onRetry={() => void rows.refetch()}
        empty={<EmptyState title={t("imports.rows.empty")} />}
      />
      {items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={rows.hasNextPage}
          isFetchingNextPage={rows.isFetchingNextPage}
          onLoadMore={() => void rows.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
