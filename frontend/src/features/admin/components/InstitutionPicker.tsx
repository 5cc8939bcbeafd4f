import { useState } from "react";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useInstitution, useInstitutions } from "../api/institutions";

/** System administrators: whose users/offers/clients to manage. Search by name (2+ letters). */
export function InstitutionPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const current = useInstitution(value);
  const results = useInstitutions({ q: debounced.length >= 2 ? debounced : undefined }, { pageSize: 50 });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const data = items.map((inst) => ({ value: inst.id, label: inst.name }));
  if (current.data && !data.some((d) => d.value === value)) {
    data.unshift({ value, label: current.data.data.name });
  }
  return (
    <Select
      label={t("admin.institution_context")}
      description={t("admin.institution_context_help")}
      data={data}
      value={value}
      onChange={(id) => id && onChange(id)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      allowDeselect={false}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothing_found")}
      maw={520}
      mb="md"
    />
  );
}
