import { Badge, Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { eventKey, type DeliveryBrief, type Subscription, type SubscriptionListItem } from "../api/webhooks";
import { RowActionsMenu } from "./RowActionsMenu";

const SHOWN_EVENTS = 3;

/** The delivery state in words: a pending delivery whose last attempt failed is "retrying". */
export function deliveryState(delivery: DeliveryBrief): "pending" | "retrying" | "delivered" | "dead" {
  if (delivery.status === "pending" && delivery.attempts > 0 && (delivery.last_error !== null || delivery.last_status_code !== null))
    return "retrying";
  return delivery.status;
}

const STATE_COLORS = { pending: "blue", retrying: "orange", delivered: "green", dead: "red" } as const;

export function DeliveryBadge({ delivery }: { delivery: DeliveryBrief }) {
  const { t } = useTranslation();
  const state = deliveryState(delivery);
  return (
    <Badge variant="light" color={STATE_COLORS[state]} size="sm" tt="none">
      {t(`admin.webhooks.deliveries.state.${state}`)}
    </Badge>
  );
}

export function WebhookStateBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? "green" : "gray"} size="sm" tt="none">
      {active ? t("admin.webhooks.state.active") : t("admin.webhooks.state.paused")}
    </Badge>
  );
}

function EventsSummary({ types }: { types: readonly string[] }) {
  const { t } = useTranslation();
  if (types.length === 0) {
    return (
      <Text size="sm" fw={600}>
        {t("admin.webhooks.events_all")}
      </Text>
    );
  }
  const shown = types.slice(0, SHOWN_EVENTS).map((type) => t(eventKey(type), { defaultValue: type }));
  const more = types.length - shown.length;
  return (
    <Text size="sm">
      {shown.join(", ")}
      {more > 0 ? ` ${t("admin.webhooks.more_events", { count: more })}` : ""}
    </Text>
  );
}

interface WebhooksTableProps extends ListState {
  subscriptions: readonly SubscriptionListItem[];
  deliveriesPath: (subscription: Subscription) => string;
  onEdit: (subscription: Subscription) => void;
  onPause: (subscription: Subscription) => void;
  onResume: (subscription: Subscription) => void;
  onRotate: (subscription: Subscription) => void;
  onDelete: (subscription: Subscription) => void;
}

export function WebhooksTable({
  subscriptions,
  deliveriesPath,
  onEdit,
  onPause,
  onResume,
  onRotate,
  onDelete,
  ...list
}: WebhooksTableProps) {
  const { t } = useTranslation();
  const columns: Column<SubscriptionListItem>[] = [
    {
      key: "url",
      header: t("admin.webhooks.url"),
      style: { maxWidth: 300 },
      cell: (subscription) => (
        <>
          <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
            {subscription.url}
          </Text>
          {subscription.description ? (
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {subscription.description}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: "events",
      header: t("admin.webhooks.events_field"),
      style: { maxWidth: 260 },
      cell: (subscription) => <EventsSummary types={subscription.event_types} />,
    },
    {
      key: "status",
      header: t("admin.webhooks.status"),
      cell: (subscription) => <WebhookStateBadge active={subscription.active} />,
    },
    {
      key: "created_at",
      header: t("admin.webhooks.created_at"),
      cell: (subscription) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(subscription.created_at)}
        </Text>
      ),
    },
    {
      key: "last_delivery",
      header: t("admin.webhooks.last_delivery"),
      cell: ({ last_delivery: last }) =>
        last ? (
          <Stack gap={2} align="flex-start">
            <DeliveryBadge delivery={last} />
            <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {formatDateTime(last.delivered_at ?? last.created_at)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("admin.webhooks.no_deliveries")}
          </Text>
        ),
    },
  ];
  return (
    <DataTable
      caption={t("admin.webhooks.caption")}
      columns={columns}
      rows={subscriptions}
      rowKey={(subscription) => subscription.id}
      {...list}
      actions={(subscription) => (
        <>
          <Button
            component={Link}
            to={deliveriesPath(subscription)}
            size="compact-sm"
            variant="subtle"
            aria-label={t("admin.webhooks.deliveries_named", { url: subscription.url })}
          >
            {t("admin.webhooks.deliveries_link")}
          </Button>
          <RowActionsMenu
            label={t("admin.webhooks.actions_named", { url: subscription.url })}
            actions={[
              { label: t("admin.webhooks.edit"), onClick: () => onEdit(subscription) },
              subscription.active
                ? { label: t("admin.webhooks.pause"), onClick: () => onPause(subscription) }
                : { label: t("admin.webhooks.resume"), onClick: () => onResume(subscription) },
              { label: t("admin.webhooks.rotate"), onClick: () => onRotate(subscription) },
              { label: t("admin.webhooks.delete"), onClick: () => onDelete(subscription), danger: true },
            ]}
          />
        </>
      )}
    />
  );
}
