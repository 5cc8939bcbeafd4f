import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { eventKey, type DeliveryBrief, type Subscription, type SubscriptionListItem } from "../api/webhooks";
import { RowActionsMenu } from "./RowActionsMenu";

const SHOWN_EVENTS = 3;

/** The delivery state in words: a pending delivery whose last attempt failed is "retrying". */
export function deliveryState(delivery: DeliveryBrief): "pending" | "retrying" | "delivered" | "dead" {
  if (delivery.status === "pending" && delivery.attempts > 0 && (delivery.last_error !== null || delivery.last_status_code !== null)) return "retrying";
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

interface WebhooksTableProps {
  subscriptions: readonly SubscriptionListItem[];
  loading: boolean;
  deliveriesPath: (subscription: Subscription) => string;
  onEdit: (subscription: Subscription) => void;
  onPause: (subscription: Subscription) => void;
  onResume: (subscription: Subscription) => void;
  onRotate: (subscription: Subscription) => void;
  onDelete: (subscription: Subscription) => void;
}

export function WebhooksTable({ subscriptions, loading, deliveriesPath, onEdit, onPause, onResume, onRotate, onDelete }: WebhooksTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table className="data-table" striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-busy={loading}>
        <Table.Caption className="visually-hidden-caption">{t("admin.webhooks.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.webhooks.url")}</Table.Th>
            <Table.Th scope="col">{t("admin.webhooks.events_field")}</Table.Th>
            <Table.Th scope="col">{t("admin.webhooks.status")}</Table.Th>
            <Table.Th scope="col">{t("admin.webhooks.created_at")}</Table.Th>
            <Table.Th scope="col">{t("admin.webhooks.last_delivery")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={6} />
          ) : (
            subscriptions.map((subscription) => {
              const last = subscription.last_delivery ?? null;
              return (
                <Table.Tr key={subscription.id}>
                  <Table.Td style={{ maxWidth: 300 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                      {subscription.url}
                    </Text>
                    {subscription.description ? (
                      <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                        {subscription.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 260 }}>
                    <EventsSummary types={subscription.event_types} />
                  </Table.Td>
                  <Table.Td>
                    <WebhookStateBadge active={subscription.active} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      {formatDateTime(subscription.created_at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {last ? (
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
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
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
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
