import { useState } from "react";
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ApiClientWithSecret } from "@/lib/api/directory";
import { applyErrorToForm } from "@/lib/ui/forms";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { GRANTABLE_SCOPES, useCreateApiClient } from "../api/apiClients";

interface CreateApiClientModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (client: ApiClientWithSecret) => void;
  institutionId: string;
  institutionName: string;
}

export function CreateApiClientModal({ opened, onClose, onCreated, institutionId, institutionName }: CreateApiClientModalProps) {
  const { t } = useTranslation();
  const create = useCreateApiClient();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", scopes: [] as string[] },
    validate: {
      name: (v) => (v.trim() ? null : t("errors.field.missing")),
      scopes: (v) => (v.length > 0 ? null : t("admin.clients.scopes_required")),
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
      const client = await create.mutateAsync({ name: values.name.trim(), scopes: values.scopes, institution_id: institutionId });
      form.reset();
      create.reset();
      onCreated(client);
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("admin.clients.create_title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("admin.clients.create_help", { institution: institutionName })}
          </Text>
          <TextInput
            label={t("admin.clients.name")}
            description={t("admin.clients.name_help")}
            required
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Checkbox.Group
            label={t("admin.clients.scopes")}
            description={t("admin.clients.scopes_help")}
            required
            {...form.getInputProps("scopes")}
          >
            <Stack gap={6} mt="xs">
              {GRANTABLE_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} description={scope} />
              ))}
            </Stack>
          </Checkbox.Group>
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("admin.clients.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
