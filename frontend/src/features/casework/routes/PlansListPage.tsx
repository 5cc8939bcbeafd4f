import { useState } from "react";
import { Anchor, Badge, Button, SegmentedControl, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { caseworkQueries, usePerson, type PlanListItem } from "../api/casework";
import { InstitutionName, PlanTypeName } from "../components/Labels";

/** Plans whose review falls within this many days count as due. */
const DUE_WITHIN_DAYS = 14;

function dueBefore(): string {
  const day = new Date();
  day.setDate(day.getDate() + DUE_WITHIN_DAYS);
  return day.toISOString().slice(0, 10);
}

function PersonLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  const name = person.data ? `${person.data.first_name ?? ""} ${person.data.last_name ?? ""}`.trim() : "";
  return (
    <Anchor component={Link} to={`/plany/osoba/${id}`} size="sm">
      {person.isPending ? t("common.loading") : name || t("casework.person_hidden")}
    </Anchor>
  );
}

function Row({ plan }: { plan: PlanListItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <PersonLink id={plan.person_id} />
      </Table.Td>
      <Table.Td>
        <PlanTypeName code={plan.plan_type_code} />
      </Table.Td>
      <Table.Td>
        <InstitutionName id={plan.owner_institution_id} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={plan.review_overdue ? "red.9" : undefined} fw={plan.review_overdue ? 700 : undefined}>
          {formatDate(plan.next_review_due)}
        </Text>
        {plan.review_overdue ? (
          <Badge color="red" variant="filled" size="sm">
            {t("casework.review_overdue")}
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>{t(`casework.plan.status.${plan.status}`)}</Table.Td>
    </Table.Tr>
  );
}

/** /plany — the coordinators' list: plans due for review (overdue in red), or all of the institution's active plans. */
export default function PlansListPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const [view, setView] = useState<"due" | "all">("due");
  const list = useQuery(caseworkQueries.due(view === "due" ? dueBefore() : null));
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t("casework.list.title")}
        description={t("casework.list.description", { days: DUE_WITHIN_DAYS })}
        actions={
          // Coordinators read the reports (their institution's own plans, exact).
          roles.includes("coordinator") ? (
            <Button component={Link} to="/raporty/plany" variant="default">
              {t("casework.list.measures")}
            </Button>
          ) : null
        }
      />
      <SegmentedControl
        aria-label={t("casework.list.view")}
        value={view}
        onChange={(v) => setView(v)}
        data={[
          { value: "due", label: t("casework.list.due") },
          { value: "all", label: t("casework.list.all") },
        ]}
        mb="md"
      />
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.isPending && items.length === 0 ? (
        <EmptyState title={view === "due" ? t("casework.list.empty_due") : t("casework.list.empty_all")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption className="visually-hidden-caption">{t("casework.list.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("casework.list.person")}</Table.Th>
                <Table.Th>{t("casework.plan.type")}</Table.Th>
                <Table.Th>{t("casework.plan.owner")}</Table.Th>
                <Table.Th>{t("casework.plan.next_review_due")}</Table.Th>
                <Table.Th>{t("casework.list.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.isPending ? <TableSkeletonRows columns={5} /> : items.map((p) => <Row key={p.id} plan={p} />)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
