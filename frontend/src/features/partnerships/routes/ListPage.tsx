import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Text } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { usePartnerships, type PartnershipSummary } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { StatusBadge } from "../components/StatusBadge";
import { hasSignatoryRole, isParty, myInstitutionId, seesSummaryOnly } from "../lib/access";

type View = "mine" | "invitations" | "all";

/** /partnerstwa: the partnerships the user's institution is party or invited to; analysts: those of their territory (summary only). */
export default function ListPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const list = usePartnerships();
  const institution = params.get("institution");
  const all = list.data?.pages.flatMap((p) => p.items) ?? [];
  const overseer = (me?.roles ?? []).some((r) => r === "analyst" || r === "system_admin");
  // The list holds parties' and invited institutions' partnerships (and, for analysts, their territory's).
  const invitations = overseer ? [] : all.filter((p) => !isParty(me, p));
  const mine = all.filter((p) => isParty(me, p));
  const view: View = (params.get("widok") as View | null) ?? (overseer ? "all" : "mine");
  const chosen = view === "mine" ? mine : view === "invitations" ? invitations : all;
  const rows = institution ? chosen.filter((p) => p.party_ids.includes(institution)) : chosen;

  const setView = (next: string) => {
    const copy = new URLSearchParams(params);
    copy.set("widok", next);
    setParams(copy, { replace: true });
  };

  const columns: Column<PartnershipSummary>[] = [
    {
      key: "name",
      header: t("partnerships.list.name"),
      cell: (p) =>
        seesSummaryOnly(me, p) ? (
          <Anchor component={Link} to={`/partnerstwa/${p.id}/podsumowanie`} size="sm">
            {p.name}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/partnerstwa/${p.id}/przeglad`} size="sm">
            {p.name}
          </Anchor>
        ),
    },
    { key: "status", header: t("partnerships.list.status"), cell: (p) => <StatusBadge status={p.status} /> },
    { key: "area", header: t("partnerships.list.area"), cell: (p) => p.area_teryt.join(", ") },
    { key: "leader", header: t("partnerships.list.leader"), cell: (p) => <InstitutionName id={p.leader_institution_id} /> },
    {
      key: "parties",
      header: t("partnerships.list.parties"),
      cell: (p) =>
        !isParty(me, p) && !overseer ? (
          <Badge variant="light" color="orange" tt="none">
            {t("partnerships.list.invited")}
          </Badge>
        ) : (
          t("partnerships.list.party_count", { count: p.party_ids.length })
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("partnerships.title")}
        description={t("partnerships.list.description")}
        actions={
          hasSignatoryRole(me) && myInstitutionId(me) ? (
            <Button component={Link} to="/partnerstwa/nowe">
              {t("partnerships.list.start")}
            </Button>
          ) : undefined
        }
      />
      {institution ? (
        <Group mb="md" gap="xs">
          <Text size="sm">
            {t("partnerships.list.of_institution")} <InstitutionName id={institution} />
          </Text>
          <Anchor component={Link} to="/partnerstwa" size="sm">
            {t("partnerships.list.show_all")}
          </Anchor>
        </Group>
      ) : null}
      <SegmentedControl
        mb="md"
        aria-label={t("partnerships.list.view")}
        value={view}
        onChange={setView}
        data={[
          ...(overseer ? [] : [{ value: "mine", label: t("partnerships.list.mine") }]),
          ...(overseer
            ? []
            : [
                {
                  value: "invitations",
                  label: t("partnerships.list.invitations", { count: invitations.length }),
                },
              ]),
          { value: "all", label: t("partnerships.list.all") },
        ]}
      />
      <Paper withBorder p={0}>
        <DataTable
          caption={t("partnerships.title")}
          columns={columns}
          rows={rows}
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={
            <EmptyState
              title={view === "invitations" ? t("partnerships.list.no_invitations") : t("partnerships.list.empty")}
              description={t("partnerships.list.empty_help")}
            />
          }
        />
      </Paper>
      {all.length > 0 ? (
        <LoadMore
          shown={rows.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
