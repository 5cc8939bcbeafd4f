import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Cell } from "../api/reporting";
import { cellState, formatNumber, measureKind, type CellKind } from "../lib/cells";

/**
 * One published value. A suppressed cell reads "ukryte" with the reason, never as 0; an undefined
 * rate (zero denominator) reads "—" with its explanation. The kind (count, rate, duration) follows
 * from the measure's name unless given.
 */
export function CellValue({
  cell,
  measure,
  kind,
  unit = "persons",
}: {
  cell: Cell | undefined | null;
  measure: string;
  kind?: CellKind;
  /** What a hidden count counts: persons' cases (the default) or institutions (survey answers). */
  unit?: "persons" | "institutions";
}) {
  const { t, i18n } = useTranslation();
  const state = cellState(cell);
  if (state === "suppressed") {
    return (
      <Tooltip
        label={t(unit === "institutions" ? "reporting.cell.suppressed_institutions_help" : "reporting.cell.suppressed_help")}
        multiline
        w={260}
        withArrow
      >
        <Badge
          variant="outline"
          color="gray.8"
          size="sm"
          tt="none"
          className="cell-suppressed"
          tabIndex={0}
          aria-label={t(unit === "institutions" ? "reporting.cell.suppressed_institutions_label" : "reporting.cell.suppressed_label")}
        >
          {t("reporting.cell.suppressed")}
        </Badge>
      </Tooltip>
    );
  }
  if (state === "undefined") {
    return <span title={t("reporting.cell.undefined_help")}>—</span>;
  }
  if (state === "missing") return <span>0</span>;
  return <span>{formatNumber(Number(cell!.value), kind ?? measureKind(measure), i18n.language)}</span>;
}

/** Text of a cell for aria-labels and chart tooltips. */
export function useCellText() {
  const { t, i18n } = useTranslation();
  return (cell: Cell | undefined | null, measure: string): string => {
    const state = cellState(cell);
    if (state === "suppressed") return t("reporting.cell.suppressed_label");
    if (state === "undefined") return "—";
    if (state === "missing") return "0";
    return formatNumber(Number(cell!.value), measureKind(measure), i18n.language);
  };
}
