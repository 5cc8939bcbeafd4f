import { useState } from "react";
import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { describeError, isApiError } from "@/lib/api/problem";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { CellValue, VOIVODESHIPS, useGeography } from "../lib/reporting";
import {
  CROSSTAB_INDICATORS,
  surveyQueries,
  useSetPublishable,
  type QuestionResult,
  type ResultQuery,
  type RoundRead,
} from "../api/surveys";
import { Loading } from "../components/Loading";
import { QuestionResultCard, isHidden } from "../components/QuestionResultCard";
import { useTerritoryName } from "../lib/territory";

/** Questions whose answer can filter the results (the API takes single choice and scale). */
const FILTERABLE = new Set(["single_choice", "scale"]);

function answerChoices(question: QuestionResult | undefined): { value: string; label: string }[] {
  if (!question) return [];
  if (question.type === "scale") return (question.distribution ?? []).map((p) => ({ value: String(p.value), label: String(p.value) }));
  return (question.options ?? []).map((o) => ({ value: o.value, label: o.label }));
}

/** The sub-territories of a round's territory (voivodeships of a national one, powiats of a voivodeship). */
function useSubTerritories(territory: string): { value: string; label: string }[] {
  const name = useTerritoryName();
  const geography = useGeography(territory.length === 2);
  if (territory === "")
    return Object.keys(VOIVODESHIPS)
      .sort()
      .map((code) => ({ value: code, label: name(code) }));
  if (territory.length === 2)
    return (geography.data?.powiats ?? []).filter((p) => p.voivodeship === territory).map((p) => ({ value: p.code, label: name(p.code) }));
  return [];
}

/** /ankiety/rundy/:id/wyniki: the results per question with filters, and the cross-tab with a hard indicator. */
export default function ResultsPage() {
  const { roundId = "" } = useParams();
  const round = useQuery(surveyQueries.round(roundId));
  if (round.isPending) return <Loading heights={[60, 200, 200]} />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  return <Results round={round.data} key={round.data.id} />;
}

function Results({ round }: { round: RoundRead }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ResultQuery>({});
  const results = useQuery({ ...surveyQueries.results(round.id, filters), placeholderData: keepPreviousData });
  const unfiltered = useQuery(surveyQueries.results(round.id, {}));
  const publish = useSetPublishable(round.id);
  const subTerritories = useSubTerritories(round.territory);
  const questions = (unfiltered.data?.questions ?? []).filter((q) => FILTERABLE.has(q.type));
  const filterQuestion = questions.find((q) => q.key === filters.question);
  const tooSmall = isApiError(results.error) && results.error.code === "group_too_small";
  const data = results.data;
  const protectedView = tooSmall || (data ? isHidden(data.respondents) : false);

  const onPublishable = round.is_owner
    ? (answerId: string, publishable: boolean) =>
        publish.mutate({ answerId, publishable }, { onError: (caught) => notify("red", describeError(caught, t).message) })
    : undefined;

  return (
    <>
      <PageHeader
        title={t("surveys.results.title", { title: round.title })}
        description={
          <Anchor component={Link} to={`/ankiety/rundy/${round.id}`} size="sm">
            {t("surveys.results.back")}
          </Anchor>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="filters-heading">
          <Title order={2} size="h4" id="filters-heading" mb="xs">
            {t("surveys.results.filters")}
          </Title>
          <Group align="flex-end" gap="md">
            {subTerritories.length > 0 ? (
              <Select
                label={t("surveys.results.territory")}
                placeholder={t("surveys.results.whole_round")}
                data={subTerritories}
                value={filters.territory ?? null}
                onChange={(territory) => setFilters((f) => ({ ...f, territory: territory ?? undefined }))}
                clearable
                searchable
              />
            ) : null}
            <Select
              label={t("surveys.results.only_question")}
              placeholder={t("surveys.results.everyone")}
              data={questions.map((q) => ({ value: q.key, label: q.text }))}
              value={filters.question ?? null}
              onChange={(question) => setFilters((f) => ({ ...f, question: question ?? undefined, answer: undefined }))}
              clearable
              maw={360}
            />
            {filterQuestion ? (
              <Select
                label={t("surveys.results.only_answer")}
                data={answerChoices(filterQuestion)}
                value={filters.answer ?? null}
                onChange={(answer) => setFilters((f) => ({ ...f, answer: answer ?? undefined }))}
                clearable
              />
            ) : null}
          </Group>
        </Paper>
        {protectedView ? (
          <Alert color="yellow" title={t("surveys.results.protected_title")} role="status">
            {t("surveys.results.protected")}
          </Alert>
        ) : null}
        {results.isPending ? (
          <Loading heights={[200, 200]} />
        ) : results.isError && !tooSmall ? (
          <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : data && !tooSmall ? (
          <>
            <Text component="div">
              {t("surveys.results.respondents")}: <CellValue cell={data.respondents} measure="count" unit="institutions" />
            </Text>
            {data.questions.map((question) => (
              <QuestionResultCard key={question.key} result={question} onPublishable={onPublishable} />
            ))}
          </>
        ) : null}
        <CrosstabPanel round={round} questions={questions.concat((unfiltered.data?.questions ?? []).filter((q) => q.type === "number"))} />
      </Stack>
    </>
  );
}

function CrosstabPanel({ round, questions }: { round: RoundRead; questions: QuestionResult[] }) {
  const { t } = useTranslation();
  const [question, setQuestion] = useState<string>("");
  const [indicator, setIndicator] = useState<string>("");
  const crosstab = useQuery(surveyQueries.crosstab(round.id, question, indicator));
  const indicators = CROSSTAB_INDICATORS.map((name) => ({ value: name, label: t(`reporting.measure.${name}`, { defaultValue: name }) }));
  const tooSmall = isApiError(crosstab.error) && crosstab.error.code === "group_too_small";
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="crosstab-heading">
      <Title order={2} size="h4" id="crosstab-heading" mb="xs">
        {t("surveys.crosstab.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("surveys.crosstab.help", { from: round.period_from, to: round.period_to })}
      </Text>
      <Group align="flex-end" gap="md" mb="md">
        <Select
          label={t("surveys.crosstab.question")}
          data={questions.map((q) => ({ value: q.key, label: q.text }))}
          value={question || null}
          onChange={(v) => setQuestion(v ?? "")}
          maw={360}
        />
        <Select
          label={t("surveys.crosstab.indicator")}
          data={indicators}
          value={indicator || null}
          onChange={(v) => setIndicator(v ?? "")}
          searchable
          maw={360}
        />
      </Group>
      {!question || !indicator ? null : crosstab.isPending ? (
        <Loading heights={[120]} />
      ) : tooSmall ? (
        <Alert color="yellow" role="status">
          {t("surveys.results.protected")}
        </Alert>
      ) : crosstab.isError ? (
        <ErrorAlert error={crosstab.error} />
      ) : (
        <Table>
          <caption>{t("surveys.crosstab.caption")}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("surveys.results.answer")}</Table.Th>
              <Table.Th>{t("surveys.crosstab.institutions")}</Table.Th>
              <Table.Th>{indicators.find((i) => i.value === indicator)?.label ?? indicator}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {crosstab.data.rows.map((row) => (
              <Table.Tr key={row.value}>
                <Table.Th scope="row" fw={400}>
                  {row.label}
                </Table.Th>
                <Table.Td>
                  <CellValue cell={row.institutions} measure="count" unit="institutions" />
                </Table.Td>
                <Table.Td>
                  <CellValue cell={row.indicator} measure={indicator} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
