import { useState } from "react";
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { applyErrorToForm } from "@/lib/ui/forms";
import { MAX_PROBLEM_AREAS, ProblemAreasSelect } from "@/lib/ui/ProblemAreasSelect";
import type { Practice, PracticeWrite } from "../api/practices";

interface NumericRow {
  label: string;
  value: number | string;
  unit: string;
}

export interface PracticeValues {
  title: string;
  summary: string;
  since: string;
  problem_areas: string[];
  topic_tags: string[];
  target_groups: string[];
  results: string;
  numeric_results: NumericRow[];
  contact_name: string;
  contact_email: string;
  contact_phone: string;
}

export const MAX_NUMERIC_RESULTS = 5;

export function valuesOf(practice: Practice | undefined): PracticeValues {
  return {
    title: practice?.title ?? "",
    summary: practice?.summary ?? "",
    since: practice?.since ?? "",
    problem_areas: practice?.problem_areas ?? [],
    topic_tags: practice?.topic_tags ?? [],
    target_groups: practice?.target_groups ?? [],
    results: practice?.results ?? "",
    numeric_results: (practice?.numeric_results ?? []).map((r) => ({ label: r.label, value: r.value, unit: r.unit })),
    contact_name: practice?.contact.name ?? "",
    contact_email: practice?.contact.email ?? "",
    contact_phone: practice?.contact.phone ?? "",
  };
}

/** The request body of the form's values (strings trimmed; empty optional ones left out). */
export function bodyOf(values: PracticeValues, partnershipId: string | null = null): PracticeWrite {
  const phone = values.contact_phone.trim();
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    since: values.since,
    problem_areas: values.problem_areas,
    partnership_id: partnershipId,
    topic_tags: values.topic_tags,
    target_groups: values.target_groups,
    results: values.results.trim(),
    numeric_results: values.numeric_results
      .filter((r) => r.label.trim() && r.value !== "")
      .map((r) => ({ label: r.label.trim(), value: Number(r.value), unit: r.unit.trim() })),
    contact: { name: values.contact_name.trim(), email: values.contact_email.trim(), phone: phone || null },
  };
}

/** A practice's description: what it is, since when, the problem areas it answers, its results and a contact. */
export function PracticeForm({
  initial,
  submitLabel,
  onSubmit,
  busy,
}: {
  initial: PracticeValues;
  submitLabel: string;
  onSubmit: (values: PracticeValues) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const required = (v: string) => (v.trim() ? null : t("practices.form.required"));
  const form = useForm<PracticeValues>({
    mode: "controlled",
    initialValues: initial,
    validate: {
      title: (v) => (v.trim().length >= 3 ? null : t("practices.form.title_short")),
      summary: required,
      since: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("practices.form.date_required")),
      problem_areas: (v) => (v.length >= 1 && v.length <= MAX_PROBLEM_AREAS ? null : t("practices.form.areas_required")),
      contact_name: required,
      contact_email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("practices.form.email_invalid")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit(values);
    } catch (caught) {
      const applied = applyErrorToForm(caught, form, t);
      if (!applied.shownOnFields) setError(caught);
    }
  });
  const rows = form.values.numeric_results;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t("practices.form.title")} required {...form.getInputProps("title")} />
        <Textarea
          label={t("practices.form.summary")}
          description={t("practices.form.summary_help")}
          required
          autosize
          minRows={4}
          {...form.getInputProps("summary")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t("practices.form.since")} required {...form.getInputProps("since")} />
          <ProblemAreasSelect
            label={t("practices.form.problem_areas")}
            description={t("practices.form.problem_areas_help")}
            required
            value={form.values.problem_areas}
            onChange={(v) => form.setFieldValue("problem_areas", v)}
            error={form.errors.problem_areas as string | undefined}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label={t("practices.form.topic_tags")} maxTags={10} {...form.getInputProps("topic_tags")} />
          <TagsInput label={t("practices.form.target_groups")} maxTags={10} {...form.getInputProps("target_groups")} />
        </SimpleGrid>
        <Textarea label={t("practices.form.results")} autosize minRows={3} {...form.getInputProps("results")} />
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t("practices.form.numeric_results")}
          </Title>
          <Stack gap="xs">
            {rows.map((_, index) => (
              <Group key={index} align="flex-end" wrap="wrap">
                <TextInput
                  label={t("practices.form.result_label", { n: index + 1 })}
                  {...form.getInputProps(`numeric_results.${index}.label`)}
                />
                <NumberInput
                  label={t("practices.form.result_value", { n: index + 1 })}
                  w={140}
                  {...form.getInputProps(`numeric_results.${index}.value`)}
                />
                <TextInput
                  label={t("practices.form.result_unit", { n: index + 1 })}
                  w={120}
                  {...form.getInputProps(`numeric_results.${index}.unit`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("practices.form.remove_result", { n: index + 1 })}
                  onClick={() => form.removeListItem("numeric_results", index)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {rows.length < MAX_NUMERIC_RESULTS ? (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => form.insertListItem("numeric_results", { label: "", value: "", unit: "" })}
                >
                  {t("practices.form.add_result")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("practices.form.contact_name")} required {...form.getInputProps("contact_name")} />
          <TextInput type="email" label={t("practices.form.contact_email")} required {...form.getInputProps("contact_email")} />
          <TextInput type="tel" label={t("practices.form.contact_phone")} {...form.getInputProps("contact_phone")} />
        </SimpleGrid>
        {error ? (
          <Alert color="red" role="alert">
            {describeError(error, t).message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
