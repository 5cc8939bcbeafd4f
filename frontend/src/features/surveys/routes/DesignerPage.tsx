import { useState } from "react";
import { Alert, Button, Group, List, Paper, Stack, Tabs, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { clients } from "@/lib/api/clients";
import { unwrap } from "@/lib/api/client";
import { describeError, isApiError } from "@/lib/api/problem";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useVersionedRecord } from "@/lib/ui/useVersionedEdit";
import {
  CROSSTAB_INDICATORS,
  surveyQueries,
  useCopyQuestionnaire,
  useSaveQuestionnaire,
  type Answers,
  type AnswerValue,
  type QuestionnaireRead,
  type QuestionnaireWrite,
} from "../api/surveys";
import { QuestionnaireStatusBadge } from "../components/badges";
import { Loading } from "../components/Loading";
import { QuestionEditor, type Choice } from "../components/QuestionEditor";
import { QuestionnaireForm } from "../components/QuestionnaireForm";
import { move, newQuestion, newSection, toWrite } from "../lib/design";
import { validateAnswers } from "../lib/answers";

function toDoc(record: QuestionnaireRead): QuestionnaireWrite {
  return { title: record.title, description: record.description ?? null, sections: record.sections };
}

/** The indicators a question can be crossed with (the API's list, named as reporting names its measures). */
function useIndicators(): Choice[] {
  const { t } = useTranslation();
  return CROSSTAB_INDICATORS.map((name) => ({ value: name, label: t(`reporting.measure.${name}`, { defaultValue: name }) }));
}

function useProblemAreas(): Choice[] {
  const { i18n } = useTranslation();
  const areas = useQuery({
    queryKey: ["clients", "problem-areas"],
    queryFn: () => unwrap(clients.GET("/v1/problem-areas")),
    staleTime: 10 * 60_000,
    retry: false,
  });
  return (areas.data?.items ?? []).map((a) => ({ value: a.code, label: i18n.language === "en" ? a.label_en : a.label_pl }));
}

/** /ankiety/kwestionariusze/:id: the designer (a draft) or the read-only questionnaire (frozen), and its preview. */
export default function DesignerPage() {
  const { questionnaireId = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const versioned = useVersionedRecord(surveyQueries.questionnaire(questionnaireId));
  const save = useSaveQuestionnaire(questionnaireId);
  const copy = useCopyQuestionnaire(questionnaireId);
  const indicators = useIndicators();
  const problemAreas = useProblemAreas();
  const [doc, setDoc] = useState<QuestionnaireWrite | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<Answers>({});
  const record = versioned.record;

  // Another version of the questionnaire (opened, saved, or read again after a 412): the designer starts from it.
  const [shown, setShown] = useState<QuestionnaireRead | undefined>(undefined);
  if (record !== shown) {
    setShown(record);
    if (record) {
      setDoc(toDoc(record));
      setDirty(false);
    }
  }

  if (versioned.status === "pending" || (record && !doc)) return <Loading heights={[60, 200, 200]} />;
  if (versioned.status === "error" || !record || !doc) return <ErrorAlert error={versioned.loadError} onRetry={versioned.retryLoad} />;

  const frozen = record.status === "frozen";
  const change = (next: QuestionnaireWrite) => {
    setDoc(next);
    setDirty(true);
  };
  const setSection = (index: number, patch: Partial<QuestionnaireWrite["sections"][number]>) =>
    change({ ...doc, sections: doc.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

  const onSave = async () => {
    setError(null);
    try {
      const sent = await versioned.send((etag) => save.mutateAsync({ body: toWrite(doc), etag }));
      if (!sent.stale) notify("green", t("surveys.designer.saved"));
    } catch (caught) {
      setError(caught);
    }
  };
  const onCopy = () =>
    copy.mutate(undefined, {
      onSuccess: (created) => void navigate(`/ankiety/kwestionariusze/${created.id}`),
      onError: (caught) => notify("red", describeError(caught, t).message),
    });

  return (
    <>
      <PageHeader
        title={record.title}
        description={t("surveys.designer.version", { n: record.version_no })}
        actions={
          frozen ? (
            <>
              <Button variant="default" component={Link} to={`/ankiety/rundy/nowa?questionnaire=${record.id}`}>
                {t("surveys.designer.open_round")}
              </Button>
              <Button onClick={onCopy} loading={copy.isPending}>
                {t("surveys.designer.copy")}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" component={Link} to={`/ankiety/rundy/nowa?questionnaire=${record.id}`} disabled={dirty}>
                {t("surveys.designer.open_round")}
              </Button>
              <Button onClick={() => void onSave()} loading={save.isPending} disabled={versioned.stale}>
                {t("surveys.designer.save")}
              </Button>
            </>
          )
        }
      />
      <Group gap="xs" mb="md">
        <QuestionnaireStatusBadge status={record.status} />
      </Group>
      {frozen ? (
        <Alert color="gray" mb="md" title={t("surveys.designer.frozen_title")}>
          {t("surveys.designer.frozen_help")}
        </Alert>
      ) : null}
      {versioned.stale ? <StaleRecordAlert onReload={() => void versioned.reload()} reloading={versioned.reloading} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <QuestionnaireErrors error={error} />
      <Tabs defaultValue={frozen ? "preview" : "edit"} mt="md">
        <Tabs.List aria-label={t("surveys.designer.views")} mb="md">
          <Tabs.Tab value="edit">{frozen ? t("surveys.designer.structure") : t("surveys.designer.edit")}</Tabs.Tab>
          <Tabs.Tab value="preview">{t("surveys.designer.preview")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit">
          <fieldset disabled={frozen} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <TextInput
                label={t("surveys.designer.title")}
                value={doc.title}
                onChange={(e) => change({ ...doc, title: e.currentTarget.value })}
                maxLength={200}
                required
              />
              <Textarea
                label={t("surveys.designer.description")}
                value={doc.description ?? ""}
                onChange={(e) => change({ ...doc, description: e.currentTarget.value })}
                autosize
                minRows={2}
              />
              {doc.sections.map((section, si) => (
                <Paper key={section.key} withBorder p="md" component="section" aria-labelledby={`designer-section-${section.key}`}>
                  <Stack gap="sm">
                    <Group justify="space-between">
                      <Title order={2} size="h4" id={`designer-section-${section.key}`}>
                        {t("surveys.designer.section_n", { n: si + 1, title: section.title })}
                      </Title>
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={si === 0}
                          onClick={() => change({ ...doc, sections: move(doc.sections, si, -1) })}
                          aria-label={t("surveys.designer.section_up", { n: si + 1 })}
                        >
                          ↑
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={si === doc.sections.length - 1}
                          onClick={() => change({ ...doc, sections: move(doc.sections, si, 1) })}
                          aria-label={t("surveys.designer.section_down", { n: si + 1 })}
                        >
                          ↓
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          disabled={doc.sections.length <= 1}
                          onClick={() => change({ ...doc, sections: doc.sections.filter((_, i) => i !== si) })}
                          aria-label={t("surveys.designer.section_remove", { n: si + 1 })}
                        >
                          {t("surveys.designer.remove")}
                        </Button>
                      </Group>
                    </Group>
                    <TextInput
                      label={t("surveys.designer.section_title", { n: si + 1 })}
                      value={section.title}
                      onChange={(e) => setSection(si, { title: e.currentTarget.value })}
                      required
                    />
                    <Textarea
                      label={t("surveys.designer.section_description", { n: si + 1 })}
                      value={section.description ?? ""}
                      onChange={(e) => setSection(si, { description: e.currentTarget.value })}
                      autosize
                      minRows={1}
                    />
                    {section.questions.map((question, qi) => (
                      <QuestionEditor
                        key={question.key}
                        doc={doc}
                        question={question}
                        number={`${si + 1}.${qi + 1}`}
                        first={qi === 0}
                        last={qi === section.questions.length - 1}
                        indicators={indicators}
                        problemAreas={problemAreas}
                        onChange={(next) => setSection(si, { questions: section.questions.map((q, i) => (i === qi ? next : q)) })}
                        onMove={(by) => setSection(si, { questions: move(section.questions, qi, by) })}
                        onRemove={() =>
                          section.questions.length > 1 && setSection(si, { questions: section.questions.filter((_, i) => i !== qi) })
                        }
                      />
                    ))}
                    {!frozen ? (
                      <Group>
                        <Button
                          variant="default"
                          size="xs"
                          onClick={() =>
                            setSection(si, { questions: [...section.questions, newQuestion(doc, t("surveys.designer.blank_question"))] })
                          }
                        >
                          {t("surveys.designer.question_add", { n: si + 1 })}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Paper>
              ))}
              {!frozen ? (
                <Group>
                  <Button
                    variant="default"
                    onClick={() =>
                      change({
                        ...doc,
                        sections: [
                          ...doc.sections,
                          newSection(doc, t("surveys.designer.blank_section"), t("surveys.designer.blank_question")),
                        ],
                      })
                    }
                  >
                    {t("surveys.designer.section_add")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </fieldset>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <Text size="sm" c="dimmed" mb="sm">
            {t("surveys.designer.preview_help")}
          </Text>
          <PreviewForm doc={doc} answers={preview} setAnswers={setPreview} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** The questionnaire exactly as the respondent sees it; nothing is saved. */
function PreviewForm({ doc, answers, setAnswers }: { doc: QuestionnaireWrite; answers: Answers; setAnswers: (a: Answers) => void }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const errors = validateAnswers(doc, answers, checked);
  const onChange = (key: string, value: AnswerValue | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[key];
    else next[key] = value;
    setAnswers(next);
  };
  return (
    <Stack>
      <Title order={2} size="h3">
        {doc.title}
      </Title>
      {doc.description ? <Text style={{ whiteSpace: "pre-line" }}>{doc.description}</Text> : null}
      <QuestionnaireForm questionnaire={doc} answers={answers} onChange={onChange} errors={errors} />
      <Group>
        <Button variant="default" onClick={() => setChecked(true)}>
          {t("surveys.designer.preview_check")}
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setAnswers({});
            setChecked(false);
          }}
        >
          {t("surveys.designer.preview_reset")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Where a 422 of the questionnaire points ("Sekcja 1, pytanie 2"), with the API's message. */
function QuestionnaireErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error)) return null;
  const items = (error.problem.errors ?? []).filter((item) => Array.isArray(item.loc));
  if (items.length === 0) return null;
  const where = (loc: (string | number)[]) => {
    const parts: string[] = [];
    for (let i = 0; i < loc.length - 1; i += 1) {
      const index = loc[i + 1];
      if (typeof index !== "number") continue;
      if (loc[i] === "sections") parts.push(t("surveys.designer.error_section", { n: index + 1 }));
      if (loc[i] === "questions") parts.push(t("surveys.designer.error_question", { n: index + 1 }));
      if (loc[i] === "options") parts.push(t("surveys.designer.error_option", { n: index + 1 }));
    }
    return parts.join(", ");
  };
  return (
    <List size="sm" mt="xs" aria-label={t("surveys.designer.errors")}>
      {items.map((item, index) => (
        <List.Item key={index}>{[where(item.loc), item.msg].filter(Boolean).join(": ")}</List.Item>
      ))}
    </List>
  );
}
