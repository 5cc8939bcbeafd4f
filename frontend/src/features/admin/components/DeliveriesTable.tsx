import { useState } from "react";
import { Button, Code, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { eventKey, type Delivery } from "../api/webhooks";
import { DeliveryBadge, deliveryState } from "./WebhooksTable";

/** Failed deliveries (dead-lettered, or pending after a failed attempt) can be sent again by hand. */
export function canReplay(delivery: Delivery): boolean {
  const state = deliveryState(delivery);
  return state === "dead" || state === "retrying";
}

function AttemptLog({ delivery, id }: { delivery: Delivery; id: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" id={id} py="xs">
      <Text size="sm">
        {t("admin.webhooks.deliveries.event_id")}: <Code>{delivery.event_id}</Code>
      </Text>
      {delivery.attempt_log.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("admin.webhooks.deliveries.no_attempts")}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" maw={720}>
          <Table.Caption className="visually-hidden-caption">{t("admin.webhooks.deliveries.attempt_log")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("admin.webhooks.deliveries.attempt_time")}</Table.Th>
              <Table.Th scope="col">{t("admin.webhooks.deliveries.attempt_status")}</Table.Th>
              <Table.Th scope="col">{t("admin.webhooks.deliveries.attempt_error")}</Table.Th>
              <Table.Th scope="col">{t("admin.webhooks.deliveries.attempt_duration")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.attempt_log.map((attempt, index) => (
              <Table.Tr key={`${attempt.attempted_at}-${index}`}>
                <Table.Td>{formatDateTime(attempt.attempted_at)}</Table.Td>
                <Table.Td>{attempt.status_code ?? "—"}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{attempt.error ?? "—"}</Table.Td>
                <Table.Td>{t("admin.webhooks.deliveries.duration_ms", { ms: attempt.duration_ms })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

interface DeliveriesTableProps extends ListState {
  deliveries: readonly Delivery[];
  replaying: string | null;
  onReplay: (delivery: Delivery) => void;
}

export function DeliveriesTable({ deliveries, replaying, onReplay, ...list }: DeliveriesTableProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const eventName = (delivery: Delivery) => t(eventKey(delivery.event_type), { defaultValue: delivery.event_type });
  const logId = (delivery: Delivery) => `attempts-${delivery.id}`;

  const columns: Column<Delivery>[] = [
    {
      key: "event",
      header: t("admin.webhooks.deliveries.event"),
      cell: (delivery) => (
        <>
          <Text size="sm" fw={600}>
            {eventName(delivery)}
          </Text>
          <Code>{delivery.event_type}</Code>
        </>
      ),
    },
    { key: "status", header: t("admin.webhooks.deliveries.status"), cell: (delivery) => <DeliveryBadge delivery={delivery} /> },
    { key: "attempts", header: t("admin.webhooks.deliveries.attempts"), cell: (delivery) => <Text size="sm">{delivery.attempts}</Text> },
    {
      key: "response",
      header: t("admin.webhooks.deliveries.response"),
      style: { maxWidth: 200 },
      cell: (delivery) =>
        delivery.attempts === 0 ? (
          <Text size="sm">—</Text>
        ) : (
          <>
            <Text size="sm">
              {delivery.last_status_code !== null ? `HTTP ${delivery.last_status_code}` : t("admin.webhooks.deliveries.no_response")}
            </Text>
            {delivery.last_error && delivery.last_error !== `HTTP ${delivery.last_status_code}` ? (
              <Text size="xs" c="dimmed" style={{ overflowWrap: "break-word" }}>
                {delivery.last_error}
              </Text>
            ) : null}
          </>
        ),
    },
    {
      key: "created_at",
      header: t("admin.webhooks.deliveries.created_at"),
      cell: (delivery) => <Text size="sm">{formatDateTime(delivery.created_at)}</Text>,
    },
    {
      key: "when",
      header: t("admin.webhooks.deliveries.when"),
      cell: (delivery) =>
        delivery.status === "dead" ? (
          <Text size="sm">—</Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {delivery.status === "delivered" ? t("admin.webhooks.deliveries.delivered_at") : t("admin.webhooks.deliveries.next_attempt")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "nowrap" }}>
              {formatDateTime(delivery.status === "delivered" ? delivery.delivered_at : delivery.next_attempt_at)}
            </Text>
          </>
        ),
    },
  ];

  return (
    <DataTable
      caption={t("admin.webhooks.deliveries.caption")}
      columns={columns}
      rows={deliveries}
      rowKey={(delivery) => delivery.id}
      {...list}
      striped={false}
      details={(delivery) => (open.has(delivery.id) ? <AttemptLog delivery={delivery} id={logId(delivery)} /> : null)}
      actions={(delivery) => {
        const event = eventName(delivery);
        const created = formatDateTime(delivery.created_at);
        const expanded = open.has(delivery.id);
        return (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              aria-expanded={expanded}
              aria-controls={expanded ? logId(delivery) : undefined}
              aria-label={t("admin.webhooks.deliveries.details_named", { event, date: created })}
              onClick={() => toggle(delivery.id)}
            >
              {t("admin.webhooks.deliveries.details")}
            </Button>
            {canReplay(delivery) ? (
              <Button
                size="compact-sm"
                variant="light"
                loading={replaying === delivery.id}
                disabled={replaying !== null && replaying !== delivery.id}
                aria-label={t("admin.webhooks.deliveries.replay_named", { event, date: created })}
                onClick={() => onReplay(delivery)}
              >
                {t("admin.webhooks.deliveries.replay")}
              </Button>
            ) : null}
          </>
        );
      }}
    />
  );
}
