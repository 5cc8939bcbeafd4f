import { Radio, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Person } from "../api/persons";
import type { MergeField } from "../api/personCase";

/** The fields of the other record a coordinator may take over (the API's MergeField), in order. */
export const MERGE_FIELDS: MergeField[] = [
  "pesel",
  "document_number",
  "first_name",
  "last_name",
  "citizenship",
  "street",
  "postal_code",
  "city",
  "gmina",
  "phone",
  "email",
  "preferred_contact",
];

const OWN_LABELS = new Set(["street", "postal_code", "gmina", "preferred_contact"]);

export function mergeFieldLabel(field: string, t: (key: string) => string): string {
  return OWN_LABELS.has(field) ? t(`persons.merge.fields.${field}`) : t(`persons.field.${field}`);
}

/** Whether the other record's value may replace this one's (there is a different value; a PESEL is never replaced). */
export function takeable(field: MergeField, survivor: Person, merged: Person): boolean {
  if (field === "pesel" && survivor.pesel) return false;
  const theirs = merged[field];
  return theirs !== null && theirs !== undefined && theirs !== "" && theirs !== survivor[field];
}

interface MergeCompareProps {
  survivor: Person;
  merged: Person;
  taken: MergeField[];
  onChange: (taken: MergeField[]) => void;
}

/** Both records side by side, with an explicit choice per field: keep this record's value or take the other's. */
export function MergeCompare({ survivor, merged, taken, onChange }: MergeCompareProps) {
  const { t } = useTranslation();
  const show = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? "—" : v);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("persons.merge.field")}</Table.Th>
            <Table.Th>{t("persons.merge.survivor")}</Table.Th>
            <Table.Th>{t("persons.merge.merged")}</Table.Th>
            <Table.Th>{t("persons.merge.choice")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MERGE_FIELDS.map((field) => {
            const label = mergeFieldLabel(field, t);
            const can = takeable(field, survivor, merged);
            const take = taken.includes(field);
            return (
              <Table.Tr key={field}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td fw={take ? undefined : 600}>{show(survivor[field])}</Table.Td>
                <Table.Td fw={take ? 600 : undefined}>{show(merged[field])}</Table.Td>
                <Table.Td>
                  {can ? (
                    <div role="radiogroup" aria-label={t("persons.merge.choice_for", { field: label })}>
                      <Radio
                        name={`merge-${field}`}
                        value="keep"
                        checked={!take}
                        onChange={() => onChange(taken.filter((f) => f !== field))}
                        label={t("persons.merge.keep")}
                        mb={4}
                      />
                      <Radio
                        name={`merge-${field}`}
                        value="take"
                        checked={take}
                        onChange={() => onChange([...taken, field])}
                        label={t("persons.merge.take")}
                      />
                    </div>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {field === "pesel" && survivor.pesel && merged.pesel ? t("persons.merge.pesel_kept") : t("persons.merge.keep")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
