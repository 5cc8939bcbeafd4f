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
