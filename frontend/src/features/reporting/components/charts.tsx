/**
 * Small SVG charts without a chart library: they render from published cells, show suppressed
 * values as such (never as zero) and carry the same data as a table for screen readers.
 */
import { Group, Skeleton, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Cell } from "../api/reporting";
import { cellState, formatNumber, measureKind, numeric, periodLabel } from "../lib/cells";
import { useCellText } from "./CellValue";

/** Colour-blind-safe, each at least 3:1 against white. */
export const SERIES_COLOURS = ["#0b5cad", "#c2410c", "#047857", "#7c3aed"];
const SUPPRESSED = "#6b7280";

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exponent = Math.pow(10, Math.floor(Math.log10(value)));
  const fraction = value / exponent;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * exponent;
}

function ChartFigure({ title, children, table }: { title: string; children: ReactNode; table: ReactNode }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={id} style={{ margin: 0 }}>
      <Text component="figcaption" id={id} fw={600} size="sm" mb="xs">
        {title}
      </Text>
      {children}
      <VisuallyHidden>{table}</VisuallyHidden>
    </figure>
  );
}

export interface Bar {
  key: string;
  label: string;
  cell: Cell | undefined;
}

/** Horizontal bars, largest first; suppressed bars are drawn hatched at the threshold's width. */
export function BarChart({
  title,
  measure,
  bars,
  empty,
  loading = false,
}: {
  title: string;
  measure: string;
  bars: Bar[];
  empty: string;
  loading?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = useCellText();
  const patternId = useId().replace(/:/g, "");
  const kind = measureKind(measure);
  const max = niceMax(Math.max(0, ...bars.map((b) => numeric(b.cell) ?? 0)));
  const sorted = [...bars].sort((a, b) => (numeric(b.cell) ?? -1) - (numeric(a.cell) ?? -1));
  const rowHeight = 28;
  const labelWidth = 150;
  const width = 560;
  const plot = width - labelWidth - 70;
  const height = Math.max(rowHeight, sorted.length * rowHeight) + 8;
  const table = (
    <Table>
      <caption>{title}</caption>
      <tbody>
        {sorted.map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td>{text(bar.cell, measure)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
  if (loading) {
    return (
      <ChartFigure title={title} table={null}>
        <Skeleton height={180} radius="sm" aria-hidden="true" />
      </ChartFigure>
    );
  }
  if (sorted.length === 0) {
    return (
      <ChartFigure title={title} table={null}>
        <Text size="sm" c="dimmed" py="md">
          {empty}
        </Text>
      </ChartFigure>
    );
  }
  return (
    <ChartFigure title={title} table={table}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" aria-hidden="true" className="bar-chart">
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke={SUPPRESSED} strokeWidth="2" />
          </pattern>
        </defs>
        {sorted.map((bar, i) => {
          const y = i * rowHeight + 4;
          const value = numeric(bar.cell);
          const suppressed = cellState(bar.cell) === "suppressed";
          const w = suppressed ? 12 : value === null ? 0 : (value / max) * plot;
          return (
            <g key={bar.key}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="12" fill="#1f2937">
                {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(w, value === 0 ? 0 : 1)}
                height={rowHeight - 10}
                fill={suppressed ? `url(#${patternId})` : SERIES_COLOURS[0]}
                stroke={suppressed ? SUPPRESSED : "none"}
                rx="2"
              />
              <text x={labelWidth + w + 6} y={y + 17} fontSize="12" fill="#1f2937">
                {suppressed ? t("reporting.cell.suppressed") : value === null ? "—" : formatNumber(value, kind, i18n.language)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

export interface Series {
  key: string;
  label: string;
  cells: (Cell | undefined)[];
}

/**
 * Lines over periods; a suppressed point breaks the line and is marked on the axis. A period
 * without data (a null value, or no cell at all) is a gap in the line, never a zero.
 */
export function LineChart({ title, measure, periods, series }: { title: string; measure: string; periods: string[]; series: Series[] }) {
  const { t, i18n } = useTranslation();
  const text = useCellText();
  const kind = measureKind(measure);
  const width = 560;
  const height = 220;
  const left = 44;
  const bottom = 28;
  const top = 10;
  const plotW = width - left - 28;
  const plotH = height - top - bottom;
  const values = series.flatMap((s) => s.cells.map(numeric)).filter((v): v is number => v !== null);
  const max = kind === "rate" ? 1 : niceMax(Math.max(0, ...values));
  const x = (i: number) => left + (periods.length <= 1 ? plotW / 2 : (i / (periods.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => f * max);
  const labelEvery = Math.ceil(periods.length / 8);
  const anySuppressed = series.some((s) => s.cells.some((c) => cellState(c) === "suppressed"));

  const table = (
    <Table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("reporting.period")}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((period, i) => (
          <tr key={period}>
            <th scope="row">{periodLabel(period, i18n.language)}</th>
            {series.map((s) => (
              <td key={s.key}>{s.cells[i] ? text(s.cells[i], measure) : "—"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );

  return (
    <ChartFigure title={title} table={table}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" className="line-chart">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={left + plotW} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#374151">
              {formatNumber(tick, kind, i18n.language)}
            </text>
          </g>
        ))}
        {periods.map((period, i) =>
          i % labelEvery === 0 || i === periods.length - 1 ? (
            <text key={period} x={x(i)} y={height - 8} textAnchor="middle" fontSize="11" fill="#374151">
              {periodLabel(period, i18n.language)}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
          const segments: string[] = [];
          let current = "";
          s.cells.forEach((cell, i) => {
            const v = numeric(cell);
            if (v === null) {
              if (current) segments.push(current);
              current = "";
              return;
            }
            current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g key={s.key}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" stroke={colour} strokeWidth="2.5" strokeDasharray={si === 1 ? "6 3" : undefined} />
              ))}
              {s.cells.map((cell, i) => {
                const v = numeric(cell);
                if (v !== null) return <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={colour} />;
                if (cellState(cell) === "suppressed") {
                  return (
                    <text key={i} x={x(i)} y={top + plotH - 4 - si * 10} textAnchor="middle" fontSize="11" fill={colour}>
                      ×
                    </text>
                  );
                }
                return null;
              })}
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} aria-hidden="true">
        {series.map((s, si) => (
          <Group key={s.key} gap={6}>
            <svg width="22" height="10">
              <line
                x1="0"
                x2="22"
                y1="5"
                y2="5"
                stroke={SERIES_COLOURS[si % SERIES_COLOURS.length]}
                strokeWidth="2.5"
                strokeDasharray={si === 1 ? "6 3" : undefined}
              />
            </svg>
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
        {anySuppressed ? <Text size="xs">× {t("reporting.cell.suppressed_short")}</Text> : null}
      </Group>
    </ChartFigure>
  );
}
