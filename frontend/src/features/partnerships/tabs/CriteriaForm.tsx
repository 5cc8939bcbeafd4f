import { useState } from "react";
import { Group, NumberInput, Select, TagsInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { Versioned } from "@/lib/api/client";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useSetCriteria, type Criteria, type Partnership, type Plan } from "../api/partnerships";
import { PlanModal } from "./PlanModal";

type LabourStatus = NonNullable<Criteria["labour_office_status"]>;
type AssistanceUse = NonNullable<Criteria["social_assistance_use"]>;
const LABOUR: LabourStatus[] = ["any", "unemployed", "jobseeker", "not_registered"];
const ASSISTANCE: AssistanceUse[] = ["any", "current", "past", "none"];

interface Values {
  teryt_codes: string[];
  age_min: number | string;
  age_max: number | string;
  labour_office_status: LabourStatus;
  social_assistance_use: AssistanceUse;
  notes: string;
}

const age = (v: number | string) => (typeof v === "number" ? v : null);

/** Who the joint service is for: territory, age band, status in the labour office, social assistance use, notes. */
export function CriteriaForm({ partnership, plan, onClose }: { partnership: Partnership; plan: Versioned<Plan>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetCriteria(partnership.id);
  const [error, setError] = useState<unknown>(null);
  const c = plan.data.criteria;
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      teryt_codes: c?.teryt_codes ?? partnership.area_teryt,
      age_min: c?.age_min ?? "",
      age_max: c?.age_max ?? "",
      labour_office_status: c?.labour_office_status ?? "any",
      social_assistance_use: c?.social_assistance_use ?? "any",
      notes: c?.notes ?? "",
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await save.mutateAsync({
        etag: plan.etag,
        body: {
          teryt_codes: values.teryt_codes,
          age_min: age(values.age_min),
          age_max: age(values.age_max),
          labour_office_status: values.labour_office_status,
          social_assistance_use: values.social_assistance_use,
          notes: normalise(values.notes),
        },
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
      title={t("partnerships.plan.edit_criteria")}
      error={error}
      saving={save.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <TagsInput
        label={t("partnerships.plan.territory")}
        description={t("partnerships.create.area_help")}
        {...form.getInputProps("teryt_codes")}
      />
      <Group grow>
        <NumberInput label={t("partnerships.plan.age_min")} min={0} max={120} {...form.getInputProps("age_min")} />
        <NumberInput label={t("partnerships.plan.age_max")} min={0} max={120} {...form.getInputProps("age_max")} />
      </Group>
      <Select
        label={t("partnerships.plan.labour_office_status")}
        data={LABOUR.map((v) => ({ value: v, label: t(`partnerships.labour_office_status.${v}`) }))}
        allowDeselect={false}
        {...form.getInputProps("labour_office_status")}
      />
      <Select
        label={t("partnerships.plan.social_assistance_use")}
        data={ASSISTANCE.map((v) => ({ value: v, label: t(`partnerships.social_assistance_use.${v}`) }))}
        allowDeselect={false}
        {...form.getInputProps("social_assistance_use")}
      />
      <Textarea label={t("partnerships.plan.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
    </PlanModal>
  );
}
