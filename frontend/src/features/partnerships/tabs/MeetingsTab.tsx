import { useState } from "react";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { partnershipQueries, type Meeting, type Partnership } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { ProblemAlert } from "../components/ProblemAlert";
import { isOrganiser } from "../lib/access";
import { MeetingForm } from "./MeetingForm";
import { MeetingMinutes } from "./MeetingMinutes";

function MeetingCard({ meeting, partnershipId, organiser }: { meeting: Meeting; partnershipId: string; organiser: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={`meeting-${meeting.id}`}>
      <Title order={2} size="h5" id={`meeting-${meeting.id}`} mb="xs">
        {t("partnerships.meetings.meeting_of", { date: formatDate(meeting.held_on) })}
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          <Text span fw={600}>
            {t("partnerships.meetings.present")}:{" "}
          </Text>
          {meeting.present_institution_ids.map((id, i) => (
            <span key={id}>
              {i > 0 ? ", " : ""}
              <InstitutionName id={id} />
            </span>
          ))}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          <Text span fw={600}>
            {t("partnerships.meetings.agenda")}:{" "}
          </Text>
          {meeting.agenda}
        </Text>
        {meeting.decisions.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t("partnerships.meetings.decisions")}
            </Text>
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {meeting.decisions.map((d, i) => (
                <li key={i}>
                  <Text size="sm" span>
                    {d.text}
                  </Text>
                  {d.task_id ? (
                    <Badge ml={6} size="xs" variant="light" tt="none">
                      {t("partnerships.meetings.task_created")}
                    </Badge>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        <MeetingMinutes partnershipId={partnershipId} meeting={meeting} organiser={organiser} />
        {meeting.next_meeting_on ? (
          <Text size="sm" c="dimmed">
            {t("partnerships.meetings.next_meeting_planned", { date: formatDate(meeting.next_meeting_on) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Meetings, newest first; organisers record one. */
export function MeetingsTab({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const meetings = useInfiniteQuery(partnershipQueries.meetings(partnership.id));
  const [recording, setRecording] = useState(false);
  const organiser = isOrganiser(me, partnership);
  const items = meetings.data?.pages.flatMap((p) => p.items) ?? [];
  const next = items.find((m) => m.next_meeting_on)?.next_meeting_on;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm">{next ? t("partnerships.meetings.next", { date: formatDate(next) }) : null}</Text>
        {organiser ? <Button onClick={() => setRecording(true)}>{t("partnerships.meetings.record")}</Button> : null}
      </Group>
      {meetings.isError ? (
        <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : meetings.isPending ? (
        <div className="skeleton-block" style={{ height: 200 }} aria-busy="true" />
      ) : items.length === 0 ? (
        <EmptyState title={t("partnerships.meetings.empty")} />
      ) : (
        <>
          <Stack gap="md" component="ul" className="plain-list" aria-label={t("partnerships.tabs.meetings")}>
            {items.map((m) => (
              <MeetingCard key={m.id} meeting={m} partnershipId={partnership.id} organiser={organiser} />
            ))}
          </Stack>
          <LoadMore
            shown={items.length}
            hasNextPage={meetings.hasNextPage}
            isFetchingNextPage={meetings.isFetchingNextPage}
            onLoadMore={() => void meetings.fetchNextPage()}
          />
        </>
      )}
      {recording ? <MeetingForm partnership={partnership} onClose={() => setRecording(false)} /> : null}
    </Stack>
  );
}
