/** Questionnaires, rounds and results for the surveys' tests (shapes of the reporting contract). */
import type { Cell, QuestionnaireRead, QuestionnaireWrite, ResponseRead, RoundRead, RoundResults, SurveyTask } from "./api/surveys";

export const ROUND_ID = "5b0c1d2e-0000-4000-8000-000000000001";
export const QUESTIONNAIRE_ID = "5b0c1d2e-0000-4000-8000-000000000002";

export const value = (v: number | null): Cell => ({ value: v, suppressed: false });
export const hidden: Cell = { value: null, suppressed: true };

export function questionnaireDoc(): QuestionnaireWrite {
  return {
    title: "Współpraca PUP–OPS",
    description: null,
    sections: [
      {
        key: "s1",
        title: "Formy współpracy",
        description: null,
        questions: [
          {
            key: "joint",
            text: "Czy macie wspólne programy?",
            help: null,
            type: "single_choice",
            required: true,
            options: [
              { value: "yes", label: "Tak", problem_area: null },
              { value: "no", label: "Nie", problem_area: null },
            ],
            scale: null,
            number: null,
            show_if: null,
            indicator: null,
          },
          {
            key: "programmes",
            text: "Ile wspólnych programów?",
            help: null,
            type: "number",
            required: true,
            options: [],
            scale: null,
            number: { min: 0, max: 100, integer: true, unit: null },
            show_if: { question: "joint", equals_any: ["yes"] },
            indicator: null,
          },
          {
            key: "comment",
            text: "Uwagi",
            help: null,
            type: "text",
            required: false,
            options: [],
            scale: null,
            number: null,
            show_if: null,
            indicator: null,
          },
        ],
      },
    ],
  };
}

export function questionnaireRead(patch: Partial<QuestionnaireRead> = {}): QuestionnaireRead {
  return {
    ...questionnaireDoc(),
    id: QUESTIONNAIRE_ID,
    status: "draft",
    version_no: 1,
    previous_id: null,
    template: null,
    owner_scope: "12",
    created_at: "2026-12-01T10:00:00Z",
    updated_at: "2026-12-01T10:00:00Z",
    rounds: 0,
    ...patch,
  };
}

export function responseRead(patch: Partial<ResponseRead> = {}): ResponseRead {
  return {
    round_id: ROUND_ID,
    status: "not_started",
    answers: {},
    submitted_at: null,
    updated_at: null,
    deadline: "2026-12-20",
    editable: true,
    questionnaire: questionnaireDoc(),
    ...patch,
  };
}

export function roundRead(patch: Partial<RoundRead> = {}): RoundRead {
  return {
    id: ROUND_ID,
    title: "Współpraca 2026",
    questionnaire_id: QUESTIONNAIRE_ID,
    questionnaire_title: "Współpraca PUP–OPS",
    status: "open",
    territory: "12",
    institution_types: ["PUP", "OPS"],
    period_from: "2026-01",
    period_to: "2026-11",
    deadline: "2026-12-20",
    reminder_days: 3,
    owner_scope: "12",
    is_owner: true,
    opened_at: "2026-12-01T10:00:00Z",
    closed_at: null,
    invited: 40,
    drafts: 5,
    submitted: 10,
    response_rate: 0.25,
    reminders_sent_at: null,
    ...patch,
  };
}

export function results(patch: Partial<RoundResults> = {}): RoundResults {
  return {
    round_id: ROUND_ID,
    as_of: "2026-12-05T10:00:00Z",
    respondents: value(10),
    filters: { territory: null, question: null, answer: null },
    suppression: { threshold: 3, rule: "k" },
    questions: [
      {
        key: "joint",
        text: "Czy macie wspólne programy?",
        type: "single_choice",
        section: "s1",
        answered: value(10),
        options: [
          { value: "yes", label: "Tak", count: value(8), share: value(0.8) },
          { value: "no", label: "Nie", count: hidden, share: hidden },
        ],
        distribution: null,
        mean: null,
        median: null,
        months: null,
        texts: null,
      },
    ],
    ...patch,
  };
}

export function task(patch: Partial<SurveyTask> = {}): SurveyTask {
  return {
    round_id: ROUND_ID,
    title: "Współpraca 2026",
    territory: "12",
    owner_scope: "12",
    deadline: "2026-12-20",
    days_left: 5,
    status: "not_started",
    submitted_at: null,
    updated_at: null,
    reminded_at: null,
    round_status: "open",
    ...patch,
  };
}
