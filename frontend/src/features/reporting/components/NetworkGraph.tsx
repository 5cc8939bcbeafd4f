import { Group, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { NetworkRead } from "../api/reporting";
import { cellState, numeric } from "../lib/cells";

type Node = NetworkRead["nodes"][number];
type Edge = NetworkRead["edges"][number];

const SECTOR_ORDER = ["PUP", "WUP", "OPS", "CUS", "PCPR", "ROPS", "NGO", "CIS", "KIS", "MINISTRY"];
const SECTOR_COLOUR: Record<string, string> = {
  PUP: "#0b5cad",
  WUP: "#0b5cad",
  OPS: "#c2410c",
  CUS: "#c2410c",
  PCPR: "#c2410c",
  ROPS: "#c2410c",
  NGO: "#047857",
  CIS: "#047857",
  KIS: "#047857",
};
export const sectorColour = (type: string) => SECTOR_COLOUR[type] ?? "#7c3aed";

const SIZE = 640;
const CENTRE = SIZE / 2;

interface Placed extends Node {
  x: number;
  y: number;
  inside: boolean;
}

/** Places the powiat's institutions on a circle grouped by sector, partners outside on a ring. */
export function layout(nodes: Node[], edges: Edge[], powiat: string): Placed[] {
  const rank = (n: Node) => (SECTOR_ORDER.includes(n.type) ? SECTOR_ORDER.indexOf(n.type) : SECTOR_ORDER.length);
  const bySector = (a: Node, b: Node) => rank(a) - rank(b) || a.name.localeCompare(b.name, "pl");
  const inside = nodes.filter((n) => n.powiat_code === powiat).sort(bySector);
  const insideIds = new Set(inside.map((n) => n.id));
  const partnerIds = new Set<string>();
  for (const e of edges) {
    if (insideIds.has(e.source) && !insideIds.has(e.target)) partnerIds.add(e.target);
    if (insideIds.has(e.target) && !insideIds.has(e.source)) partnerIds.add(e.source);
  }
  const outside = nodes.filter((n) => partnerIds.has(n.id)).sort(bySector);
  const ring = (list: Node[], radius: number, isInside: boolean, offset: number): Placed[] =>
    list.map((n, i) => {
      const angle = offset + (2 * Math.PI * i) / Math.max(list.length, 1) - Math.PI / 2;
      return { ...n, x: CENTRE + radius * Math.cos(angle), y: CENTRE + radius * Math.sin(angle), inside: isInside };
    });
  return [...ring(inside, outside.length ? 170 : 220, true, 0), ...ring(outside, 270, false, Math.PI / Math.max(outside.length, 1))];
}

/** The cooperation network of one powiat: institutions and the referrals between them. */
export function NetworkGraph({ network, powiat, title }: { network: NetworkRead; powiat: string; title: string }) {
  const { t } = useTranslation();
  const arrowId = useId().replace(/:/g, "");
  const placed = layout(network.nodes, network.edges, powiat);
  const at = new Map(placed.map((n) => [n.id, n]));
  const edges = network.edges.filter((e) => at.has(e.source) && at.has(e.target) && (at.get(e.source)!.inside || at.get(e.target)!.inside));
  const max = Math.max(1, ...edges.map((e) => numeric(e.referrals) ?? 0));
  const shortName = (name: string) => (name.length > 28 ? `${name.slice(0, 27)}…` : name);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style={{ maxHeight: 620 }} aria-hidden="true" className="network-graph">
        <defs>
          <marker id={arrowId} viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#4b5563" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = at.get(e.source)!;
          const b = at.get(e.target)!;
          const suppressed = cellState(e.referrals) === "suppressed";
          const value = numeric(e.referrals) ?? 0;
          // Curve to the right of the direction of travel, so A→B and B→A do not overlap.
          const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15;
          const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
          return (
            <path
              key={`${e.source}-${e.target}`}
              d={`M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`}
              fill="none"
              stroke={suppressed ? "#6b7280" : "#374151"}
              strokeOpacity={suppressed ? 0.9 : 0.75}
              strokeWidth={suppressed ? 1.5 : 1.5 + (6 * value) / max}
              strokeDasharray={suppressed ? "5 4" : undefined}
              markerEnd={`url(#${arrowId})`}
            />
          );
        })}
        {placed.map((n) => {
          const right = n.x >= CENTRE;
          return (
            <g key={n.id}>
              <circle
                cx={n.x}
                cy={n.y}
                r={n.inside ? 9 : 6}
                fill={n.inside ? sectorColour(n.type) : "#fff"}
                stroke={sectorColour(n.type)}
                strokeWidth="2"
              />
              <text
                x={n.x + (right ? 13 : -13)}
                y={n.y + 4}
                textAnchor={right ? "start" : "end"}
                fontSize={n.inside ? 12 : 10.5}
                fill={n.inside ? "#111827" : "#374151"}
              >
                {shortName(n.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt="xs" aria-hidden="true">
        {[
          ["PUP", t("reporting.network.sector_pup")],
          ["OPS", t("reporting.network.sector_social")],
          ["NGO", t("reporting.network.sector_ngo")],
        ].map(([type, label]) => (
          <Group gap={6} key={type}>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="6" fill={sectorColour(type)} />
            </svg>
            <Text size="xs">{label}</Text>
          </Group>
        ))}
        <Group gap={6}>
          <svg width="14" height="14">
            <circle cx="7" cy="7" r="5" fill="#fff" stroke="#374151" strokeWidth="2" />
          </svg>
          <Text size="xs">{t("reporting.network.outside")}</Text>
        </Group>
        <Group gap={6}>
          <svg width="26" height="10">
            <line x1="0" x2="26" y1="5" y2="5" stroke="#6b7280" strokeWidth="1.5" strokeDasharray="5 4" />
          </svg>
          <Text size="xs">{t("reporting.network.suppressed_edge")}</Text>
        </Group>
      </Group>
    </figure>
  );
}
