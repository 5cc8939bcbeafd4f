import { useState } from "react";
import { Button, Group, Paper, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeError, isApiError } from "@/lib/api/problem";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { auditKeys, exportAccessLog, useAccessLog, type ExportFormat, type LogFilters } from "../api/accessLog";
import { AccessLogFilters } from "../components/AccessLogFilters";
import { AccessLogTable } from "../components/AccessLogTable";

/** /audyt: the auditor's access log — filters, newest first, paged, exported as CSV or XLSX. */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<LogFilters>({});
  // The log grows with every look at it (queries and exports are logged): always ask again.
  const refresh = () => void queryClient.invalidateQueries({ queryKey: auditKeys.all });
  const apply = (next: LogFilters) => {
    setFilters(next);
    refresh();
  };
  const log = useAccessLog(filters);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  const download = async (format: ExportFormat) => {
    setExporting(format);
    try {
      const name = await exportAccessLog(filters, format);
      notify("green", t("audit.export.done", { name }));
      refresh();
    } catch (error) {
      if (isApiError(error) && error.problem.code === "export_too_large") {
        const extra = error.problem as unknown as { matching?: number; max_rows?: number };
        notify("red", t("audit.export.too_large", { matching: extra.matching ?? "?", max: extra.max_rows ?? "?" }));
      } else {
        notify("red", describeError(error, t).message);
      }
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={() => void download("csv")} loading={exporting === "csv"}>
              {t("audit.export.csv")}
            </Button>
            <Button variant="default" onClick={() => void download("xlsx")} loading={exporting === "xlsx"}>
              {t("audit.export.xlsx")}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <AccessLogFilters onApply={apply} />
        </Paper>
        <Paper withBorder p={0}>
          <AccessLogTable
            entries={entries}
            loading={log.isPending}
            error={log.error}
            onRetry={() => void log.refetch()}
            empty={<EmptyState title={t("audit.empty")} />}
          />
        </Paper>
        {entries.length > 0 ? (
          <LoadMore
            shown={entries.length}
            hasNextPage={log.hasNextPage}
            isFetchingNextPage={log.isFetchingNextPage}
            onLoadMore={() => void log.fetchNextPage()}
          />
        ) : null}
      </Stack>
    </>
  );
}
