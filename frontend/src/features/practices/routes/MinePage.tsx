import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useMyPractices } from "../api/practices";
import { PracticeCard } from "../components/PracticeCard";

/** /dobre-praktyki/moje: the institution's practices in every state (drafts, returned with comments, …). */
export default function MinePage() {
  const { t } = useTranslation();
  const mine = useMyPractices();
  const items = mine.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t("practices.mine.title")} description={t("practices.mine.description")} />
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.isSuccess && items.length === 0 ? <EmptyState title={t("practices.mine.empty")} /> : null}
      <Stack gap="sm">
        {items.map((p) => (
          <PracticeCard key={p.id} practice={p} showStatus />
        ))}
      </Stack>
      {items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={mine.hasNextPage}
          isFetchingNextPage={mine.isFetchingNextPage}
          onLoadMore={() => void mine.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
