import { useState } from "react";
import { Anchor, Badge, Button, Paper, SegmentedControl, Table, Text } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { useFollowUpCodes, useFollowUps, type FollowUp, type FollowUpTab } from "../api/work";
import { AnswerFollowUpModal } from "../components/AnswerFollowUpModal";
import { codeLabel, PersonName } from "../components/Labels";

const TABS: FollowUpTab[] = ["due", "upcoming", "answered"];

function Result({ followUp, onAnswer }: { followUp: FollowUp; onAnswer: (f: FollowUp) => void }) {
  const { t } = useTranslation();
  const codes = useFollowUpCodes();
  if (followUp.outcome_code) {
    const code = codes.data?.items.find((c) => c.code === followUp.outcome_code);
    return <Badge variant="light">{code ? codeLabel(code) : followUp.outcome_code}</Badge>;
  }
  if (followUp.answerable)
    return (
      <Button size="xs" onClick={() => onAnswer(followUp)}>
        {t("referrals.followups.answer")}
      </Button>
    );
  return (
    <Text size="sm" c="dimmed">
      {followUp.mine ? t("referrals.followups.not_due") : t("referrals.followups.not_yours")}
    </Text>
  );
}

/** /skierowania/sprawdzenia — follow-up checks after employment outcomes: due, upcoming, answered. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: FollowUpTab = TABS.find((x) => x === params.get("tab")) ?? "due";
  const list = useFollowUps(tab);
  const [answering, setAnswering] = useState<FollowUp | null>(null);
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t("referrals.followups.title")} description={t("referrals.followups.description")} />
      <SegmentedControl
        mb="md"
        aria-label={t("referrals.followups.tabs")}
        value={tab}
        onChange={(value) => setParams(value === "due" ? {} : { tab: value }, { replace: true })}
        data={TABS.map((value) => ({ value, label: t(`referrals.followups.tab_${value}`) }))}
      />
      <Paper withBorder p={0}>
        {list.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : !list.isPending && items.length === 0 ? (
          <EmptyState title={t(`referrals.followups.empty_${tab}`)} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm" aria-busy={list.isPending} className="data-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("referrals.followups.referral")}</Table.Th>
                  <Table.Th>{t("referrals.work.client")}</Table.Th>
                  <Table.Th>{t("referrals.followups.after")}</Table.Th>
                  <Table.Th>{t("referrals.followups.due_at")}</Table.Th>
                  <Table.Th>{t("referrals.followups.outcome")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending ? (
                  <TableSkeletonRows columns={5} />
                ) : (
                  items.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/skierowania/${f.referral_id}`} size="sm" fw={600}>
                          {f.referral_number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{f.person_id ? <PersonName id={f.person_id} /> : "—"}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t("referrals.followups.months", { count: f.due_months })}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(f.due_at)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Result followUp={f} onAnswer={setAnswering} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <AnswerFollowUpModal followUp={answering} onClose={() => setAnswering(null)} />
    </>
  );
}
