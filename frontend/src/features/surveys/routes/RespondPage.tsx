import { useState } from "react";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "@/lib/api/problem";
import { formatDate, formatDateTime } from "@/lib/format";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useVersionedRecord } from "@/lib/ui/useVersionedEdit";
import {
  surveyQueries,
  useSaveResponse,
  useSubmitResponse,
  type AnswerValue,
  type Answers,
  type ResponseRead,
  answersOf,
} from "../api/surveys";
import { ResponseStatusBadge } from "../components/badges";
import { Loading } from "../components/Loading";
import { QuestionnaireForm } from "../components/QuestionnaireForm";
import { answersToSend, errorsOfProblem, validateAnswers, type AnswerErrors } from "../lib/answers";

/** /ankiety/odpowiedz/:roundId: the institution's answers: draft, submit, correct until the deadline. */
export default function RespondPage() {
  const { roundId = "" } = useParams();
  const { t } = useTranslation();
  const versioned = useVersionedRecord(surveyQueries.response(roundId));
  const save = useSaveResponse(roundId);
  const submit = useSubmitResponse(roundId);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [correcting, setCorrecting] = useState(false);
  const record = versioned.record;

  // Another version of the response (opened, saved, read again after a 412): the form shows its answers.
  const [shown, setShown] = useState<ResponseRead | undefined>(undefined);
  if (record !== shown) {
    setShown(record);
    if (record) setAnswers(answersOf(record));
  }

  if (versioned.status === "pending") return <Loading heights={[60, 200, 200]} />;
  if (versioned.status === "error" || !record) return <ErrorAlert error={versioned.loadError} onRetry={versioned.retryLoad} />;

  const submitted = record.status === "submitted";
  const editable = record.editable && (!submitted || correcting);
  const busy = save.isPending || submit.isPending;

  const onChange = (key: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[key];
    else next[key] = value;
    setAnswers(next);
    if (errors[key]) {
      const rest = { ...errors };
      delete rest[key];
      setErrors(rest);
    }
  };

  const fail = (caught: unknown) => {
    const items = isApiError(caught) ? errorsOfProblem(caught.problem) : {};
    setErrors(items);
    setError(caught);
  };

  /** Saves (a new response without If-Match), then submits when asked. */
  const run = async (andSubmit: boolean) => {
    setError(null);
    const found = validateAnswers(record.questionnaire, answers, andSubmit);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError(null);
      notify("red", t("surveys.respond.fix_errors"));
      return;
    }
    try {
      const sent = await versioned.send(async (etag) => {
        const saved = await save.mutateAsync({
          answers: answersToSend(record.questionnaire, answers),
          etag: record.status === "not_started" ? null : etag,
        });
        if (!andSubmit || saved.data.status === "submitted") return saved.data;
        return (await submit.mutateAsync(saved.etag)).data;
      });
      if (sent.stale) return;
      const result: ResponseRead = sent.result;
      setCorrecting(false);
      notify("green", andSubmit || submitted ? t("surveys.respond.submitted_note") : t("surveys.respond.saved"));
      if (result.status === "submitted") setErrors({});
    } catch (caught) {
      fail(caught);
    }
  };

  return (
    <>
      <PageHeader title={record.questionnaire.title} description={t("surveys.respond.deadline", { date: formatDate(record.deadline) })} />
      <Stack gap="md">
        <Group gap="xs">
          <ResponseStatusBadge status={record.status} />
        </Group>
        {record.questionnaire.description ? <Text style={{ whiteSpace: "pre-line" }}>{record.questionnaire.description}</Text> : null}
        {submitted ? (
          <Alert color="green" title={t("surveys.respond.submitted_title")}>
            {t("surveys.respond.submitted_at", { date: formatDateTime(record.submitted_at) })}
            {record.editable ? ` ${t("surveys.respond.correctable")}` : ""}
          </Alert>
        ) : null}
        {!record.editable ? <Alert color="gray">{t("surveys.respond.read_only")}</Alert> : null}
        <Text size="sm" c="dimmed">
          {t("surveys.respond.required_note")}
        </Text>
        <QuestionnaireForm
          questionnaire={record.questionnaire}
          answers={answers}
          onChange={onChange}
          errors={errors}
          readOnly={!editable}
        />
        {versioned.stale ? <StaleRecordAlert onReload={() => void versioned.reload()} reloading={versioned.reloading} /> : null}
        {error ? <ErrorAlert error={error} /> : null}
        {Object.keys(errors).length > 0 ? (
          <Alert color="red" role="alert">
            {t("surveys.respond.errors_count", { count: Object.keys(errors).length })}
          </Alert>
        ) : null}
        <Group>
          {editable && !submitted ? (
            <>
              <Button
                variant="default"
                onClick={() => void run(false)}
                loading={save.isPending && !submit.isPending}
                disabled={busy || versioned.stale}
              >
                {t("surveys.respond.save_draft")}
              </Button>
              <Button onClick={() => void run(true)} loading={submit.isPending} disabled={busy || versioned.stale}>
                {t("surveys.respond.submit")}
              </Button>
            </>
          ) : null}
          {submitted && record.editable && !correcting ? (
            <Button onClick={() => setCorrecting(true)}>{t("surveys.respond.correct")}</Button>
          ) : null}
          {submitted && correcting ? (
            <>
              <Button
                variant="default"
                onClick={() => {
                  setCorrecting(false);
                  setAnswers(answersOf(record));
                  setErrors({});
                }}
              >
                {t("common.cancel")}
              </Button>
              <Button onClick={() => void run(true)} loading={save.isPending} disabled={busy || versioned.stale}>
                {t("surveys.respond.save_correction")}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </>
  );
}
