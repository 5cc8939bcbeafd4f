import { useEffect, useState } from "react";
import { Button, Checkbox, Group, Paper, Select, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import {
  STATUSES,
  useBox,
  usePersonSearch,
  useServiceTypes,
  type Box,
  type BoxSort,
  type Priority,
  type ReferralStatus,
} from "../api/referrals";
import { ReferralsTable } from "../components/ReferralsTable";

/** A text filter typed freely and put into the URL once the typing pauses. */
function useTypedParam(value: string | null, set: (value: string | null) => void) {
  const [text, setText] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The URL changed elsewhere ("clear filters", back): the field follows it.
    setSeen(value);
    if (!value) setText("");
  }
  const [debounced] = useDebouncedValue(text.trim(), 350);
  useEffect(() => {
    if ((debounced || null) !== value) set(debounced || null);
    // Only the typed text drives the URL here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return [text, setText] as const;
}

/**
 * Inbox or outbox with filters kept in the URL (status, overdue, service type, priority, person,
 * number, client's name, assignment, order). A name is searched in the registry with the caller's
 * own access; the list then shows the referrals of the persons found.
 */
export default function BoxPage({ box }: { box: Box }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const [numberText, setNumberText] = useTypedParam(params.get("number"), (v) => setParam("number", v));
  const [clientText, setClientText] = useTypedParam(params.get("client"), (v) => setParam("client", v));
  const client = params.get("client") ?? "";
  const persons = usePersonSearch(client);
  const personIds = client.length >= 2 ? (persons.data?.items.map((p) => p.id) ?? null) : null;
  const filters = {
    status: (params.get("status") as ReferralStatus | null) ?? null,
    overdue: params.get("overdue") === "1",
    service_type: params.get("service_type"),
    priority: (params.get("priority") as Priority | null) ?? null,
    person_id: params.get("person"),
    person_ids: personIds,
    number: params.get("number"),
    assignee: box === "inbox" ? params.get("assignee") : null,
    sort: (params.get("sort") as BoxSort | null) ?? null,
  };
  const noClient = client.length >= 2 && persons.isSuccess && personIds?.length === 0;
  const list = useBox(box, filters);
  const items = noClient ? [] : (list.data?.pages.flatMap((p) => p.items) ?? []);
  const pending = list.isPending || (client.length >= 2 && persons.isPending);
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
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t("referrals.filters.search")}>
        <TextInput
          label={t("referrals.work.search_number")}
          value={numberText}
          onChange={(e) => setNumberText(e.currentTarget.value.replace(/[^A-Za-z0-9-]/g, ""))}
          placeholder="SK-2026-…"
          maxLength={32}
          w={200}
        />
        <TextInput
          label={t("referrals.work.search_client")}
          description={t("referrals.work.search_client_help")}
          value={clientText}
          onChange={(e) => setClientText(e.currentTarget.value)}
          maxLength={100}
          w={260}
        />
        <Select
          label={t("referrals.work.sort")}
          data={[
            { value: "newest", label: t("referrals.work.sort_newest") },
            { value: "due", label: t("referrals.work.sort_due") },
          ]}
          value={filters.sort ?? "newest"}
          onChange={(v) => setParam("sort", v === "due" ? v : null)}
          allowDeselect={false}
          w={240}
        />
        {box === "inbox" ? (
          <Select
            label={t("referrals.work.assignee_filter")}
            data={[
              { value: "me", label: t("referrals.work.assignee_me") },
              { value: "none", label: t("referrals.work.assignee_none") },
            ]}
            value={filters.assignee}
            onChange={(v) => setParam("assignee", v)}
            clearable
            placeholder={t("referrals.filters.any")}
            w={180}
          />
        ) : null}
      </Group>
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
        ) : !pending && items.length === 0 ? (
          <EmptyState
            title={
              noClient
                ? t("referrals.work.no_client_match")
                : filtered
                  ? t("referrals.empty_filtered")
                  : box === "inbox"
                    ? t("referrals.inbox.empty")
                    : t("referrals.outbox.empty")
            }
          />
        ) : (
          <ReferralsTable box={box} items={items} loading={pending} />
        )}
      </Paper>
      {!pending && items.length > 0 ? (
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
