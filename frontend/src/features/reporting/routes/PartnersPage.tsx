import { Anchor, Badge, Paper, Select, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { useNetwork, usePartners } from "../api/reporting";
import { AsOfNote } from "../components/AsOfNote";
import { CellValue } from "../components/CellValue";
import { DashboardFilters } from "../components/DashboardFilters";
import { useDashboardFilters } from "../lib/useDashboardFilters";

const COLUMNS = [
  "referrals_to_partner",
  "partner_acceptance_rate",
  "referrals_from_partner",
  "own_acceptance_rate",
  "partner_referrals_sent",
  "partner_referrals_received",
] as const;

/**
 * /raporty/partnerzy: an institution's flows with each partner (staff see their own institution;
 * analysts choose one in their territory).
 */
export default function PartnersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const [params, setParams] = useSearchParams();
  const requested = params.get("instytucja");
  // The network lists the institutions the caller may see: an analyst picks one of them.
  const network = useNetwork(filters.period, null);
  const institutional = network.data?.scope.kind === "institution";
  const institutions = (network.data?.nodes ?? [])
    .map((n) => ({ value: n.id, label: n.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "pl"));
  const chosen = institutional
    ? null
    : requested && institutions.some((i) => i.value === requested)
      ? requested
      : (institutions[0]?.value ?? null);
  const partners = usePartners(filters.period, chosen, network.data !== undefined && (institutional || chosen !== null));
  const choose = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("instytucja", id);
    else next.delete("instytucja");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("reporting.partners.title")}
        description={partners.data ? t("reporting.partners.of", { name: partners.data.institution.name }) : undefined}
      />
      <DashboardFilters filters={filters} onChange={setFilters} scope={network.data?.scope} showTerritory={false} showServiceType={false} />
      {network.data && !institutional ? (
        <Select
          label={t("reporting.partners.institution")}
          data={institutions}
          value={chosen}
          onChange={choose}
          searchable
          allowDeselect={false}
          w={420}
          mb="md"
          nothingFoundMessage={t("reporting.no_data")}
        />
      ) : null}
      <AsOfNote asOf={partners.data?.as_of ?? network.data?.as_of} />
      {network.isError ? <ErrorAlert error={network.error} /> : null}
      {partners.isError ? <ErrorAlert error={partners.error} onRetry={() => void partners.refetch()} /> : null}
      {network.data && !institutional && institutions.length === 0 ? (
        <EmptyState title={t("reporting.network.empty")} description={t("reporting.network.empty_help")} />
      ) : null}
      {partners.data && partners.data.partners.length === 0 ? (
        <EmptyState title={t("reporting.partners.empty")} description={t("reporting.partners.empty_help")} />
      ) : null}
      {partners.isPending && (institutional || chosen) ? (
        <Paper withBorder p="md" radius="md" mt="md">
          <Table>
            <Table.Tbody>
              <TableSkeletonRows columns={7} rows={4} />
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {partners.data && partners.data.partners.length > 0 ? (
        <Paper withBorder p="md" radius="md" mt="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped fz="sm">
              <Table.Caption>{t("reporting.partners.caption", { period: partners.data.period })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("reporting.partners.partner")}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col" style={{ textAlign: "right" }}>
                      {t(`reporting.partners.column.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {partners.data.partners.map((row) => (
                  <Table.Tr key={row.partner.id}>
                    <Table.Td>
                      <Text size="sm">{row.partner.name}</Text>
                      <Text size="xs" c="dimmed" component="div">
                        {t(`institution_types.${row.partner.type}`, { defaultValue: row.partner.type })}
                        {row.agreement_in_force ? (
                          <Badge ml={6} size="xs" variant="outline" color="green.9" tt="none">
                            {t("reporting.partners.agreement")}
                          </Badge>
                        ) : null}
                        {" · "}
                        <Anchor
                          component={Link}
                          to={`/partnerstwa?institution=${row.partner.id}&widok=all`}
                          size="xs"
                          underline="always"
                          aria-label={t("partnerships.of_institution_link", { name: row.partner.name })}
                        >
                          {t("partnerships.nav")}
                        </Anchor>
                      </Text>
                    </Table.Td>
                    {COLUMNS.map((c) => (
                      <Table.Td key={c} style={{ textAlign: "right" }}>
                        <CellValue cell={row.values[c]} measure={c} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </>
  );
}
