import { describe, expect, it } from "vitest";
import { classify, classOf, PALETTE } from "./scale";

describe("classify", () => {
  it("makes 5 quantile classes, lightest for the smallest values", () => {
    const classes = classify([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(classes).toEqual([
      { min: 1, max: 2, colour: PALETTE[0] },
      { min: 3, max: 4, colour: PALETTE[1] },
      { min: 5, max: 6, colour: PALETTE[2] },
      { min: 7, max: 8, colour: PALETTE[3] },
      { min: 9, max: 10, colour: PALETTE[4] },
    ]);
    expect(classOf(classes, 1)?.colour).toBe(PALETTE[0]);
    expect(classOf(classes, 6)?.colour).toBe(PALETTE[2]);
    expect(classOf(classes, 10)?.colour).toBe(PALETTE[4]);
  });

  it("keeps equal values in one class and spreads fewer classes over the palette", () => {
    const classes = classify([0, 0, 0, 0, 0, 0, 0, 5, 5, 100]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [0, 0],
      [5, 5],
      [100, 100],
    ]);
    expect(classes.map((c) => c.colour)).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
  });

  it("handles no values and a single value", () => {
    expect(classify([])).toEqual([]);
    expect(classify([7, 7])).toEqual([{ min: 7, max: 7, colour: PALETTE[4] }]);
    expect(classify([Number.NaN])).toEqual([]);
  });
});
