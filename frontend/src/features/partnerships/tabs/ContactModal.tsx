import { useState } from "react";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyErrorToForm, changedFields } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useUpdateParty, type Partnership, type Party, type PartyUpdate } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

interface Values {
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  left_on: string;
}

/** The user's own party: its contact person, or the day it leaves the partnership. */
export function ContactModal({ partnership, party, onClose }: { partnership: Partnership; party: Party; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateParty(partnership.id);
  const [error, setError] = useState<unknown>(null);
  const initial: Values = {
    contact_name: party.contact_name ?? "",
    contact_email: party.contact_email ?? "",
    contact_phone: party.contact_phone ?? "",
    left_on: party.left_on ?? "",
  };
  const form = useForm<Values>({ mode: "controlled", initialValues: initial });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = changedFields(initial, values) as PartyUpdate;
    if (Object.keys(body).length === 0) return onClose();
    try {
      await update.mutateAsync({ institutionId: party.institution_id, body });
      notify("green", t("partnerships.overview.saved"));
      onClose();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t("partnerships.overview.edit_own")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t("partnerships.contact.name")} {...form.getInputProps("contact_name")} />
          <TextInput label={t("partnerships.contact.email")} type="email" {...form.getInputProps("contact_email")} />
          <TextInput label={t("partnerships.contact.phone")} type="tel" {...form.getInputProps("contact_phone")} />
          <TextInput
            label={t("partnerships.contact.left_on")}
            description={t("partnerships.contact.left_on_help")}
            type="date"
            {...form.getInputProps("left_on")}
          />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
