/**
 * The respondent's rules, mirroring the server's: which questions are visible (show_if), which
 * answers are missing or invalid, and the answers to send (hidden and empty ones left out).
 */
import type { AnswerValue, Answers, Question, QuestionnaireWrite } from "../api/surveys";

export type AnswerErrorCode = "answer_required" | "invalid_answer";
export type AnswerErrors = Record<string, AnswerErrorCode>;

export function allQuestions(questionnaire: QuestionnaireWrite): Question[] {
  return questionnaire.sections.flatMap((section) => section.questions);
}

export function isEmpty(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return Number.isNaN(value);
}

/** The values an answer stands for in a show_if (a choice's value(s), a scale's number as text). */
function answerValues(value: AnswerValue | undefined): string[] {
  if (value === undefined || isEmpty(value)) return [];
  return Array.isArray(value) ? value : [String(value)];
}

/** Keys of the visible questions: a question with show_if is visible when its (visible) question has one of the values. */
export function visibleKeys(questionnaire: QuestionnaireWrite, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of allQuestions(questionnaire)) {
    const rule = question.show_if;
    if (!rule) {
      visible.add(question.key);
      continue;
    }
    if (!visible.has(rule.question)) continue;
    const given = answerValues(answers[rule.question]);
    if (given.some((v) => rule.equals_any.includes(v))) visible.add(question.key);
  }
  return visible;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why an answer is not valid for its question (null when it is). */
export function invalidAnswer(question: Question, value: AnswerValue): boolean {
  const options = (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case "single_choice":
      return typeof value !== "string" || !options.includes(value);
    case "multiple_choice":
      return !Array.isArray(value) || value.some((v) => !options.includes(v)) || new Set(value).size !== value.length;
    case "scale": {
      const scale = question.scale;
      return (
        typeof value !== "number" ||
        !Number.isInteger(value) ||
        (scale !== null && scale !== undefined && (value < scale.min || value > scale.max))
      );
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return true;
      const spec = question.number;
      if (!spec) return false;
      if (spec.integer && !Number.isInteger(value)) return true;
      if (spec.min !== null && spec.min !== undefined && value < spec.min) return true;
      return spec.max !== null && spec.max !== undefined && value > spec.max;
    }
    case "date":
      return typeof value !== "string" || !DATE.test(value) || Number.isNaN(Date.parse(value));
    case "text":
      return typeof value !== "string" || value.length > 4000;
  }
}

/** The answers to send: only visible questions with a value (text trimmed). */
export function answersToSend(questionnaire: QuestionnaireWrite, answers: Answers): Answers {
  const visible = visibleKeys(questionnaire, answers);
  const out: Answers = {};
  for (const question of allQuestions(questionnaire)) {
    const value = answers[question.key];
    if (!visible.has(question.key) || value === undefined || isEmpty(value)) continue;
    out[question.key] = typeof value === "string" ? value.trim() : value;
  }
  return out;
}

/**
 * The errors of the answers: invalid values always; a missing answer to a required visible
 * question only when submitting.
 */
export function validateAnswers(questionnaire: QuestionnaireWrite, answers: Answers, submitting: boolean): AnswerErrors {
  const visible = visibleKeys(questionnaire, answers);
  const errors: AnswerErrors = {};
  for (const question of allQuestions(questionnaire)) {
    if (!visible.has(question.key)) continue;
    const value = answers[question.key];
    if (value === undefined || isEmpty(value)) {
      if (submitting && question.required) errors[question.key] = "answer_required";
    } else if (invalidAnswer(question, typeof value === "string" ? value.trim() : value)) {
      errors[question.key] = "invalid_answer";
    }
  }
  return errors;
}

/** The per-question errors of a 422 problem (`errors: [{loc, msg, type, question, code}]`). */
export function errorsOfProblem(problem: Record<string, unknown> | null | undefined): AnswerErrors {
  const out: AnswerErrors = {};
  if (!problem || !Array.isArray(problem.errors)) return out;
  for (const item of problem.errors as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { question, code } = item as { question?: unknown; code?: unknown };
    if (typeof question === "string") out[question] = code === "answer_required" ? "answer_required" : "invalid_answer";
  }
  return out;
}
