import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import type { Practice, PracticeSummary } from "../api/practices";
import PracticesRoutes from ".";

const ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CATALOGUE = on.get("reporting", "/v1/problem-areas/catalogue", {
  items: [
    { code: "communication", name_pl: "Komunikacja między instytucjami", name_en: "Communication", description_pl: "", description_en: "" },
    { code: "legal", name_pl: "Prawne", name_en: "Legal", description_pl: "", description_en: "" },
  ],
  referral_reasons: {},
});

function summary(overrides: Partial<PracticeSummary> = {}): PracticeSummary {
  return {
    id: ID,
    status: "published",
    title: "Wspólne dyżury PUP i OPS",
    summary: "Doradca dyżuruje w ośrodku.",
    institution_id: "i1",
    institution_name: "OPS Wieliczka",
    institution_type: "OPS",
    teryt: "1219053",
    problem_areas: ["communication"],
    since: "2025-01-15",
    published_at: "2026-11-01T10:00:00Z",
    updated_at: "2026-11-01T10:00:00Z",
    ...overrides,
  };
}

function practice(overrides: Partial<Practice> = {}): Practice {
  return {
    ...summary(),
    partnership_id: null,
    topic_tags: [],
    target_groups: [],
    results: "Więcej osób w pracy.",
    numeric_results: [{ label: "Osoby", value: 42, unit: "osób" }],
    contact: { name: "Anna Kowalska", email: "anna@example.org", phone: null },
    attachments: [],
    history: [],
    allowed_actions: [],
    version: 3,
    ...overrides,
  };
}

async function render(roles: Role[], path: string, ...handlers: HttpHandler[]) {
  const api = await signedInAs(me(roles, roles.includes("analyst") ? { analyst_scope: "12" } : {}), CATALOGUE, ...handlers);
  renderRoutes([{ path: "/dobre-praktyki/*", element: <PracticesRoutes /> }], path, { signedIn: true });
  return api;
}

describe("good practices", () => {
  it("searches the catalogue by words and filters, and lists the cards", async () => {
    const u = userEvent.setup();
    const api = await render(
      ["caseworker"],
      "/dobre-praktyki/katalog",
      on.get("reporting", "/v1/practices", (call) =>
        call.query.get("q") === "łódź"
          ? { items: [summary({ id: "p2", title: "Praktyka z Łodzi" })], next_cursor: null }
          : { items: [summary()], next_cursor: null },
      ),
    );
    expect(await screen.findByRole("link", { name: "Wspólne dyżury PUP i OPS" })).toBeTruthy();
    await u.type(screen.getByRole("searchbox", { name: "Szukaj praktyk" }), "łódź");
    await u.click(screen.getByRole("button", { name: "Szukaj" }));
    expect(await screen.findByRole("link", { name: "Praktyka z Łodzi" })).toBeTruthy();
    const calls = api.callsTo("GET", "/api/reporting/v1/practices");
    expect(calls.at(-1)?.query.get("q")).toBe("łódź");
    // a filter goes to the API too
    await u.click(screen.getByRole("combobox", { name: "Obszar problemowy" }));
    await u.click(await screen.findByRole("option", { name: "Prawne", hidden: true }));
    await waitFor(() => expect(api.callsTo("GET", "/api/reporting/v1/practices").at(-1)?.query.get("problem_area")).toBe("legal"));
    // staff see the submit tab, not the review queue
    expect(screen.getByRole("tab", { name: "Zgłoś praktykę" })).toBeTruthy();
    expect(screen.queryByRole("tab", { name: "Do oceny" })).toBeNull();
  });

  it("submits a new practice as a draft with the areas and the numbers", async () => {
    const u = userEvent.setup();
    const api = await render(
      ["coordinator"],
      "/dobre-praktyki/zglos",
      on.post("reporting", "/v1/practices", reply(practice({ status: "draft" }), { status: 201 })),
      on.get("reporting", "/v1/practices/{practice_id}", practice({ status: "draft", allowed_actions: ["edit", "attach", "submit"] })),
    );
    await u.click(await screen.findByRole("button", { name: "Zapisz szkic" }));
    expect(await screen.findByText("Wybierz od 1 do 5 obszarów problemowych.")).toBeTruthy();
    expect(api.callsTo("POST", "/api/reporting/v1/practices")).toHaveLength(0);
    await u.type(screen.getByRole("textbox", { name: /^Tytuł/ }), "Wspólne dyżury PUP i OPS");
    await u.type(screen.getByRole("textbox", { name: /Na czym polega praktyka/ }), "Doradca dyżuruje w ośrodku.");
    await u.type(screen.getByLabelText(/Działa od/), "2025-01-15");
    const areas = screen.getAllByLabelText(/Obszary problemowe/).find((e) => e instanceof HTMLInputElement && e.type !== "hidden");
    await u.click(areas as HTMLElement);
    await u.click(await screen.findByRole("option", { name: "Komunikacja między instytucjami", hidden: true }));
    await u.click(screen.getByRole("button", { name: "Dodaj rezultat liczbowy" }));
    await u.type(screen.getByRole("textbox", { name: "Rezultat 1" }), "Osoby");
    await u.type(screen.getByRole("textbox", { name: "Wartość 1" }), "42");
    await u.type(screen.getByRole("textbox", { name: /Osoba do kontaktu/ }), "Anna Kowalska");
    await u.type(screen.getByRole("textbox", { name: /E-mail kontaktowy/ }), "anna@example.org");
    await u.click(screen.getByRole("button", { name: "Zapisz szkic" }));
    await waitFor(() => expect(api.callsTo("POST", "/api/reporting/v1/practices")).toHaveLength(1));
    expect(api.callsTo("POST", "/api/reporting/v1/practices")[0].json()).toEqual({
      title: "Wspólne dyżury PUP i OPS",
      summary: "Doradca dyżuruje w ośrodku.",
      since: "2025-01-15",
      problem_areas: ["communication"],
      partnership_id: null,
      topic_tags: [],
      target_groups: [],
      results: "",
      numeric_results: [{ label: "Osoby", value: 42, unit: "" }],
      contact: { name: "Anna Kowalska", email: "anna@example.org", phone: null },
    });
    // the new draft's page: submit for review, add attachments
    expect(await screen.findByRole("button", { name: "Wyślij do oceny" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Dodaj załącznik" })).toBeTruthy();
  });

  it("lets a covering analyst return a practice with a comment, then accept and publish", async () => {
    const u = userEvent.setup();
    const api = await render(
      ["analyst"],
      `/dobre-praktyki/${ID}`,
      on.get(
        "reporting",
        "/v1/practices/{practice_id}",
        reply(practice({ status: "submitted", allowed_actions: ["accept", "return", "reject"] }), { headers: { ETag: `"${ID}.3"` } }),
      ),
      on.post("reporting", "/v1/practices/{practice_id}/transitions", (call) =>
        (call.json() as { action: string }).action === "reject" ? problem(409, "invalid_transition") : practice({ status: "returned" }),
      ),
    );
    expect(await screen.findByRole("heading", { name: "Wspólne dyżury PUP i OPS" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Edytuj praktykę" })).toBeNull();
    await u.click(screen.getByRole("button", { name: "Zwróć do poprawy" }));
    expect(await screen.findByText("Napisz, co należy poprawić lub dlaczego praktyka jest odrzucana.")).toBeTruthy();
    expect(api.callsTo("POST", `/api/reporting/v1/practices/${ID}/transitions`)).toHaveLength(0);
    await u.type(screen.getByRole("textbox", { name: /Komentarz dla zgłaszającego/ }), "Dodaj rezultaty.");
    await u.click(screen.getByRole("button", { name: "Zwróć do poprawy" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/reporting/v1/practices/${ID}/transitions`)).toHaveLength(1));
    const sent = api.callsTo("POST", `/api/reporting/v1/practices/${ID}/transitions`)[0];
    expect(sent.json()).toEqual({ action: "return", comment: "Dodaj rezultaty." });
    expect(sent.headers.get("If-Match")).toBe(`"${ID}.3"`);
    await u.click(screen.getByRole("button", { name: "Przyjmij" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/reporting/v1/practices/${ID}/transitions`)).toHaveLength(2));
    expect(api.callsTo("POST", `/api/reporting/v1/practices/${ID}/transitions`)[1].json()).toEqual({ action: "accept" });
    // a refused step is shown, not swallowed
    await u.type(screen.getByRole("textbox", { name: /Komentarz dla zgłaszającego/ }), "Nie dotyczy współpracy.");
    await u.click(screen.getByRole("button", { name: "Odrzuć" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
  });

  it("shows the analyst's queue and a published practice's numbers and files", async () => {
    await render(
      ["analyst"],
      "/dobre-praktyki/do-oceny",
      on.get("reporting", "/v1/practices/review-queue", { items: [summary({ status: "submitted" })], next_cursor: null }),
    );
    const card = await screen.findByRole("article");
    expect(within(card).getByRole("link", { name: "Wspólne dyżury PUP i OPS" })).toBeTruthy();
    expect(within(card).getByText("Wysłana do oceny")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Do oceny" })).toBeTruthy();
  });
});
