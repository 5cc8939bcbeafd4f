import { MultiSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { unwrap } from "@/lib/api/client";
import { reporting, type ReportingSchemas } from "@/lib/api/reporting";

export type ProblemArea = ReportingSchemas["ProblemAreaRead"];

/** At most this many areas on an evaluation or a practice. */
export const MAX_PROBLEM_AREAS = 5;

/** The shared catalogue of problem areas of cooperation (GET /api/reporting/v1/problem-areas/catalogue). */
export function useProblemAreas() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["reporting", "problem-areas", "catalogue"],
    queryFn: () => unwrap(reporting.GET("/v1/problem-areas/catalogue")),
    staleTime: 60 * 60 * 1000,
    retry: false,
  });
  const items = query.data?.items ?? [];
  const name = (code: string) => {
    const area = items.find((a) => a.code === code);
    if (!area) return code;
    return i18n.language === "en" ? area.name_en : area.name_pl;
  };
  const description = (code: string) => {
    const area = items.find((a) => a.code === code);
    if (!area) return "";
    return i18n.language === "en" ? area.description_en : area.description_pl;
  };
  return { ...query, items, name, description };
}

/** A multi-select of problem areas (0..5, or 1..5 when required). */
export function ProblemAreasSelect({
  value,
  onChange,
  label,
  description,
  error,
  required = false,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  description?: string;
  error?: string | null;
  required?: boolean;
}) {
  const areas = useProblemAreas();
  const data = areas.items.map((a) => ({ value: a.code, label: areas.name(a.code) }));
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      maxValues={MAX_PROBLEM_AREAS}
      required={required}
      error={error ?? undefined}
      searchable
      clearable
      disabled={areas.isPending && data.length === 0}
    />
  );
}
