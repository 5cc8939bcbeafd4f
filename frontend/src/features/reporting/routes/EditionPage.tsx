import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDateTime } from "@/lib/format";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { describeError } from "@/lib/api/problem";
import { downloadEditionVersion, useCorrectEdition, useEdition, useEditionVersion } from "../api/reporting";
import { downloadFrozenReportPdf, fetchFrozenReportHtml } from "../api/resultsReport";
import { AggregateTable } from "../components/AggregateTable";
import { AsOfNote } from "../components/AsOfNote";
import { DownloadButtons } from "../components/DownloadButtons";
import { periodLabel } from "../lib/cells";
import { useTerritoryName } from "./EditionsPage";

/** /raporty/edycje/:id — one edition: its versions, its tables, downloads and corrections. */
export default function EditionPage() {
  const { t, i18n } = useTranslation();
  const { editionId = "" } = useParams();
  const edition = useEdition(editionId);
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? edition.data?.current_version ?? null;
  const content = useEditionVersion(editionId, version);
  const territoryName = useTerritoryName(edition.data?.territory.length === 4);
  const [correcting, setCorrecting] = useState(false);

  if (edition.isPending) return <PageSkeleton />;
  if (edition.isError) return <ErrorAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  const data = edition.data;
  const info = data.versions.find((v) => v.version === version);

  return (
    <>
      <Anchor component={Link} to="/raporty/edycje" size="sm">
        ← {t("reporting.editions.back")}
      </Anchor>
      <PageHeader
        title={data.title}
        description={`${periodLabel(data.period, i18n.language)} · ${territoryName(data.territory)}`}
        actions={
          <>
            <DownloadButtons download={(format) => downloadEditionVersion(editionId, version ?? data.current_version, format)} />
            <Button onClick={() => setCorrecting(true)}>{t("reporting.editions.correct")}</Button>
          </>
        }
      />
      <Group align="flex-end" gap="md" mb="md">
        <Select
          label={t("reporting.editions.version")}
          data={data.versions.map((v) => ({
            value: String(v.version),
            label: `${t("reporting.editions.version_n", { version: v.version })} · ${formatDateTime(v.published_at)}`,
          }))}
          value={version === null ? null : String(version)}
          onChange={(value) => value && setPicked(Number(value))}
          allowDeselect={false}
          w={320}
        />
        {version !== data.current_version ? (
          <Badge color="orange.9" variant="outline" tt="none">
            {t("reporting.editions.superseded")}
          </Badge>
        ) : null}
      </Group>
      {info?.has_report && version !== null ? <FrozenReport editionId={editionId} version={version} /> : null}
      {info?.change_note ? (
        <Text size="sm" mb="md">
          <strong>{t("reporting.editions.change_note")}:</strong> {info.change_note}
        </Text>
      ) : null}
      {content.isError ? <ErrorAlert error={content.error} /> : null}
      {content.data ? (
        <Stack gap="lg">
          <AsOfNote asOf={content.data.content.as_of} />
          {content.data.content.tables.map((table) => (
            <Paper withBorder p="md" radius="md" key={table.name}>
              <Title order={2} size="h4" mb="xs">
                {t(`reporting.edition_table.${table.name}`, { defaultValue: table.title })}
              </Title>
              {table.rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("reporting.no_data")}
                </Text>
              ) : (
                <AggregateTable
                  rows={table.rows}
                  dimensions={table.dimensions}
                  measures={table.measures}
                  caption={t(`reporting.edition_table.${table.name}`, { defaultValue: table.title })}
                />
              )}
            </Paper>
          ))}
        </Stack>
      ) : null}
      <CorrectModal id={editionId} opened={correcting} onClose={() => setCorrecting(false)} onDone={(v) => setPicked(v)} />
    </>
  );
}

/** The results report frozen in this version: preview (sandboxed frame) and PDF download. */
function FrozenReport({ editionId, version }: { editionId: string; version: number }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify("red", describeError(error, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Group gap="sm">
        <Badge variant="light" tt="none">
          {t("reporting.report.title")}
        </Badge>
        <Button
          variant="default"
          size="xs"
          loading={busy}
          onClick={() => void run(async () => setHtml(await fetchFrozenReportHtml(editionId, version)))}
        >
          {t("reporting.report.show")}
        </Button>
        <Button
          variant="default"
          size="xs"
          loading={busy}
          onClick={() =>
            void run(async () => {
              const name = await downloadFrozenReportPdf(editionId, version);
              notify("green", t("reporting.explorer.downloaded", { name }));
            })
          }
        >
          {t("reporting.report.download")}
        </Button>
      </Group>
      {html !== null ? (
        <iframe
          title={t("reporting.report.preview_title")}
          sandbox=""
          srcDoc={html}
          style={{ width: "100%", height: "70vh", marginTop: 12, border: "1px solid var(--mantine-color-gray-4)", background: "white" }}
        />
      ) : null}
    </Paper>
  );
}

function CorrectModal({
  id,
  opened,
  onClose,
  onDone,
}: {
  id: string;
  opened: boolean;
  onClose: () => void;
  onDone: (version: number) => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectEdition(id);
  const form = useForm({ mode: "controlled", initialValues: { note: "" } });
  const note = form.values.note.trim();
  const submit = form.onSubmit(() => {
    correct.mutate(note, {
      onSuccess: (edition) => {
        notify("green", t("reporting.editions.corrected", { version: edition.current_version }));
        onDone(edition.current_version);
        form.reset();
        onClose();
      },
    });
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("reporting.editions.correct")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit}>
        <Text size="sm" c="dimmed" mb="sm">
          {t("reporting.editions.correct_help")}
        </Text>
        <Textarea
          label={t("reporting.editions.change_note")}
          {...form.getInputProps("note")}
          minLength={3}
          maxLength={2000}
          required
          autosize
          minRows={3}
        />
        {correct.isError ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={correct.error} />
          </div>
        ) : null}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={correct.isPending} disabled={note.length < 3}>
            {t("reporting.editions.correct_confirm")}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
