import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useReviewQueue } from "../api/practices";
import { PracticeCard } from "../components/PracticeCard";

/** /dobre-praktyki/do-oceny: analysts' queue of submitted and accepted practices in their territory. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t("practices.queue.title")} description={t("practices.queue.description")} />
      {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isSuccess && items.length === 0 ? <EmptyState title={t("practices.queue.empty")} /> : null}
      <Stack gap="sm">
        {items.map((p) => (
          <PracticeCard key={p.id} practice={p} showStatus />
        ))}
      </Stack>
      {items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={queue.hasNextPage}
          isFetchingNextPage={queue.isFetchingNextPage}
          onLoadMore={() => void queue.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
