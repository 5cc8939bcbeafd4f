import { useState } from "react";
import { Button, Group, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { LEGAL_BASES, useInstitutionSearch, type LogFilters } from "../api/accessLog";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  person_id: string;
  institution_id: string;
  subject: string;
  legal_basis: string;
  since: string;
  until: string;
}

const EMPTY: Values = { person_id: "", institution_id: "", subject: "", legal_basis: "", since: "", until: "" };

function validDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Person, institution, user, period and basis of access; checked before the API is asked. */
export function AccessLogFilters({ onApply }: { onApply: (filters: LogFilters) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const institutions = useInstitutionSearch(search);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: {
      person_id: (v) => (v.trim() && !UUID.test(v.trim()) ? t("audit.filters.person_invalid") : null),
      since: (v) => (v && !validDay(v) ? t("audit.filters.date_invalid") : null),
      until: (v, values) => {
        if (v && !validDay(v)) return t("audit.filters.date_invalid");
        if (v && values.since && validDay(values.since) && v < values.since) return t("audit.filters.period_reversed");
        return null;
      },
    },
  });
  const options = (institutions.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }));
  const submit = form.onSubmit((values: Values) => {
    const filters: LogFilters = {};
    for (const key of Object.keys(EMPTY) as (keyof Values)[]) {
      const value = values[key].trim();
      if (value !== "") filters[key] = value;
    }
    onApply(filters);
  });
  return (
    <form onSubmit={submit} aria-label={t("audit.filters.title")}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput label={t("audit.filters.person")} description={t("audit.filters.person_help")} {...form.getInputProps("person_id")} />
        <Select
          label={t("audit.filters.institution")}
          description={t("audit.filters.institution_help")}
          searchable
          clearable
          data={options}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={search.trim().length >= 2 ? t("audit.filters.institution_none") : undefined}
          value={form.values.institution_id || null}
          onChange={(value: string | null) => form.setFieldValue("institution_id", value ?? "")}
        />
        <TextInput label={t("audit.filters.user")} description={t("audit.filters.user_help")} {...form.getInputProps("subject")} />
        <Select
          label={t("audit.filters.basis")}
          clearable
          data={LEGAL_BASES.map((value) => ({ value, label: t(`audit.basis.${value}`) }))}
          value={form.values.legal_basis || null}
          onChange={(value: string | null) => form.setFieldValue("legal_basis", value ?? "")}
        />
        <TextInput type="date" label={t("audit.filters.since")} {...form.getInputProps("since")} />
        <TextInput type="date" label={t("audit.filters.until")} {...form.getInputProps("until")} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit">{t("audit.filters.apply")}</Button>
        <Button
          variant="default"
          onClick={() => {
            form.setValues(EMPTY);
            form.clearErrors();
            setSearch("");
            onApply({});
          }}
        >
          {t("audit.filters.clear")}
        </Button>
      </Group>
    </form>
  );
}
