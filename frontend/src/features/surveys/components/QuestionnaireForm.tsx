import { Checkbox, Group, NumberInput, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnswerValue, Answers, Question, QuestionnaireWrite } from "../api/surveys";
import { visibleKeys, type AnswerErrors } from "../lib/answers";

interface QuestionnaireFormProps {
  questionnaire: QuestionnaireWrite;
  answers: Answers;
  onChange: (key: string, value: AnswerValue | undefined) => void;
  errors?: AnswerErrors;
  readOnly?: boolean;
}

/**
 * A questionnaire as the respondent sees it: its sections (h2) and their visible questions (a
 * question whose show_if is not met is not shown), required ones marked, errors under them. Used
 * by the respondent's page and the designer's preview.
 */
export function QuestionnaireForm({ questionnaire, answers, onChange, errors = {}, readOnly = false }: QuestionnaireFormProps) {
  const visible = visibleKeys(questionnaire, answers);
  return (
    <Stack gap="lg">
      {questionnaire.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.key));
        return (
          <Paper key={section.key} withBorder p="md" component="section" aria-labelledby={`section-${section.key}`}>
            <Stack gap="md">
              <div>
                <Title order={2} size="h3" id={`section-${section.key}`}>
                  {section.title}
                </Title>
                {section.description ? (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-line" }}>
                    {section.description}
                  </Text>
                ) : null}
              </div>
              {questions.map((question) => (
                <QuestionField
                  key={question.key}
                  question={question}
                  value={answers[question.key]}
                  onChange={(value) => onChange(question.key, value)}
                  error={errors[question.key]}
                  readOnly={readOnly}
                />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string;
  readOnly: boolean;
}

function QuestionField({ question, value, onChange, error, readOnly }: QuestionFieldProps) {
  const { t } = useTranslation();
  const message = error ? t(`surveys.answer_error.${error}`) : undefined;
  const common = {
    label: question.text,
    description: question.help ?? undefined,
    withAsterisk: question.required,
    error: message,
  };
  const id = `q-${question.key}`;
  switch (question.type) {
    case "single_choice":
      return (
        <Radio.Group {...common} id={id} value={typeof value === "string" ? value : null} onChange={(v) => onChange(v)} readOnly={readOnly}>
          <Stack gap={6} mt={6}>
            {(question.options ?? []).map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} disabled={readOnly} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multiple_choice":
      return (
        <Checkbox.Group {...common} id={id} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)} readOnly={readOnly}>
          <Stack gap={6} mt={6}>
            {(question.options ?? []).map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "scale": {
      const scale = question.scale ?? { min: 1, max: 5 };
      const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
      const ends =
        scale.min_label || scale.max_label
          ? t("surveys.form.scale_ends", {
              min: scale.min,
              min_label: scale.min_label ?? "",
              max: scale.max,
              max_label: scale.max_label ?? "",
            })
          : null;
      return (
        <Radio.Group
          {...common}
          id={id}
          description={[question.help, ends].filter(Boolean).join(" ") || undefined}
          value={typeof value === "number" ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
          readOnly={readOnly}
        >
          <Group gap="md" mt={6}>
            {points.map((point) => (
              <Radio key={point} value={String(point)} label={String(point)} disabled={readOnly} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
    case "number": {
      const spec = question.number;
      return (
        <NumberInput
          {...common}
          id={id}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : v === "" ? undefined : Number(v))}
          min={spec?.min ?? undefined}
          max={spec?.max ?? undefined}
          allowDecimal={!spec?.integer}
          rightSection={spec?.unit ? <Text size="xs">{spec.unit}</Text> : undefined}
          rightSectionWidth={spec?.unit ? 60 : undefined}
          readOnly={readOnly}
          maw={260}
        />
      );
    }
    case "date":
      return (
        <TextInput
          {...common}
          id={id}
          type="date"
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          readOnly={readOnly}
          maw={220}
        />
      );
    case "text":
      return (
        <Textarea
          {...common}
          id={id}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={3}
          readOnly={readOnly}
        />
      );
  }
}
