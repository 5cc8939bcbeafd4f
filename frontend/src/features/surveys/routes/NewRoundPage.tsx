import { useState } from "react";
import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { describeError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { notify } from "@/lib/ui/notify";
import { VOIVODESHIPS, useGeography } from "../lib/reporting";
import { surveyQueries, useOpenRound, type RoundCreate } from "../api/surveys";
import { todayIso, useTerritoryName } from "../lib/territory";

/** The institution types a round can be sent to. */
export const ROUND_INSTITUTION_TYPES = ["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS", "WUP", "ROPS"] as const;

/** Territories within an analyst's scope: the scope itself and the voivodeships / powiats in it. */
function useTerritoryChoices(scope: string): { value: string; label: string }[] {
  const name = useTerritoryName();
  const geography = useGeography(scope.length < 4);
  const out = [{ value: scope, label: name(scope) }];
  if (scope === "") for (const code of Object.keys(VOIVODESHIPS).sort()) out.push({ value: code, label: name(code) });
  if (scope.length < 4) {
    const powiats = (geography.data?.powiats ?? []).filter((p) => p.code.startsWith(scope)).sort((a, b) => a.code.localeCompare(b.code));
    for (const powiat of powiats)
      out.push({ value: powiat.code, label: `${name(powiat.code)} (${VOIVODESHIPS[powiat.voivodeship] ?? powiat.voivodeship})` });
  }
  return out;
}

function lastMonth(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

type Field = "questionnaire_id" | "title" | "territory" | "institution_types" | "period_from" | "period_to" | "deadline" | "reminder_days";

/** The API's refusals that belong to one field of the form. */
const CODE_FIELDS: Record<string, Field> = {
  no_recipients: "institution_types",
  invalid_institution_type: "institution_types",
  territory_out_of_scope: "territory",
  invalid_deadline: "deadline",
  invalid_period: "period_to",
};

/** /ankiety/rundy/nowa?questionnaire=…: a round of a questionnaire for institutions of a territory. */
export default function NewRoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me } = useAuth();
  const scope = me?.user?.analyst_scope ?? "";
  const territories = useTerritoryChoices(scope);
  const questionnaires = useInfiniteQuery(surveyQueries.questionnaires());
  const open = useOpenRound();
  const [values, setValues] = useState<RoundCreate>({
    questionnaire_id: params.get("questionnaire") ?? "",
    title: "",
    territory: scope,
    institution_types: ["PUP", "OPS"],
    period_from: lastMonth(),
    period_to: lastMonth(),
    deadline: "",
    reminder_days: 3,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof RoundCreate>(key: K, value: RoundCreate[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const items = questionnaires.data?.pages.flatMap((page) => page.items) ?? [];
  const today = todayIso();

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!values.questionnaire_id) found.questionnaire_id = t("surveys.new_round.required");
    if (!values.title.trim()) found.title = t("surveys.new_round.required");
    if (values.institution_types.length === 0) found.institution_types = t("surveys.new_round.types_required");
    if (!/^\d{4}-\d{2}$/.test(values.period_from)) found.period_from = t("surveys.new_round.required");
    if (!/^\d{4}-\d{2}$/.test(values.period_to)) found.period_to = t("surveys.new_round.required");
    else if (values.period_to < values.period_from) found.period_to = t("surveys.new_round.period_order");
    if (!values.deadline) found.deadline = t("surveys.new_round.required");
    else if (values.deadline <= today) found.deadline = t("surveys.new_round.deadline_future");
    return found;
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    open.mutate(
      { ...values, title: values.title.trim() },
      {
        onSuccess: (round) => {
          notify("green", t("surveys.new_round.opened"));
          void navigate(`/ankiety/rundy/${round.id}`);
        },
        onError: (caught) => {
          const described = describeError(caught, t);
          const fields: Partial<Record<Field, string>> = {};
          for (const [path, message] of Object.entries(described.fieldErrors)) if (path in values) fields[path as Field] = message;
          const field = CODE_FIELDS[described.code];
          if (field) fields[field] = described.code === "no_recipients" ? t("surveys.new_round.no_recipients") : described.message;
          setErrors(fields);
          if (Object.keys(fields).length === 0) setError(caught);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t("surveys.new_round.title")} description={t("surveys.new_round.description")} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={760}>
          <Select
            label={t("surveys.new_round.questionnaire")}
            data={items.map((q) => ({
              value: q.id,
              label: t("surveys.new_round.questionnaire_option", { title: q.title, version: q.version_no }),
            }))}
            value={values.questionnaire_id || null}
            onChange={(id) => set("questionnaire_id", id ?? "")}
            error={errors.questionnaire_id}
            searchable
            required
          />
          <TextInput
            label={t("surveys.new_round.round_title")}
            value={values.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
            required
          />
          <Select
            label={t("surveys.new_round.territory")}
            description={t("surveys.new_round.territory_help")}
            data={territories}
            value={values.territory}
            onChange={(code) => set("territory", code ?? scope)}
            error={errors.territory}
            searchable
            allowDeselect={false}
            required
          />
          <Checkbox.Group
            label={t("surveys.new_round.institution_types")}
            value={values.institution_types}
            onChange={(types) => set("institution_types", types)}
            error={errors.institution_types}
            withAsterisk
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
              {ROUND_INSTITUTION_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={`${type} — ${t(`institution_types.${type}`)}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group grow align="flex-start">
            <TextInput
              type="month"
              label={t("surveys.new_round.period_from")}
              value={values.period_from}
              onChange={(e) => set("period_from", e.currentTarget.value)}
              error={errors.period_from}
              required
            />
            <TextInput
              type="month"
              label={t("surveys.new_round.period_to")}
              value={values.period_to}
              onChange={(e) => set("period_to", e.currentTarget.value)}
              error={errors.period_to}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t("surveys.new_round.deadline")}
              min={today}
              value={values.deadline}
              onChange={(e) => set("deadline", e.currentTarget.value)}
              error={errors.deadline}
              required
            />
            <NumberInput
              label={t("surveys.new_round.reminder_days")}
              description={t("surveys.new_round.reminder_help")}
              min={0}
              max={30}
              allowDecimal={false}
              value={values.reminder_days}
              onChange={(v) => set("reminder_days", typeof v === "number" ? v : 0)}
              error={errors.reminder_days}
            />
          </Group>
          {error ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate("/ankiety")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t("surveys.new_round.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
