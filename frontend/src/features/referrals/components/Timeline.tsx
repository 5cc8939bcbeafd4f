import { Stack, Text, Timeline as MTimeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useEvents, useReasonCodes } from "../api/referrals";
import { codeLabel, InstitutionName } from "./Labels";

/** The referral's immutable history, oldest first. */
export function ReferralTimeline({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const events = useEvents(referralId);
  const reasons = useReasonCodes();
  if (events.isPending) return <div className="skeleton-block" style={{ height: 160 }} aria-busy="true" />;
  if (events.isError) return <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  const items = events.data.items;
  if (items.length === 0) return <EmptyState title={t("referrals.timeline.empty")} />;
  return (
    <MTimeline active={items.length - 1} bulletSize={14} lineWidth={2} aria-label={t("referrals.timeline.title")}>
      {items.map((event) => {
        const reason = event.reason_code ? reasons.data?.items.find((r) => r.code === event.reason_code) : undefined;
        return (
          <MTimeline.Item
            key={event.id}
            title={
              <Text fw={600} size="sm">
                {t(`referrals.action.${event.action}`, { defaultValue: event.action })}
                {event.from_status !== event.to_status
                  ? ` → ${t(`referrals.status.${event.to_status}`, { defaultValue: event.to_status })}`
                  : ""}
              </Text>
            }
          >
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time> ·{" "}
                {event.actor_institution_id ? <InstitutionName id={event.actor_institution_id} /> : t("referrals.timeline.system")}
              </Text>
              {event.reason_code ? (
                <Text size="sm">
                  {t("referrals.field.reason")}: {reason ? codeLabel(reason) : event.reason_code}
                </Text>
              ) : null}
              {event.text ? (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {event.text}
                </Text>
              ) : null}
            </Stack>
          </MTimeline.Item>
        );
      })}
    </MTimeline>
  );
}
