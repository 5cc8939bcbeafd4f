/** Case attribute values as people read and type them, by the definition's value type. */
import type { TFunction } from "i18next";
import type { AttributeDefinition, AttributeValue } from "../api/personCase";
import { formatDate } from "@/lib/format";

/** The label of a definition in the current language (the code when unknown). */
export function definitionLabel(def: AttributeDefinition | undefined, code: string, en: boolean): string {
  if (!def) return code;
  return en ? def.label_en : def.label_pl;
}

/** A value for people: yes/no, a date, an enum value translated, lists joined, "—" for none. */
export function attributeText(value: unknown, t: TFunction, def?: AttributeDefinition): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? t("persons.yes") : t("persons.no");
  if (Array.isArray(value)) return value.map((item: unknown) => attributeText(item, t, def)).join(", ");
  if (typeof value === "string" && def?.value_type === "date") return formatDate(value);
  if (typeof value === "string" && def?.value_type === "enum")
    return t(`persons.case.values.${value}`, { defaultValue: value.replaceAll("_", " ") });
  if (typeof value === "string" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** The form's text for a stored value. */
export function valueToInput(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return "";
}

/** The form's text as the API takes it for the definition's type; null when it is not a valid value. */
export function inputToValue(input: string, def: AttributeDefinition): AttributeValue | null {
  const text = input.trim();
  if (text === "") return null;
  switch (def.value_type) {
    case "boolean":
      return text === "true" ? true : text === "false" ? false : null;
    case "integer": {
      const n = Number(text);
      return Number.isInteger(n) && Math.abs(n) <= 1_000_000 ? n : null;
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(new Date(text).getTime()) ? text : null;
    case "enum":
      return (def.allowed_values ?? []).includes(text) ? text : null;
    default:
      return text.length <= 2000 ? text : null;
  }
}
