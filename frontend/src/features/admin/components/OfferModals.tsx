import { useEffect, useEffectEvent, useState } from "react";
import { Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { InstitutionType, Offer, ServiceType } from "@/lib/api/directory";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm, normalise } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useVersionedEdit } from "@/lib/ui/useVersionedEdit";
import { VersionedEditForm } from "@/lib/ui/VersionedEditForm";
import { offerQueries, useCreateOffer, useSetCapacity, useUpdateOffer } from "../api/offers";
import { GminaPicker } from "./Territory";

const POSTAL = /^\d{2}-\d{3}$/;

function capacityNumber(value: string | number): number | null {
  if (value === "" || value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

interface OfferPlaceValues {
  teryt: string;
  street: string;
  postal_code: string;
  city: string;
}

interface PlaceForm {
  values: OfferPlaceValues;
  errors: Record<string, React.ReactNode>;
  setFieldValue: (path: "teryt", value: string) => void;
  getInputProps: (path: "street" | "postal_code" | "city") => object;
}

function PlaceFields({ form, tealDescription }: { form: PlaceForm; tealDescription: string }) {
  const { t } = useTranslation();
  return (
    <>
      <GminaPicker
        value={form.values.teryt}
        onChange={(code) => form.setFieldValue("teryt", code)}
        error={form.errors.teryt}
        description={tealDescription}
      />
      <Group grow align="flex-start">
        <TextInput label={t("admin.fields.street")} {...form.getInputProps("street")} />
        <TextInput label={t("admin.fields.postal_code")} placeholder="00-000" maw={140} {...form.getInputProps("postal_code")} />
        <TextInput label={t("admin.fields.city")} {...form.getInputProps("city")} />
      </Group>
    </>
  );
}

function serviceTypeOptions(types: readonly ServiceType[] | undefined, institutionType: InstitutionType | undefined, lang: string) {
  return (types ?? [])
    .filter((type) => type.active)
    .filter((type) => !institutionType || type.provider_types.length === 0 || type.provider_types.includes(institutionType))
    .map((type) => ({ value: type.code, label: lang === "en" ? type.name_en : type.name_pl }))
    .sort((a, b) => a.label.localeCompare(b.label, "pl"));
}

interface CreateOfferModalProps {
  opened: boolean;
  onClose: () => void;
  institutionId: string;
  institutionType: InstitutionType | undefined;
  serviceTypes: readonly ServiceType[] | undefined;
}

export function CreateOfferModal({ opened, onClose, institutionId, institutionType, serviceTypes }: CreateOfferModalProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateOffer();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: {
      service_type_code: "",
      name: "",
      description: "",
      eligibility_note: "",
      teryt: "",
      street: "",
      postal_code: "",
      city: "",
      capacity_available: "" as string | number,
      capacity_max: "" as string | number,
    },
    validate: {
      service_type_code: (v) => (v ? null : t("admin.offers.service_type_required")),
      name: (v) => (v.trim() ? null : t("errors.field.missing")),
      teryt: (v) => (v === "" || v.length === 7 ? null : t("territory.gmina_required")),
      postal_code: (v) => (v.trim() === "" || POSTAL.test(v.trim()) ? null : t("admin.fields.postal_code_invalid")),
      capacity_available: (v, values) => {
        const available = capacityNumber(v);
        const max = capacityNumber(values.capacity_max);
        return available !== null && max !== null && available > max ? t("errors.code.capacity_exceeds_maximum") : null;
      },
    },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const offer = await create.mutateAsync({
        institutionId,
        body: {
          service_type_code: values.service_type_code,
          name: values.name.trim(),
          description: normalise(values.description),
          eligibility_note: normalise(values.eligibility_note),
          teryt: normalise(values.teryt),
          street: normalise(values.street),
          postal_code: normalise(values.postal_code),
          city: normalise(values.city),
          capacity_available: capacityNumber(values.capacity_available),
          capacity_max: capacityNumber(values.capacity_max),
        },
      });
      notify("green", t("admin.offers.created", { name: offer.name }));
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
      title={t("admin.offers.create_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t("admin.offers.service_type")}
            data={serviceTypeOptions(serviceTypes, institutionType, i18n.language)}
            searchable
            required
            data-autofocus
            nothingFoundMessage={t("common.nothing_found")}
            {...form.getInputProps("service_type_code")}
          />
          <TextInput label={t("admin.offers.name")} required {...form.getInputProps("name")} />
          <Textarea label={t("admin.offers.description_field")} autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
          <Textarea
            label={t("admin.offers.eligibility")}
            description={t("admin.offers.eligibility_help")}
            autosize
            minRows={2}
            maxRows={4}
            {...form.getInputProps("eligibility_note")}
          />
          <PlaceFields form={form} tealDescription={t("admin.offers.teryt_help")} />
          <Group grow align="flex-start">
            <NumberInput
              label={t("admin.offers.capacity_available")}
              min={0}
              max={100000}
              allowDecimal={false}
              {...form.getInputProps("capacity_available")}
            />
            <NumberInput
              label={t("admin.offers.capacity_max")}
              min={0}
              max={100000}
              allowDecimal={false}
              {...form.getInputProps("capacity_max")}
            />
          </Group>
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("admin.offers.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface EditValues {
  name: string;
  description: string;
  eligibility_note: string;
  teryt: string;
  street: string;
  postal_code: string;
  city: string;
  active: boolean;
}

function editValues(offer: Offer): EditValues {
  return {
    name: offer.name,
    description: offer.description ?? "",
    eligibility_note: offer.eligibility_note ?? "",
    teryt: offer.teryt,
    street: offer.street ?? "",
    postal_code: offer.postal_code ?? "",
    city: offer.city ?? "",
    active: offer.active,
  };
}

/** Name, description, place and whether it is offered; sent with If-Match from the ETag read when the dialog opened. */
export function EditOfferModal({
  offerId,
  onClose,
  serviceTypeName,
}: {
  offerId: string | null;
  onClose: () => void;
  serviceTypeName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const update = useUpdateOffer();
  const edit = useVersionedEdit({
    query: offerQueries.detail(offerId ?? ""),
    enabled: offerId !== null,
    form: {
      initialValues: { name: "", description: "", eligibility_note: "", teryt: "", street: "", postal_code: "", city: "", active: true },
      validate: {
        name: (v) => (v.trim() ? null : t("errors.field.missing")),
        teryt: (v) => (v.length === 7 ? null : t("territory.gmina_required")),
        postal_code: (v) => (v.trim() === "" || POSTAL.test(v.trim()) ? null : t("admin.fields.postal_code_invalid")),
      },
    },
    toValues: editValues,
    save: (body, etag, offer) => update.mutateAsync({ id: offer.id, etag, body }),
    onSaved: (offer) => {
      notify("green", t("admin.offers.updated", { name: offer.name }));
      close();
    },
    onUnchanged: () => close(),
  });
  const { form } = edit;

  function close() {
    edit.clear();
    onClose();
  }

  return (
    <Modal
      opened={offerId !== null}
      onClose={close}
      title={t("admin.offers.edit_title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <VersionedEditForm edit={edit} onCancel={close} skeleton={[56, 90, 120]}>
        <TextInput
          label={t("admin.offers.service_type")}
          value={edit.record ? serviceTypeName(edit.record.service_type_code) : ""}
          readOnly
          description={t("admin.offers.service_type_fixed")}
        />
        <TextInput label={t("admin.offers.name")} required data-autofocus {...form.getInputProps("name")} />
        <Textarea label={t("admin.offers.description_field")} autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
        <Textarea
          label={t("admin.offers.eligibility")}
          description={t("admin.offers.eligibility_help")}
          autosize
          minRows={2}
          maxRows={4}
          {...form.getInputProps("eligibility_note")}
        />
        <PlaceFields form={form} tealDescription={t("admin.offers.teryt_help_edit")} />
        <Switch
          label={t("admin.offers.active")}
          description={t("admin.offers.active_help")}
          {...form.getInputProps("active", { type: "checkbox" })}
        />
      </VersionedEditForm>
    </Modal>
  );
}

/** The quick update: free places now (and the maximum). */
export function CapacityModal({ offer, onClose }: { offer: Offer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const setCapacity = useSetCapacity();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { capacity_available: 0 as string | number, capacity_max: "" as string | number },
    validate: {
      capacity_available: (v, values) => {
        const available = capacityNumber(v);
        if (available === null) return t("errors.field.missing");
        const max = capacityNumber(values.capacity_max);
        return max !== null && available > max ? t("errors.code.capacity_exceeds_maximum") : null;
      },
    },
  });
  // The form starts from the offer's numbers each time the dialog opens for one.
  const showOffer = useEffectEvent((shown: Offer) => {
    form.setValues({ capacity_available: shown.capacity_available ?? 0, capacity_max: shown.capacity_max ?? "" });
    form.resetDirty();
  });
  useEffect(() => {
    if (offer) showOffer(offer);
  }, [offer]);
  const close = () => {
    setFormError(null);
    setCapacity.reset();
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!offer) return;
    setFormError(null);
    try {
      const updated = await setCapacity.mutateAsync({
        id: offer.id,
        body: { capacity_available: capacityNumber(values.capacity_available) ?? 0, capacity_max: capacityNumber(values.capacity_max) },
      });
      notify("green", t("admin.offers.capacity_saved", { name: updated.name, count: updated.capacity_available ?? 0 }));
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal
      opened={offer !== null}
      onClose={close}
      title={t("admin.offers.capacity_title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {offer?.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t("admin.offers.occupied_help", { count: offer?.occupied ?? 0 })}
          </Text>
          <NumberInput
            label={t("admin.offers.capacity_available")}
            min={0}
            max={100000}
            allowDecimal={false}
            required
            data-autofocus
            {...form.getInputProps("capacity_available")}
          />
          <NumberInput
            label={t("admin.offers.capacity_max")}
            description={t("admin.offers.capacity_max_help")}
            min={0}
            max={100000}
            allowDecimal={false}
            {...form.getInputProps("capacity_max")}
          />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={setCapacity.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
