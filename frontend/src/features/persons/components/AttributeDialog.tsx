import { Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { describeError } from "@/lib/api/problem";
import { personKeys } from "../api/keys";
import { attributeEtag, useSetAttribute, type Attribute, type AttributeDefinition } from "../api/personCase";
import { definitionLabel, inputToValue, valueToInput } from "./attributeValue";

interface Values {
  code: string | null;
  value: string;
}

interface AttributeDialogProps {
  personId: string;
  /** The definitions the institution may record (add: those it has not recorded yet). */
  definitions: AttributeDefinition[];
  /** The value being changed; null to add a new one. */
  editing: Attribute | null;
  opened: boolean;
  onClose: () => void;
}

/** The value's input, typed by the definition: yes/no, a whole number, a date, a choice, or text. */
function ValueInput({ def, form }: { def: AttributeDefinition; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const label = t("persons.case.value");
  const props = form.getInputProps("value");
  switch (def.value_type) {
    case "boolean":
      return (
        <Select
          label={label}
          required
          data={[
            { value: "true", label: t("persons.yes") },
            { value: "false", label: t("persons.no") },
          ]}
          {...props}
          onChange={(x: string | null) => form.setFieldValue("value", x ?? "")}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case "enum":
      return (
        <Select
          label={label}
          required
          data={(def.allowed_values ?? []).map((v) => ({ value: v, label: t(`persons.case.values.${v}`, { defaultValue: v }) }))}
          {...props}
          onChange={(x: string | null) => form.setFieldValue("value", x ?? "")}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case "integer":
      return (
        <NumberInput
          label={label}
          required
          allowDecimal={false}
          min={-1_000_000}
          max={1_000_000}
          {...props}
          onChange={(x) => form.setFieldValue("value", String(x))}
        />
      );
    case "date":
      return <TextInput type="date" label={label} required {...props} />;
    default:
      return <Textarea label={label} required autosize minRows={2} maxLength={2000} {...props} />;
  }
}

/** Add or change one of the institution's case attributes (a change sends If-Match). */
export function AttributeDialog({ personId, definitions, editing, opened, onClose }: AttributeDialogProps) {
  const { t } = useTranslation();
  const en = currentLanguage() === "en";
  const save = useSetAttribute(personId);
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { code: editing?.code ?? null, value: valueToInput(editing?.value) },
    clearInputErrorOnChange: false,
    validate: {
      code: (code) => (code ? null : t("errors.field.missing")),
      value: (value, values) => {
        const def = definitions.find((d) => d.code === values.code);
        if (!def) return null;
        if (!value.trim()) return t("errors.field.missing");
        return inputToValue(value, def) === null ? t("errors.field.invalid") : null;
      },
    },
  });
  const def = definitions.find((d) => d.code === form.values.code);
  const stale = save.isError && describeError(save.error, t).stale;
  const close = () => {
    save.reset();
    form.reset();
    onClose();
  };
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) });
    close();
  };
  const submit = form.onSubmit(async (values) => {
    if (!def || !values.code) return;
    const value = inputToValue(values.value, def);
    if (value === null) return;
    try {
      await save.mutateAsync({ code: values.code, value, etag: editing ? attributeEtag(editing) : null });
      notify("green", t("persons.case.saved"));
      close();
    } catch (error) {
      applyErrorToForm(error, form, t);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? t("persons.case.dialog_edit") : t("persons.case.dialog_add")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {editing ? (
            <Text size="sm" fw={600}>
              {definitionLabel(def, editing.code, en)}
            </Text>
          ) : (
            <Select
              label={t("persons.case.attribute")}
              required
              searchable
              data={definitions.map((d) => ({ value: d.code, label: definitionLabel(d, d.code, en) }))}
              {...form.getInputProps("code")}
              onChange={(x: string | null) => {
                form.setFieldValue("code", x);
                form.setFieldValue("value", "");
              }}
              data-autofocus
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {def?.sensitive ? (
            <Text size="xs" c="grape.8">
              {t("persons.case.sensitive_note")}
            </Text>
          ) : null}
          {def ? <ValueInput key={def.code} def={def} form={form} /> : null}
          <div aria-live="polite">
            {stale ? <StaleRecordAlert onReload={reload} /> : save.isError ? <ErrorAlert error={save.error} /> : null}
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("persons.case.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
