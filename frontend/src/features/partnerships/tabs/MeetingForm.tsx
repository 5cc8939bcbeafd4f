import { useState } from "react";
import { ActionIcon, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useRecordMeeting, type MeetingCreate, type Partnership } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";
import { usePartyOptions } from "./TaskForm";

interface DecisionRow {
  text: string;
  createsTask: boolean;
  task_title: string;
  owner_institution_id: string | null;
  due_on: string;
}

interface Values {
  held_on: string;
  present_institution_ids: string[];
  agenda: string;
  decisions: DecisionRow[];
  minutes_title: string;
  minutes_file: string;
  next_meeting_on: string;
}

const EMPTY_DECISION: DecisionRow = { text: "", createsTask: false, task_title: "", owner_institution_id: null, due_on: "" };

function toBody(values: Values): MeetingCreate {
  const minutesTitle = normalise(values.minutes_title);
  return {
    held_on: values.held_on,
    present_institution_ids: values.present_institution_ids,
    agenda: values.agenda.trim(),
    decisions: values.decisions.map((d) => ({
      text: d.text.trim(),
      task:
        d.createsTask && d.owner_institution_id
          ? {
              title: (normalise(d.task_title) ?? d.text.trim()).slice(0, 300),
              owner_institution_id: d.owner_institution_id,
              due_on: normalise(d.due_on),
              status: "planned",
            }
          : null,
    })),
    minutes: minutesTitle ? { title: minutesTitle, file_name: normalise(values.minutes_file) } : null,
    next_meeting_on: normalise(values.next_meeting_on),
  };
}

/** Record a meeting: the date, parties present, agenda, decisions (each may add a plan task), the minutes and the next date. */
export function MeetingForm({ partnership, onClose }: { partnership: Partnership; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordMeeting(partnership.id);
  const parties = usePartyOptions(partnership);
  const [error, setError] = useState<unknown>(null);
  const required = (v: string) => (v.trim() ? null : t("partnerships.create.required"));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      held_on: new Date().toISOString().slice(0, 10),
      present_institution_ids: [...partnership.party_ids],
      agenda: "",
      decisions: [],
      minutes_title: "",
      minutes_file: "",
      next_meeting_on: "",
    },
    validate: {
      held_on: required,
      agenda: required,
      present_institution_ids: (v) => (v.length > 0 ? null : t("partnerships.meetings.present_required")),
      decisions: {
        text: required,
        owner_institution_id: (v, values, path) => {
          const index = Number(path.split(".")[1]);
          return values.decisions[index]?.createsTask && !v ? t("partnerships.create.required") : null;
        },
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await record.mutateAsync(toBody(values));
      notify("green", t("partnerships.meetings.recorded"));
      onClose();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("partnerships.meetings.record")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput type="date" label={t("partnerships.meetings.held_on")} required {...form.getInputProps("held_on")} />
          <Checkbox.Group label={t("partnerships.meetings.present")} required {...form.getInputProps("present_institution_ids")}>
            <Stack gap={6} mt={6}>
              {parties.map((p) => (
                <Checkbox key={p.value} value={p.value} label={p.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea label={t("partnerships.meetings.agenda")} required autosize minRows={3} {...form.getInputProps("agenda")} />
          {form.values.decisions.map((decision, index) => (
            <Paper key={index} withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text size="sm" fw={600}>
                  {t("partnerships.meetings.decision_n", { n: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("partnerships.meetings.remove_decision", { n: index + 1 })}
                  onClick={() => form.removeListItem("decisions", index)}
                >
                  ×
                </ActionIcon>
              </Group>
              <Stack gap="xs">
                <Textarea
                  label={t("partnerships.meetings.decision_text")}
                  required
                  autosize
                  minRows={2}
                  {...form.getInputProps(`decisions.${index}.text`)}
                />
                <Checkbox
                  label={t("partnerships.meetings.creates_task")}
                  {...form.getInputProps(`decisions.${index}.createsTask`, { type: "checkbox" })}
                />
                {decision.createsTask ? (
                  <>
                    <TextInput
                      label={t("partnerships.plan.task_title")}
                      description={t("partnerships.meetings.task_title_help")}
                      {...form.getInputProps(`decisions.${index}.task_title`)}
                    />
                    <Group grow>
                      <Select
                        label={t("partnerships.plan.owner")}
                        required
                        data={parties}
                        {...form.getInputProps(`decisions.${index}.owner_institution_id`)}
                      />
                      <TextInput type="date" label={t("partnerships.plan.due_on")} {...form.getInputProps(`decisions.${index}.due_on`)} />
                    </Group>
                  </>
                ) : null}
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem("decisions", { ...EMPTY_DECISION })}>
              {t("partnerships.meetings.add_decision")}
            </Button>
          </Group>
          <Group grow>
            <TextInput label={t("partnerships.meetings.minutes_title")} {...form.getInputProps("minutes_title")} />
            <TextInput label={t("partnerships.meetings.minutes_file")} {...form.getInputProps("minutes_file")} />
          </Group>
          <TextInput type="date" label={t("partnerships.meetings.next_meeting_on")} {...form.getInputProps("next_meeting_on")} />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t("partnerships.meetings.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
