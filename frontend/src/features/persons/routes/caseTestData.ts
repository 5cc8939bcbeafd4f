/** Records for the person page's component tests (typed by the clients contract). */
import type { ClientsSchemas } from "@/lib/api/clients";

/** The fixtures' person and institution (src/test/fixtures: person().id, PUP_ID). */
const PERSON_ID = "5f0c6a3e-7d1b-4c2a-9e8f-1a2b3c4d5e6f";
const PUP_ID = "28b79b65-98dc-5131-b05c-4c718936cb7a";

type Definition = ClientsSchemas["AttributeDefinitionRead"];
type Attribute = ClientsSchemas["AttributeRead"];

function definition(overrides: Partial<Definition> & Pick<Definition, "code" | "label_pl" | "label_en" | "value_type">): Definition {
  return { allowed_values: null, sensitive: false, institution_types: [], active: true, ...overrides };
}

export const definitions: Definition[] = [
  definition({ code: "education", label_pl: "Wykształcenie", label_en: "Education", value_type: "text", institution_types: ["PUP"] }),
  definition({
    code: "education_level",
    label_pl: "Poziom wykształcenia",
    label_en: "Education level",
    value_type: "enum",
    allowed_values: ["primary", "secondary_general", "higher"],
  }),
  definition({
    code: "household_size",
    label_pl: "Liczba osób w gospodarstwie domowym",
    label_en: "Household size",
    value_type: "integer",
  }),
  definition({
    code: "unemployed_since",
    label_pl: "Data rejestracji jako bezrobotny",
    label_en: "Registered since",
    value_type: "date",
    institution_types: ["PUP"],
  }),
  definition({
    code: "disability",
    label_pl: "Orzeczenie o niepełnosprawności",
    label_en: "Disability certificate",
    value_type: "boolean",
    sensitive: true,
  }),
  definition({
    code: "social_contract_active",
    label_pl: "Zawarty kontrakt socjalny",
    label_en: "Social contract",
    value_type: "boolean",
    institution_types: ["OPS"],
  }),
];

export function attribute(overrides: Partial<Attribute> = {}): Attribute {
  return {
    person_id: PERSON_ID,
    institution_id: PUP_ID,
    code: "education",
    value: "średnie",
    sensitive: false,
    recorded_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-21T11:00:00Z",
    version: 2,
    ...overrides,
  };
}

export const EMPTY_PAGE = { items: [], next_cursor: null };
