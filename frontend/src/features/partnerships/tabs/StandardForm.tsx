import { useState } from "react";
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Versioned } from "@/lib/api/client";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { currentLanguage } from "@/lib/i18n";
import { useServiceTypes, useSetStandard, type Partnership, type Plan } from "../api/partnerships";
import { PlanModal } from "./PlanModal";
import { usePartyOptions } from "./TaskForm";

interface Step {
  name: string;
  performer_institution_id: string | null;
  service_type_code: string;
  deadline_working_days: number | string;
}

/** The service standard's ordered steps: who performs each, its service type and the working-day deadline to answer. */
export function StandardForm({ partnership, plan, onClose }: { partnership: Partnership; plan: Versioned<Plan>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetStandard(partnership.id);
  const parties = usePartyOptions(partnership);
  const catalogue = useServiceTypes();
  const en = currentLanguage() === "en";
  const serviceTypes = (catalogue.data?.items ?? [])
    .filter((item) => item.active)
    .map((item) => ({ value: item.code, label: en ? item.name_en : item.name_pl }));
  const [error, setError] = useState<unknown>(null);
  const form = useForm<{ steps: Step[] }>({
    mode: "controlled",
    initialValues: {
      steps: plan.data.standard.map((s) => ({
        name: s.name,
        performer_institution_id: s.performer_institution_id,
        service_type_code: s.service_type_code ?? "",
        deadline_working_days: s.deadline_working_days ?? "",
      })),
    },
    validate: { steps: { name: (v) => (v.trim() ? null : t("partnerships.create.required")) } },
  });
  const submit = form.onSubmit(async ({ steps }) => {
    setError(null);
    try {
      await save.mutateAsync({
        etag: plan.etag,
        body: steps.map((s) => ({
          name: s.name.trim(),
          performer_institution_id: s.performer_institution_id,
          service_type_code: normalise(s.service_type_code),
          deadline_working_days: typeof s.deadline_working_days === "number" ? s.deadline_working_days : null,
        })),
      });
      notify("green", t("partnerships.plan.saved"));
      onClose();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  return (
    <PlanModal
      partnershipId={partnership.id}
      title={t("partnerships.plan.edit_standard")}
      error={error}
      saving={save.isPending}
      onSubmit={submit}
      onClose={onClose}
      size="lg"
    >
      {form.values.steps.map((_, index) => (
        <Paper key={index} withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Text size="sm" fw={600}>
              {t("partnerships.plan.step_n", { n: index + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("partnerships.plan.remove_step", { n: index + 1 })}
              onClick={() => form.removeListItem("steps", index)}
            >
              ×
            </ActionIcon>
          </Group>
          <Stack gap="xs">
            <TextInput label={t("partnerships.plan.step_name")} required {...form.getInputProps(`steps.${index}.name`)} />
            <Select
              label={t("partnerships.plan.performer")}
              data={parties}
              clearable
              {...form.getInputProps(`steps.${index}.performer_institution_id`)}
            />
            <Group grow>
              <Select
                label={t("partnerships.plan.service_type")}
                description={t("partnerships.plan.service_type_any")}
                data={serviceTypes}
                searchable
                clearable
                {...form.getInputProps(`steps.${index}.service_type_code`)}
              />
              <NumberInput
                label={t("partnerships.plan.deadline_days")}
                min={1}
                max={90}
                {...form.getInputProps(`steps.${index}.deadline_working_days`)}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            form.insertListItem("steps", { name: "", performer_institution_id: null, service_type_code: "", deadline_working_days: "" })
          }
        >
          {t("partnerships.plan.add_step")}
        </Button>
      </Group>
    </PlanModal>
  );
}
