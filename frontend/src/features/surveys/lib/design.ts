/** Changes of a questionnaire being designed (immutable: each returns a new document). */
import type { Question, QuestionType, QuestionnaireWrite, Section } from "../api/surveys";

export const QUESTION_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice", "scale", "number", "date", "text"];
export const CHOICE_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice"];
/** Questions a later one may depend on (show_if) and that can be crossed with an indicator. */
export const CONDITION_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice", "scale"];
export const INDICATOR_TYPES: readonly QuestionType[] = ["single_choice", "multiple_choice", "scale", "number"];

/** The next free key "<prefix><n>" among `taken`. */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function questionKeys(doc: QuestionnaireWrite): string[] {
  return doc.sections.flatMap((s) => s.questions.map((q) => q.key));
}

export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const out = [...items];
  [out[index], out[target]] = [out[target], out[index]];
  return out;
}

export function newQuestion(doc: QuestionnaireWrite, text: string): Question {
  return {
    key: nextKey("q", questionKeys(doc)),
    text,
    help: null,
    type: "text",
    required: false,
    options: [],
    show_if: null,
    indicator: null,
  };
}

export function newSection(doc: QuestionnaireWrite, title: string, questionText: string): Section {
  return {
    key: nextKey(
      "s",
      doc.sections.map((s) => s.key),
    ),
    title,
    description: null,
    questions: [newQuestion(doc, questionText)],
  };
}

/** A question given another type: the type's own settings get defaults, others are dropped. */
export function withType(question: Question, type: QuestionType, optionLabel: (n: number) => string): Question {
  const base: Question = { ...question, type, options: [], scale: null, number: null };
  if (CHOICE_TYPES.includes(type)) {
    base.options =
      question.options && question.options.length > 0
        ? question.options
        : [1, 2].map((n) => ({ value: `o${n}`, label: optionLabel(n), problem_area: null }));
  }
  if (type === "scale") base.scale = question.scale ?? { min: 1, max: 5, min_label: null, max_label: null };
  if (type === "number") base.number = question.number ?? { min: null, max: null, integer: true, unit: null };
  if (!INDICATOR_TYPES.includes(type)) base.indicator = null;
  return base;
}

/** The values a condition on `question` can take: its options, or the points of its scale. */
export function conditionValues(question: Question): { value: string; label: string }[] {
  if (question.type === "scale" && question.scale) {
    const { min, max } = question.scale;
    return Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
  }
  return (question.options ?? []).map((o) => ({ value: o.value, label: o.label }));
}

/** The questions before `key` a show_if may refer to. */
export function earlierConditions(doc: QuestionnaireWrite, key: string): Question[] {
  const out: Question[] = [];
  for (const question of doc.sections.flatMap((s) => s.questions)) {
    if (question.key === key) break;
    if (CONDITION_TYPES.includes(question.type)) out.push(question);
  }
  return out;
}

/** The document as the API takes it: empty help/description null, options only for choices. */
export function toWrite(doc: QuestionnaireWrite): QuestionnaireWrite {
  const blank = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);
  return {
    title: doc.title.trim(),
    description: blank(doc.description),
    sections: doc.sections.map((section) => ({
      key: section.key,
      title: section.title.trim(),
      description: blank(section.description),
      questions: section.questions.map((q) => ({
        key: q.key,
        text: q.text.trim(),
        help: blank(q.help),
        type: q.type,
        required: q.required,
        options: CHOICE_TYPES.includes(q.type)
          ? (q.options ?? []).map((o) => ({ ...o, label: o.label.trim(), problem_area: o.problem_area || null }))
          : [],
        scale: q.type === "scale" ? (q.scale ?? null) : null,
        number: q.type === "number" ? (q.number ?? null) : null,
        show_if: q.show_if && q.show_if.question && q.show_if.equals_any.length > 0 ? q.show_if : null,
        indicator: INDICATOR_TYPES.includes(q.type) ? (q.indicator ?? null) : null,
      })),
    })),
  };
}
