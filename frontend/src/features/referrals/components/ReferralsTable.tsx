import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { usePersonNames, type Box, type Referral } from "../api/referrals";
import { useStaffName } from "../api/work";
import { DueDate, InstitutionName, PersonNameText, ServiceTypeName, StatusBadge } from "./Labels";

/** Inbox: who of the institution handles it; outbox: who of the institution sent it (the receiver's staff stay theirs). */
function Handler({ box, referral }: { box: Box; referral: Referral }) {
  const { t } = useTranslation();
  const userId = box === "inbox" ? referral.assignee_user_id : referral.sender_user_id;
  const name = useStaffName(userId);
  if (!userId)
    return (
      <Text size="sm" c="dimmed">
        {box === "inbox" ? t("referrals.work.unassigned") : "—"}
      </Text>
    );
  return <Text size="sm">{name ?? "…"}</Text>;
}

interface ReferralsTableProps {
  box: Box;
  items: Referral[];
  loading: boolean;
}

export function ReferralsTable({ box, items, loading }: ReferralsTableProps) {
  const { t } = useTranslation();
  const names = usePersonNames(items.map((r) => r.person_id));
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-busy={loading} className="data-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("referrals.field.number")}</Table.Th>
            <Table.Th>{t("referrals.work.client")}</Table.Th>
            <Table.Th>{t("referrals.field.service_type")}</Table.Th>
            <Table.Th>{box === "inbox" ? t("referrals.field.sender") : t("referrals.field.target")}</Table.Th>
            <Table.Th>{box === "inbox" ? t("referrals.work.assignee") : t("referrals.work.sent_by")}</Table.Th>
            <Table.Th>{t("referrals.field.status")}</Table.Th>
            <Table.Th>{t("referrals.field.sent_at")}</Table.Th>
            <Table.Th>{t("referrals.field.due")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={8} />
          ) : (
            items.map((referral) => (
              <Table.Tr key={referral.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/skierowania/${referral.id}`} size="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                      {referral.number}
                    </Anchor>
                    {referral.priority === "urgent" ? (
                      <Badge size="sm" color="orange" variant="light">
                        {t("referrals.priority.urgent")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <PersonNameText person={names.data?.get(referral.person_id)} pending={names.isPending} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <ServiceTypeName code={referral.service_type_code} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <InstitutionName id={box === "inbox" ? referral.sender_institution_id : referral.target_institution_id} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Handler box={box} referral={referral} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <StatusBadge status={referral.status} />
                    {referral.cancellation_requested ? (
                      <Badge size="sm" color="orange" variant="outline">
                        {t("referrals.cancellation_requested")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(referral.sent_at ?? referral.created_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <DueDate referral={referral} />
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
