/**
 * The two catalogues stay complete: every key of one is in the other (plural forms compared by
 * their base key: Polish has one/few/many/other, English one/other), no value is empty, and both
 * languages use the same {{placeholders}}.
 */
import { describe, expect, it } from "vitest";
import en from "./en.json";
import pl from "./pl.json";

type Catalogue = { [key: string]: string | Catalogue };

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Base key → the placeholders its forms use. */
function bases(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of flat) {
    const base = key.replace(PLURAL, "");
    const names = out.get(base) ?? new Set<string>();
    for (const match of value.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)) names.add(match[1]);
    out.set(base, names);
  }
  return out;
}

const flatPl = flatten(pl);
const flatEn = flatten(en);
const basesPl = bases(flatPl);
const basesEn = bases(flatEn);

describe("the catalogues", () => {
  it("have the same keys in Polish and English", () => {
    const onlyPl = [...basesPl.keys()].filter((k) => !basesEn.has(k));
    const onlyEn = [...basesEn.keys()].filter((k) => !basesPl.has(k));
    expect({ onlyPl, onlyEn }).toEqual({ onlyPl: [], onlyEn: [] });
  });

  it("have no empty value", () => {
    const empty = [...flatPl, ...flatEn].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const differ = [...basesPl]
      .filter(([key]) => basesEn.has(key))
      .filter(([key, names]) => [...names].sort().join() !== [...basesEn.get(key)!].sort().join())
      .map(([key, names]) => `${key}: pl {${[...names].join(",")}} en {${[...basesEn.get(key)!].join(",")}}`);
    expect(differ).toEqual([]);
  });

  it("have every plural form each language needs", () => {
    const missing: string[] = [];
    const check = (flat: Map<string, string>, forms: string[], lang: string) => {
      const plurals = new Set([...flat.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));
      for (const base of plurals) for (const form of forms) if (!flat.has(`${base}_${form}`)) missing.push(`${lang}: ${base}_${form}`);
    };
    check(flatPl, ["one", "few", "many"], "pl");
    check(flatEn, ["one", "other"], "en");
    expect(missing).toEqual([]);
  });
});
