import { useState, type ReactNode } from "react";
import { Alert, Button, Checkbox, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

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

export interface SecretField {
  label: string;
  value: string;
  testId: string;
}

interface SecretOnceModalProps {
  /** Open while there is something to show. */
  opened: boolean;
  title: string;
  /** Whose secret it is (e.g. "Klient: <name>"). */
  subject: ReactNode;
  fields: readonly SecretField[];
  /** Replaces the default "copy it and hand it over safely" sentence. */
  onceText?: string;
  /** More in the warning (e.g. what happened to the previous secret). */
  note?: ReactNode;
  /** Below the fields (e.g. how to use the secret). */
  children?: ReactNode;
  onClose: () => void;
}

/**
 * A secret (API client, webhook signing), shown exactly once after create or rotate. It cannot be
 * read again, so the dialog does not close by Escape or a click outside: the administrator
 * confirms they stored it.
 */
export function SecretOnceModal({ opened, title, subject, fields, onceText, note, children, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const close = () => {
    setStored(false);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={() => stored && close()}
      title={title}
      size="lg"
      closeOnEscape={false}
      closeOnClickOutside={false}
      withCloseButton={false}
      returnFocus={false}
    >
      {opened ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" title={t("admin.clients.secret_once_title")} role="alert">
            <Text size="sm">{onceText ?? t("admin.clients.secret_once_text")}</Text>
            {note ? (
              <Text size="sm" mt="xs">
                {note}
              </Text>
            ) : null}
          </Alert>
          <Text size="sm">{subject}</Text>
          {fields.map((field) => (
            <CopyField key={field.testId} label={field.label} value={field.value} testId={field.testId} />
          ))}
          {children}
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
