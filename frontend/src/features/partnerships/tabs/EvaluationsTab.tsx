import { useState } from "react";
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column } from "@/lib/ui/DataTable";
import { EmptyState } from "@/lib/ui/EmptyState";
import { applyErrorToForm } from "@/lib/ui/forms";
import { LoadMore } from "@/lib/ui/LoadMore";
import { notify } from "@/lib/ui/notify";
import { ProblemAreasSelect, useProblemAreas } from "@/lib/ui/ProblemAreasSelect";
import { PERIOD, partnershipQueries, useSubmitEvaluation, type Evaluation, type Partnership } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { ProblemAlert } from "../components/ProblemAlert";
import { isSignatory } from "../lib/access";

interface Values {
  what_works: string;
  barriers: string;
  proposals: string;
  score: string;
  problem_areas: string[];
}

function EvaluationForm({ partnership, period }: { partnership: Partnership; period: string }) {
  const { t } = useTranslation();
  const submitEvaluation = useSubmitEvaluation(partnership.id);
  const [error, setError] = useState<unknown>(null);
  const required = (v: string) => (v.trim() ? null : t("partnerships.create.required"));
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { what_works: "", barriers: "", proposals: "", score: "", problem_areas: [] },
    validate: {
      what_works: required,
      barriers: required,
      proposals: required,
      score: (v) => (v ? null : t("partnerships.evaluations.score_required")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await submitEvaluation.mutateAsync({
        period,
        what_works: values.what_works.trim(),
        barriers: values.barriers.trim(),
        proposals: values.proposals.trim(),
        score: Number(values.score),
        problem_areas: values.problem_areas,
      });
      notify("green", t("partnerships.evaluations.submitted"));
      form.reset();
    } catch (caught) {
      if (!applyErrorToForm(caught, form, t).shownOnFields) setError(caught);
    }
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("partnerships.evaluations.form_title", { period })}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea label={t("partnerships.evaluations.what_works")} required autosize minRows={2} {...form.getInputProps("what_works")} />
          <Textarea label={t("partnerships.evaluations.barriers")} required autosize minRows={2} {...form.getInputProps("barriers")} />
          <Textarea label={t("partnerships.evaluations.proposals")} required autosize minRows={2} {...form.getInputProps("proposals")} />
          <ProblemAreasSelect
            label={t("partnerships.evaluations.problem_areas")}
            description={t("partnerships.evaluations.problem_areas_help")}
            value={form.values.problem_areas}
            onChange={(v) => form.setFieldValue("problem_areas", v)}
            error={form.errors.problem_areas as string | undefined}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="evaluation-score">
              {t("partnerships.evaluations.score")}
            </Text>
            <SegmentedControl
              aria-labelledby="evaluation-score"
              data={["1", "2", "3", "4", "5"]}
              value={form.values.score}
              onChange={(v) => form.setFieldValue("score", v)}
              w={260}
            />
            {form.errors.score ? (
              <Text size="xs" c="red" role="alert">
                {form.errors.score}
              </Text>
            ) : null}
          </Stack>
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={submitEvaluation.isPending}>
              {t("partnerships.evaluations.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Internal evaluation: each party's self-assessment for a period, the partnership's aggregate and the history. */
export function EvaluationsTab({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const areas = useProblemAreas();
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const valid = PERIOD.test(period);
  const summary = useQuery(partnershipQueries.evaluationSummary(partnership.id, period));
  const history = useInfiniteQuery(partnershipQueries.evaluations(partnership.id));
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<Evaluation>[] = [
    { key: "institution", header: t("partnerships.overview.institution"), cell: (e) => <InstitutionName id={e.institution_id} /> },
    { key: "period", header: t("partnerships.targets.period"), cell: (e) => e.period },
    { key: "score", header: t("partnerships.evaluations.score"), cell: (e) => e.score },
    { key: "works", header: t("partnerships.evaluations.what_works"), cell: (e) => e.what_works, style: { maxWidth: 240 } },
    { key: "barriers", header: t("partnerships.evaluations.barriers"), cell: (e) => e.barriers, style: { maxWidth: 240 } },
    { key: "proposals", header: t("partnerships.evaluations.proposals"), cell: (e) => e.proposals, style: { maxWidth: 240 } },
    {
      key: "areas",
      header: t("partnerships.evaluations.problem_areas"),
      cell: (e) => (e.problem_areas.length ? e.problem_areas.map((code) => areas.name(code)).join(", ") : "—"),
      style: { maxWidth: 240 },
    },
    { key: "submitted", header: t("partnerships.evaluations.submitted_at"), cell: (e) => formatDateTime(e.submitted_at) },
  ];
  return (
    <Stack gap="lg">
      <TextInput
        label={t("partnerships.targets.period")}
        description={t("partnerships.evaluations.period_help")}
        value={period}
        onChange={(e) => setPeriod(e.currentTarget.value.trim())}
        error={valid ? undefined : t("partnerships.targets.period_invalid")}
        w={220}
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("partnerships.evaluations.summary_title", { period })}
        </Title>
        {summary.isError ? (
          <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data ? (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text size="sm">
                {t("partnerships.evaluations.answered", { answered: summary.data.parties_answered, parties: partnership.party_ids.length })}
              </Text>
              <Text size="sm">
                {t("partnerships.evaluations.mean")}:{" "}
                <Text span fw={600}>
                  {summary.data.mean_score === null ? "—" : summary.data.mean_score.toFixed(1)}
                </Text>
              </Text>
            </SimpleGrid>
            <DataTable
              caption={t("partnerships.evaluations.latest")}
              columns={columns.filter((c) => c.key !== "period")}
              rows={summary.data.latest}
              rowKey={(e) => e.id}
              loading={false}
              empty={<Text size="sm">{t("partnerships.evaluations.none_for_period")}</Text>}
            />
          </Stack>
        ) : valid ? (
          <div className="skeleton-block" style={{ height: 80 }} aria-busy="true" />
        ) : null}
      </Paper>
      {isSignatory(me, partnership) && valid ? <EvaluationForm key={period} partnership={partnership} period={period} /> : null}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t("partnerships.evaluations.history")}
        </Title>
        <DataTable
          caption={t("partnerships.evaluations.history")}
          columns={columns}
          rows={items}
          rowKey={(e) => e.id}
          loading={history.isPending}
          error={history.error}
          onRetry={() => void history.refetch()}
          empty={<EmptyState title={t("partnerships.evaluations.empty")} />}
        />
        {items.length > 0 ? (
          <LoadMore
            shown={items.length}
            hasNextPage={history.hasNextPage}
            isFetchingNextPage={history.isFetchingNextPage}
            onLoadMore={() => void history.fetchNextPage()}
          />
        ) : null}
      </Paper>
    </Stack>
  );
}
