import { useState } from "react";
import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { partnershipQueries } from "../api/partnerships";

interface InstitutionPickerProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Institutions that cannot be picked (the user's own, current parties). */
  exclude?: readonly string[];
  error?: string;
  required?: boolean;
  maxValues?: number;
}

/** Institutions found by name in the directory (type at least 2 letters). */
export function InstitutionPicker({ label, value, onChange, exclude = [], error, required, maxValues }: InstitutionPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery(partnershipQueries.institutionSearch(debounced));
  // Keep the names of chosen institutions when the search moves on.
  const [known, setKnown] = useState<Record<string, string>>({});
  const [opened, setOpened] = useState(false);
  const options = (found.data?.items ?? [])
    .filter((i) => !exclude.includes(i.id))
    .map((i) => ({ value: i.id, label: `${i.name} (${t(`institution_types.${i.type}`, { defaultValue: i.type })})` }));
  const data = [
    ...value.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: known[id] ?? id })),
    ...options,
  ];
  const nothingFound = debounced.trim().length >= 2 && !found.isFetching && options.length === 0;
  const offered = options.filter((o) => !value.includes(o.value)).length > 0;
  return (
    <MultiSelect
      label={label}
      description={t("partnerships.picker.help")}
      data={data}
      value={value}
      onChange={(ids) => {
        setKnown((before) => ({ ...before, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={nothingFound ? t("common.nothing_found") : undefined}
      // An open list without options is an empty listbox (an accessibility error): open it only with something in it.
      dropdownOpened={opened && (offered || nothingFound)}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      error={error}
      required={required}
      maxValues={maxValues}
      hidePickedOptions
    />
  );
}
