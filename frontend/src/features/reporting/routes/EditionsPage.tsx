import { Anchor, Badge, Button, Group, Modal, Paper, Select, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { notify } from "@/lib/ui/notify";
import { useAggregate, useEditions, usePublishEdition, type Granularity, type Scope } from "../api/reporting";
import { periodOptions } from "../components/DashboardFilters";
import { formatPeriod, periodLabel, periodOf, shiftPeriod } from "../lib/cells";
import { VOIVODESHIPS } from "../map/geography";
import { usePowiatNames } from "../lib/usePowiatNames";

/** "Zakres danych: …" of an edition's territory; powiat names (the map's data) are loaded only
 * when `withPowiats`. */
export function useTerritoryName(withPowiats: boolean) {
  const { t } = useTranslation();
  const powiats = usePowiatNames(withPowiats);
  return (territory: string) =>
    territory === ""
      ? t("reporting.scope.national")
      : territory.length === 2
        ? t("reporting.scope.voivodeship", { name: VOIVODESHIPS[territory] ?? territory })
        : t("reporting.scope.powiat", { name: powiats[territory] ?? territory });
}

/** /raporty/edycje: frozen, versioned editions of the indicators; analysts publish new ones. */
export default function EditionsPage() {
  const { t, i18n } = useTranslation();
  const editions = useEditions();
  const territoryName = useTerritoryName((editions.data?.items ?? []).some((e) => e.territory.length === 4));
  const [publishing, setPublishing] = useState(false);
  // Editions are published for territories: an institution's own view only reads them.
  const probe = useAggregate({ measures: ["referrals"], granularity: "year" });
  const scope = probe.data?.scope;
  const canPublish = scope !== undefined && scope.kind !== "institution";
  return (
    <>
      <PageHeader
        title={t("reporting.editions.title")}
        description={t("reporting.editions.description")}
        actions={canPublish ? <Button onClick={() => setPublishing(true)}>{t("reporting.editions.publish")}</Button> : undefined}
      />
      {editions.isError ? <ErrorAlert error={editions.error} onRetry={() => void editions.refetch()} /> : null}
      {editions.data && editions.data.items.length === 0 ? (
        <EmptyState title={t("reporting.editions.empty")} description={t("reporting.editions.empty_help")} />
      ) : (
        <Paper withBorder radius="md">
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reporting.editions.edition")}</Table.Th>
                <Table.Th scope="col">{t("reporting.period")}</Table.Th>
                <Table.Th scope="col">{t("reporting.editions.territory")}</Table.Th>
                <Table.Th scope="col">{t("reporting.editions.version")}</Table.Th>
                <Table.Th scope="col">{t("reporting.editions.updated")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {editions.isPending ? <TableSkeletonRows columns={5} rows={3} /> : null}
              {editions.data?.items.map((edition) => (
                <Table.Tr key={edition.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/raporty/edycje/${edition.id}`}>
                      {edition.title}
                    </Anchor>
                    {edition.versions.some((v) => v.has_report) ? (
                      <Badge variant="light" ml="xs" tt="none">
                        {t("reporting.report.has_report")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{periodLabel(edition.period, i18n.language)}</Table.Td>
                  <Table.Td>{territoryName(edition.territory)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={edition.current_version > 1 ? "orange.9" : "blue.9"} tt="none">
                      {t("reporting.editions.version_n", { version: edition.current_version })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(edition.updated_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {scope ? <PublishModal scope={scope} opened={publishing} onClose={() => setPublishing(false)} /> : null}
    </>
  );
}

/** The last complete period of a granularity (the one an edition is published for by default). */
function lastPeriod(granularity: Granularity): string {
  return formatPeriod(shiftPeriod(periodOf(new Date(), granularity), -1));
}

function PublishModal({ scope, opened, onClose }: { scope: Scope; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishEdition();
  const form = useForm<{ granularity: Granularity; period: string; territory: string | null; title: string }>({
    mode: "controlled",
    initialValues: { granularity: "month", period: lastPeriod("month"), territory: null, title: "" },
  });
  const { granularity, period, territory, title } = form.values;
  const territoryName = useTerritoryName(scope.kind === "powiat");
  const territories =
    scope.kind === "national"
      ? [
          { value: "", label: t("reporting.scope.national") },
          ...Object.entries(VOIVODESHIPS).map(([value, name]) => ({ value, label: name })),
        ]
      : scope.territory
        ? [{ value: scope.territory, label: territoryName(scope.territory) }]
        : [];
  // The analyst's scope decides which territories can be published (the first by default).
  const chosen = territory ?? territories[0]?.value ?? "";

  const submit = form.onSubmit(() => {
    publish.mutate(
      { period, territory: chosen, title: title.trim() || undefined },
      {
        onSuccess: (edition) => {
          notify("green", t("reporting.editions.published", { title: edition.title }));
          onClose();
          void navigate(`/raporty/edycje/${edition.id}`);
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("reporting.editions.publish")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit}>
        <Text size="sm" c="dimmed" mb="sm">
          {t("reporting.editions.publish_help")}
        </Text>
        <Select
          label={t("reporting.filters.granularity")}
          data={(["month", "quarter", "year"] as Granularity[]).map((g) => ({ value: g, label: t(`reporting.granularity.${g}`) }))}
          value={granularity}
          onChange={(g) => {
            if (g) form.setValues({ granularity: g, period: lastPeriod(g) });
          }}
          allowDeselect={false}
        />
        <Select
          label={t("reporting.period")}
          data={periodOptions(granularity, i18n.language)}
          value={period}
          onChange={(v) => v && form.setFieldValue("period", v)}
          allowDeselect={false}
          mt="sm"
        />
        <Select
          label={t("reporting.editions.territory")}
          data={territories}
          value={chosen}
          onChange={(v) => form.setFieldValue("territory", v)}
          allowDeselect={false}
          mt="sm"
        />
        <TextInput
          label={t("reporting.editions.title_field")}
          description={t("reporting.editions.title_help")}
          {...form.getInputProps("title")}
          maxLength={200}
          mt="sm"
        />
        {publish.isError ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={publish.error} />
          </div>
        ) : null}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={publish.isPending}>
            {t("reporting.editions.publish_confirm")}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
