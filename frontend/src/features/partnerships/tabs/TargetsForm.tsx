import { useState } from "react";
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Versioned } from "@/lib/api/client";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { PERIOD, useSetTargets, type Partnership, type Plan, type TargetIn } from "../api/partnerships";
import { INDICATORS } from "./measures";
import { PlanModal } from "./PlanModal";

interface Row {
  indicator_code: string;
  period: string;
  baseline: number | string;
  target_value: number | string;
  direction: "at_least" | "at_most";
}

/** The targets, replaced as a whole: an indicator, a period, a baseline and the value to reach. */
export function TargetsForm({ partnership, plan, onClose }: { partnership: Partnership; plan: Versioned<Plan>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetTargets(partnership.id);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<{ targets: Row[] }>({
    mode: "controlled",
    initialValues: {
      targets: plan.data.targets.map((x) => ({
        indicator_code: x.indicator_code,
        period: x.period,
        baseline: x.baseline ?? "",
        target_value: x.target_value,
        direction: x.direction === "at_most" ? "at_most" : "at_least",
      })),
    },
    validate: {
      targets: {
        indicator_code: (v) => (v ? null : t("partnerships.create.required")),
        period: (v) => (PERIOD.test(v) ? null : t("partnerships.targets.period_invalid")),
        target_value: (v) => (typeof v === "number" ? null : t("partnerships.create.required")),
      },
    },
  });
  const indicators = INDICATORS.map((code) => ({ value: code, label: t(`reporting.measure.${code}`, { defaultValue: code }) }));
  const submit = form.onSubmit(async ({ targets }) => {
    setError(null);
    try {
      await save.mutateAsync({
        etag: plan.etag,
        body: targets.map((x) => ({
          indicator_code: x.indicator_code as TargetIn["indicator_code"],
          period: x.period,
          baseline: typeof x.baseline === "number" ? x.baseline : null,
          target_value: Number(x.target_value),
          direction: x.direction,
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
      title={t("partnerships.targets.edit")}
      error={error}
      saving={save.isPending}
      onSubmit={submit}
      onClose={onClose}
      size="xl"
    >
      <Text size="sm" c="dimmed">
        {t("partnerships.targets.form_help")}
      </Text>
      {form.values.targets.map((_, index) => (
        <Paper key={index} withBorder p="sm">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t("partnerships.targets.indicator")}
              data={indicators}
              searchable
              required
              w={260}
              {...form.getInputProps(`targets.${index}.indicator_code`)}
            />
            <TextInput label={t("partnerships.targets.period")} required w={110} {...form.getInputProps(`targets.${index}.period`)} />
            <NumberInput
              label={t("partnerships.targets.baseline")}
              w={110}
              decimalScale={4}
              {...form.getInputProps(`targets.${index}.baseline`)}
            />
            <Select
              label={t("partnerships.targets.direction_label")}
              data={(["at_least", "at_most"] as const).map((d) => ({ value: d, label: t(`partnerships.targets.direction.${d}`) }))}
              allowDeselect={false}
              w={110}
              {...form.getInputProps(`targets.${index}.direction`)}
            />
            <NumberInput
              label={t("partnerships.targets.target")}
              required
              w={110}
              decimalScale={4}
              {...form.getInputProps(`targets.${index}.target_value`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t("partnerships.targets.remove", { n: index + 1 })}
              onClick={() => form.removeListItem("targets", index)}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            form.insertListItem("targets", {
              indicator_code: "",
              period: String(new Date().getFullYear()),
              baseline: "",
              target_value: "",
              direction: "at_least",
            })
          }
        >
          {t("partnerships.targets.add")}
        </Button>
      </Group>
    </PlanModal>
  );
}
