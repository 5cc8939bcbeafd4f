import { useState } from "react";
import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useCreateAgreement, type AgreementVersion, type Partnership } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

interface Values {
  title: string;
  document_number: string;
  text: string;
  valid_from: string;
  valid_to: string;
  annexes: { title: string; text: string }[];
}

/** A new agreement version: the first one, or an amendment of `amends` (confirmed again by every party). */
export function AgreementForm({
  partnership,
  amends,
  onClose,
}: {
  partnership: Partnership;
  amends: AgreementVersion | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAgreement(partnership.id);
  const [error, setError] = useState<unknown>(null);
  const required = (v: string) => (v.trim() ? null : t("partnerships.create.required"));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      title: amends?.title ?? t("partnerships.agreement.default_title"),
      document_number: amends ? `${amends.document_number}/A${amends.number}` : "",
      text: amends?.text ?? "",
      valid_from: amends?.valid_from ?? "",
      valid_to: amends?.valid_to ?? "",
      annexes: (amends?.annexes ?? []).map((a) => ({ title: a.title, text: a.text ?? "" })),
    },
    validate: {
      title: required,
      document_number: required,
      text: required,
      valid_from: required,
      annexes: { title: required },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await create.mutateAsync({
        title: values.title.trim(),
        document_number: values.document_number.trim(),
        text: values.text.trim(),
        valid_from: values.valid_from,
        valid_to: normalise(values.valid_to),
        annexes: values.annexes.map((a) => ({ title: a.title.trim(), text: normalise(a.text) })),
        amends_id: amends?.id ?? null,
      });
      notify("green", t("partnerships.agreement.created"));
      onClose();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  const title = amends ? t("partnerships.agreement.amend_title", { number: amends.number }) : t("partnerships.agreement.new_title");
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("partnerships.agreement.form_help")}
          </Text>
          <TextInput label={t("partnerships.agreement.title_label")} required {...form.getInputProps("title")} />
          <TextInput label={t("partnerships.agreement.document_number")} required {...form.getInputProps("document_number")} />
          <Textarea label={t("partnerships.agreement.text")} required autosize minRows={6} maxRows={16} {...form.getInputProps("text")} />
          <Group grow>
            <TextInput type="date" label={t("partnerships.agreement.valid_from")} required {...form.getInputProps("valid_from")} />
            <TextInput type="date" label={t("partnerships.agreement.valid_to")} {...form.getInputProps("valid_to")} />
          </Group>
          {form.values.annexes.map((_, index) => (
            <Paper key={index} withBorder p="sm">
              <Group justify="space-between" mb="xs">
                <Text size="sm" fw={600}>
                  {t("partnerships.agreement.annex_n", { n: index + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("partnerships.agreement.remove_annex", { n: index + 1 })}
                  onClick={() => form.removeListItem("annexes", index)}
                >
                  ×
                </ActionIcon>
              </Group>
              <Stack gap="xs">
                <TextInput label={t("partnerships.agreement.annex_title")} required {...form.getInputProps(`annexes.${index}.title`)} />
                <Textarea
                  label={t("partnerships.agreement.annex_text")}
                  autosize
                  minRows={2}
                  {...form.getInputProps(`annexes.${index}.text`)}
                />
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem("annexes", { title: "", text: "" })}>
              {t("partnerships.agreement.add_annex")}
            </Button>
          </Group>
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {amends ? t("partnerships.agreement.submit_amendment") : t("partnerships.agreement.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
