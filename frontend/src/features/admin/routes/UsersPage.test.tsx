import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { me, user } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import AdminRoutes from ".";

const USERS = "/api/directory/v1/users";
const anna = user({
  id: "43ed00ed-e383-5e44-94f9-955b1a59c685",
  email: "pup@splot.example",
  full_name: "Anna Doradczyni",
  roles: ["caseworker"],
});
const maria = user();
const piotr = user({
  id: "0c5b1c1e-0000-4000-8000-000000000003",
  email: "pup.koordynator@splot.example",
  full_name: "Piotr Kierownik",
  roles: ["coordinator"],
  last_login_at: null,
  locked: true,
});

async function renderAdmin(handlers: HttpHandler[], path = "/administracja/uzytkownicy") {
  const api = await signedInAs(me(), ...handlers);
  const rendered = renderRoutes([{ path: "/administracja/*", element: <AdminRoutes /> }], path, { signedIn: true });
  return { api, ...rendered };
}

describe("users administration", () => {
  it("lists the institution's users with roles and status", async () => {
    const { api } = await renderAdmin([on.get("directory", "/v1/users", { items: [anna, maria, piotr], next_cursor: null })]);
    expect(await screen.findByRole("heading", { level: 1, name: "Użytkownicy" })).toBeTruthy();
    const table = await screen.findByRole("table");
    await within(table).findByText("Anna Doradczyni");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4); // header + 3
    expect(within(rows[1]).getByText("pup@splot.example")).toBeTruthy();
    expect(within(rows[1]).getByText("pracownik socjalny / doradca klienta")).toBeTruthy();
    expect(within(rows[3]).getByText("koordynator")).toBeTruthy();
    expect(within(rows[3]).getByText("Logowania wstrzymane")).toBeTruthy();
    // The signed-in admin cannot deactivate themselves; others can (in the row's actions menu).
    const u = userEvent.setup();
    await u.click(within(rows[2]).getByRole("button", { name: "Działania: Maria Administratorka" }));
    // (Popovers stay display:none in happy-dom, which cannot lay them out: hence `hidden: true`.)
    const own = await within(rows[2]).findByRole("menu", { hidden: true });
    expect(within(own).getByRole("menuitem", { name: "Nowe hasło", hidden: true })).toBeTruthy();
    expect(within(own).queryByRole("menuitem", { name: /Dezaktywuj/, hidden: true })).toBeNull();
    await u.click(within(rows[1]).getByRole("button", { name: "Działania: Anna Doradczyni" }));
    const other = await within(rows[1]).findByRole("menu", { hidden: true });
    expect(within(other).getByRole("menuitem", { name: "Dezaktywuj", hidden: true })).toBeTruthy();
    const list = api.callsTo("GET", USERS)[0];
    expect(list.query.get("active")).toBe("true");
    expect(list.query.get("institution_id")).toBe(maria.institution_id);
    expect(list.headers.get("Authorization")).toBe("Bearer tok");
    expect(screen.getByText("Pokazano 3 pozycje")).toBeTruthy();
  });

  it("pages with the cursor: 'Pokaż więcej'", async () => {
    const { api } = await renderAdmin([
      on.get("directory", "/v1/users", (call) =>
        call.query.get("cursor") === "c2" ? { items: [piotr], next_cursor: null } : { items: [anna, maria], next_cursor: "c2" },
      ),
    ]);
    await screen.findByText("Maria Administratorka");
    await userEvent.setup().click(screen.getByRole("button", { name: "Pokaż więcej" }));
    await screen.findByText("Piotr Kierownik");
    expect(screen.queryByRole("button", { name: "Pokaż więcej" })).toBeNull();
    expect(api.callsTo("GET", USERS)).toHaveLength(2);
  });

  it("shows an empty state and an error state", async () => {
    await renderAdmin([on.get("directory", "/v1/users", inTurn({ items: [], next_cursor: null }, problem(403, "forbidden")))]);
    expect(await screen.findByText("Brak użytkowników do pokazania")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("radio", { name: "Nieaktywni" }));
    expect(await screen.findByText("Nie masz uprawnień do wykonania tej czynności.")).toBeTruthy();
  });

  it("creates a user; the server's field errors appear next to the fields", async () => {
    const { api } = await renderAdmin([
      on.get("directory", "/v1/users", { items: [maria], next_cursor: null }),
      on.post("directory", "/v1/users", inTurn(problem(409, "duplicate_login"), reply(anna, { status: 201 }))),
    ]);
    const u = userEvent.setup();
    await screen.findByText("Maria Administratorka");
    await u.click(screen.getAllByRole("button", { name: "Dodaj użytkownika" })[0]);
    const dialog = await screen.findByRole("dialog");
    // An institution administrator grants only caseworker, coordinator and institution_admin.
    expect(within(dialog).queryByLabelText(/administrator systemu/)).toBeNull();
    expect(within(dialog).queryByLabelText(/^analityk/)).toBeNull();
    expect(within(dialog).queryByLabelText(/^audytor/)).toBeNull();
    await u.type(within(dialog).getByLabelText(/Adres e-mail/), "pup@splot.example");
    await u.type(within(dialog).getByLabelText(/Imię i nazwisko/), "Anna Doradczyni");
    await u.type(within(dialog).getByLabelText(/Hasło startowe/), "krotkie");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj użytkownika" }));
    expect(await within(dialog).findByText("Hasło musi mieć co najmniej 12 znaków.")).toBeTruthy();
    expect(api.callsTo("POST", USERS)).toHaveLength(0);

    await u.type(within(dialog).getByLabelText(/Hasło startowe/), "-i-juz-dluzsze");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj użytkownika" }));
    expect(await within(dialog).findByText("Użytkownik z tym adresem e-mail już istnieje.")).toBeTruthy();

    await u.click(within(dialog).getByRole("button", { name: "Dodaj użytkownika" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.callsTo("POST", USERS)[1].json()).toMatchObject({
      email: "pup@splot.example",
      full_name: "Anna Doradczyni",
      roles: ["caseworker"],
      institution_id: maria.institution_id,
      analyst_scope: null,
    });
  });

  it("edits roles with If-Match and explains a 412 with a reload", async () => {
    const { api } = await renderAdmin([
      on.get("directory", "/v1/users", { items: [anna], next_cursor: null }),
      on.get(
        "directory",
        "/v1/users/{user_id}",
        inTurn(
          reply(anna, { headers: { ETag: `"${anna.id}.1"` } }),
          reply({ ...anna, version: 2, full_name: "Anna Nowak" }, { headers: { ETag: `"${anna.id}.2"` } }),
        ),
      ),
      on.patch("directory", "/v1/users/{user_id}", inTurn(problem(412, "stale_etag"), { ...anna, roles: ["caseworker", "coordinator"] })),
    ]);
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Edytuj: Anna Doradczyni" }));
    const dialog = await screen.findByRole("dialog");
    await u.click(await within(dialog).findByLabelText(/koordynator/));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    expect(await within(dialog).findByText("Rekord został zmieniony")).toBeTruthy();
    const first = api.callsTo("PATCH", `${USERS}/${anna.id}`)[0];
    expect(first.headers.get("If-Match")).toBe(`"${anna.id}.1"`);
    expect(first.json()).toEqual({ roles: ["caseworker", "coordinator"] });

    await u.click(within(dialog).getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLInputElement>(/Imię i nazwisko/).value).toBe("Anna Nowak"));
    await u.click(within(dialog).getByLabelText(/koordynator/));
    await u.click(within(dialog).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.callsTo("PATCH", `${USERS}/${anna.id}`)[1].headers.get("If-Match")).toBe(`"${anna.id}.2"`);
  });

  it("leaves analysts' and auditors' accounts, and its own roles, to others", async () => {
    const analyst = user({
      id: "0c5b1c1e-0000-4000-8000-000000000009",
      email: "a@splot.example",
      full_name: "Ola Analityczka",
      roles: ["analyst"],
      analyst_scope: "12",
    });
    await renderAdmin([
      on.get("directory", "/v1/users", { items: [maria, analyst], next_cursor: null }),
      on.get("directory", "/v1/users/{user_id}", reply(maria, { headers: { ETag: `"${maria.id}.1"` } })),
    ]);
    const table = await screen.findByRole("table");
    await within(table).findByText("Ola Analityczka");
    expect(within(table).queryByRole("button", { name: "Edytuj: Ola Analityczka" })).toBeNull();
    expect(within(table).queryByRole("button", { name: "Działania: Ola Analityczka" })).toBeNull();
    const u = userEvent.setup();
    await u.click(within(table).getByRole("button", { name: "Edytuj: Maria Administratorka" }));
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByText(/Nie możesz zmienić własnych ról/);
    for (const checkbox of within(dialog).getAllByRole<HTMLInputElement>("checkbox")) expect(checkbox.disabled).toBe(true);
  });

  it("deactivates after confirmation", async () => {
    const { api } = await renderAdmin([
      on.get("directory", "/v1/users", { items: [anna], next_cursor: null }),
      on.post("directory", "/v1/users/{user_id}/deactivate", { ...anna, active: false }),
    ]);
    const u = userEvent.setup();
    await u.click(await screen.findByRole("button", { name: "Działania: Anna Doradczyni" }));
    await u.click(await screen.findByRole("menuitem", { name: "Dezaktywuj", hidden: true }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/nie będzie mógł \(mogła\) się zalogować/)).toBeTruthy();
    await u.click(within(dialog).getByRole("button", { name: "Dezaktywuj" }));
    await waitFor(() => expect(api.callsTo("POST", `${USERS}/${anna.id}/deactivate`)).toHaveLength(1));
  });
});
