import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useForm, type UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { INSTITUTION_TYPES, type Institution, type InstitutionType } from "@/lib/api/directory";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useVersionedEdit } from "@/lib/ui/useVersionedEdit";
import { VersionedEditForm } from "@/lib/ui/VersionedEditForm";
import { institutionQueries, useCreateInstitution, useUpdateInstitution } from "../api/institutions";
import { GminaPicker } from "./Territory";

interface Values {
  type: InstitutionType | "";
  name: string;
  short_name: string;
  teryt: string;
  regon: string;
  krs: string;
  nip: string;
  street: string;
  postal_code: string;
  city: string;
  email: string;
  phone: string;
  website: string;
  active: boolean;
}

const EMPTY: Values = {
  type: "",
  name: "",
  short_name: "",
  teryt: "",
  regon: "",
  krs: "",
  nip: "",
  street: "",
  postal_code: "",
  city: "",
  email: "",
  phone: "",
  website: "",
  active: true,
};

function valuesOf(inst: Institution): Values {
  return {
    type: inst.type,
    name: inst.name,
    short_name: inst.short_name ?? "",
    teryt: inst.teryt,
    regon: inst.regon ?? "",
    krs: inst.krs ?? "",
    nip: inst.nip ?? "",
    street: inst.street ?? "",
    postal_code: inst.postal_code ?? "",
    city: inst.city ?? "",
    email: inst.email ?? "",
    phone: inst.phone ?? "",
    website: inst.website ?? "",
    active: inst.active,
  };
}

/** The same rules for creating and editing. */
function validation(t: TFunction) {
  const optional = (re: RegExp, message: string) => (v: string) => (v.trim() === "" || re.test(v.trim()) ? null : message);
  return {
    type: (v: Values["type"]) => (v ? null : t("admin.institutions.type_required")),
    name: (v: string) => (v.trim() ? null : t("errors.field.missing")),
    teryt: (v: string) => (v.length === 7 ? null : t("territory.gmina_required")),
    postal_code: optional(/^\d{2}-\d{3}$/, t("admin.fields.postal_code_invalid")),
    email: optional(/^\S+@\S+\.\S+$/, t("admin.users.email_invalid")),
    phone: optional(/^\+?[0-9 ()-]{6,20}$/, t("admin.fields.phone_invalid")),
    website: optional(/^https?:\/\/\S{3,290}$/, t("admin.fields.website_invalid")),
  };
}

function Fields({ form, editing }: { form: UseFormReturnType<Values>; editing: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow align="flex-start">
        <Select
          label={t("admin.institutions.type")}
          data={INSTITUTION_TYPES.map((type) => ({ value: type, label: `${type} — ${t(`institution_types.${type}`)}` }))}
          required
          disabled={editing}
          description={editing ? t("admin.institutions.type_fixed") : undefined}
          allowDeselect={false}
          {...form.getInputProps("type")}
        />
        <TextInput label={t("admin.institutions.short_name")} {...form.getInputProps("short_name")} />
      </Group>
      <TextInput label={t("admin.institutions.name")} required data-autofocus {...form.getInputProps("name")} />
      <GminaPicker
        value={form.values.teryt}
        onChange={(code) => form.setFieldValue("teryt", code)}
        error={form.errors.teryt}
        required
        description={t("admin.institutions.teryt_help")}
      />
      <Group grow align="flex-start">
        <TextInput label={t("admin.fields.street")} {...form.getInputProps("street")} />
        <TextInput label={t("admin.fields.postal_code")} placeholder="00-000" {...form.getInputProps("postal_code")} />
        <TextInput label={t("admin.fields.city")} {...form.getInputProps("city")} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t("admin.fields.email")} type="email" {...form.getInputProps("email")} />
        <TextInput label={t("admin.fields.phone")} type="tel" {...form.getInputProps("phone")} />
        <TextInput label={t("admin.fields.website")} placeholder="https://" {...form.getInputProps("website")} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label="REGON" {...form.getInputProps("regon")} />
        <TextInput label="KRS" {...form.getInputProps("krs")} />
        <TextInput label="NIP" {...form.getInputProps("nip")} />
      </Group>
      {editing ? (
        <Switch
          label={t("admin.institutions.active")}
          description={t("admin.institutions.active_help")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
      ) : null}
    </>
  );
}

export function CreateInstitutionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInstitution();
  const form = useForm<Values>({ mode: "controlled", initialValues: EMPTY, validate: validation(t) });
  const [formError, setFormError] = useState<unknown>(null);
  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    if (values.type === "") return; // (validation requires a type)
    try {
      const inst = await create.mutateAsync({
        type: values.type,
        name: values.name.trim(),
        short_name: normalise(values.short_name),
        teryt: values.teryt,
        regon: normalise(values.regon),
        krs: normalise(values.krs),
        nip: normalise(values.nip),
        street: normalise(values.street),
        postal_code: normalise(values.postal_code),
        city: normalise(values.city),
        email: normalise(values.email),
        phone: normalise(values.phone),
        website: normalise(values.website),
      });
      notify("green", t("admin.institutions.created", { name: inst.name }));
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
      title={t("admin.institutions.create_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Fields form={form} editing={false} />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("admin.institutions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Every field but the type; sent with If-Match from the ETag read when the dialog opened. */
export function EditInstitutionModal({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateInstitution();
  const edit = useVersionedEdit({
    query: institutionQueries.detail(institutionId ?? ""),
    enabled: institutionId !== null,
    form: { initialValues: EMPTY, validate: validation(t) },
    toValues: valuesOf,
    // The type cannot change (its select is disabled).
    toBody: ({ type, ...changes }) => changes,
    save: (body, etag, inst) => update.mutateAsync({ id: inst.id, etag, body }),
    onSaved: (inst) => {
      notify("green", t("admin.institutions.updated", { name: inst.name }));
      close();
    },
    onUnchanged: () => close(),
  });

  function close() {
    edit.clear();
    onClose();
  }

  return (
    <Modal
      opened={institutionId !== null}
      onClose={close}
      title={t("admin.institutions.edit_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <VersionedEditForm edit={edit} onCancel={close} skeleton={[56, 56, 180]}>
        <Fields form={edit.form} editing />
      </VersionedEditForm>
    </Modal>
  );
}
