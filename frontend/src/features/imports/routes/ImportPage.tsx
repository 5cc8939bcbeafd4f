import { useState } from "react";
import { Alert, Paper, Stack, Title } from "@mantine/core";
import { useSearchParams } from "react-router";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { describeError, isApiError } from "@/lib/api/problem";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useUploadImport } from "../api/imports";
import { ImportColumns } from "../components/ImportColumns";
import { JobResults } from "../components/JobResults";
import { RecentImports } from "../components/RecentImports";
import { UploadForm } from "../components/UploadForm";

const JOB_PARAM = "zadanie";

function uploadError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return describeError(error, t).message;
  const { code, detail } = error.problem;
  const known = t(`imports.errors.${code}`, { defaultValue: "" });
  if (!known) return describeError(error, t).message;
  return code === "unknown_columns" && detail ? `${known} (${detail})` : known;
}

/**
 * /import: a coordinator uploads a CSV (or JSON) file of persons, checks it with a dry run (per-row
 * outcomes), runs it for real with a progress bar, and downloads the rejected rows to correct them.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get(JOB_PARAM) ?? "";
  const [file, setFile] = useState<{ file: File; jobId: string } | null>(null);
  const upload = useUploadImport();

  const open = (id: string) => setParams({ [JOB_PARAM]: id }, { replace: false });
  const start = async (chosen: File, dryRun: boolean) => {
    try {
      const job = await upload.mutateAsync({ file: chosen, dryRun });
      setFile(dryRun ? { file: chosen, jobId: job.id } : null);
      open(job.id);
    } catch {
      // shown below
    }
  };

  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t("imports.upload.title")}
          </Title>
          <Stack gap="md">
            <UploadForm busy={upload.isPending} onSubmit={(chosen, dryRun) => void start(chosen, dryRun)} />
            {upload.isError ? (
              <Alert color="red" variant="light" title={t("imports.errors.title")} role="alert">
                {uploadError(upload.error, t)}
              </Alert>
            ) : null}
            <ImportColumns />
          </Stack>
        </Paper>
        {jobId ? (
          <JobResults
            key={jobId}
            jobId={jobId}
            canRunForReal={file?.jobId === jobId}
            running={upload.isPending}
            onRunForReal={() => file && void start(file.file, false)}
          />
        ) : null}
        <section aria-labelledby="imports-recent">
          <Title order={2} size="h3" mb="sm" id="imports-recent">
            {t("imports.recent.title")}
          </Title>
          <Paper withBorder p={0}>
            <RecentImports current={jobId} onOpen={open} />
          </Paper>
        </section>
      </Stack>
    </>
  );
}
