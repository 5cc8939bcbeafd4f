import { Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function FullPageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Stack align="center" gap="sm" role="status">
        <Loader aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {label ?? t("common.loading")}
        </Text>
      </Stack>
    </Center>
  );
}

/** The content area while a route's code loads: a title-sized and a table-sized block. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-label={t("common.loading")}>
      <div className="skeleton-block" style={{ height: 36, width: 280 }} />
      <div className="skeleton-block" style={{ height: 320 }} />
    </Stack>
  );
}
