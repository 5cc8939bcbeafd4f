import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { Institution } from "@/lib/api/directory";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { StatusBadge } from "./Badges";
import { TerritoryName } from "./Territory";
import { INSTITUTION_PARAM } from "./useInstitutionContext";

interface InstitutionsTableProps {
  institutions: readonly Institution[];
  loading: boolean;
  onEdit: (institution: Institution) => void;
}

export function InstitutionsTable({ institutions, loading, onEdit }: InstitutionsTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table className="data-table" striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-busy={loading}>
        <Table.Caption className="visually-hidden-caption">{t("admin.institutions.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.institutions.name")}</Table.Th>
            <Table.Th scope="col">{t("admin.institutions.type")}</Table.Th>
            <Table.Th scope="col">{t("admin.institutions.gmina")}</Table.Th>
            <Table.Th scope="col">{t("admin.fields.city")}</Table.Th>
            <Table.Th scope="col">{t("admin.users.status")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={6} />
          ) : (
            institutions.map((inst) => (
              <Table.Tr key={inst.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {inst.name}
                  </Text>
                  {inst.short_name ? (
                    <Text size="xs" c="dimmed">
                      {inst.short_name}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={t(`institution_types.${inst.type}`)}>
                    {inst.type}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TerritoryName code={inst.teryt} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{inst.city ?? "—"}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={inst.active ? "active" : "inactive"} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Anchor component={Link} size="sm" to={`../uzytkownicy?${INSTITUTION_PARAM}=${inst.id}`} aria-label={t("admin.institutions.users_of", { name: inst.name })}>
                      {t("admin.institutions.users")}
                    </Anchor>
                    <Anchor component={Link} size="sm" to={`../oferty?${INSTITUTION_PARAM}=${inst.id}`} aria-label={t("admin.institutions.offers_of", { name: inst.name })}>
                      {t("admin.institutions.offers")}
                    </Anchor>
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(inst)} aria-label={t("admin.institutions.edit_named", { name: inst.name })}>
                      {t("common.edit")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
