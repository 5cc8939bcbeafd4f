import { useState } from "react";
import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { PROGRAMME_KINDS, useCreateProgramme, useUpdateProgramme, type Programme, type ProgrammeKind } from "@/lib/api/programmes";

interface Values {
  code: string;
  name: string;
  kind: ProgrammeKind | "";
  funder: string;
  starts_on: string;
  ends_on: string;
}

const CODE = /^[A-Z0-9_-]{2,32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function valuesOf(programme: Programme | null): Values {
  return {
    code: programme?.code ?? "",
    name: programme?.name ?? "",
    kind: programme?.kind ?? "",
    funder: programme?.funder ?? "",
    starts_on: programme?.starts_on ?? "",
    ends_on: programme?.ends_on ?? "",
  };
}

/** Add a programme (no `programme`) or change one; the code is fixed once created. */
export function ProgrammeModal({ opened, programme, onClose }: { opened: boolean; programme: Programme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const editing = programme !== null;
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: valuesOf(programme),
    validate: {
      code: (v) => (editing || CODE.test(v.trim()) ? null : t("programmes.admin.code_invalid")),
      name: (v) => (v.trim() ? null : t("errors.field.missing")),
      kind: (v) => (v ? null : t("errors.field.missing")),
      starts_on: (v) => (v === "" || DAY.test(v) ? null : t("programmes.admin.date_invalid")),
      ends_on: (v, all) =>
        v === ""
          ? null
          : !DAY.test(v)
            ? t("programmes.admin.date_invalid")
            : all.starts_on && v < all.starts_on
              ? t("programmes.admin.ends_before")
              : null,
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (values.kind === "") return;
    const common = {
      name: values.name.trim(),
      kind: values.kind,
      funder: normalise(values.funder),
      starts_on: normalise(values.starts_on),
      ends_on: normalise(values.ends_on),
    };
    try {
      if (programme) {
        await update.mutateAsync({ code: programme.code, body: common });
        notify("green", t("programmes.admin.saved", { name: common.name }));
      } else {
        await create.mutateAsync({ code: values.code.trim(), active: true, ...common });
        notify("green", t("programmes.admin.created", { name: common.name }));
      }
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? t("programmes.admin.edit_title") : t("programmes.admin.create_title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t("programmes.admin.code")}
            description={editing ? t("programmes.admin.code_fixed") : t("programmes.admin.code_help")}
            required
            disabled={editing}
            data-autofocus
            {...form.getInputProps("code")}
          />
          <TextInput label={t("programmes.admin.name")} required {...form.getInputProps("name")} />
          <Select
            label={t("programmes.admin.kind")}
            required
            allowDeselect={false}
            data={PROGRAMME_KINDS.map((kind) => ({ value: kind, label: t(`programmes.kinds.${kind}`) }))}
            {...form.getInputProps("kind")}
          />
          <TextInput label={t("programmes.admin.funder")} {...form.getInputProps("funder")} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t("programmes.admin.starts_on")} {...form.getInputProps("starts_on")} />
            <TextInput type="date" label={t("programmes.admin.ends_on")} {...form.getInputProps("ends_on")} />
          </Group>
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {editing ? t("common.save") : t("programmes.admin.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
