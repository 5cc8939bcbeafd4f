/**
 * Architecture rules, checked on the source:
 * - a feature (src/features/<name>) imports nothing from another feature;
 * - src/lib imports nothing from src/app or src/features;
 * - every translation key used in the code exists in pl.json, and en.json has the same keys.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import pl from "@/locales/pl.json";
import en from "@/locales/en.json";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const IMPORT_RE = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2]);
}

/** The absolute path an import points at inside src/, or null for packages. */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(SRC, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

export function featureOf(file: string): string | null {
  const rel = path.relative(path.join(SRC, "features"), file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

function area(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

describe("architecture", () => {
  const all = files(SRC);

  it("features are organised as api/, components/, routes/", () => {
    const features = readdirSync(path.join(SRC, "features"));
    expect(features.length).toBeGreaterThan(0);
    for (const feature of features) {
      for (const part of ["api", "components", "routes"]) {
        expect(statSync(path.join(SRC, "features", feature, part)).isDirectory(), `${feature}/${part}`).toBe(true);
      }
    }
  });

  it("no feature imports another feature", () => {
    const offences: string[] = [];
    for (const file of all) {
      const own = featureOf(file);
      if (own === null) continue;
      for (const spec of importsOf(file)) {
        const target = resolveImport(file, spec);
        if (target === null) continue;
        const other = featureOf(target);
        if (other !== null && other !== own) offences.push(`${path.relative(SRC, file)} → ${spec}`);
        if (target.startsWith(path.join(SRC, "app"))) offences.push(`${path.relative(SRC, file)} → ${spec} (src/app)`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("src/lib does not depend on src/app or src/features", () => {
    const offences: string[] = [];
    for (const file of all.filter((f) => area(f) === "lib")) {
      for (const spec of importsOf(file)) {
        const target = resolveImport(file, spec);
        if (target && ["app", "features"].includes(area(target))) offences.push(`${path.relative(SRC, file)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("the rule catches a cross-feature import (self-test)", () => {
    const fake = path.join(SRC, "features", "referrals", "routes", "x.tsx");
    const target = resolveImport(fake, "@/features/persons/api/persons");
    expect(featureOf(target!)).toBe("persons");
    expect(featureOf(resolveImport(fake, "../../persons/components/Card")!)).toBe("persons");
    expect(importsOf(path.join(SRC, "app", "routes.tsx"))).toContain("@/features/admin/routes");
  });

  it("pl.json and en.json have the same keys", () => {
    const keys = (obj: object, prefix = ""): string[] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const base = (k: string) => k.replace(/_(one|few|many|other)$/, "");
    const plKeys = new Set(keys(pl).map(base));
    const enKeys = new Set(keys(en).map(base));
    expect([...plKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !plKeys.has(k))).toEqual([]);
  });

  it("every literal t(\"…\") key used in the code is translated", () => {
    const has = (key: string) => {
      let node: unknown = pl;
      for (const part of key.split(".")) {
        if (typeof node !== "object" || node === null) return false;
        const record = node as Record<string, unknown>;
        node = part in record ? record[part] : record[`${part}_one`] !== undefined ? "plural" : undefined;
      }
      return typeof node === "string";
    };
    const missing: string[] = [];
    for (const file of all.filter((f) => !f.endsWith(".test.ts") && !f.endsWith(".test.tsx"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z_]+(?:\.[a-zA-Z0-9_:]+)+)"/g)) if (!has(m[1])) missing.push(`${path.relative(SRC, file)}: ${m[1]}`);
      for (const m of text.matchAll(/label: "([a-z_]+\.[a-z_.]+)"/g)) if (!has(m[1])) missing.push(`${path.relative(SRC, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
