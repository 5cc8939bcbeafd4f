import { useState } from "react";
import { Alert, Anchor, Group, Paper, SegmentedControl, Text } from "@mantine/core";
import { Link, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { DELIVERY_STATUSES, useDeliveries, useReplayDelivery, useSubscription, type Delivery, type DeliveryStatus } from "../api/webhooks";
import { DeliveriesTable } from "../components/DeliveriesTable";
import { WEBHOOKS_PATH } from "./webhookPaths";

const STATUS_PARAM = "stan";

/** /administracja/webhooki/:subscriptionId/doreczenia: one subscription's delivery log, newest first. */
export default function WebhookDeliveriesPage() {
  const { t } = useTranslation();
  const { subscriptionId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get(STATUS_PARAM);
  const status = (DELIVERY_STATUSES as readonly string[]).includes(requested ?? "") ? (requested as DeliveryStatus) : null;
  const subscription = useSubscription(subscriptionId);
  const deliveries = useDeliveries(subscriptionId, status);
  const replay = useReplayDelivery(subscriptionId);
  const [replaying, setReplaying] = useState<string | null>(null);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  const record = subscription.data?.data;

  const setStatus = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === "all") next.delete(STATUS_PARAM);
    else next.set(STATUS_PARAM, value);
    setParams(next, { replace: true });
  };

  const doReplay = async (delivery: Delivery) => {
    setReplaying(delivery.id);
    try {
      await replay.mutateAsync(delivery.id);
      notify("green", t("admin.webhooks.deliveries.replayed"));
    } catch (error) {
      notify("red", describeError(error, t).message);
    } finally {
      setReplaying(null);
    }
  };

  return (
    <>
      <Anchor component={Link} to={WEBHOOKS_PATH} size="sm" mb="xs" display="inline-block">
        <span aria-hidden="true">← </span>
        {t("admin.webhooks.deliveries.back")}
      </Anchor>
      <PageHeader
        title={t("admin.webhooks.deliveries.title")}
        description={
          record ? (
            <span style={{ overflowWrap: "anywhere" }}>{t("admin.webhooks.deliveries.description", { url: record.url })}</span>
          ) : undefined
        }
      />
      {subscription.isError ? (
        <ErrorAlert error={subscription.error} onRetry={() => void subscription.refetch()} />
      ) : (
        <>
          {record && !record.active ? (
            <Alert color="orange" variant="light" mb="md">
              {t("admin.webhooks.deliveries.paused_alert")}
            </Alert>
          ) : null}
          <Group mb="md">
            <SegmentedControl
              aria-label={t("admin.webhooks.deliveries.filter")}
              value={status ?? "all"}
              onChange={setStatus}
              data={[
                { value: "all", label: t("admin.webhooks.deliveries.filter_all") },
                ...DELIVERY_STATUSES.map((value) => ({ value, label: t(`admin.webhooks.deliveries.filter_state.${value}`) })),
              ]}
            />
          </Group>
          <Paper withBorder p={0}>
            <DeliveriesTable
              deliveries={items}
              loading={deliveries.isPending}
              error={deliveries.error}
              onRetry={() => void deliveries.refetch()}
              empty={
                <EmptyState
                  title={status ? t("admin.webhooks.deliveries.empty_filtered") : t("admin.webhooks.deliveries.empty")}
                  description={status ? undefined : t("admin.webhooks.deliveries.empty_help")}
                />
              }
              replaying={replaying}
              onReplay={(delivery) => void doReplay(delivery)}
            />
          </Paper>
          {!deliveries.isPending && items.length > 0 ? (
            <>
              <Text size="xs" c="dimmed" mt="sm">
                {t("admin.webhooks.deliveries.state.retrying")}: {t("admin.webhooks.deliveries.state_help.retrying")}{" "}
                {t("admin.webhooks.deliveries.state.dead")}: {t("admin.webhooks.deliveries.state_help.dead")}
              </Text>
              <LoadMore
                shown={items.length}
                hasNextPage={deliveries.hasNextPage}
                isFetchingNextPage={deliveries.isFetchingNextPage}
                onLoadMore={() => void deliveries.fetchNextPage()}
              />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
