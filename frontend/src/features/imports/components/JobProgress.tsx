import { Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { OUTCOMES, type ImportJob } from "../api/imports";

const COLORS: Record<string, string> = {
  created: "green",
  matched: "blue",
  // Light teal badges fall short of 4.5:1 contrast.
  updated: "blue",
  unchanged: "gray",
  rejected: "red",
};

/** A job's state: a progress bar (rows processed of all) and the counts per outcome. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = Math.floor(job.progress * 100);
  const label = t("imports.job.progress", { processed: job.processed_rows, total: job.total_rows, percent });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{t(`imports.job.status.${job.status}`, { defaultValue: job.status })}</Text>
        <Text size="sm" aria-live="polite">
          {label}
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        color={job.status === "failed" ? "red" : "blue"}
        striped={job.status === "running" || job.status === "queued"}
        animated={job.status === "running"}
        aria-label={t("imports.job.progress_label")}
      />
      <Group gap="xs" aria-label={t("imports.job.counts")} role="group">
        {OUTCOMES.map((outcome) => (
          <Badge key={outcome} color={COLORS[outcome]} variant="light" size="lg">
            {t(`imports.outcome.${outcome}`)}: {job.counts[outcome]}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}
