// Screenshots of the main pages in a real browser (Debian's Chromium via playwright-core) and an
// axe-core accessibility check of each, against a running server (`make run` in the repository).
//
//   node scripts/screenshots.mjs [--out DIR] [--base URL] [--only NAME] [--width 1280 --height 720]
//
// Environment: CHROMIUM (default /usr/bin/chromium). Exits 1 if axe finds a serious or critical
// violation. Screenshots go to test-results/screenshots/ (git-ignored). It creates (and then
// revokes) one API client in the demo data, and makes one failed sign-in with a made-up login.
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = (await import("node:fs")).readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const here = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    out: { type: "string", default: path.join(here, "..", "test-results", "screenshots") },
    base: { type: "string", default: process.env.BASE_URL ?? "http://127.0.0.1:8000" },
    only: { type: "string" },
    width: { type: "string", default: "1280" },
    height: { type: "string", default: "720" },
    full: { type: "boolean", default: false },
  },
});

const PASSWORD = process.env.SPLOT_DEMO_PASSWORD ?? "Splot-demo-2026";

/** name, who signs in, where to go, and what to do before the picture. */
const SHOTS = [
  { name: "01-sign-in", login: null, path: "/logowanie" },
  { name: "02-sign-in-error", login: null, path: "/logowanie", act: signInWrong },
  { name: "03-users", login: "pup.admin@splot.example", path: "/administracja/uzytkownicy" },
  { name: "04-user-create", login: "pup.admin@splot.example", path: "/administracja/uzytkownicy", act: clickButton("Dodaj użytkownika") },
  { name: "05-user-edit", login: "pup.admin@splot.example", path: "/administracja/uzytkownicy", act: clickButton(/^Edytuj: Anna/) },
  { name: "06-api-clients", login: "pup.admin@splot.example", path: "/administracja/klienci-api" },
  {
    name: "07-api-client-secret",
    login: "pup.admin@splot.example",
    path: "/administracja/klienci-api",
    act: createClient,
    after: revokeCreatedClient,
  },
  { name: "08-offers", login: "ops.admin@splot.example", path: "/administracja/oferty" },
  { name: "09-offer-capacity", login: "ops.admin@splot.example", path: "/administracja/oferty", act: clickButton(/^Miejsca:/) },
  { name: "10-offer-create", login: "ops.admin@splot.example", path: "/administracja/oferty", act: clickButton("Dodaj ofertę") },
  { name: "11-institutions", login: "admin@splot.example", path: "/administracja/instytucje" },
  { name: "12-institution-edit", login: "admin@splot.example", path: "/administracja/instytucje", act: clickButton(/^Edytuj: Powiatowy/) },
  { name: "13-caseworker-home", login: "pup@splot.example", path: "/osoby" },
  { name: "14-analyst", login: "analityk@splot.example", path: "/raporty" },
  { name: "15-english", login: "pup.admin@splot.example", path: "/administracja/uzytkownicy", act: english },
  { name: "16-inbox", login: "ops@splot.example", path: "/skierowania/przychodzace" },
  { name: "17-outbox", login: "pup@splot.example", path: "/skierowania/wychodzace" },
  { name: "18-dashboard", login: "analityk@splot.example", path: `/raporty/przeglad?okres_typ=year&okres=${new Date().getFullYear()}` },
  {
    name: "19-dashboard-powiats",
    login: "analityk@splot.example",
    path: `/raporty/przeglad?okres_typ=year&okres=${new Date().getFullYear()}&woj=12`,
  },
  {
    name: "20-network",
    login: "analityk@splot.example",
    path: `/raporty/siec?okres_typ=year&okres=${new Date().getFullYear()}&powiat=1219`,
  },
  { name: "21-tables", login: "analityk@splot.example", path: "/raporty/zestawienia" },
  { name: "22-editions", login: "analityk@splot.example", path: "/raporty/edycje" },
  { name: "23-dashboard-voivodeship-analyst", login: "wup.analityk@splot.example", path: "/raporty/przeglad" },
  { name: "24-webhooks", login: "pup.admin@splot.example", path: "/administracja/webhooki" },
  { name: "25-partners", login: "ops.koordynator@splot.example", path: "/raporty/partnerzy" },
];

function clickButton(name) {
  return async (page) => {
    await page.getByRole("button", { name }).first().click();
    await page.getByRole("dialog").waitFor();
    await settle(page);
  };
}

async function signInWrong(page) {
  // An account that does not exist: failed attempts lock real accounts after 5 tries.
  await page.getByLabel("Adres e-mail").fill("nie.ma.takiego@splot.example");
  await page.getByLabel(/^Hasło/).fill("zle-haslo");
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await page.getByTestId("sign-in-error").waitFor();
}

let createdClientName = null;

async function createClient(page) {
  await page.getByRole("button", { name: "Dodaj klienta API" }).first().click();
  const dialog = page.getByRole("dialog");
  createdClientName = `System testowy ${new Date().toISOString().slice(0, 19)}`;
  await dialog.getByLabel("Nazwa systemu").fill(createdClientName);
  await dialog.getByLabel("Odczyt katalogu instytucji i usług").check();
  await dialog.getByRole("button", { name: "Dodaj klienta API" }).click();
  await page.getByTestId("client-secret").waitFor();
  await settle(page);
}

/** Do not leave a working test client (with a secret) in the demo data. */
async function revokeCreatedClient(page) {
  const dialog = page.getByRole("dialog", { name: "Sekret klienta API" });
  await dialog.getByRole("checkbox").check();
  await dialog.getByRole("button", { name: "Zamknij" }).click();
  await page.getByRole("button", { name: `Unieważnij: ${createdClientName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Unieważnij" }).click();
  await page.getByText(`Unieważniono klienta: ${createdClientName}.`).waitFor();
}

async function english(page) {
  await page.getByRole("combobox", { name: "Język" }).selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
}

async function settle(page) {
  await page.waitForLoadState("networkidle");
  // Runs in the page, where `document` is defined.
  // eslint-disable-next-line no-undef
  const idle = () => document.querySelectorAll(".mantine-Skeleton-root, [aria-busy='true']").length === 0;
  await page.waitForFunction(idle, null, { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(350); // transitions
}

async function signIn(page, login) {
  await page.goto(`${args.base}/logowanie`);
  await page.getByLabel("Adres e-mail").fill(login);
  await page.getByLabel(/^Hasło/).fill(PASSWORD);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/logowanie"));
}

await mkdir(args.out, { recursive: true });
// playwright-core starts Chromium with a fresh temporary profile (its own --user-data-dir).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const report = [];
let serious = 0;
try {
  for (const shot of SHOTS) {
    if (args.only && !shot.name.includes(args.only)) continue;
    const context = await browser.newContext({
      viewport: { width: Number(args.width), height: Number(args.height) },
      locale: "pl-PL",
      bypassCSP: true, // to inject axe-core; the app itself runs under the server's CSP
    });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    try {
      if (shot.login) await signIn(page, shot.login);
      await page.goto(`${args.base}${shot.path}`);
      await settle(page);
      if (shot.act) await shot.act(page);
      const file = path.join(args.out, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: args.full });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // Runs in the page: `axe` (injected above) and `document` are the page's.
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
        }));
      });
      const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
      serious += bad.length;
      report.push({ shot: shot.name, url: page.url(), violations: result, consoleErrors });
      if (shot.after) await shot.after(page);
      console.log(
        `${shot.name.padEnd(24)} ${bad.length ? `AXE: ${bad.map((v) => `${v.id}(${v.impact})`).join(", ")}` : "axe ok"}${result.length - bad.length ? ` (+${result.length - bad.length} minor)` : ""}${consoleErrors.length ? ` console errors: ${consoleErrors.length}` : ""}`,
      );
    } catch (error) {
      serious += 1;
      console.error(`${shot.name}: FAILED ${error.message}`);
      await page.screenshot({ path: path.join(args.out, `${shot.name}-failed.png`) }).catch(() => {});
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
await writeFile(path.join(args.out, "report.json"), JSON.stringify(report, null, 2));
console.log(`Screenshots and report.json in ${args.out}`);
process.exit(serious > 0 ? 1 : 0);
