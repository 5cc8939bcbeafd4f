import { Paper, Select, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { useNetwork } from "../api/reporting";
import { AsOfNote } from "../components/AsOfNote";
import { CellValue } from "../components/CellValue";
import { DashboardFilters } from "../components/DashboardFilters";
import { NetworkGraph } from "../components/NetworkGraph";
import { useDashboardFilters } from "../lib/useDashboardFilters";
import { usePowiatNames } from "../lib/usePowiatNames";
import { useScopeLabel } from "../lib/scope";
import { PowiatPartnerships } from "../components/PowiatPartnerships";

/** /raporty/siec: who refers to whom in a powiat (institutions and referral flows). */
export default function NetworkPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useDashboardFilters();
  const [params, setParams] = useSearchParams();
  const network = useNetwork(filters.period, filters.serviceType || null);
  const names = usePowiatNames();
  const scopeText = useScopeLabel(network.data?.scope);

  const powiats = useMemo(() => {
    // Powiats with the most institutions first: the default is the busiest network.
    const counts = new Map<string, number>();
    for (const node of network.data?.nodes ?? []) {
      if (/^\d{4}$/.test(node.powiat_code)) counts.set(node.powiat_code, (counts.get(node.powiat_code) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code]) => ({ value: code, label: names[code] ? `${names[code]} (${code})` : code }));
  }, [network.data, names]);
  const requested = params.get("powiat") ?? "";
  const powiat = powiats.some((p) => p.value === requested) ? requested : (powiats[0]?.value ?? "");
  const setPowiat = (code: string | null) => {
    const next = new URLSearchParams(params);
    if (code) next.set("powiat", code);
    else next.delete("powiat");
    setParams(next, { replace: true });
  };

  const byId = new Map((network.data?.nodes ?? []).map((n) => [n.id, n]));
  const edges = (network.data?.edges ?? []).filter(
    (e) => byId.get(e.source)?.powiat_code === powiat || byId.get(e.target)?.powiat_code === powiat,
  );
  const title = t("reporting.network.graph_title", { name: names[powiat] ?? powiat, period: filters.period });

  return (
    <>
      <PageHeader title={t("reporting.network.title")} description={scopeText} />
      <DashboardFilters filters={filters} onChange={setFilters} scope={network.data?.scope} showTerritory={false} />
      <Select
        label={t("reporting.network.powiat")}
        data={powiats}
        value={powiat || null}
        onChange={setPowiat}
        searchable
        allowDeselect={false}
        w={320}
        mb="md"
        disabled={powiats.length === 0}
      />
      <AsOfNote asOf={network.data?.as_of} />
      {network.isError ? <ErrorAlert error={network.error} onRetry={() => void network.refetch()} /> : null}
      {network.data && powiats.length === 0 ? (
        <EmptyState title={t("reporting.network.empty")} description={t("reporting.network.empty_help")} />
      ) : null}
      {network.data?.truncated ? (
        <Text size="sm" c="orange.9" mt="xs">
          {t("reporting.network.truncated")}
        </Text>
      ) : null}
      {network.data && powiat ? (
        <Paper withBorder p="md" radius="md" mt="md">
          <Text fw={600} mb="xs" component="h2" size="md">
            {title}
          </Text>
          {edges.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("reporting.network.no_edges")}
            </Text>
          ) : (
            <NetworkGraph network={network.data} powiat={powiat} title={title} />
          )}
        </Paper>
      ) : null}
      {powiat ? <PowiatPartnerships powiat={powiat} name={names[powiat] ?? powiat} /> : null}
      <Paper withBorder p="md" radius="md" mt="md">
        <Table striped fz="sm">
          <Table.Caption>{t("reporting.network.table_caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reporting.network.from")}</Table.Th>
              <Table.Th scope="col">{t("reporting.network.to")}</Table.Th>
              <Table.Th scope="col">{t("reporting.measure.referrals")}</Table.Th>
              <Table.Th scope="col">{t("reporting.measure.accepted")}</Table.Th>
              <Table.Th scope="col">{t("reporting.measure.completed")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {network.isPending ? <TableSkeletonRows columns={5} rows={4} /> : null}
            {edges.map((e) => (
              <Table.Tr key={`${e.source}-${e.target}`}>
                <Table.Td>{byId.get(e.source)?.name}</Table.Td>
                <Table.Td>{byId.get(e.target)?.name}</Table.Td>
                <Table.Td>
                  <CellValue cell={e.referrals} measure="referrals" />
                </Table.Td>
                <Table.Td>
                  <CellValue cell={e.accepted} measure="accepted" />
                </Table.Td>
                <Table.Td>
                  <CellValue cell={e.completed} measure="completed" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
