import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { partnershipQueries, TASK_STATUSES, useCreateTask, type Partnership, type TaskStatus } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

/** The parties as select options, with their names. */
export function usePartyOptions(partnership: Partnership): { value: string; label: string }[] {
  const names = useQueries({ queries: partnership.party_ids.map((id) => partnershipQueries.institution(id)) });
  return partnership.party_ids.map((id, i) => ({ value: id, label: names[i]?.data?.name ?? id }));
}

interface Values {
  title: string;
  description: string;
  owner_institution_id: string;
  starts_on: string;
  due_on: string;
  status: TaskStatus;
}

export function TaskForm({ partnership, onClose }: { partnership: Partnership; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask(partnership.id);
  const parties = usePartyOptions(partnership);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { title: "", description: "", owner_institution_id: "", starts_on: "", due_on: "", status: "planned" },
    validate: {
      title: (v) => (v.trim() ? null : t("partnerships.create.required")),
      owner_institution_id: (v) => (v ? null : t("partnerships.create.required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await create.mutateAsync({
        title: values.title.trim(),
        description: normalise(values.description),
        owner_institution_id: values.owner_institution_id,
        starts_on: normalise(values.starts_on),
        due_on: normalise(values.due_on),
        status: values.status,
      });
      notify("green", t("partnerships.plan.task_added"));
      onClose();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("partnerships.plan.add_task")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t("partnerships.plan.task_title")} required {...form.getInputProps("title")} />
          <Textarea label={t("partnerships.plan.task_description")} autosize minRows={2} {...form.getInputProps("description")} />
          <Select label={t("partnerships.plan.owner")} required data={parties} {...form.getInputProps("owner_institution_id")} />
          <Group grow>
            <TextInput type="date" label={t("partnerships.plan.starts_on")} {...form.getInputProps("starts_on")} />
            <TextInput type="date" label={t("partnerships.plan.due_on")} {...form.getInputProps("due_on")} />
          </Group>
          <Select
            label={t("partnerships.plan.task_status")}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(`partnerships.task_status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps("status")}
          />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("partnerships.plan.add_task")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
