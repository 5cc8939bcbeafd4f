import { describe, expect, it } from "vitest";
import { caseworkMonths } from "./caseworkMonths";

describe("the months of a dashboard period", () => {
  it("spans a month, a quarter and a year", () => {
    expect(caseworkMonths("2026-03")).toEqual({ from: "2026-03", to: "2026-03" });
    expect(caseworkMonths("2026-Q4")).toEqual({ from: "2026-10", to: "2026-12" });
    expect(caseworkMonths("2026-Q1")).toEqual({ from: "2026-01", to: "2026-03" });
    expect(caseworkMonths("2025")).toEqual({ from: "2025-01", to: "2025-12" });
  });
});
