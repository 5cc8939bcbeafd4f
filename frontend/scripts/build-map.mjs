// Builds the choropleth geometry of Poland (voivodeships and powiats) for the SPA from the
// simplified outlines in geo/*.geojson and the TERYT TERC register, joined to TERYT codes:
//
//   libs/common/src/splot/common/data/poland-map.json
//                                                 SVG paths, loaded lazily by the SPA (its own
//                                                 chunk) and read by the reporting service's
//                                                 results report (one copy for both)
//   src/features/reporting/map/voivodeships.ts   16 codes → names, the viewBox and each
//                                                 voivodeship's bounding box (tiny, synchronous)
//
//   node scripts/build-map.mjs                write both files (npm run build:map)
//   node scripts/build-map.mjs --check        build in memory and fail when the committed files
//                                             differ (npm run check:map)
//   node scripts/build-map.mjs --terc FILE    use another TERC file (default: the newest
//                                             libs/common/src/splot/common/data/TERC_*.csv)
//
// Voivodeships are joined by name. A powiat is joined by name *within the voivodeship that contains
// it*: several names ("średzki", "bielski", "opolski", …) exist in two voivodeships. Containment is
// decided by a vote of points sampled inside the powiat (robust to the two layers being simplified
// independently). Any unmatched or doubly matched feature, or a TERC unit without an outline, is an
// error: the script lists them and exits 1.
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const geoDir = path.join(root, "geo");
const tercDir = path.resolve(root, "..", "libs", "common", "src", "splot", "common", "data");
const outDir = path.join(root, "src", "features", "reporting", "map");
const OUT_MAP = path.join(tercDir, "poland-map.json");
const OUT_TS = path.join(outDir, "voivodeships.ts");

const args = process.argv.slice(2);
const check = args.includes("--check");
const tercArg = args.indexOf("--terc") >= 0 ? args[args.indexOf("--terc") + 1] : null;

/** Width of the SVG viewBox; the height follows from the projection. */
const WIDTH = 1000;
/** Margin inside the viewBox, in SVG units. */
const PAD = 4;
/** Coordinates are written in tenths of an SVG unit (one decimal). */
const SCALE = 10;
/** Share of a powiat's sample points that must lie in one voivodeship. */
const MIN_SHARE = 0.75;

class BuildError extends Error {
  constructor(title, items) {
    super(`${title}:\n${items.map((item) => `  - ${item}`).join("\n")}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs

async function newestTerc() {
  const names = (await readdir(tercDir)).filter((f) => /^TERC_.*\.csv$/i.test(f)).sort();
  if (names.length === 0) throw new BuildError("no TERC register found", [tercDir]);
  return path.join(tercDir, names[names.length - 1]);
}

/** TERC (semicolon separated, optional BOM, CRLF or LF) → voivodeships and powiats by code. */
function parseTerc(text) {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const header = lines[0].split(";").map((h) => h.trim().toUpperCase());
  const col = (name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new BuildError("TERC header lacks a column", [name, `header: ${lines[0]}`]);
    return index;
  };
  const [WOJ, POW, GMI, NAZWA] = ["WOJ", "POW", "GMI", "NAZWA"].map(col);
  const voivodeships = new Map();
  const powiats = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(";").map((c) => c.trim());
    const [woj, pow, gmi, name] = [cells[WOJ], cells[POW], cells[GMI], cells[NAZWA]];
    if (!woj) continue;
    if (!pow) voivodeships.set(woj, name.toLocaleLowerCase("pl"));
    else if (!gmi) powiats.set(woj + pow, { code: woj + pow, voivodeship: woj, name });
  }
  return { voivodeships, powiats };
}

async function readGeo(file) {
  const data = JSON.parse(await readFile(path.join(geoDir, file), "utf8"));
  return data.features.map((feature, index) => {
    const { type, coordinates } = feature.geometry;
    if (type !== "Polygon" && type !== "MultiPolygon") {
      throw new BuildError(`unsupported geometry in ${file}`, [`feature ${index}: ${type}`]);
    }
    return { name: feature.properties.nazwa, polygons: type === "Polygon" ? [coordinates] : coordinates };
  });
}

/** "powiat Kraków" / "Kraków" / " KRAKÓW " → "kraków". */
function normalise(name) {
  return name
    .normalize("NFC")
    .toLocaleLowerCase("pl")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^powiat /, "");
}

// ---------------------------------------------------------------------------------------------
// Geometry (lon/lat)

function bbox(polygons) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Even-odd rule over every ring of every polygon (holes such as Kraków in powiat krakowski). */
function contains(polygons, x, y) {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** Points strictly inside the shape: a regular grid over its bounding box, refined until enough. */
function interiorPoints(polygons, wanted = 40) {
  const box = bbox(polygons);
  let points = [];
  for (let n = 8; n <= 256 && points.length < wanted; n *= 2) {
    points = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = box.minX + ((i + 0.5) / n) * (box.maxX - box.minX);
        const y = box.minY + ((j + 0.5) / n) * (box.maxY - box.minY);
        if (contains(polygons, x, y)) points.push([x, y]);
      }
    }
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Join

function joinVoivodeships(features, terc) {
  const byName = new Map([...terc.voivodeships].map(([code, name]) => [normalise(name), code]));
  const problems = [];
  const joined = [];
  for (const feature of features) {
    const code = byName.get(normalise(feature.name));
    if (!code) problems.push(`voivodeship "${feature.name}": no TERC voivodeship of that name`);
    else joined.push({ ...feature, code, name: terc.voivodeships.get(code) });
  }
  problems.push(...duplicatesAndGaps(joined, terc.voivodeships, "voivodeship"));
  if (problems.length) throw new BuildError("voivodeships do not match TERC", problems);
  return joined;
}

function joinPowiats(features, voivodeships, terc) {
  const problems = [];
  const joined = [];
  for (const feature of features) {
    const points = interiorPoints(feature.polygons);
    const votes = new Map();
    for (const [x, y] of points) {
      const hits = voivodeships.filter((v) => contains(v.polygons, x, y));
      if (hits.length === 1) votes.set(hits[0].code, (votes.get(hits[0].code) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((sum, [, n]) => sum + n, 0);
    if (ranked.length === 0 || ranked[0][1] < MIN_SHARE * total) {
      const shares = ranked.map(([code, n]) => `${terc.voivodeships.get(code)} ${Math.round((100 * n) / total)}%`);
      problems.push(`"${feature.name}": no voivodeship clearly contains it (${shares.join(", ") || "none"})`);
      continue;
    }
    const voivodeship = ranked[0][0];
    const candidates = [...terc.powiats.values()].filter(
      (p) => p.voivodeship === voivodeship && normalise(p.name) === normalise(feature.name),
    );
    if (candidates.length !== 1) {
      problems.push(`"${feature.name}" in ${terc.voivodeships.get(voivodeship)}: ${candidates.length} TERC powiats of that name`);
      continue;
    }
    joined.push({ ...feature, code: candidates[0].code, voivodeship });
  }
  const names = new Map([...terc.powiats].map(([code, p]) => [code, p.name]));
  problems.push(...duplicatesAndGaps(joined, names, "powiat"));
  if (problems.length) throw new BuildError("powiats do not match TERC", problems);
  return joined;
}

function duplicatesAndGaps(joined, register, kind) {
  const problems = [];
  const seen = new Map();
  for (const item of joined) seen.set(item.code, [...(seen.get(item.code) ?? []), item.name]);
  for (const [code, names] of seen) {
    if (names.length > 1) problems.push(`${kind} ${code} matched by ${names.length} features: ${names.join(", ")}`);
  }
  for (const [code, name] of register) {
    if (!seen.has(code)) problems.push(`TERC ${kind} ${code} "${name}" has no outline`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Projection and SVG paths

/** Equirectangular, x scaled by cos(mean latitude), y flipped; integer tenths of SVG units. */
function projection(features) {
  const box = bbox(features.flatMap((f) => f.polygons));
  const cos = Math.cos((((box.minY + box.maxY) / 2) * Math.PI) / 180);
  const k = (WIDTH - 2 * PAD) / ((box.maxX - box.minX) * cos);
  const height = Math.ceil((box.maxY - box.minY) * k + 2 * PAD);
  const project = ([lon, lat]) => [
    Math.round((PAD + (lon - box.minX) * cos * k) * SCALE),
    Math.round((PAD + (box.maxY - lat) * k) * SCALE),
  ];
  return { project, viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height };
}

/** Tenths → shortest decimal text: 12 → "1.2", 10 → "1", 5 → ".5", -5 → "-.5". */
function num(tenths) {
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / SCALE);
  const frac = abs % SCALE;
  return sign + (frac === 0 ? String(whole) : `${whole === 0 ? "" : whole}.${frac}`);
}

/** Numbers joined with the fewest separators ("-" separates by itself). */
function numbers(values) {
  return values.reduce((out, v, i) => {
    const text = num(v);
    return out + (i === 0 || text.startsWith("-") ? "" : " ") + text;
  }, "");
}

/** One subpath per ring: absolute M, relative l, Z. Also returns the bounds (tenths). */
function svgPath(polygons, project) {
  const parts = [];
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = [];
      for (const point of ring) {
        const [x, y] = project(point);
        const last = points[points.length - 1];
        if (!last || last[0] !== x || last[1] !== y) points.push([x, y]);
      }
      const [fx, fy] = points[0];
      const [lx, ly] = points[points.length - 1];
      if (points.length > 1 && fx === lx && fy === ly) points.pop();
      if (points.length < 3) continue;
      for (const [x, y] of points) {
        bounds.minX = Math.min(bounds.minX, x);
        bounds.minY = Math.min(bounds.minY, y);
        bounds.maxX = Math.max(bounds.maxX, x);
        bounds.maxY = Math.max(bounds.maxY, y);
      }
      const deltas = points.slice(1).flatMap(([x, y], i) => [x - points[i][0], y - points[i][1]]);
      parts.push(`M${numbers([fx, fy])}l${numbers(deltas)}Z`);
    }
  }
  return { d: parts.join(""), bounds };
}

// ---------------------------------------------------------------------------------------------
// Output

const byCode = (a, b) => a.code.localeCompare(b.code);

function renderMap(viewBox, voivodeships, powiats) {
  const line = (value) => `    ${JSON.stringify(value)}`;
  return [
    "{",
    `  "viewBox": ${JSON.stringify(viewBox)},`,
    `  "voivodeships": [`,
    voivodeships.map((v) => line({ code: v.code, name: v.name, d: v.d })).join(",\n"),
    "  ],",
    `  "powiats": [`,
    powiats.map((p) => line({ code: p.code, name: p.name, voivodeship: p.voivodeship, d: p.d })).join(",\n"),
    "  ]",
    "}",
    "",
  ].join("\n");
}

function renderTs(terc, width, height, voivodeships) {
  const names = voivodeships.map((v) => `  "${v.code}": ${JSON.stringify(v.name)},`).join("\n");
  const boxes = voivodeships
    .map((v) => {
      const b = v.bounds;
      return `  "${v.code}": [${[b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY].map((n) => n / SCALE).join(", ")}],`;
    })
    .join("\n");
  return `/**
 * Generated by \`npm run build:map\` (scripts/build-map.mjs) from frontend/geo/*.geojson and
 * ${path.basename(terc)}. Do not edit by hand.
 */

/** Voivodeship TERYT code (2 digits) → name, as in TERC ("małopolskie"). */
export const VOIVODESHIPS: Record<string, string> = {
${names}
};

/** The map's viewBox: "0 0 MAP_WIDTH MAP_HEIGHT". */
export const MAP_WIDTH = ${width};
export const MAP_HEIGHT = ${height};

/** Bounding box [x, y, width, height] of each voivodeship's outline in map coordinates. */
export const VOIVODESHIP_BOUNDS: Record<string, [number, number, number, number]> = {
${boxes}
};
`;
}

async function build() {
  const tercFile = tercArg ? path.resolve(tercArg) : await newestTerc();
  const terc = parseTerc(await readFile(tercFile, "utf8"));
  const [voivodeshipFeatures, powiatFeatures] = await Promise.all([readGeo("wojewodztwa-min.geojson"), readGeo("powiaty-min.geojson")]);
  const voivodeships = joinVoivodeships(voivodeshipFeatures, terc);
  const powiats = joinPowiats(powiatFeatures, voivodeships, terc);

  const { project, viewBox, width, height } = projection([...voivodeships, ...powiats]);
  const shaped = (items) => items.map((item) => ({ ...item, ...svgPath(item.polygons, project) })).sort(byCode);
  const v = shaped(voivodeships);
  const p = shaped(powiats);
  const empty = [...v, ...p].filter((item) => item.d === "").map((item) => `${item.code} ${item.name}`);
  if (empty.length) throw new BuildError("outlines vanished after rounding", empty);
  return {
    tercFile,
    files: new Map([
      [OUT_MAP, renderMap(viewBox, v, p)],
      [OUT_TS, renderTs(tercFile, width, height, v)],
    ]),
    counts: { voivodeships: v.length, powiats: p.length },
  };
}

const rel = (file) => path.relative(root, file);

try {
  const { tercFile, files, counts } = await build();
  if (!check) {
    for (const [file, text] of files) await writeFile(file, text);
    console.log(
      `joined ${counts.voivodeships} voivodeships and ${counts.powiats} powiats to ${path.basename(tercFile)}; ` +
        `wrote ${[...files.keys()].map(rel).join(", ")} (${(files.get(OUT_MAP).length / 1024).toFixed(0)} kB)`,
    );
  } else {
    const stale = [];
    for (const [file, text] of files) {
      const have = await readFile(file, "utf8").catch(() => null);
      if (have === null) stale.push(`missing: ${rel(file)}`);
      else if (have !== text) stale.push(`stale: ${rel(file)}`);
    }
    if (stale.length) {
      console.error(stale.join("\n"));
      console.error("The map geometry is out of date: run `npm run build:map` and commit the result.");
      process.exit(1);
    }
    console.log(`map up to date (${counts.voivodeships} voivodeships, ${counts.powiats} powiats, ${path.basename(tercFile)})`);
  }
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`build-map: ${error.message}`);
  process.exit(1);
}
