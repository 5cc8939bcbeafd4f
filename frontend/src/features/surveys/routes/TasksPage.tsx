import { Anchor, Badge, Group, SegmentedControl, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { surveyQueries, type SurveyTask } from "../api/surveys";
import { ResponseStatusBadge } from "../components/badges";
import { Loading } from "../components/Loading";

function DaysLeft({ task }: { task: SurveyTask }) {
  const { t } = useTranslation();
  if (task.round_status === "closed" || task.days_left < 0)
    return (
      <Text size="sm" c="dimmed">
        {t("surveys.tasks.closed")}
      </Text>
    );
  const urgent = task.days_left <= 7;
  return (
    <Text size="sm" c={urgent ? "orange.9" : undefined} fw={urgent ? 600 : undefined}>
      {task.days_left === 0 ? t("surveys.tasks.today") : t("surveys.tasks.days_left", { count: task.days_left })}
    </Text>
  );
}

/** /ankiety for an institution's coordinator or administrator: the surveys to fill in. */
export default function TasksPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"open" | "all">("open");
  const tasks = useQuery(surveyQueries.tasks(status));
  return (
    <>
      <PageHeader title={t("surveys.tasks.title")} description={t("surveys.tasks.description")} />
      <SegmentedControl
        mb="md"
        aria-label={t("surveys.tasks.filter")}
        value={status}
        onChange={(value) => setStatus(value)}
        data={[
          { value: "open", label: t("surveys.tasks.open") },
          { value: "all", label: t("surveys.tasks.all") },
        ]}
      />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <EmptyState title={t("surveys.tasks.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <caption className="visually-hidden">{t("surveys.tasks.title")}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("surveys.tasks.survey")}</Table.Th>
                <Table.Th>{t("surveys.tasks.deadline")}</Table.Th>
                <Table.Th>{t("surveys.tasks.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.data.items.map((task) => (
                <Table.Tr key={task.round_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ankiety/odpowiedz/${task.round_id}`}>
                      {task.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(task.deadline)}</Text>
                    <DaysLeft task={task} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <ResponseStatusBadge status={task.status} />
                      {task.reminded_at && task.status !== "submitted" ? (
                        <Badge color="red" variant="outline" tt="none" title={formatDateTime(task.reminded_at)}>
                          {t("surveys.tasks.reminded")}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
