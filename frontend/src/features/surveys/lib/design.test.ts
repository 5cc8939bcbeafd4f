import { describe, expect, it } from "vitest";
import { questionnaireDoc } from "../testdata";
import { earlierConditions, move, newQuestion, toWrite, withType } from "./design";

describe("designing a questionnaire", () => {
  const doc = questionnaireDoc();

  it("gives a new question the next free key and a type its defaults", () => {
    const question = newQuestion(doc, "Nowe pytanie");
    expect(question.key).toBe("q1");
    const choice = withType(question, "multiple_choice", (n) => `Odpowiedź ${n}`);
    expect(choice.options.map((o) => [o.value, o.label])).toEqual([
      ["o1", "Odpowiedź 1"],
      ["o2", "Odpowiedź 2"],
    ]);
    expect(withType(choice, "scale", String)).toMatchObject({ options: [], scale: { min: 1, max: 5 } });
    expect(withType(choice, "text", String).indicator).toBeNull();
  });

  it("offers only earlier choice and scale questions as conditions", () => {
    expect(earlierConditions(doc, "comment").map((q) => q.key)).toEqual(["joint"]);
    expect(earlierConditions(doc, "joint")).toEqual([]);
  });

  it("sends a condition without values as none, and empty texts as null", () => {
    const edited = structuredClone(doc);
    edited.sections[0].questions[2].show_if = { question: "joint", equals_any: [] };
    edited.sections[0].questions[2].help = "  ";
    const sent = toWrite(edited).sections[0].questions[2];
    expect(sent.show_if).toBeNull();
    expect(sent.help).toBeNull();
    expect(toWrite(doc).sections[0].questions[1].show_if).toEqual({ question: "joint", equals_any: ["yes"] });
  });

  it("moves items within bounds", () => {
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });
});
