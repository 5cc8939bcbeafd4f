import { Alert, Button, Group, Modal, MultiSelect, Paper, Select, Text, TextInput, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { useAggregate, useEditions, type Scope } from "../api/reporting";
import {
  downloadReportPdf,
  fetchReportHtml,
  useFreezeReport,
  useReportPractices,
  useReportRounds,
  type ReportParams,
} from "../api/resultsReport";
import { periodOptions } from "../components/DashboardFilters";
import { formatPeriod, periodOf, shiftPeriod } from "../lib/cells";
import { usePowiatNames } from "../lib/usePowiatNames";
import { VOIVODESHIPS } from "../map/geography";

/** The territories an analyst's scope can report on: the scope itself and the units below it. */
function useTerritories(scope: Scope | undefined): { value: string; label: string }[] {
  const { t } = useTranslation();
  const powiats = usePowiatNames(scope?.kind === "voivodeship" || scope?.kind === "powiat");
  if (!scope || scope.kind === "institution") return [];
  if (scope.kind === "national") {
    return [
      { value: "", label: t("reporting.filters.all_poland") },
      ...Object.entries(VOIVODESHIPS).map(([value, name]) => ({ value, label: name })),
    ];
  }
  const own = scope.territory ?? "";
  const ownLabel = own.length === 2 ? (VOIVODESHIPS[own] ?? own) : (powiats[own] ?? own);
  const below = Object.entries(powiats)
    .filter(([code]) => scope.kind === "voivodeship" && code.startsWith(own))
    .sort(([, a], [, b]) => a.localeCompare(b, "pl"))
    .map(([value, name]) => ({ value, label: name }));
  return [{ value: own, label: ownLabel }, ...below];
}

function lastMonth(): string {
  return formatPeriod(shiftPeriod(periodOf(new Date(), "month"), -1));
}

/** /raporty/raport — the results report: choose a territory, months, survey rounds and good
 * practices; preview it (the server's HTML in a sandboxed frame), download the PDF or freeze it in
 * a published edition. */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const probe = useAggregate({ measures: ["referrals"], granularity: "year" });
  const scope = probe.data?.scope;
  const analyst = scope !== undefined && scope.kind !== "institution";
  const territories = useTerritories(scope);
  const [territory, setTerritory] = useState<string | null>(null);
  const chosen = territory ?? territories[0]?.value ?? "";
  const to0 = lastMonth();
  const [from, setFrom] = useState(formatPeriod(shiftPeriod(periodOf(new Date(), "month"), -12)));
  const [to, setTo] = useState(to0);
  const [title, setTitle] = useState("");
  const [rounds, setRounds] = useState<string[]>([]);
  const [practices, setPractices] = useState<string[]>([]);
  const [html, setHtml] = useState<string | null>(null);
  const [loading, setLoading] = useState<"preview" | "pdf" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [freezing, setFreezing] = useState(false);
  const roundList = useReportRounds(analyst);
  const practiceList = useReportPractices(chosen, analyst);
  const months = useMemo(() => periodOptions("month", i18n.language), [i18n.language]);
  const invalidRange = from > to;

  const params: ReportParams = { territory: chosen, from, to, title, rounds, practices };
  const roundOptions = (roundList.data?.items ?? [])
    .filter((r) => r.territory.startsWith(chosen))
    .map((r) => ({ value: r.id, label: r.title }));
  const practiceOptions = (practiceList.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));

  const preview = async () => {
    setLoading("preview");
    setError(null);
    try {
      setHtml(await fetchReportHtml(params));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(null);
    }
  };
  const pdf = async () => {
    setLoading("pdf");
    try {
      const name = await downloadReportPdf(params);
      notify("green", t("reporting.explorer.downloaded", { name }));
    } catch (e) {
      notify("red", describeError(e, t).message);
    } finally {
      setLoading(null);
    }
  };

  if (probe.isError) return <ErrorAlert error={probe.error} onRetry={() => void probe.refetch()} />;
  if (scope && !analyst) {
    return (
      <>
        <PageHeader title={t("reporting.report.title")} />
        <EmptyState title={t("reporting.report.analysts_only")} description={t("reporting.report.analysts_only_help")} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("reporting.report.title")}
        description={t("reporting.report.description")}
        actions={
          <>
            <Button onClick={() => void preview()} loading={loading === "preview"} disabled={!scope || invalidRange}>
              {t("reporting.report.preview")}
            </Button>
            <Button variant="default" onClick={() => void pdf()} loading={loading === "pdf"} disabled={!scope || invalidRange}>
              {t("reporting.report.download_pdf")}
            </Button>
            <Button variant="default" onClick={() => setFreezing(true)} disabled={!scope}>
              {t("reporting.report.freeze")}
            </Button>
          </>
        }
      />
      <Paper withBorder p="md" radius="md" mb="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t("reporting.report.territory")}
            data={territories}
            value={chosen}
            onChange={(value) => {
              setTerritory(value ?? "");
              setPractices([]);
              setRounds([]);
            }}
            allowDeselect={false}
            searchable
            w={260}
          />
          <Select
            label={t("reporting.report.from")}
            data={months}
            value={from}
            onChange={(v) => v && setFrom(v)}
            allowDeselect={false}
            w={180}
          />
          <Select label={t("reporting.report.to")} data={months} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} w={180} />
          <TextInput
            label={t("reporting.report.title_field")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            w={320}
          />
        </Group>
        {invalidRange ? (
          <Text c="red.8" size="sm" mt="xs" role="alert">
            {t("reporting.report.invalid_range")}
          </Text>
        ) : null}
        <Group gap="md" align="flex-start" wrap="wrap" mt="md">
          <MultiSelect
            label={t("reporting.report.rounds")}
            description={t("reporting.report.rounds_help")}
            data={roundOptions}
            value={rounds}
            onChange={setRounds}
            searchable
            clearable
            maxValues={10}
            nothingFoundMessage={t("reporting.report.none")}
            w={420}
          />
          <MultiSelect
            label={t("reporting.report.practices")}
            description={t("reporting.report.practices_help")}
            data={practiceOptions}
            value={practices}
            onChange={setPractices}
            searchable
            clearable
            maxValues={20}
            nothingFoundMessage={t("reporting.report.none")}
            w={420}
          />
        </Group>
      </Paper>
      {error ? <ErrorAlert error={error} /> : null}
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="xs">
          {t("reporting.report.preview_title")}
        </Title>
        {html === null ? (
          <Alert color="gray" variant="light">
            {t("reporting.report.preview_empty")}
          </Alert>
        ) : (
          // The report is the server's self-contained document: shown in a frame with every
          // permission withheld (no scripts, no forms, no navigation of the app).
          <iframe
            title={t("reporting.report.preview_title")}
            sandbox=""
            srcDoc={html}
            style={{ width: "100%", height: "75vh", border: "1px solid var(--mantine-color-gray-4)", background: "white" }}
          />
        )}
      </Paper>
      {scope ? <FreezeModal opened={freezing} onClose={() => setFreezing(false)} territory={chosen} params={params} /> : null}
    </>
  );
}

function FreezeModal({
  opened,
  onClose,
  territory,
  params,
}: {
  opened: boolean;
  onClose: () => void;
  territory: string;
  params: ReportParams;
}) {
  const { t } = useTranslation();
  const editions = useEditions();
  const freeze = useFreezeReport();
  const [edition, setEdition] = useState<string | null>(null);
  const options = (editions.data?.items ?? [])
    .filter((e) => e.territory === territory)
    .map((e) => ({ value: e.id, label: `${e.title} (${t("reporting.editions.version_n", { version: e.current_version })})` }));
  const chosen = edition ?? options[0]?.value ?? null;
  const submit = () => {
    if (!chosen) return;
    freeze.mutate(
      {
        editionId: chosen,
        body: { title: params.title?.trim() || undefined, rounds: params.rounds, practices: params.practices },
      },
      {
        onSuccess: (frozen) => {
          notify("green", t("reporting.report.frozen", { title: frozen.title, version: frozen.version }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("reporting.report.freeze_title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t("reporting.report.freeze_help")}
      </Text>
      {editions.isError ? <ErrorAlert error={editions.error} /> : null}
      {editions.data && options.length === 0 ? (
        <Alert color="gray" variant="light">
          {t("reporting.report.no_editions")}
        </Alert>
      ) : (
        <Select label={t("reporting.report.edition")} data={options} value={chosen} onChange={setEdition} allowDeselect={false} />
      )}
      {freeze.isError ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={freeze.error} />
        </div>
      ) : null}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button onClick={submit} loading={freeze.isPending} disabled={!chosen}>
          {t("reporting.report.freeze_confirm")}
        </Button>
      </Group>
    </Modal>
  );
}
