import { useState } from "react";
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import {
  useServiceTypes,
  partnershipQueries,
  TASK_STATUSES,
  useSetTaskStatus,
  type Criteria,
  type Partnership,
  type StandardStep,
  type Task,
  type TaskStatus,
} from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { ProblemAlert } from "../components/ProblemAlert";
import { hasSignatoryRole, isOrganiser, myInstitutionId } from "../lib/access";
import { CriteriaForm } from "./CriteriaForm";
import { StandardForm } from "./StandardForm";
import { TaskForm } from "./TaskForm";

function Tasks({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const tasks = useQuery(partnershipQueries.tasks(partnership.id));
  const setStatus = useSetTaskStatus(partnership.id);
  const [adding, setAdding] = useState(false);
  const organiser = isOrganiser(me, partnership);
  const mayChange = (task: Task) => organiser || (hasSignatoryRole(me) && task.owner_institution_id === myInstitutionId(me));
  const columns: Column<Task>[] = [
    {
      key: "title",
      header: t("partnerships.plan.task_title"),
      cell: (task) => (
        <Stack gap={0}>
          <Text size="sm">{task.title}</Text>
          {task.description ? (
            <Text size="xs" c="dimmed">
              {task.description}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: "owner", header: t("partnerships.plan.owner"), cell: (task) => <InstitutionName id={task.owner_institution_id} /> },
    { key: "starts", header: t("partnerships.plan.starts_on"), cell: (task) => formatDate(task.starts_on) },
    { key: "due", header: t("partnerships.plan.due_on"), cell: (task) => formatDate(task.due_on) },
    {
      key: "status",
      header: t("partnerships.plan.task_status"),
      cell: (task) =>
        mayChange(task) ? (
          <NativeSelect
            size="xs"
            aria-label={t("partnerships.plan.status_of", { title: task.title })}
            value={task.status}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(`partnerships.task_status.${s}`) }))}
            onChange={(e) => setStatus.mutate({ task, status: e.currentTarget.value as TaskStatus })}
          />
        ) : (
          t(`partnerships.task_status.${task.status}`)
        ),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("partnerships.plan.tasks")}
        </Title>
        {organiser ? (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t("partnerships.plan.add_task")}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={setStatus.error} />
      <DataTable
        caption={t("partnerships.plan.tasks")}
        columns={columns}
        rows={tasks.data?.items ?? []}
        rowKey={(task) => task.id}
        loading={tasks.isPending}
        error={tasks.error}
        onRetry={() => void tasks.refetch()}
        empty={<EmptyState title={t("partnerships.plan.no_tasks")} />}
      />
      {adding ? <TaskForm partnership={partnership} onClose={() => setAdding(false)} /> : null}
    </Paper>
  );
}

function CriteriaView({ criteria }: { criteria: Criteria | null }) {
  const { t } = useTranslation();
  if (!criteria) return <Text size="sm">{t("partnerships.plan.no_criteria")}</Text>;
  const age =
    criteria.age_min != null || criteria.age_max != null
      ? `${criteria.age_min ?? "…"}–${criteria.age_max ?? "…"}`
      : t("partnerships.plan.any");
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Text size="sm">
        {t("partnerships.plan.territory")}: {criteria.teryt_codes?.length ? criteria.teryt_codes.join(", ") : t("partnerships.plan.any")}
      </Text>
      <Text size="sm">
        {t("partnerships.plan.age")}: {age}
      </Text>
      <Text size="sm">
        {t("partnerships.plan.labour_office_status")}: {t(`partnerships.labour_office_status.${criteria.labour_office_status ?? "any"}`)}
      </Text>
      <Text size="sm">
        {t("partnerships.plan.social_assistance_use")}: {t(`partnerships.social_assistance_use.${criteria.social_assistance_use ?? "any"}`)}
      </Text>
      {criteria.notes ? (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {criteria.notes}
        </Text>
      ) : null}
    </SimpleGrid>
  );
}

function Standard({ steps }: { steps: StandardStep[] }) {
  const { t } = useTranslation();
  const catalogue = useServiceTypes();
  const en = currentLanguage() === "en";
  const serviceName = (code: string | null | undefined) => {
    if (!code) return t("partnerships.plan.any_service");
    const found = catalogue.data?.items.find((item) => item.code === code);
    return found ? (en ? found.name_en : found.name_pl) : code;
  };
  const columns: Column<StandardStep>[] = [
    { key: "position", header: t("partnerships.plan.step_no"), cell: (s) => s.position },
    { key: "name", header: t("partnerships.plan.step_name"), cell: (s) => s.name },
    {
      key: "performer",
      header: t("partnerships.plan.performer"),
      cell: (s) =>
        s.performer_institution_id ? (
          <InstitutionName id={s.performer_institution_id} />
        ) : s.performer_type ? (
          t(`institution_types.${s.performer_type}`, { defaultValue: s.performer_type })
        ) : (
          "—"
        ),
    },
    { key: "service", header: t("partnerships.plan.service_type"), cell: (s) => serviceName(s.service_type_code) },
    {
      key: "deadline",
      header: t("partnerships.plan.deadline"),
      cell: (s) => (s.deadline_working_days ? t("partnerships.plan.working_days", { count: s.deadline_working_days }) : "—"),
    },
  ];
  return (
    <DataTable
      caption={t("partnerships.plan.standard")}
      columns={columns}
      rows={steps}
      rowKey={(s) => s.id}
      loading={false}
      empty={<Text size="sm">{t("partnerships.plan.no_standard")}</Text>}
    />
  );
}

/** The action plan: tasks, who the joint service is for, and its standard (steps with working-day deadlines). */
export function PlanTab({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const plan = useQuery(partnershipQueries.plan(partnership.id));
  const [editing, setEditing] = useState<"criteria" | "standard" | null>(null);
  const organiser = isOrganiser(me, partnership);
  return (
    <Stack gap="lg">
      <Tasks partnership={partnership} />
      {plan.isError ? <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.isPending ? <div className="skeleton-block" style={{ height: 160 }} aria-busy="true" /> : null}
      {plan.data ? (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t("partnerships.plan.criteria")}
              </Title>
              {organiser ? (
                <Button size="xs" variant="default" onClick={() => setEditing("criteria")}>
                  {t("partnerships.plan.edit_criteria")}
                </Button>
              ) : null}
            </Group>
            <CriteriaView criteria={plan.data.data.criteria} />
          </Paper>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t("partnerships.plan.standard")}
              </Title>
              {organiser ? (
                <Button size="xs" variant="default" onClick={() => setEditing("standard")}>
                  {t("partnerships.plan.edit_standard")}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t("partnerships.plan.standard_help")}
            </Text>
            <Standard steps={plan.data.data.standard} />
          </Paper>
          {editing === "criteria" ? <CriteriaForm partnership={partnership} plan={plan.data} onClose={() => setEditing(null)} /> : null}
          {editing === "standard" ? <StandardForm partnership={partnership} plan={plan.data} onClose={() => setEditing(null)} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
