import { useState } from "react";
import { Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate, formatDateTime, formatPercent } from "@/lib/format";
import { describeError } from "@/lib/api/problem";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { DownloadButtons, PolandMap, type MapCell } from "../lib/reporting";
import { downloadRoundExport, surveyQueries, useCloseRound, useRemind, type RoundRead } from "../api/surveys";
import { ResponseRateBar, RoundStatusBadge } from "../components/badges";
import { Loading } from "../components/Loading";
import { useTerritoryName } from "../lib/territory";

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Card withBorder padding="sm" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** Response rate by voivodeship (a national round) or powiat: a map and the same figures as a table. */
function RateByTerritory({ round }: { round: RoundRead }) {
  const { t, i18n } = useTranslation();
  const level = round.territory === "" ? "voivodeship" : "powiat";
  const rate = useQuery(surveyQueries.rate(round.id, level));
  if (rate.isPending) return <Loading heights={[300]} />;
  if (rate.isError) return <ErrorAlert error={rate.error} onRetry={() => void rate.refetch()} />;
  const values: Record<string, MapCell> = {};
  for (const row of rate.data.rows) values[row.territory] = { value: row.invited > 0 ? row.response_rate : null, suppressed: false };
  const percent = (n: number) => formatPercent(n, { language: i18n.language });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <PolandMap
          level={level}
          values={values}
          measureLabel={t("surveys.round.rate_measure")}
          format={percent}
          highlightVoivodeship={level === "powiat" ? round.territory.slice(0, 2) : undefined}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <caption>{t("surveys.round.rate_table", { level: t(`surveys.round.level.${level}`) })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`surveys.round.level.${level}`)}</Table.Th>
                <Table.Th>{t("surveys.round.invited")}</Table.Th>
                <Table.Th>{t("surveys.round.submitted")}</Table.Th>
                <Table.Th>{t("surveys.round.drafts")}</Table.Th>
                <Table.Th>{t("surveys.round.response_rate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rate.data.rows.map((row) => (
                <Table.Tr key={row.territory}>
                  <Table.Th scope="row" fw={400}>
                    {row.name}
                  </Table.Th>
                  <Table.Td>{row.invited}</Table.Td>
                  <Table.Td>{row.submitted}</Table.Td>
                  <Table.Td>{row.drafts}</Table.Td>
                  <Table.Td>{percent(row.response_rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Grid.Col>
    </Grid>
  );
}

/** /ankiety/rundy/:id: the round's status, response rate by territory and the owner's actions. */
export default function RoundPage() {
  const { roundId = "" } = useParams();
  const { t, i18n } = useTranslation();
  const territoryName = useTerritoryName();
  const round = useQuery(surveyQueries.round(roundId));
  const close = useCloseRound(roundId);
  const remind = useRemind(roundId);
  const [confirm, setConfirm] = useState<"close" | "remind" | null>(null);
  if (round.isPending) return <Loading heights={[60, 100, 300]} />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const isOpen = r.status === "open";

  const onConfirm = () => {
    if (confirm === "close")
      close.mutate(undefined, {
        onSuccess: () => {
          setConfirm(null);
          notify("green", t("surveys.round.closed_note"));
        },
      });
    else
      remind.mutate(undefined, {
        onSuccess: (result) => {
          setConfirm(null);
          notify("green", t("surveys.round.reminded_note", { count: result.reminded }));
        },
        onError: (caught) => notify("red", describeError(caught, t).message),
      });
  };

  return (
    <>
      <PageHeader
        title={r.title}
        description={t("surveys.round.subtitle", { questionnaire: r.questionnaire_title, territory: territoryName(r.territory) })}
        actions={
          <Button component={Link} to={`/ankiety/rundy/${r.id}/wyniki`}>
            {t("surveys.round.results")}
          </Button>
        }
      />
      <Stack gap="lg">
        <Group gap="md">
          <RoundStatusBadge status={r.status} />
          <Text size="sm">{t("surveys.round.deadline", { date: formatDate(r.deadline) })}</Text>
          <Text size="sm">{t("surveys.round.period", { from: r.period_from, to: r.period_to })}</Text>
          <Text size="sm">{r.institution_types.join(", ")}</Text>
          {r.reminders_sent_at ? (
            <Text size="sm">{t("surveys.round.last_reminder", { date: formatDateTime(r.reminders_sent_at) })}</Text>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label={t("surveys.round.invited")} value={r.invited} />
          <Figure label={t("surveys.round.submitted")} value={r.submitted} />
          <Figure label={t("surveys.round.drafts")} value={r.drafts} />
          <Figure label={t("surveys.round.response_rate")} value={formatPercent(r.response_rate, { language: i18n.language })} />
        </SimpleGrid>
        <ResponseRateBar rate={r.response_rate} submitted={r.submitted} invited={r.invited} />
        {r.is_owner ? (
          <Group gap="sm">
            {isOpen ? (
              <>
                <Button variant="default" onClick={() => setConfirm("remind")}>
                  {t("surveys.round.remind")}
                </Button>
                <Button variant="default" color="red" onClick={() => setConfirm("close")}>
                  {t("surveys.round.close")}
                </Button>
              </>
            ) : null}
            <DownloadButtons download={(format) => downloadRoundExport(r.id, format)} />
          </Group>
        ) : (
          <Group gap="sm">
            <DownloadButtons download={(format) => downloadRoundExport(r.id, format)} />
          </Group>
        )}
        <section aria-labelledby="rate-heading">
          <Title order={2} size="h3" id="rate-heading" mb="sm">
            {t("surveys.round.rate_heading")}
          </Title>
          <RateByTerritory round={r} />
        </section>
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === "close" ? t("surveys.round.close_title") : t("surveys.round.remind_title")}
        message={
          confirm === "close" ? t("surveys.round.close_message") : t("surveys.round.remind_message", { count: r.invited - r.submitted })
        }
        confirmLabel={confirm === "close" ? t("surveys.round.close") : t("surveys.round.remind")}
        danger={confirm === "close"}
        loading={close.isPending || remind.isPending}
        error={confirm === "close" ? close.error : remind.error}
        onConfirm={onConfirm}
        onClose={() => {
          setConfirm(null);
          close.reset();
          remind.reset();
        }}
      />
    </>
  );
}
