import { describe, expect, it } from "vitest";
import { formatBytes, formatPercent } from "./format";

const pl = (share: number, fractionDigits?: number) => formatPercent(share, { language: "pl", fractionDigits }).replace(/\s/g, "");

describe("formatPercent", () => {
  it("rounds to one decimal by default", () => {
    expect(pl(0.7143)).toBe("71,4%");
    expect(pl(0.755)).toBe("75,5%");
    expect(formatPercent(0.5, { language: "en" })).toBe("50%");
  });

  it("never reads 100 % below one: near 100 it rounds down", () => {
    expect(pl(0.9999)).toBe("99,9%");
    expect(pl(0.9996)).toBe("99,9%");
    expect(pl(0.996, 0)).toBe("99%");
    expect(pl(0.9999, 0)).toBe("99%");
    expect(pl(1)).toBe("100%");
    expect(pl(0.994, 0)).toBe("99%");
  });

  it("never reads 0 % above zero: near 0 it rounds up", () => {
    expect(pl(0.0001)).toBe("0,1%");
    expect(pl(0.0004, 0)).toBe("1%");
    expect(pl(0)).toBe("0%");
    expect(pl(0.006, 0)).toBe("1%");
  });
});

describe("formatBytes", () => {
  it("uses bytes, kilobytes and megabytes with the language's decimal mark", () => {
    expect(formatBytes(820, { language: "pl" })).toBe("820 B");
    expect(formatBytes(12_500, { language: "pl" })).toBe("12,5 kB");
    expect(formatBytes(3_240_000, { language: "en" })).toBe("3.2 MB");
  });
});
