import { describe, expect, it } from "vitest";
import { questionnaireDoc } from "../testdata";
import { answersToSend, errorsOfProblem, validateAnswers, visibleKeys } from "./answers";

describe("the respondent's rules", () => {
  const doc = questionnaireDoc();

  it("shows a question only when the earlier answer is one of its show_if values", () => {
    expect([...visibleKeys(doc, {})]).toEqual(["joint", "comment"]);
    expect([...visibleKeys(doc, { joint: "no" })]).toEqual(["joint", "comment"]);
    expect([...visibleKeys(doc, { joint: "yes" })]).toEqual(["joint", "programmes", "comment"]);
  });

  it("asks for required visible answers only when submitting, and checks values always", () => {
    expect(validateAnswers(doc, {}, false)).toEqual({});
    expect(validateAnswers(doc, {}, true)).toEqual({ joint: "answer_required" });
    expect(validateAnswers(doc, { joint: "yes" }, true)).toEqual({ programmes: "answer_required" });
    expect(validateAnswers(doc, { joint: "yes", programmes: 2.5 }, false)).toEqual({ programmes: "invalid_answer" });
    expect(validateAnswers(doc, { joint: "yes", programmes: 101 }, false)).toEqual({ programmes: "invalid_answer" });
    expect(validateAnswers(doc, { joint: "maybe" }, false)).toEqual({ joint: "invalid_answer" });
  });

  it("sends neither hidden nor empty answers", () => {
    expect(answersToSend(doc, { joint: "no", programmes: 3, comment: "  " })).toEqual({ joint: "no" });
    expect(answersToSend(doc, { joint: "yes", programmes: 3, comment: " ok " })).toEqual({ joint: "yes", programmes: 3, comment: "ok" });
  });

  it("reads the questions of a 422's errors", () => {
    expect(
      errorsOfProblem({
        errors: [
          { loc: ["body", "answers", "joint"], msg: "x", type: "answer_required", question: "joint", code: "answer_required" },
          { loc: ["body", "answers", "programmes"], msg: "x", type: "invalid_answer", question: "programmes", code: "invalid_answer" },
        ],
      }),
    ).toEqual({ joint: "answer_required", programmes: "invalid_answer" });
    expect(errorsOfProblem({ errors: null })).toEqual({});
  });
});
