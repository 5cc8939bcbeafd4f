// Bundle budget: the JavaScript a browser must download before the first screen appears, i.e. the
// entry module(s) and the chunks that dist/index.html preloads, gzipped, must stay under the limit.
// Lazily loaded route chunks (administration, future dashboards) are listed but not counted.
//
//   node scripts/check-size.mjs            (npm run size, after npm run build)
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const LIMIT_KB = Number(process.env.SPLOT_JS_BUDGET_KB ?? 300);
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, "..", "dist");

let html;
try {
  html = await readFile(path.join(dist, "index.html"), "utf8");
} catch {
  console.error("dist/index.html not found: run `npm run build` first.");
  process.exit(1);
}

const initial = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)) initial.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"[^>]*>/g)) initial.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+\.js)"[^>]*\brel="modulepreload"[^>]*>/g)) initial.add(m[1]);
if (initial.size === 0) {
  console.error("no <script src> found in dist/index.html");
  process.exit(1);
}

const gz = async (rel) => {
  const buf = await readFile(path.join(dist, rel.replace(/^\//, "")));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);

let total = 0;
console.log("Initial JavaScript (loaded by index.html):");
for (const rel of initial) {
  const { raw, gzip } = await gz(rel);
  total += gzip;
  console.log(`  ${rel.padEnd(48)} ${kb(raw).padStart(8)} kB  ${kb(gzip).padStart(7)} kB gzip`);
}

const assets = (await readdir(path.join(dist, "assets"))).filter((f) => f.endsWith(".js")).sort();
const lazy = assets.map((f) => `/assets/${f}`).filter((rel) => !initial.has(rel));
let lazyTotal = 0;
for (const rel of lazy) lazyTotal += (await gz(rel)).gzip;
console.log(`Lazy chunks: ${lazy.length} files, ${kb(lazyTotal)} kB gzip in total (not counted).`);

const verdict = `Initial JS: ${kb(total)} kB gzip (budget ${LIMIT_KB} kB)`;
if (total > LIMIT_KB * 1024) {
  console.error(`${verdict}: OVER BUDGET`);
  process.exit(1);
}
console.log(`${verdict}: ok`);
