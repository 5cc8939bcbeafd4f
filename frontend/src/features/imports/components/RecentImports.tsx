import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { useImportJobs, type ImportJob } from "../api/imports";

/** The institution's latest imports (newest first); "Pokaż" opens one's results. */
export function RecentImports({ current, onOpen }: { current: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const jobs = useImportJobs();
  const columns: Column<ImportJob>[] = [
    { key: "created", header: t("imports.recent.created"), cell: (job) => formatDateTime(job.created_at) },
    { key: "mode", header: t("imports.recent.mode"), cell: (job) => (job.dry_run ? t("imports.job.dry_run") : t("imports.job.real")) },
    {
      key: "status",
      header: t("imports.recent.status"),
      cell: (job) => t(`imports.job.status.${job.status}`, { defaultValue: job.status }),
    },
    { key: "rows", header: t("imports.recent.rows"), cell: (job) => job.total_rows },
    { key: "rejected", header: t("imports.outcome.rejected"), cell: (job) => job.counts.rejected },
  ];
  return (
    <DataTable
      caption={t("imports.recent.title")}
      columns={columns}
      rows={jobs.data?.items ?? []}
      rowKey={(job) => job.id}
      loading={jobs.isPending}
      error={jobs.error}
      onRetry={() => void jobs.refetch()}
      empty={<EmptyState title={t("imports.recent.empty")} />}
      actions={(job) =>
        job.id === current ? null : (
          <Button size="xs" variant="default" onClick={() => onOpen(job.id)}>
            {t("imports.recent.open")}
          </Button>
        )
      }
    />
  );
}
