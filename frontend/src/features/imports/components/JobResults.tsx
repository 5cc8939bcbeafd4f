import { useEffect, useState } from "react";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { downloadRejected, importKeys, isFinished, useImportJob, type Outcome } from "../api/imports";
import { JobProgress } from "./JobProgress";
import { RowsTable } from "./RowsTable";

interface JobResultsProps {
  jobId: string;
  /** The file the job was made from, still in the page: a dry run can then be run for real. */
  canRunForReal: boolean;
  running: boolean;
  onRunForReal: () => void;
}

/** One job: progress while it runs, then its counts, the rows, the real run and the rejected rows. */
export function JobResults({ jobId, canRunForReal, running, onRunForReal }: JobResultsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useImportJob(jobId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [downloading, setDownloading] = useState(false);
  const finished = isFinished(job.data);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: [...importKeys.job(jobId), "rows"] });
  }, [finished, jobId, queryClient]);
  if (job.isError) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return null;
  const data = job.data;

  const download = async () => {
    setDownloading(true);
    try {
      const name = await downloadRejected(jobId);
      notify("green", t("imports.job.downloaded", { name }));
    } catch (error) {
      notify("red", describeError(error, t).message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {data.dry_run ? t("imports.job.title_dry_run") : t("imports.job.title_real")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("imports.job.started", { when: formatDateTime(data.created_at) })}
          </Text>
        </div>
        <JobProgress job={data} />
        {data.status === "failed" ? (
          <Alert color="red" variant="light">
            {t("imports.job.failed")}
          </Alert>
        ) : null}
        {finished && data.status === "completed" ? (
          <Text size="sm">{data.dry_run ? t("imports.job.dry_run_done") : t("imports.job.real_done")}</Text>
        ) : null}
        {finished ? (
          <Group>
            {data.dry_run && data.status === "completed" ? (
              canRunForReal ? (
                <Button onClick={onRunForReal} loading={running}>
                  {t("imports.job.run_for_real")}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("imports.job.choose_again")}
                </Text>
              )
            ) : null}
            {data.counts.rejected > 0 ? (
              <Button variant="default" onClick={() => void download()} loading={downloading}>
                {t("imports.job.download_rejected", { count: data.counts.rejected })}
              </Button>
            ) : null}
          </Group>
        ) : null}
        <div>
          <Title order={3} size="h4" mb="xs">
            {t("imports.rows.title")}
          </Title>
          {finished ? (
            <RowsTable jobId={jobId} enabled={finished} outcome={outcome} onOutcome={setOutcome} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("imports.rows.after")}
            </Text>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
