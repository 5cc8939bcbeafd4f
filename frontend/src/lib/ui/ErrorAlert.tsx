import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Override the message (e.g. when fields show the details). */
  message?: string;
}

/** An error from the API in plain language, with the request id for the helpdesk. */
export function ErrorAlert({ error, title, onRetry, message }: ErrorAlertProps) {
  const { t } = useTranslation();
  const described = describeError(error, t);
  return (
    <Alert color="red" variant="light" title={title ?? t("errors.title")} role="alert" className="error-alert">
      <Text size="sm">{message ?? described.message}</Text>
      {described.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t("errors.request_id", { id: described.requestId })}
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}

/** 412: someone else changed the record since it was opened. */
export function StaleRecordAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t("errors.stale.title")} role="alert">
      <Text size="sm">{t("errors.code.stale_etag")}</Text>
      <Group mt="sm">
        <Button size="xs" variant="default" onClick={onReload} loading={reloading}>
          {t("errors.stale.reload")}
        </Button>
      </Group>
    </Alert>
  );
}
