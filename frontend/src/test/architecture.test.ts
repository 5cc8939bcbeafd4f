/**
 * Architecture rules, checked on the source:
 * - every feature (src/features/<name>) is organised as api/, components/, routes/;
 * - the import boundaries (a feature imports only src/lib and itself; src/lib no feature and not
 *   src/app) are ESLint's (`boundaries/dependencies` in eslint.config.js, `npm run lint`): here a
 *   self-test shows the rule catches a violation;
 * - every translation key used in the code exists in pl.json, and en.json has the same keys.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import en from "@/locales/en.json";
import pl from "@/locales/pl.json";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("architecture", () => {
  it("features are organised as api/, components/, routes/", () => {
    const features = readdirSync(path.join(SRC, "features"));
    expect(features.length).toBeGreaterThan(0);
    for (const feature of features) {
      for (const part of ["api", "components", "routes"]) {
        expect(statSync(path.join(SRC, "features", feature, part)).isDirectory(), `${feature}/${part}`).toBe(true);
      }
    }
  });

  it("the lint rule refuses imports across features and from src/lib into features or src/app (self-test)", async () => {
    // Only the boundaries rule, without type information (the files below do not exist).
    const eslint = new ESLint({
      cwd: path.resolve(SRC, ".."),
      overrideConfig: tseslint.configs.disableTypeChecked,
      ruleFilter: ({ ruleId }) => ruleId === "boundaries/dependencies",
    });
    const offences = async (file: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(SRC, file) });
      return result.messages.map((message) => message.ruleId);
    };
    const RULE = "boundaries/dependencies";
    expect(await offences("features/referrals/routes/x.ts", 'export { parsePesel } from "@/features/persons/api/pesel";')).toEqual([RULE]);
    expect(await offences("features/referrals/routes/x.ts", 'export { parsePesel } from "../../persons/api/pesel";')).toEqual([RULE]);
    expect(await offences("features/referrals/routes/x.ts", 'export { FEATURES } from "@/app/navigation";')).toEqual([RULE]);
    expect(await offences("features/referrals/routes/x.ts", 'export const load = () => import("@/features/admin/routes");')).toEqual([
      RULE,
    ]);
    expect(await offences("lib/ui/x.ts", 'export { personKeys } from "@/features/persons/api/keys";')).toEqual([RULE]);
    expect(await offences("lib/ui/x.ts", 'export { FEATURES } from "@/app/navigation";')).toEqual([RULE]);
    // Allowed: a feature's own files and src/lib; the shell loads the features.
    expect(
      await offences(
        "features/referrals/routes/x.ts",
        'export { referralKeys } from "../api/referrals";\nexport { unwrap } from "@/lib/api/client";',
      ),
    ).toEqual([]);
    expect(await offences("app/x.ts", 'export const load = () => import("@/features/admin/routes");')).toEqual([]);
  });

  it("pl.json and en.json have the same keys", () => {
    const base = (k: string) => k.replace(/_(one|few|many|other)$/, "");
    const plKeys = new Set(keys(pl).map(base));
    const enKeys = new Set(keys(en).map(base));
    expect([...plKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !plKeys.has(k))).toEqual([]);
  });

  it('every literal t("…") key used in the code is translated', () => {
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
    for (const file of files(SRC).filter((f) => !f.endsWith(".test.ts") && !f.endsWith(".test.tsx"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z_]+(?:\.[a-zA-Z0-9_:]+)+)"/g))
        if (!has(m[1])) missing.push(`${path.relative(SRC, file)}: ${m[1]}`);
      for (const m of text.matchAll(/label: "([a-z_]+\.[a-z_.]+)"/g)) if (!has(m[1])) missing.push(`${path.relative(SRC, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
