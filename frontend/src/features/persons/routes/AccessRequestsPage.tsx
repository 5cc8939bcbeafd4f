import { useState } from "react";
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Text } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "@/lib/format";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useAccessRequests, type AccessRequest, type AccessRequestBox, type AccessRequestState } from "../api/accessRequests";
import { useInstitutionName } from "../api/persons";
import { DecisionModal, type DecisionKind } from "../components/DecisionModal";
import { PersonsNav } from "../components/PersonsNav";

const STATE_COLORS: Record<AccessRequestState, string> = { pending: "orange", approved: "green", declined: "red", expired: "gray" };
const STATES: AccessRequestState[] = ["pending", "approved", "declined", "expired"];

function InstitutionName({ id }: { id: string | null }) {
  const institution = useInstitutionName(id);
  return <>{institution.data?.name ?? "—"}</>;
}

function PersonCell({ request }: { request: AccessRequest }) {
  const { t } = useTranslation();
  const { person } = request;
  const masked = t("persons.search.hint", { initials: person.initials, year: person.birth_year });
  if (!person.id) return <>{masked}</>;
  return (
    <Anchor component={Link} to={`/osoby/${person.id}`} size="sm" fw={600}>
      {person.last_name && person.first_name ? `${person.last_name} ${person.first_name}` : masked}
    </Anchor>
  );
}

function useColumns(box: AccessRequestBox): Column<AccessRequest>[] {
  const { t } = useTranslation();
  return [
    { key: "person", header: t("persons.access_requests.person"), cell: (r) => <PersonCell request={r} /> },
    box === "incoming"
      ? { key: "from", header: t("persons.access_requests.from"), cell: (r) => <InstitutionName id={r.requester_institution_id} /> }
      : {
          key: "decided_by",
          header: t("persons.access_requests.decided_by"),
          cell: (r) => <InstitutionName id={r.decided_by_institution_id} />,
        },
    { key: "reason", header: t("persons.access_requests.reason_column"), cell: (r) => r.reason, style: { maxWidth: 320 } },
    {
      key: "state",
      header: t("persons.access_requests.state"),
      cell: (r) => (
        <Badge color={STATE_COLORS[r.state]} variant="light">
          {t(`persons.access_requests.states.${r.state}`)}
        </Badge>
      ),
    },
    {
      key: "dates",
      header: t("persons.access_requests.dates"),
      cell: (r) => (
        <Text size="sm">
          {formatDateTime(r.created_at)}
          <br />
          <Text span size="xs" c="dimmed">
            {r.state === "pending"
              ? t("persons.access_requests.expires", { date: formatDate(r.expires_at) })
              : r.decided_at
                ? t("persons.access_requests.decided", { date: formatDateTime(r.decided_at) })
                : null}
          </Text>
        </Text>
      ),
    },
    {
      key: "decision",
      header: t("persons.access_requests.decision_reason"),
      cell: (r) => r.decision_reason ?? "—",
      style: { maxWidth: 240 },
    },
  ];
}

/** /osoby/prosby-o-dostep — requests to persons the institution registered (approve / decline) and its own requests. */
export default function AccessRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: AccessRequestBox = params.get("box") === "outgoing" ? "outgoing" : "incoming";
  const stateParam = params.get("state");
  const state =
    stateParam === "all" ? null : STATES.includes(stateParam as AccessRequestState) ? (stateParam as AccessRequestState) : "pending";
  const list = useAccessRequests(box, state);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useColumns(box);
  const [deciding, setDeciding] = useState<{ request: AccessRequest; kind: DecisionKind } | null>(null);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PersonsNav />
      <PageHeader title={t("persons.access_requests.title")} description={t("persons.access_requests.description")} />
      <Group align="flex-end" mb="md">
        <SegmentedControl
          aria-label={t("persons.access_requests.box")}
          value={box}
          onChange={(value) => setFilter("box", value)}
          data={[
            { value: "incoming", label: t("persons.access_requests.incoming") },
            { value: "outgoing", label: t("persons.access_requests.outgoing") },
          ]}
        />
        <Select
          label={t("persons.access_requests.state")}
          value={state ?? "all"}
          onChange={(value) => setFilter("state", value ?? "pending")}
          data={[
            ...STATES.map((s) => ({ value: s, label: t(`persons.access_requests.states.${s}`) })),
            { value: "all", label: t("persons.access_requests.all") },
          ]}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Paper withBorder p={0}>
        <DataTable
          caption={t(`persons.access_requests.${box}`)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={<EmptyState title={t(`persons.access_requests.empty_${box}`)} />}
          actions={
            box === "incoming"
              ? (r) =>
                  r.state === "pending" ? (
                    <>
                      <Button size="xs" onClick={() => setDeciding({ request: r, kind: "approve" })}>
                        {t("persons.access_requests.approve")}
                      </Button>
                      <Button size="xs" variant="default" color="red" onClick={() => setDeciding({ request: r, kind: "decline" })}>
                        {t("persons.access_requests.decline")}
                      </Button>
                    </>
                  ) : null
              : undefined
          }
        />
      </Paper>
      {rows.length > 0 ? (
        <LoadMore
          shown={rows.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      ) : null}
      <DecisionModal decision={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
