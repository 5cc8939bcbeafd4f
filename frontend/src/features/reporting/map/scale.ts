/**
 * A sequential 5-class colour scale for choropleths: quantile classes over the shown values.
 * Blues (ColorBrewer), one hue from light to dark, readable with every kind of colour blindness.
 */

export const PALETTE = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
/** Fill of a region without data. */
export const NO_DATA_FILL = "#e9ecef";

export interface ColourClass {
  /** Smallest and largest value that falls in the class (the legend's range). */
  min: number;
  max: number;
  colour: string;
}

/**
 * Up to `count` classes holding about the same number of values each (quantiles). Equal values
 * never straddle two classes, so there may be fewer classes (e.g. with ≤ 5 distinct values, one per
 * value); their colours are then spread over the palette, lightest for the smallest.
 */
export function classify(values: number[], count = PALETTE.length): ColourClass[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const n = sorted.length;
  const uppers: number[] = [];
  for (let j = 1; j <= count; j++) {
    const upper = sorted[Math.max(0, Math.floor((j * n) / count) - 1)];
    if (uppers.length === 0 || upper > uppers[uppers.length - 1]) uppers.push(upper);
  }
  const classes = uppers.map((max, i) => ({
    min: sorted.find((v) => i === 0 || v > uppers[i - 1]) ?? max,
    max,
  }));
  const k = classes.length;
  return classes.map((c, i) => ({
    ...c,
    colour: PALETTE[k === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (k - 1))],
  }));
}

/** The class of a value (the first whose upper bound it does not exceed), or null. */
export function classOf(classes: ColourClass[], value: number): ColourClass | null {
  return classes.find((c) => value <= c.max) ?? classes[classes.length - 1] ?? null;
}
