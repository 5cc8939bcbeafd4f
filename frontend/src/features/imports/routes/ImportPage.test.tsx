import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, raw } from "@/test/api";
import { me, PUP_ID } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { ImportJob, ImportRow, ImportTemplate } from "../api/imports";
import ImportRoutes from ".";

const DRY_ID = "0d9c7a10-0000-4000-8000-000000000001";
const REAL_ID = "0d9c7a10-0000-4000-8000-000000000002";
const template: ImportTemplate = {
  columns: [
    { name: "external_id", required: true, description: "Your own system's id" },
    { name: "pesel", required: false, description: "Optional" },
    { name: "first_name", required: true, description: null },
  ],
  csv: "\ufeffexternal_id;pesel;first_name\r\nK-0001;;Anna\r\n",
  filename: "splot-import-szablon.csv",
};

function job(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: DRY_ID,
    institution_id: PUP_ID,
    status: "completed",
    dry_run: true,
    source_format: "csv",
    total_rows: 3,
    processed_rows: 3,
    progress: 1,
    counts: { created: 2, matched: 0, updated: 0, unchanged: 0, rejected: 1 },
    created_at: "2026-12-05T10:00:00Z",
    started_at: "2026-12-05T10:00:01Z",
    finished_at: "2026-12-05T10:00:02Z",
    ...overrides,
  };
}

const rows: ImportRow[] = [
  { row_number: 1, external_id: "K-1", outcome: "created", person_id: null, problem: null },
  {
    row_number: 2,
    external_id: "K-2",
    outcome: "rejected",
    person_id: null,
    problem: { code: "birth_date_required", detail: "birth_date is required without a PESEL", errors: [{ loc: ["row", "birth_date"] }] },
  },
];

const running = job({ id: REAL_ID, dry_run: false, status: "running", processed_rows: 1, progress: 0.3333, finished_at: null });
const done = job({ id: REAL_ID, dry_run: false });

function csvFile() {
  return new File(["external_id;first_name\nK-1;Anna\n"], "osoby.csv", { type: "text/csv" });
}

async function renderImport(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["coordinator"]),
    on.get("clients", "/v1/imports/template", template),
    on.get("clients", "/v1/imports", { items: [], next_cursor: null }),
    ...handlers,
  );
  renderRoutes([{ path: "/import/*", element: <ImportRoutes /> }], "/import", { signedIn: true });
  await screen.findByRole("heading", { level: 1, name: "Import osób z pliku" });
  return api;
}

async function chooseFile(u: ReturnType<typeof userEvent.setup>) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  await u.upload(input, csvFile());
}

afterEach(() => vi.restoreAllMocks());

describe("import page", () => {
  it("lists the expected columns and downloads the template", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    await renderImport();
    const table = await screen.findByRole("table", { name: "Kolumny pliku importu" });
    expect(within(table).getByText("external_id")).toBeTruthy();
    expect(within(table).getAllByText("wymagana")).toHaveLength(2);
    expect(within(table).getByText(/Identyfikator osoby w systemie/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Pobierz szablon CSV" }));
    expect(save).toHaveBeenCalledTimes(1);
    expect((save.mock.instances[0] as HTMLAnchorElement).download).toBe("splot-import-szablon.csv");
  });

  it("checks a file with a dry run, shows the rows, runs it for real to completion and downloads the rejected rows", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const realRun = inTurn(running, done);
    const api = await renderImport(
      on.post("clients", "/v1/imports", (call) =>
        call.query.get("dry_run") === "true" ? job({ status: "queued", processed_rows: 0, progress: 0, finished_at: null }) : running,
      ),
      on.get("clients", "/v1/imports/{import_id}", (call) => (call.params.import_id === DRY_ID ? job() : realRun(call))),
      on.get("clients", "/v1/imports/{import_id}/rows", { items: rows, next_cursor: null }),
      on.get(
        "clients",
        "/v1/imports/{import_id}/rejected.csv",
        raw(
          () =>
            new Response("external_id;rejection_reason\r\nK-2;x\r\n", {
              status: 200,
              headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="splot-import-0d9c7a10-odrzucone.csv"' },
            }),
        ),
      ),
    );
    const u = userEvent.setup();
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: /Próba/ }).checked).toBe(true);
    await chooseFile(u);
    await u.click(screen.getByRole("button", { name: "Sprawdź plik" }));

    // The dry run: sent as a multipart file with dry_run=true, then polled until completed.
    await screen.findByRole("heading", { name: "2. Wynik próby" });
    const [upload] = api.callsTo("POST", "/api/clients/v1/imports");
    expect(upload.query.get("dry_run")).toBe("true");
    expect(upload.headers.get("Content-Type")).toMatch(/^multipart\/form-data/);
    expect(upload.body).toContain('filename="osoby.csv"');
    await screen.findByText(/Próba zakończona/);
    const table = await screen.findByRole("table", { name: "Wynik każdego wiersza pliku" });
    expect(within(table).getByText("Bez numeru PESEL wymagana jest data urodzenia.")).toBeTruthy();
    expect(within(table).getByText("Kolumny: birth_date")).toBeTruthy();

    // Only the rejected rows.
    await u.click(screen.getByRole("radio", { name: "Odrzucone" }));
    await waitFor(() => expect(api.callsTo("GET", `/api/clients/v1/imports/${DRY_ID}/rows`).at(-1)?.query.get("outcome")).toBe("rejected"));

    // The real run: the same file, a progress bar until completed.
    await u.click(screen.getByRole("button", { name: "Importuj naprawdę" }));
    await screen.findByRole("heading", { name: "2. Wynik importu" });
    expect(api.callsTo("POST", "/api/clients/v1/imports").at(-1)?.query.get("dry_run")).toBe("false");
    const bar = screen.getByRole("progressbar", { name: "Postęp importu" });
    expect(bar.getAttribute("aria-valuenow")).toBe("33");
    await screen.findByText("Import zakończony.", undefined, { timeout: 4000 });
    expect(screen.getByRole("progressbar", { name: "Postęp importu" }).getAttribute("aria-valuenow")).toBe("100");

    await u.click(screen.getByRole("button", { name: "Pobierz odrzucony wiersz (1)" }));
    await screen.findByText("Pobrano plik splot-import-0d9c7a10-odrzucone.csv.");
    expect(save).toHaveBeenCalledTimes(1);
    expect(api.callsTo("GET", `/api/clients/v1/imports/${REAL_ID}/rejected.csv`)).toHaveLength(1);
  });

  it("explains a file the API cannot read", async () => {
    await renderImport(on.post("clients", "/v1/imports", problem(422, "unknown_columns", { detail: "unknown column(s): imie" })));
    const u = userEvent.setup();
    await chooseFile(u);
    await u.click(screen.getByRole("button", { name: "Sprawdź plik" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Plik ma kolumny, których import nie zna (unknown column(s): imie)");
  });
});
