import { useEffect, useState } from "react";
import { Button, Group, Modal, Select, Skeleton, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notify } from "@/lib/ui/notify";
import { useTranslation } from "react-i18next";
import { INSTITUTION_TYPES, type Institution, type InstitutionCreate, type InstitutionType, type InstitutionUpdate } from "@/lib/api/directory";
import { applyErrorToForm } from "@/lib/ui/forms";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { changedFields, cleaned } from "../api/keys";
import { useCreateInstitution, useInstitution, useUpdateInstitution } from "../api/institutions";
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

function useInstitutionForm() {
  const { t } = useTranslation();
  const optional = (re: RegExp, message: string) => (v: string) => (v.trim() === "" || re.test(v.trim()) ? null : message);
  return useForm<Values>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: {
      type: (v) => (v ? null : t("admin.institutions.type_required")),
      name: (v) => (v.trim() ? null : t("errors.field.missing")),
      teryt: (v) => (v.length === 7 ? null : t("territory.gmina_required")),
      postal_code: optional(/^\d{2}-\d{3}$/, t("admin.fields.postal_code_invalid")),
      email: optional(/^\S+@\S+\.\S+$/, t("admin.users.email_invalid")),
      phone: optional(/^\+?[0-9 ()-]{6,20}$/, t("admin.fields.phone_invalid")),
      website: optional(/^https?:\/\/\S{3,290}$/, t("admin.fields.website_invalid")),
    },
  });
}

function Fields({ form, editing }: { form: ReturnType<typeof useInstitutionForm>; editing: boolean }) {
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
      <GminaPicker value={form.values.teryt} onChange={(code) => form.setFieldValue("teryt", code)} error={form.errors.teryt} required description={t("admin.institutions.teryt_help")} />
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
        <Switch label={t("admin.institutions.active")} description={t("admin.institutions.active_help")} {...form.getInputProps("active", { type: "checkbox" })} />
      ) : null}
    </>
  );
}

export function CreateInstitutionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInstitution();
  const form = useInstitutionForm();
  const [formError, setFormError] = useState<unknown>(null);
  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const { active: _active, ...rest } = values;
    void _active;
    const body = cleaned(rest as unknown as Record<string, unknown>) as unknown as InstitutionCreate;
    try {
      const inst = await create.mutateAsync(body);
      notify("green", t("admin.institutions.created", { name: inst.name }));
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t("admin.institutions.create_title")} size="xl" closeButtonProps={{ "aria-label": t("common.close") }}>
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

export function EditInstitutionModal({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useInstitution(institutionId);
  const update = useUpdateInstitution();
  const form = useInstitutionForm();
  const [formError, setFormError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const data = loaded.data?.data;
  useEffect(() => {
    if (data) {
      form.setValues(valuesOf(data));
      form.resetDirty(valuesOf(data));
    }
    // Reset the form only when another version of the record arrives (opened, or reloaded after 412).
  }, [data?.id, data?.version]);
  const close = () => {
    setFormError(null);
    setStale(false);
    update.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!data || !institutionId) return;
    setFormError(null);
    const { type: _type, ...current } = values;
    const { type: _initialType, ...initial } = valuesOf(data);
    void _type;
    void _initialType;
    const body = changedFields(initial as unknown as Record<string, unknown>, current as unknown as Record<string, unknown>) as InstitutionUpdate;
    if (Object.keys(body).length === 0) {
      close();
      return;
    }
    try {
      const inst = await update.mutateAsync({ id: institutionId, etag: loaded.data?.etag ?? null, body });
      notify("green", t("admin.institutions.updated", { name: inst.name }));
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (described.stale) setStale(true);
      else if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal opened={institutionId !== null} onClose={close} title={t("admin.institutions.edit_title")} size="xl" closeButtonProps={{ "aria-label": t("common.close") }}>
      {loaded.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={56} />
          <Skeleton height={56} />
          <Skeleton height={180} />
        </Stack>
      ) : loaded.isError ? (
        <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Fields form={form} editing />
            {stale ? (
              <StaleRecordAlert
                onReload={() => {
                  void loaded.refetch().then(() => setStale(false));
                }}
                reloading={loaded.isFetching}
              />
            ) : null}
            {formError ? <ErrorAlert error={formError} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={update.isPending} disabled={stale}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
