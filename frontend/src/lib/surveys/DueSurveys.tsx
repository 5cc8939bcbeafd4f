import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/format";
import { useDueSurveyTasks } from "./tasks";

/** The notifications page's list of surveys to fill in soon (or reminded about), with links to the forms. */
export function DueSurveys() {
  const { t } = useTranslation();
  const { tasks } = useDueSurveyTasks();
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="due-surveys">
      <Title order={2} size="h4" id="due-surveys" mb="xs">
        {t("surveys.notifications.heading", { count: tasks.length })}
      </Title>
      <Paper withBorder p={0} mb="lg">
        <Stack gap={0} component="ul" className="plain-list">
          {tasks.map((task) => (
            <Group key={task.round_id} component="li" justify="space-between" p="sm" wrap="nowrap">
              <div>
                <Text fw={600}>{task.title}</Text>
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t("surveys.notifications.due", { date: formatDate(task.deadline) })}
                  </Text>
                  {task.reminded_at ? (
                    <Badge size="sm" color="red" variant="outline" tt="none">
                      {t("surveys.notifications.reminded")}
                    </Badge>
                  ) : null}
                </Group>
              </div>
              <Button
                component={Link}
                to={`/ankiety/odpowiedz/${task.round_id}`}
                size="xs"
                variant="default"
                aria-label={t("surveys.notifications.open_of", { title: task.title })}
              >
                {t("surveys.notifications.open")}
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>
    </section>
  );
}

/** The navigation's count of surveys to fill in soon. */
export function DueSurveysBadge() {
  const { t } = useTranslation();
  const { tasks } = useDueSurveyTasks();
  const count = tasks.length;
  if (count === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={count < 10} aria-label={t("surveys.notifications.heading", { count })}>
      {count}
    </Badge>
  );
}
