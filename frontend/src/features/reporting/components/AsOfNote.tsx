import { Alert, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import type { AsOf } from "../api/reporting";

/** "Dane na …": how current the numbers are, and which feed lags or fails. */
export function AsOfNote({ asOf }: { asOf: AsOf | undefined }) {
  const { t } = useTranslation();
  if (!asOf)
    return (
      <Text size="sm" c="dimmed">
        {t("reporting.as_of.loading")}
      </Text>
    );
  const lagging = asOf.sources.filter((s) => s.lag > 0);
  const failing = asOf.sources.filter((s) => s.consecutive_failures > 0);
  return (
    <>
      <Group gap="xs" className="as-of" data-testid="as-of">
        <Text size="sm">{t("reporting.as_of.data", { when: formatDateTime(asOf.data_as_of) })}</Text>
        <Text size="sm" c="dimmed">
          {lagging.length === 0
            ? t("reporting.as_of.current")
            : t("reporting.as_of.lagging", {
                sources: lagging.map((s) => `${t(`reporting.source.${s.source}`)} (${s.lag})`).join(", "),
              })}
        </Text>
      </Group>
      {failing.length > 0 ? (
        <Alert color="orange" variant="light" mt="xs" title={t("reporting.as_of.failing_title")}>
          {t("reporting.as_of.failing", {
            sources: failing.map((s) => t(`reporting.source.${s.source}`)).join(", "),
            when: formatDateTime(failing[0].last_success_at),
          })}
        </Alert>
      ) : null}
    </>
  );
}
