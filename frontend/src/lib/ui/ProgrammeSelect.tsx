import type { ReactNode } from "react";
import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useProgrammes } from "@/lib/api/programmes";

interface ProgrammeSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

/**
 * An optional programme from the directory's catalogue (only active ones can be chosen; a value
 * already set to a programme since deactivated is still shown).
 */
export function ProgrammeSelect({ value, onChange, error, description, disabled }: ProgrammeSelectProps) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const items = programmes.data?.items ?? [];
  const data = items.filter((p) => p.active || p.code === value).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={t("programmes.field")}
      placeholder={t("programmes.none")}
      description={description ?? t("programmes.field_help")}
      data={data}
      value={value}
      onChange={(code) => onChange(code)}
      clearable
      searchable
      nothingFoundMessage={t("programmes.nothing_found")}
      error={error ?? (programmes.isError ? t("programmes.unavailable") : undefined)}
      disabled={disabled}
    />
  );
}
