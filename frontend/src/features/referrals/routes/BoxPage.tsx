import { Button, Checkbox, Group, Paper, Select } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { STATUSES, useBox, useServiceTypes, type Box, type Priority, type ReferralStatus } from "../api/referrals";
import { ReferralsTable } from "../components/ReferralsTable";

/** Inbox or outbox with filters kept in the URL (status, overdue, service type, priority, person). */
export default function BoxPage({ box }: { box: Box }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  const filters = {
    status: (params.get("status") as ReferralStatus | null) ?? null,
    overdue: params.get("overdue") === "1",
    service_type: params.get("service_type"),
    priority: (params.get("priority") as Priority | null) ?? null,
    person_id: params.get("person"),
  };
  const list = useBox(box, filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = [...params.keys()].length > 0;

  return (
    <>
      <PageHeader
        title={box === "inbox" ? t("referrals.inbox.title") : t("referrals.outbox.title")}
        description={box === "inbox" ? t("referrals.inbox.description") : t("referrals.outbox.description")}
        actions={
          <Button component={Link} to="/skierowania/nowe">
            {t("referrals.nav.new")}
          </Button>
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("referrals.field.status")}
          data={STATUSES.filter((s) => box === "outbox" || s !== "draft").map((s) => ({ value: s, label: t(`referrals.status.${s}`) }))}
          value={filters.status}
          onChange={(v) => setParam("status", v)}
          clearable
          placeholder={t("referrals.filters.any")}
          w={200}
        />
        <Select
          label={t("referrals.field.service_type")}
          data={(types.data?.items ?? []).map((s) => ({ value: s.code, label: en ? s.name_en : s.name_pl }))}
          value={filters.service_type}
          onChange={(v) => setParam("service_type", v)}
          clearable
          searchable
          placeholder={t("referrals.filters.any")}
          w={260}
        />
        <Select
          label={t("referrals.field.priority")}
          data={[
            { value: "routine", label: t("referrals.priority.routine") },
            { value: "urgent", label: t("referrals.priority.urgent") },
          ]}
          value={filters.priority}
          onChange={(v) => setParam("priority", v)}
          clearable
          placeholder={t("referrals.filters.any")}
          w={160}
        />
        <Checkbox
          label={t("referrals.filters.overdue_only")}
          checked={filters.overdue}
          onChange={(e) => setParam("overdue", e.currentTarget.checked ? "1" : null)}
          mb={8}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t("referrals.filters.clear")}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder p={0}>
        {list.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : !list.isPending && items.length === 0 ? (
          <EmptyState
            title={filtered ? t("referrals.empty_filtered") : box === "inbox" ? t("referrals.inbox.empty") : t("referrals.outbox.empty")}
          />
        ) : (
          <ReferralsTable box={box} items={items} loading={list.isPending} />
        )}
      </Paper>
      {!list.isPending && items.length > 0 ? (
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
