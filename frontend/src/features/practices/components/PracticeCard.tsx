import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/format";
import { useProblemAreas } from "@/lib/ui/ProblemAreasSelect";
import type { PracticeSummary } from "../api/practices";

export function StatusBadge({ status }: { status: PracticeSummary["status"] }) {
  const { t } = useTranslation();
  const colour = { draft: "gray", submitted: "blue", returned: "orange", accepted: "teal", rejected: "red", published: "green" }[status];
  return (
    <Badge color={colour} variant="light">
      {t(`practices.status.${status}`)}
    </Badge>
  );
}

/** One practice in a list: its title (a link to it), institution, areas and state. */
export function PracticeCard({ practice, showStatus = false }: { practice: PracticeSummary; showStatus?: boolean }) {
  const { t } = useTranslation();
  const areas = useProblemAreas();
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`practice-${practice.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/dobre-praktyki/${practice.id}`} fw={600} id={`practice-${practice.id}`}>
            {practice.title}
          </Anchor>
          {showStatus ? <StatusBadge status={practice.status} /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {practice.institution_name ?? practice.institution_type} · {t("practices.since", { date: formatDate(practice.since) })}
        </Text>
        <Text size="sm" lineClamp={3}>
          {practice.summary}
        </Text>
        <Group gap={6} aria-label={t("practices.form.problem_areas")}>
          {practice.problem_areas.map((code) => (
            <Badge key={code} variant="outline" size="sm">
              {areas.name(code)}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
