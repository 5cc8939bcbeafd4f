import { ScrollArea, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AggregateRow } from "../api/reporting";
import { reportingQueries, useServiceTypes } from "../api/reporting";
import { periodLabel } from "../lib/cells";
import { usePowiatNames } from "../lib/usePowiatNames";
import { VOIVODESHIPS } from "../map/geography";
import { CellValue } from "./CellValue";

const TERRITORY = /(^|_)(voivodeship|powiat|territory)$/;

/** Turns dimension values into words: TERYT codes into names, codes into labels. Powiat names come
 * with the map's geometry, so they are loaded only when a column can hold a powiat. */
export function useDimensionLabel(dimensions: readonly string[]) {
  const { t, i18n } = useTranslation();
  const powiats = usePowiatNames(dimensions.some((d) => /(^|_)(powiat|territory)$/.test(d)));
  const serviceTypes = useServiceTypes();
  // The programmes' names (from the directory, through the catalogue) only for a programme column.
  const catalogue = useQuery({ ...reportingQueries.catalogue(), enabled: dimensions.includes("programme") });
  return (dimension: string, value: string | undefined): string => {
    if (value === undefined) return "";
    if (value === "unknown") return t("reporting.unknown");
    if (TERRITORY.test(dimension)) {
      if (value.length === 2) return VOIVODESHIPS[value] ?? value;
      if (value.length === 4) return powiats[value] ?? value;
    }
    if (dimension.endsWith("_type") && dimension !== "service_type") return value;
    if (dimension === "service_type") {
      const found = serviceTypes.data?.items.find((s) => s.code === value);
      return found ? (i18n.language === "en" ? found.name_en : found.name_pl) : value;
    }
    if (dimension === "status") return t(`referrals.status.${value}`, { defaultValue: value });
    if (dimension === "priority") return t(`referrals.priority.${value}`, { defaultValue: value });
    if (dimension === "route") return value.replace("->", " → ");
    if (dimension === "sex") return t(`reporting.sex.${value}`, { defaultValue: value });
    if (dimension === "programme") {
      if (value === "none") return t("programmes.none");
      return catalogue.data?.dimensions.find((d) => d.name === "programme")?.labels?.[value] ?? value;
    }
    return value;
  };
}

/** Published rows as a table: period, dimension columns, one column per measure. */
export function AggregateTable({
  rows,
  dimensions,
  measures,
  caption,
}: {
  rows: AggregateRow[];
  dimensions: string[];
  measures: string[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const label = useDimensionLabel(dimensions);
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover fz="sm" className="aggregate-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("reporting.period")}</Table.Th>
            {dimensions.map((d) => (
              <Table.Th key={d} scope="col">
                {t(`reporting.dimension.${d}`, { defaultValue: d })}
              </Table.Th>
            ))}
            {measures.map((m) => (
              <Table.Th key={m} scope="col" style={{ textAlign: "right" }}>
                {t(`reporting.measure.${m}`, { defaultValue: m })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={`${row.period}-${i}`}>
              <Table.Td>{periodLabel(row.period, i18n.language)}</Table.Td>
              {dimensions.map((d) => (
                <Table.Td key={d}>{label(d, row.dimensions[d])}</Table.Td>
              ))}
              {measures.map((m) => (
                <Table.Td key={m} style={{ textAlign: "right" }}>
                  <CellValue cell={row.values[m]} measure={m} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
