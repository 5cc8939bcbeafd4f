import { useState } from "react";
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from "../api/referrals";
import { useNotificationTitle } from "../lib/notificationTitle";

export default function NotificationsPage() {
  const { t } = useTranslation();
  const titleOf = useNotificationTitle();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const list = useNotifications(unreadOnly);
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread_count ?? 0;
  return (
    <>
      <PageHeader
        title={t("referrals.notifications.title")}
        description={t("referrals.notifications.unread", { count: unread })}
        actions={
          <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={unread === 0}>
            {t("referrals.notifications.read_all")}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label={t("referrals.notifications.filter")}
        value={unreadOnly ? "unread" : "all"}
        onChange={(v) => setUnreadOnly(v === "unread")}
        data={[
          { value: "unread", label: t("referrals.notifications.only_unread") },
          { value: "all", label: t("referrals.notifications.all") },
        ]}
      />
      <Paper withBorder p={0}>
        {list.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : list.isPending ? (
          <div className="skeleton-block" style={{ height: 200 }} aria-busy="true" />
        ) : items.length === 0 ? (
          <EmptyState title={t("referrals.notifications.empty")} />
        ) : (
          <Stack gap={0} component="ul" className="plain-list">
            {items.map((n) => (
              <Group
                key={n.id}
                component="li"
                justify="space-between"
                p="sm"
                wrap="nowrap"
                style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
              >
                <Stack gap={2}>
                  <Group gap={6}>
                    {!n.read_at ? <Badge size="xs">{t("referrals.notifications.new")}</Badge> : null}
                    <Text size="sm" fw={n.read_at ? 400 : 600}>
                      {titleOf(n)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.created_at)}
                    {n.referral_id ? (
                      <>
                        {" · "}
                        <Anchor
                          component={Link}
                          to={`/skierowania/${n.referral_id}`}
                          size="xs"
                          underline="always"
                          onClick={() => !n.read_at && markOne.mutate(n.id)}
                        >
                          {n.referral_number ?? t("referrals.notifications.open")}
                        </Anchor>
                      </>
                    ) : null}
                  </Text>
                </Stack>
                {!n.read_at ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => markOne.mutate(n.id)}
                    aria-label={t("referrals.notifications.mark_read_of", { title: titleOf(n) })}
                  >
                    {t("referrals.notifications.mark_read")}
                  </Button>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
