import { Button, Center, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  shown: number;
}

/** Cursor pagination: "Pokaż więcej" under a list, and how many rows are shown. */
export function LoadMore({ hasNextPage, isFetchingNextPage, onLoadMore, shown }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: "column", gap: 8, minHeight: 64 }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("common.shown", { count: shown })}
      </Text>
      {hasNextPage ? (
        <Button variant="default" onClick={onLoadMore} loading={isFetchingNextPage}>
          {t("common.load_more")}
        </Button>
      ) : null}
    </Center>
  );
}
