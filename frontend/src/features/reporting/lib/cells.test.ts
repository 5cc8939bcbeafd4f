import { describe, expect, it } from "vitest";
import { cellState, formatNumber, formatPeriod, measureKind, numeric, parsePeriod, periodLabel, periodRange, shiftPeriod } from "./cells";

describe("published cells", () => {
  it("never turns a suppressed or undefined cell into a number", () => {
    expect(cellState({ value: null, suppressed: true })).toBe("suppressed");
    expect(numeric({ value: null, suppressed: true })).toBeNull();
    expect(cellState({ value: null, suppressed: false })).toBe("undefined");
    expect(numeric({ value: null, suppressed: false })).toBeNull();
    expect(numeric({ value: 0, suppressed: false })).toBe(0);
    expect(numeric({ value: 15, suppressed: false })).toBe(15);
    expect(cellState(undefined)).toBe("missing");
  });

  it("knows counts, rates and durations by the catalogue's naming", () => {
    expect(measureKind("referrals")).toBe("count");
    expect(measureKind("closed_loop_rate")).toBe("rate");
    expect(measureKind("forwarded_share")).toBe("rate");
    expect(measureKind("sla_compliance")).toBe("rate");
    expect(measureKind("median_response_days")).toBe("duration");
    expect(formatNumber(0.755, "rate", "pl").replace(/\s/g, "")).toBe("75,5%");
    expect(formatNumber(0.755, "rate", "en")).toBe("75.5%");
    expect(formatNumber(1234, "count", "en")).toBe("1,234");
  });
});

describe("periods", () => {
  it("parses and formats the API's period syntax", () => {
    for (const text of ["2026", "2026-Q3", "2026-01", "2025-12"]) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
    expect(parsePeriod("2026-13")).toBeNull();
    expect(parsePeriod("2026-Q5")).toBeNull();
    expect(parsePeriod("26")).toBeNull();
  });

  it("shifts across year boundaries", () => {
    expect(formatPeriod(shiftPeriod(parsePeriod("2026-01")!, -1))).toBe("2025-12");
    expect(formatPeriod(shiftPeriod(parsePeriod("2025-Q4")!, 1))).toBe("2026-Q1");
    expect(formatPeriod(shiftPeriod(parsePeriod("2026-03")!, -14))).toBe("2025-01");
    expect(periodRange(parsePeriod("2026-02")!, 4).map(formatPeriod)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("labels periods for people", () => {
    expect(periodLabel("2026-Q3", "pl")).toBe("III kw. 2026");
    expect(periodLabel("2026-Q3", "en")).toBe("Q3 2026");
    expect(periodLabel("2026", "pl")).toBe("2026");
    expect(periodLabel("2026-11", "pl")).toMatch(/lis.* 2026/);
  });
});
