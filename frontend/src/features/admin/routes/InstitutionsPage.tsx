import { useState } from "react";
import { Button, Group, Paper, Select, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { INSTITUTION_TYPES, type InstitutionType } from "@/lib/api/directory";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useTerritories } from "../api/catalogue";
import { useInstitutions } from "../api/institutions";
import { CreateInstitutionModal, EditInstitutionModal } from "../components/InstitutionModal";
import { InstitutionsTable } from "../components/InstitutionsTable";
import { territoryLabel } from "../components/Territory";

const ANY = "any";

export default function InstitutionsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [type, setType] = useState<string>(ANY);
  const [voivodeship, setVoivodeship] = useState<string>(ANY);
  const [powiat, setPowiat] = useState<string>(ANY);
  const [active, setActive] = useState<string>("true");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const voivodeships = useTerritories("voivodeship", null);
  const powiats = useTerritories("powiat", voivodeship !== ANY ? voivodeship : null);

  const institutions = useInstitutions({
    q: debouncedQ.length >= 2 ? debouncedQ : undefined,
    type: type !== ANY ? (type as InstitutionType) : undefined,
    teryt: powiat !== ANY ? powiat : voivodeship !== ANY ? voivodeship : undefined,
    active: active === "all" ? undefined : active === "true",
  });
  const items = institutions.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("admin.institutions.title")}
        description={t("admin.institutions.description")}
        actions={<Button onClick={() => setCreating(true)}>{t("admin.institutions.create")}</Button>}
      />
      <Group role="search" align="flex-end" mb="md" gap="sm" aria-label={t("admin.institutions.filters")}>
        <TextInput
          label={t("admin.institutions.search")}
          placeholder={t("admin.institutions.search_help")}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          type="search"
          w={220}
        />
        <Select
          label={t("admin.institutions.type")}
          data={[
            { value: ANY, label: t("admin.filter.any") },
            ...INSTITUTION_TYPES.map((value) => ({ value, label: `${value} — ${t(`institution_types.${value}`)}` })),
          ]}
          value={type}
          onChange={(value) => setType(value ?? ANY)}
          allowDeselect={false}
          w={210}
        />
        <Select
          label={t("territory.voivodeship")}
          data={[
            { value: ANY, label: t("territory.national") },
            ...(voivodeships.data?.items ?? []).map((item) => ({ value: item.code, label: territoryLabel(item) })),
          ]}
          value={voivodeship}
          onChange={(value) => {
            setVoivodeship(value ?? ANY);
            setPowiat(ANY);
          }}
          searchable
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t("territory.powiat")}
          data={[
            { value: ANY, label: t("territory.whole_voivodeship") },
            ...(powiats.data?.items ?? []).map((item) => ({ value: item.code, label: item.name })),
          ]}
          value={powiat}
          onChange={(value) => setPowiat(value ?? ANY)}
          disabled={voivodeship === ANY}
          searchable
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t("admin.users.status")}
          data={[
            { value: "true", label: t("admin.filter.active_institutions") },
            { value: "false", label: t("admin.filter.inactive_institutions") },
            { value: "all", label: t("admin.filter.all") },
          ]}
          value={active}
          onChange={(value) => setActive(value ?? "all")}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <Paper withBorder p={0}>
        <InstitutionsTable
          institutions={items}
          loading={institutions.isPending}
          error={institutions.error}
          onRetry={() => void institutions.refetch()}
          empty={<EmptyState title={t("admin.institutions.empty")} description={t("admin.institutions.empty_help")} />}
          onEdit={(inst) => setEditing(inst.id)}
        />
      </Paper>
      {!institutions.isPending && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={institutions.hasNextPage}
          isFetchingNextPage={institutions.isFetchingNextPage}
          onLoadMore={() => void institutions.fetchNextPage()}
        />
      ) : null}
      <CreateInstitutionModal opened={creating} onClose={() => setCreating(false)} />
      <EditInstitutionModal institutionId={editing} onClose={() => setEditing(null)} />
    </>
  );
}
