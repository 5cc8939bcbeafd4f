import { Anchor, Button, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Institution } from "@/lib/api/directory";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { StatusBadge } from "./Badges";
import { TerritoryName } from "./Territory";
import { INSTITUTION_PARAM } from "./useInstitutionContext";

interface InstitutionsTableProps extends ListState {
  institutions: readonly Institution[];
  onEdit: (institution: Institution) => void;
}

export function InstitutionsTable({ institutions, onEdit, ...list }: InstitutionsTableProps) {
  const { t } = useTranslation();
  const columns: Column<Institution>[] = [
    {
      key: "name",
      header: t("admin.institutions.name"),
      cell: (inst) => (
        <>
          <Text size="sm" fw={600}>
            {inst.name}
          </Text>
          {inst.short_name ? (
            <Text size="xs" c="dimmed">
              {inst.short_name}
            </Text>
          ) : null}
        </>
      ),
    },
    {
      key: "type",
      header: t("admin.institutions.type"),
      cell: (inst) => (
        <Text size="sm" title={t(`institution_types.${inst.type}`)}>
          {inst.type}
        </Text>
      ),
    },
    { key: "gmina", header: t("admin.institutions.gmina"), cell: (inst) => <TerritoryName code={inst.teryt} /> },
    { key: "city", header: t("admin.fields.city"), cell: (inst) => <Text size="sm">{inst.city ?? "—"}</Text> },
    {
      key: "status",
      header: t("admin.users.status"),
      cell: (inst) => <StatusBadge status={inst.active ? "active" : "inactive"} />,
    },
  ];
  return (
    <DataTable
      caption={t("admin.institutions.caption")}
      columns={columns}
      rows={institutions}
      rowKey={(inst) => inst.id}
      {...list}
      actionsGap="xs"
      actions={(inst) => (
        <>
          <Anchor
            component={Link}
            size="sm"
            to={`../uzytkownicy?${INSTITUTION_PARAM}=${inst.id}`}
            aria-label={t("admin.institutions.users_of", { name: inst.name })}
          >
            {t("admin.institutions.users")}
          </Anchor>
          <Anchor
            component={Link}
            size="sm"
            to={`../oferty?${INSTITUTION_PARAM}=${inst.id}`}
            aria-label={t("admin.institutions.offers_of", { name: inst.name })}
          >
            {t("admin.institutions.offers")}
          </Anchor>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onEdit(inst)}
            aria-label={t("admin.institutions.edit_named", { name: inst.name })}
          >
            {t("common.edit")}
          </Button>
        </>
      )}
    />
  );
}
