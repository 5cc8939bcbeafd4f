/**
 * The committed map (poland-map.json, voivodeships.ts) is complete and joined to the right TERYT
 * codes: checked against the TERC register in the repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPolandMap, MAP_HEIGHT, MAP_WIDTH, VOIVODESHIP_BOUNDS, VOIVODESHIPS, voivodeshipBox, type PolandMap } from "./geography";

const TERC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../libs/common/src/splot/common/data");

/** The newest TERC file (the build script's default). */
function readTerc() {
  const file = readdirSync(TERC_DIR)
    .filter((f) => /^TERC_.*\.csv$/i.test(f))
    .sort()
    .at(-1)!;
  const [header, ...rows] = readFileSync(path.join(TERC_DIR, file), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter(Boolean);
  const cols = header.split(";");
  const voivodeships = new Map<string, string>();
  const powiats = new Map<string, string>();
  for (const row of rows) {
    const cell = Object.fromEntries(row.split(";").map((v, i) => [cols[i], v]));
    if (!cell.POW) voivodeships.set(cell.WOJ, cell.NAZWA);
    else if (!cell.GMI) powiats.set(cell.WOJ + cell.POW, cell.NAZWA);
  }
  return { voivodeships, powiats };
}

const terc = readTerc();
let map: PolandMap;

beforeAll(async () => {
  map = await loadPolandMap();
});

describe("poland-map.json", () => {
  it("has the 16 voivodeships with their TERC codes and names", () => {
    expect(terc.voivodeships.size).toBe(16);
    expect(map.voivodeships.map((v) => v.code)).toEqual([
      "02",
      "04",
      "06",
      "08",
      "10",
      "12",
      "14",
      "16",
      "18",
      "20",
      "22",
      "24",
      "26",
      "28",
      "30",
      "32",
    ]);
    for (const v of map.voivodeships) expect(v.name, v.code).toBe(terc.voivodeships.get(v.code)?.toLocaleLowerCase("pl"));
    expect(map.voivodeships.find((v) => v.code === "12")?.name).toBe("małopolskie");
  });

  it("has 380 powiats with unique codes that exist in TERC, inside their voivodeship", () => {
    expect(terc.powiats.size).toBe(380);
    expect(map.powiats).toHaveLength(380);
    const codes = map.powiats.map((p) => p.code);
    expect(new Set(codes).size).toBe(380);
    expect([...terc.powiats.keys()].filter((code) => !codes.includes(code))).toEqual([]);
    for (const p of map.powiats) {
      expect(p.code, p.name).toMatch(/^\d{4}$/);
      expect(p.code.slice(0, 2), p.name).toBe(p.voivodeship);
      // "powiat wielicki" ↔ "wielicki", "powiat Kraków" ↔ "Kraków"
      expect(p.name, p.code).toBe(`powiat ${terc.powiats.get(p.code)}`);
    }
  });

  it("resolves names that occur in two voivodeships by the containing voivodeship", () => {
    const codesOf = (name: string) =>
      map.powiats
        .filter((p) => p.name === name)
        .map((p) => `${p.code} ${VOIVODESHIPS[p.voivodeship]}`)
        .sort();
    expect(codesOf("powiat średzki")).toEqual(["0218 dolnośląskie", "3025 wielkopolskie"]);
    expect(codesOf("powiat bielski")).toEqual(["2003 podlaskie", "2402 śląskie"]);
    expect(codesOf("powiat świdnicki")).toEqual(["0219 dolnośląskie", "0617 lubelskie"]);
    expect(codesOf("powiat brzeski")).toEqual(["1202 małopolskie", "1601 opolskie"]);
    expect(codesOf("powiat grodziski")).toEqual(["1405 mazowieckie", "3005 wielkopolskie"]);
    expect(codesOf("powiat nowodworski")).toEqual(["1414 mazowieckie", "2210 pomorskie"]);
    expect(codesOf("powiat opolski")).toEqual(["0612 lubelskie", "1609 opolskie"]);
    expect(codesOf("powiat tomaszowski")).toEqual(["0618 lubelskie", "1016 łódzkie"]);
    expect(codesOf("powiat krośnieński")).toEqual(["0802 lubuskie", "1807 podkarpackie"]);
    expect(codesOf("powiat ostrowski")).toEqual(["1416 mazowieckie", "3017 wielkopolskie"]);
    expect(codesOf("powiat Kraków")).toEqual(["1261 małopolskie"]);
    expect(codesOf("powiat wielicki")).toEqual(["1219 małopolskie"]);
    expect(codesOf("powiat Warszawa")).toEqual(["1465 mazowieckie"]);
    // "bielski" and "bialski" (lubelskie) are different powiats
    expect(codesOf("powiat bialski")).toEqual(["0601 lubelskie"]);
  });

  it("has SVG paths in the declared viewBox", () => {
    expect(map.viewBox).toBe(`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`);
    for (const region of [...map.voivodeships, ...map.powiats]) {
      expect(region.d, region.code).toMatch(/^M[\d.]+ [\d.]+l[-\d. ]+Z(M[\d.]+ [\d.]+l[-\d. ]+Z)*$/);
    }
    // MultiPolygons and holes become several subpaths
    expect(map.powiats.find((p) => p.name === "powiat krakowski")?.d.match(/M/g)?.length).toBeGreaterThan(1);
  });
});

describe("voivodeships.ts", () => {
  it("names and bounds every voivodeship, inside the map", () => {
    expect(VOIVODESHIPS).toEqual(Object.fromEntries(map.voivodeships.map((v) => [v.code, v.name])));
    for (const code of Object.keys(VOIVODESHIPS)) {
      const [x, y, w, h] = VOIVODESHIP_BOUNDS[code];
      expect(x >= 0 && y >= 0 && x + w <= MAP_WIDTH && y + h <= MAP_HEIGHT, code).toBe(true);
      expect(voivodeshipBox(code)![2]).toBeGreaterThan(w);
    }
    expect(voivodeshipBox("99")).toBeNull();
  });
});
