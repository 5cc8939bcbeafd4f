import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { Box, Group, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "@/lib/i18n";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import {
  loadedPolandMap,
  loadPolandMap,
  POLAND_BOX,
  voivodeshipBox,
  voivodeshipName,
  type Box as ViewBox,
  type MapRegion,
  type PolandMap as PolandGeometry,
  type PowiatRegion,
} from "../map/geography";
import { classify, classOf, NO_DATA_FILL, type ColourClass } from "../map/scale";

export interface MapCell {
  value: number | null;
  /** A small number hidden for privacy (not zero). */
  suppressed: boolean;
}

export interface PolandMapProps {
  level: "voivodeship" | "powiat";
  /** Keyed by TERYT code (2 digits for voivodeships, 4 for powiats); a missing key means no data. */
  values: Record<string, MapCell>;
  /** What the values are ("skierowania"), for the map's label, tooltips and legend. */
  measureLabel: string;
  format?: (n: number) => string;
  /** Code of the selected region (outlined). */
  selected?: string;
  /** Makes regions focusable buttons (click, Enter, Space). */
  onSelect?: (code: string) => void;
  /** At powiat level: show only this voivodeship's powiats, zoomed in. */
  highlightVoivodeship?: string;
}

const HATCH_LINE = "#495057";
const HATCH_BACKGROUND = "#ffffff";
/** Region borders: white between regions, dark grey for voivodeships over powiats. */
const REGION_STROKE = "#ffffff";
const BORDER_STROKE = "#343a40";
/** Focus and selection rings: a dark line on a white halo, ≥ 3:1 against every fill. */
const RING_HALO = "#ffffff";
const FOCUS_RING = "#000000";
const SELECTED_RING = "#c2410c";

function defaultFormat(n: number): string {
  return new Intl.NumberFormat(currentLanguage() === "en" ? "en-GB" : "pl-PL").format(n);
}

/** The geometry, from the lazily loaded chunk (synchronously when it is already there). */
function usePolandGeometry() {
  const [geometry, setGeometry] = useState<PolandGeometry | null>(loadedPolandMap);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (geometry) return;
    let live = true;
    loadPolandMap().then(
      (map) => live && setGeometry(map),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [geometry, attempt]);
  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };
  return { geometry, error, retry };
}

/**
 * A choropleth of Poland by voivodeship or powiat, drawn as inline SVG from bundled outlines (no tile
 * server). Sequential 5-class scale over the non-suppressed values, hatched suppressed cells, grey
 * for no data, voivodeship borders over powiats, and a text legend. Every region has a text label;
 * with `onSelect` the regions are keyboard-operable buttons.
 */
export function PolandMap({
  level,
  values,
  measureLabel,
  format = defaultFormat,
  selected,
  onSelect,
  highlightVoivodeship,
}: PolandMapProps) {
  const { t } = useTranslation();
  const { geometry, error, retry } = usePolandGeometry();
  const hatchId = `map-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [focused, setFocused] = useState<string | null>(null);

  const zoomed = level === "powiat" && highlightVoivodeship ? voivodeshipBox(highlightVoivodeship) : null;
  const box: ViewBox = zoomed ?? POLAND_BOX;

  /** The classes span the values of the regions drawn (known from the codes, before the geometry). */
  const classes = useMemo(() => {
    const shown = (code: string) =>
      level === "voivodeship" ? code.length === 2 : code.length === 4 && (!zoomed || code.startsWith(highlightVoivodeship ?? ""));
    return classify(
      Object.entries(values)
        .filter(([code, cell]) => shown(code) && !cell.suppressed && cell.value !== null)
        .map(([, cell]) => cell.value as number),
    );
  }, [values, level, zoomed, highlightVoivodeship]);

  const regions: (MapRegion | PowiatRegion)[] = useMemo(() => {
    if (!geometry) return [];
    if (level === "voivodeship") return geometry.voivodeships;
    return zoomed ? geometry.powiats.filter((p) => p.voivodeship === highlightVoivodeship) : geometry.powiats;
  }, [geometry, level, zoomed, highlightVoivodeship]);

  const borders = useMemo(() => {
    if (!geometry) return [];
    return zoomed ? geometry.voivodeships.filter((v) => v.code === highlightVoivodeship) : geometry.voivodeships;
  }, [geometry, zoomed, highlightVoivodeship]);

  /** "powiat bielski (podlaskie)" where a powiat name occurs in two voivodeships. */
  const labelOf = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of geometry?.powiats ?? []) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    return (region: MapRegion | PowiatRegion) =>
      "voivodeship" in region && (counts.get(region.name) ?? 0) > 1
        ? `${region.name} (${voivodeshipName(region.voivodeship)})`
        : region.name;
  }, [geometry]);

  const title =
    level === "voivodeship"
      ? t("map.title_voivodeships", { measure: measureLabel })
      : highlightVoivodeship
        ? t("map.title_powiats_in", { measure: measureLabel, voivodeship: voivodeshipName(highlightVoivodeship) })
        : t("map.title_powiats", { measure: measureLabel });

  const describe = (code: string): { fill: string; text: string } => {
    const cell = values[code];
    if (cell?.suppressed) return { fill: `url(#${hatchId})`, text: t("map.suppressed") };
    if (!cell || cell.value === null) return { fill: NO_DATA_FILL, text: t("map.no_data") };
    return { fill: classOf(classes, cell.value)?.colour ?? NO_DATA_FILL, text: format(cell.value) };
  };

  const onKeyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (!onSelect || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    onSelect(code);
  };

  const aspect = { aspectRatio: `${box[2]} / ${box[3]}`, width: "100%" };
  /** Hatch spacing in map units: about the same on screen whether zoomed in or not. */
  const hatch = Math.round((box[2] / 170) * 10) / 10;

  if (error) return <ErrorAlert error={error} message={t("map.load_error")} onRetry={retry} />;

  const byCode = new Map(regions.map((r) => [r.code, r]));
  const ring = (code: string | null | undefined, colour: string, width: number) => {
    const region = code ? byCode.get(code) : undefined;
    if (!region) return null;
    return (
      <g aria-hidden="true" pointerEvents="none" fill="none" fillRule="evenodd" strokeLinejoin="round">
        <path d={region.d} stroke={RING_HALO} strokeWidth={width + 3} vectorEffect="non-scaling-stroke" />
        <path d={region.d} stroke={colour} strokeWidth={width} vectorEffect="non-scaling-stroke" />
      </g>
    );
  };

  return (
    <Stack gap="sm">
      <Box style={aspect}>
        {!geometry ? (
          <>
            <Skeleton h="100%" w="100%" radius="sm" aria-hidden="true" />
            <VisuallyHidden role="status">{t("map.loading")}</VisuallyHidden>
          </>
        ) : (
          <svg
            role="group"
            aria-label={title}
            viewBox={box.join(" ")}
            width="100%"
            height="100%"
            style={{ display: "block" }}
            preserveAspectRatio="xMidYMid meet"
          >
            <defs>
              <pattern id={hatchId} patternUnits="userSpaceOnUse" width={hatch} height={hatch} patternTransform="rotate(45)">
                <rect width={hatch} height={hatch} fill={HATCH_BACKGROUND} />
                <line x1="0" y1="0" x2="0" y2={hatch} stroke={HATCH_LINE} strokeWidth={hatch / 3} />
              </pattern>
            </defs>
            <g fillRule="evenodd" stroke={REGION_STROKE} strokeWidth={level === "powiat" ? 0.6 : 1} strokeLinejoin="round">
              {regions.map((region) => {
                const { fill, text } = describe(region.code);
                const label = `${labelOf(region)}: ${text}`;
                return (
                  <path
                    key={region.code}
                    d={region.d}
                    fill={fill}
                    data-code={region.code}
                    vectorEffect="non-scaling-stroke"
                    role={onSelect ? "button" : "img"}
                    aria-label={label}
                    aria-pressed={onSelect ? selected === region.code : undefined}
                    tabIndex={onSelect ? 0 : undefined}
                    style={{ outline: "none", cursor: onSelect ? "pointer" : undefined }}
                    onClick={onSelect ? () => onSelect(region.code) : undefined}
                    onKeyDown={onSelect ? onKeyDown(region.code) : undefined}
                    onFocus={() => setFocused(region.code)}
                    onBlur={() => setFocused((current) => (current === region.code ? null : current))}
                  >
                    <title>{`${labelOf(region)}\n${measureLabel}: ${text}`}</title>
                  </path>
                );
              })}
            </g>
            {level === "powiat" ? (
              <g aria-hidden="true" pointerEvents="none" fill="none" stroke={BORDER_STROKE} strokeWidth={1.2} strokeLinejoin="round">
                {borders.map((v) => (
                  <path key={v.code} d={v.d} vectorEffect="non-scaling-stroke" />
                ))}
              </g>
            ) : null}
            {ring(selected, SELECTED_RING, 2.5)}
            {ring(focused, FOCUS_RING, 2.5)}
          </svg>
        )}
      </Box>
      <Legend classes={classes} format={format} measureLabel={measureLabel} />
    </Stack>
  );
}

function Swatch({ fill, hatch }: { fill: string; hatch?: boolean }) {
  return (
    <svg width="22" height="14" aria-hidden="true" style={{ flex: "none" }}>
      <rect x="0.5" y="0.5" width="21" height="13" fill={hatch ? HATCH_BACKGROUND : fill} stroke="#868e96" />
      {hatch
        ? [-8, -2, 4, 10, 16, 22].map((x) => <line key={x} x1={x} y1="14" x2={x + 14} y2="0" stroke={HATCH_LINE} strokeWidth="1.5" />)
        : null}
    </svg>
  );
}

interface LegendProps {
  classes: ColourClass[];
  format: (n: number) => string;
  measureLabel: string;
}

function Legend({ classes, format, measureLabel }: LegendProps) {
  const { t } = useTranslation();
  const item = (key: string, swatch: ReactNode, text: string) => (
    <Group component="li" key={key} gap={6} wrap="nowrap">
      {swatch}
      <Text size="sm" component="span">
        {text}
      </Text>
    </Group>
  );
  return (
    <div>
      <Text size="sm" fw={600} component="p" m={0} mb={4}>
        {t("map.legend")}: {measureLabel}
      </Text>
      <Group component="ul" gap="md" m={0} p={0} style={{ listStyle: "none" }}>
        {classes.map((c) =>
          item(
            c.colour,
            <Swatch fill={c.colour} />,
            c.min === c.max ? format(c.min) : t("map.range", { from: format(c.min), to: format(c.max) }),
          ),
        )}
        {item("suppressed", <Swatch fill="" hatch />, t("map.suppressed_legend"))}
        {item("no-data", <Swatch fill={NO_DATA_FILL} />, t("map.no_data"))}
      </Group>
    </div>
  );
}
