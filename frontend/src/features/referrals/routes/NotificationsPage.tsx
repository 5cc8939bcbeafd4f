import { useState } from "react";
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { unwrap } from "@/lib/api/client";
import { directory } from "@/lib/api/directory";
import { formatDate, formatDateTime } from "@/lib/format";
import { useOpenInvitations, type PartnershipSummary } from "@/lib/partnerships/invitations";
import { DueSurveys } from "@/lib/surveys/DueSurveys";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useInstitution, useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from "../api/referrals";
import { useNotificationTitle } from "../lib/notificationTitle";

function Invitation({ partnership, invitedAt }: { partnership: PartnershipSummary; invitedAt: string | undefined }) {
  const { t } = useTranslation();
  const leader = useInstitution(partnership.leader_institution_id).data?.name;
  return (
    <Group component="li" justify="space-between" p="sm" wrap="nowrap" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
      <Stack gap={2}>
        <Group gap={6}>
          <Badge size="xs" color="orange">
            {t("referrals.notifications.invitation")}
          </Badge>
          <Text size="sm" fw={600}>
            {t("referrals.notifications.invitation_title", { name: partnership.name })}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t("referrals.notifications.invitation_from", { institution: leader ?? "…" })}
          {invitedAt ? ` · ${formatDate(invitedAt)}` : null}
        </Text>
      </Stack>
      <Anchor
        component={Link}
        to={`/partnerstwa/${partnership.id}/przeglad`}
        size="sm"
        underline="always"
        aria-label={t("referrals.notifications.invitation_open_of", { name: partnership.name })}
      >
        {t("referrals.notifications.invitation_open")}
      </Anchor>
    </Group>
  );
}

/**
 * Open invitations of the user's institution to partnerships (the directory sends no notification
 * for them), first on the page: the initiative, its leader, the day of the invitation and the
 * partnership's page, where the invitation is accepted or declined.
 */
function PartnershipInvitations() {
  const { t } = useTranslation();
  const { invitations, institutionId } = useOpenInvitations();
  // The day of the invitation is on the institution's party record of the partnership.
  const details = useQueries({
    queries: invitations.map((p) => ({
      queryKey: ["partnerships", "one", p.id, "invitation"],
      queryFn: () => unwrap(directory.GET("/v1/partnerships/{partnership_id}", { params: { path: { partnership_id: p.id } } })),
      staleTime: 5 * 60 * 1000,
      retry: false,
    })),
  });
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="partnership-invitations">
      <Title order={2} size="h4" id="partnership-invitations" mb="xs">
        {t("referrals.notifications.invitations", { count: invitations.length })}
      </Title>
      <Paper withBorder p={0} mb="lg">
        <Stack gap={0} component="ul" className="plain-list">
          {invitations.map((p, i) => (
            <Invitation
              key={p.id}
              partnership={p}
              invitedAt={details[i]?.data?.parties.find((party) => party.institution_id === institutionId)?.invited_at}
            />
          ))}
        </Stack>
      </Paper>
    </section>
  );
}

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
      <PartnershipInvitations />
      <DueSurveys />
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
