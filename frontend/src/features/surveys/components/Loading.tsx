import { Skeleton, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Placeholders while a list or a page loads. */
export function Loading({ heights = [40, 40, 40, 40] }: { heights?: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t("surveys.loading")}>
      {heights.map((height, index) => (
        <Skeleton key={index} height={height} />
      ))}
    </Stack>
  );
}
