import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Question, QuestionOption, QuestionnaireWrite } from "../api/surveys";
import { CHOICE_TYPES, INDICATOR_TYPES, QUESTION_TYPES, conditionValues, earlierConditions, move, nextKey, withType } from "../lib/design";

export interface Choice {
  value: string;
  label: string;
}

interface QuestionEditorProps {
  doc: QuestionnaireWrite;
  question: Question;
  /** "2.3": the section's and the question's number, for headings and labels. */
  number: string;
  onChange: (question: Question) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
  indicators: Choice[];
  problemAreas: Choice[];
}

/** One question of the designer: text, type, help, required, and the type's settings. */
export function QuestionEditor({
  doc,
  question,
  number,
  onChange,
  onMove,
  onRemove,
  first,
  last,
  indicators,
  problemAreas,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<Question>) => onChange({ ...question, ...patch });
  const name = t("surveys.designer.question_n", { n: number });
  const conditions = earlierConditions(doc, question.key);
  const condition = conditions.find((q) => q.key === question.show_if?.question) ?? null;
  return (
    <Paper withBorder p="sm" role="group" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {name}
          </Title>
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onMove(-1)}
              disabled={first}
              aria-label={t("surveys.designer.question_up", { n: number })}
            >
              ↑
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onMove(1)}
              disabled={last}
              aria-label={t("surveys.designer.question_down", { n: number })}
            >
              ↓
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t("surveys.designer.question_remove", { n: number })}
            >
              {t("surveys.designer.remove")}
            </Button>
          </Group>
        </Group>
        <TextInput
          label={t("surveys.designer.question_text")}
          value={question.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          maxLength={300}
          required
        />
        <Group grow align="flex-start">
          <Select
            label={t("surveys.designer.question_type")}
            data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.question_type.${type}`) }))}
            value={question.type}
            onChange={(type) => type && onChange(withType(question, type, (n) => t("surveys.designer.option_n", { n })))}
            allowDeselect={false}
          />
          <Checkbox
            mt={30}
            label={t("surveys.designer.required")}
            checked={question.required}
            onChange={(e) => set({ required: e.currentTarget.checked })}
          />
        </Group>
        <Textarea
          label={t("surveys.designer.help")}
          value={question.help ?? ""}
          onChange={(e) => set({ help: e.currentTarget.value })}
          maxLength={1000}
          autosize
          minRows={1}
        />
        {CHOICE_TYPES.includes(question.type) ? (
          <OptionsEditor
            options={question.options ?? []}
            onChange={(options) => set({ options })}
            number={number}
            problemAreas={problemAreas}
          />
        ) : null}
        {question.type === "scale" && question.scale ? (
          <Group grow align="flex-start">
            <NumberInput
              label={t("surveys.designer.scale_min")}
              min={0}
              max={9}
              value={question.scale.min}
              onChange={(v) => set({ scale: { ...question.scale!, min: Number(v) || 0 } })}
              allowDecimal={false}
            />
            <TextInput
              label={t("surveys.designer.scale_min_label")}
              value={question.scale.min_label ?? ""}
              onChange={(e) => set({ scale: { ...question.scale!, min_label: e.currentTarget.value || null } })}
            />
            <NumberInput
              label={t("surveys.designer.scale_max")}
              min={1}
              max={10}
              value={question.scale.max}
              onChange={(v) => set({ scale: { ...question.scale!, max: Number(v) || 1 } })}
              allowDecimal={false}
            />
            <TextInput
              label={t("surveys.designer.scale_max_label")}
              value={question.scale.max_label ?? ""}
              onChange={(e) => set({ scale: { ...question.scale!, max_label: e.currentTarget.value || null } })}
            />
          </Group>
        ) : null}
        {question.type === "number" && question.number ? (
          <Group grow align="flex-start">
            <NumberInput
              label={t("surveys.designer.number_min")}
              value={question.number.min ?? ""}
              onChange={(v) => set({ number: { ...question.number!, min: typeof v === "number" ? v : null } })}
            />
            <NumberInput
              label={t("surveys.designer.number_max")}
              value={question.number.max ?? ""}
              onChange={(v) => set({ number: { ...question.number!, max: typeof v === "number" ? v : null } })}
            />
            <TextInput
              label={t("surveys.designer.number_unit")}
              value={question.number.unit ?? ""}
              onChange={(e) => set({ number: { ...question.number!, unit: e.currentTarget.value || null } })}
            />
            <Checkbox
              mt={30}
              label={t("surveys.designer.number_integer")}
              checked={question.number.integer}
              onChange={(e) => set({ number: { ...question.number!, integer: e.currentTarget.checked } })}
            />
          </Group>
        ) : null}
        {conditions.length > 0 ? (
          <Group grow align="flex-start">
            <Select
              label={t("surveys.designer.show_if")}
              placeholder={t("surveys.designer.show_if_always")}
              data={conditions.map((q) => ({ value: q.key, label: q.text }))}
              value={question.show_if?.question ?? null}
              onChange={(key) => set({ show_if: key ? { question: key, equals_any: [] } : null })}
              clearable
            />
            {condition ? (
              <MultiSelect
                label={t("surveys.designer.show_if_values")}
                data={conditionValues(condition)}
                value={question.show_if?.equals_any ?? []}
                onChange={(values) => set({ show_if: { question: condition.key, equals_any: values } })}
              />
            ) : null}
          </Group>
        ) : null}
        {INDICATOR_TYPES.includes(question.type) && indicators.length > 0 ? (
          <Select
            label={t("surveys.designer.indicator")}
            description={t("surveys.designer.indicator_help")}
            data={indicators}
            value={question.indicator ?? null}
            onChange={(indicator) => set({ indicator })}
            clearable
            searchable
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function OptionsEditor({
  options,
  onChange,
  number,
  problemAreas,
}: {
  options: QuestionOption[];
  onChange: (options: QuestionOption[]) => void;
  number: string;
  problemAreas: Choice[];
}) {
  const { t } = useTranslation();
  const setAt = (index: number, patch: Partial<QuestionOption>) => onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <Stack gap={6} role="group" aria-label={t("surveys.designer.options_of", { n: number })}>
      {options.map((option, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={t("surveys.designer.option_label", { n: index + 1 })}
            value={option.label}
            onChange={(e) => setAt(index, { label: e.currentTarget.value })}
            maxLength={200}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t("surveys.designer.option_value", { n: index + 1 })}
            value={option.value}
            onChange={(e) =>
              setAt(index, {
                value: e.currentTarget.value
                  .toLowerCase()
                  .replace(/[^a-z0-9_]/g, "_")
                  .slice(0, 40),
              })
            }
          />
          {problemAreas.length > 0 ? (
            <Select
              style={{ flex: 2 }}
              label={t("surveys.designer.option_problem_area", { n: index + 1 })}
              data={problemAreas}
              value={option.problem_area ?? null}
              onChange={(code) => setAt(index, { problem_area: code })}
              clearable
              searchable
            />
          ) : null}
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            onClick={() => onChange(options.filter((_, i) => i !== index))}
            disabled={options.length <= 2}
            aria-label={t("surveys.designer.option_remove", { n: index + 1 })}
          >
            ×
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            mb={4}
            onClick={() => onChange(move(options, index, -1))}
            disabled={index === 0}
            aria-label={t("surveys.designer.option_up", { n: index + 1 })}
          >
            ↑
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          disabled={options.length >= 30}
          onClick={() =>
            onChange([
              ...options,
              {
                value: nextKey(
                  "o",
                  options.map((o) => o.value),
                ),
                label: t("surveys.designer.option_n", { n: options.length + 1 }),
                problem_area: null,
              },
            ])
          }
        >
          {t("surveys.designer.option_add")}
        </Button>
      </Group>
    </Stack>
  );
}
