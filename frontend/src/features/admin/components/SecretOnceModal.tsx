import { useState } from "react";
import { Alert, Button, Checkbox, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiClientWithSecret } from "@/lib/api/directory";

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        style={{ flex: 1 }}
        classNames={{ input: "secret-value" }}
        onFocus={(event) => event.currentTarget.select()}
        data-testid={testId}
      />
      <CopyButton value={value} timeout={2500}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? "filled" : "default"}
            color={copied ? "green" : undefined}
            onClick={copy}
            aria-label={`${copied ? t("admin.clients.copied") : t("admin.clients.copy")}: ${label}`}
          >
            {copied ? t("admin.clients.copied") : t("admin.clients.copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * The client secret, shown exactly once (after create or rotate). It cannot be read again, so the
 * dialog does not close by Escape or a click outside: the administrator confirms they stored it.
 */
export function SecretOnceModal({ client, rotated, onClose }: { client: ApiClientWithSecret | null; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      opened={client !== null}
      onClose={() => stored && close()}
      title={t("admin.clients.secret_title")}
      size="lg"
      closeOnEscape={false}
      closeOnClickOutside={false}
      withCloseButton={false}
      returnFocus={false}
    >
      {client ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" title={t("admin.clients.secret_once_title")} role="alert">
            <Text size="sm">{t("admin.clients.secret_once_text")}</Text>
            {rotated ? (
              <Text size="sm" mt="xs">
                {t("admin.clients.rotated_grace")}
              </Text>
            ) : null}
          </Alert>
          <Text size="sm">
            {t("admin.clients.secret_for")} <strong>{client.name}</strong>
          </Text>
          <CopyField label={t("admin.clients.client_id")} value={client.client_id} testId="client-id" />
          <CopyField label={t("admin.clients.client_secret")} value={client.client_secret} testId="client-secret" />
          <Checkbox
            label={t("admin.clients.stored_confirm")}
            checked={stored}
            onChange={(event) => setStored(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button onClick={close} disabled={!stored}>
              {t("admin.clients.done")}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
