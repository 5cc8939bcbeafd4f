import type { TFunction } from "i18next";
import { describeError, type ErrorDescription } from "@/lib/api/problem";

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/**
 * Put an API error on a form: field errors next to their fields (422 validation_error, and
 * business rules that belong to a field such as duplicate_login → email); returns the description,
 * whose message is for an alert when no field of the form took it.
 */
export function applyErrorToForm(error: unknown, form: FormLike, t: TFunction): ErrorDescription & { shownOnFields: boolean } {
  const described = describeError(error, t);
  const values = form.getValues() as Record<string, unknown>;
  const known: Record<string, string> = {};
  for (const [path, message] of Object.entries(described.fieldErrors)) {
    const top = path.split(".")[0];
    if (top in values) known[path] = message;
  }
  form.setErrors(known);
  return { ...described, shownOnFields: Object.keys(known).length > 0 };
}

/** A form value as the API takes it: strings trimmed, and an empty string is null (no value). */
export type Cleaned<T> = T extends string ? string | null : T extends undefined ? null : T;

export function normalise<T>(value: T): Cleaned<T> {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return (trimmed === "" ? null : trimmed) as Cleaned<T>;
  }
  return (value === undefined ? null : value) as Cleaned<T>;
}

/** Empty strings to null, strings trimmed (POST bodies). */
export function cleaned<T extends object>(values: T): { [K in keyof T]: Cleaned<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[key] = normalise(value);
  return out as { [K in keyof T]: Cleaned<T[K]> };
}

/** The changed fields of a form (a PATCH body). */
export type Changes<T> = { [K in keyof T]?: Cleaned<T[K]> };

/**
 * What changed (a PATCH body): the fields of `current` whose cleaned value differs from the
 * `initial` one's; an emptied field is sent as null (clears it).
 */
export function changedFields<T extends object>(initial: T, current: T): Changes<T> {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    const before = normalise(initial[key]);
    const after = normalise(current[key]);
    if (JSON.stringify(before) !== JSON.stringify(after)) out[key] = after;
  }
  return out as Changes<T>;
}
