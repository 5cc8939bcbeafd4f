/** The values of the registration and edit forms, their checks, and the API body they make. */
import type { TFunction } from "i18next";
import type { ClientsSchemas } from "@/lib/api/clients";
import { normalise } from "@/lib/ui/forms";

type Person = ClientsSchemas["PersonRead"];
export type Channel = "" | NonNullable<Person["preferred_contact"]>;

/** Address, citizenship and contact: the same fields on both forms. */
export interface DetailsValues {
  citizenship: string;
  street: string;
  postal_code: string;
  city: string;
  /** A 7-digit gmina code; 2 or 4 digits while the voivodeship / powiat is being chosen. */
  gmina: string;
  phone: string;
  email: string;
  preferred_contact: Channel;
}

export const EMPTY_DETAILS: DetailsValues = {
  citizenship: "",
  street: "",
  postal_code: "",
  city: "",
  gmina: "",
  phone: "",
  email: "",
  preferred_contact: "",
};

export function detailsOf(person: Person): DetailsValues {
  return {
    citizenship: person.citizenship ?? "",
    street: person.street ?? "",
    postal_code: person.postal_code ?? "",
    city: person.city ?? "",
    gmina: person.gmina ?? "",
    phone: person.phone ?? "",
    email: person.email ?? "",
    preferred_contact: person.preferred_contact ?? "",
  };
}

/** The details as the API takes them (a half-chosen gmina counts as none). */
export function detailsBody(values: DetailsValues) {
  return {
    citizenship: normalise(values.citizenship),
    street: normalise(values.street),
    postal_code: normalise(values.postal_code),
    city: normalise(values.city),
    gmina: values.gmina.length === 7 ? values.gmina : null,
    phone: normalise(values.phone),
    email: normalise(values.email),
    preferred_contact: values.preferred_contact === "" ? null : values.preferred_contact,
  };
}

/** The API's own checks, in the browser (the API checks again). */
export function detailsRules(t: TFunction) {
  const pattern = (re: RegExp, key: string) => (value: string) => (value.trim() === "" || re.test(value.trim()) ? null : t(key));
  return {
    postal_code: pattern(/^\d{2}-\d{3}$/, "persons.form.postal_code_invalid"),
    phone: pattern(/^\+?[0-9 ()-]{6,20}$/, "persons.form.phone_invalid"),
    email: pattern(/^[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}$/, "persons.form.email_invalid"),
    gmina: (value: string) => (value === "" || value.length === 7 ? null : t("territory.gmina_required")),
    preferred_contact: (value: Channel, values: DetailsValues) =>
      (value === "phone" && !values.phone.trim()) || (value === "email" && !values.email.trim())
        ? t("persons.form.channel_unreachable")
        : null,
  };
}

/** Citizenships offered first (any other ISO code the record has is kept). */
export const CITIZENSHIPS = ["PL", "UA", "BY", "RU", "GE", "MD", "DE", "CZ", "SK", "LT", "RO", "BG", "VN", "IN", "TR", "KZ", "GB", "US"];
