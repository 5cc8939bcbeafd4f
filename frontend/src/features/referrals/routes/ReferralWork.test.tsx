import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, reply } from "@/test/api";
import { institution, me, otherInstitution, OPS_ID, person, PUP_ID, referral, serviceType, user } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { FollowUp } from "../api/work";
import BoxPage from "./BoxPage";
import FollowUpsPage from "./FollowUpsPage";
import ReferralPage from "./ReferralPage";
import ReferralPrintPage from "./ReferralPrintPage";

const jan = person();
const janListed = {
  id: jan.id,
  first_name: "Jan",
  last_name: "Kowalski",
  birth_date: null,
  sex: "M" as const,
  gmina: "1219053",
  access_basis: "registration",
};
const anna = user({
  id: "a0000000-0000-4000-8000-00000000000a",
  institution_id: OPS_ID,
  full_name: "Anna Socjalna",
  roles: ["caseworker"],
});
const boss = user({
  id: "b0000000-0000-4000-8000-00000000000b",
  institution_id: OPS_ID,
  full_name: "Beata Koordynator",
  roles: ["coordinator"],
});
const ASSIGN = { action: "assign", endpoint: "transitions", required_fields: ["assignee_user_id"], optional_fields: ["text"] };
const received = referral({
  id: "b7e1c2d3-0000-4000-8000-000000000001",
  number: "SK-2026-7K3QM-A9X2F",
  person_id: jan.id,
  sender_institution_id: PUP_ID,
  sender_user_id: "c0000000-0000-4000-8000-00000000000c",
  target_institution_id: OPS_ID,
  assignee_user_id: anna.id,
  planned_start_date: "2026-12-07",
  allowed_actions: [ASSIGN],
});
const ONE = `/api/referrals/v1/referrals/${received.id}`;

const common = (...handlers: HttpHandler[]) => [
  on.get("referrals", "/v1/referrals/{referral_id}/events", { items: [] }),
  on.get("referrals", "/v1/referrals/{referral_id}/chain", { chain_root_id: received.id, items: [] }),
  on.get("referrals", "/v1/referrals/{referral_id}/messages", { items: [], next_cursor: null }),
  on.get("referrals", "/v1/referrals/{referral_id}/sender-contact", {
    user_id: received.sender_user_id ?? "",
    institution_id: PUP_ID,
    full_name: "Piotr Doradca",
    email: "p.doradca@pup.example",
    active: true,
  }),
  on.get("referrals", "/v1/reason-codes", { items: [] }),
  on.get("referrals", "/v1/outcome-codes", ({ query }) =>
    query.get("kind") === "followup"
      ? {
          items: [
            {
              code: "still_employed",
              kind: "followup" as const,
              label_pl: "nadal pracuje",
              label_en: "still employed",
              employment: true,
              active: true,
            },
          ],
        }
      : { items: [] },
  ),
  on.get("directory", "/v1/service-types", { items: [serviceType()] }),
  on.get("directory", "/v1/users", { items: [anna, boss], next_cursor: null }),
  on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
    params.institution_id === OPS_ID ? otherInstitution({ phone: "12 345 67 89" }) : institution,
  ),
  on.get("clients", "/v1/persons/{person_id}", jan),
  on.get("clients", "/v1/persons", (call) => ({
    items: call.query.getAll("id").includes(jan.id) ? [janListed] : [],
    next_cursor: null,
  })),
  ...handlers,
];

describe("inbox: client, assignee, search and order", () => {
  async function renderInbox(path: string, ...handlers: HttpHandler[]) {
    const api = await signedInAs(
      me(["coordinator"], { id: boss.id, institution_id: OPS_ID }),
      ...common(on.get("referrals", "/v1/referrals/inbox", { items: [received], next_cursor: null }), ...handlers),
    );
    renderRoutes([{ path: "/skierowania/przychodzace", element: <BoxPage box="inbox" /> }], path, { signedIn: true });
    return api;
  }

  it("shows the client's name and the assignee, searches by number and sorts by deadline", async () => {
    const api = await renderInbox("/skierowania/przychodzace");
    const table = await screen.findByRole("table");
    expect(await within(table).findByText("Jan Kowalski")).toBeTruthy();
    expect(await within(table).findByText("Anna Socjalna")).toBeTruthy();
    const u = userEvent.setup();
    await u.type(screen.getByRole("textbox", { name: "Numer skierowania" }), "7k3qm");
    await waitFor(() =>
      expect(api.callsTo("GET", "/api/referrals/v1/referrals/inbox").some((c) => c.query.get("number") === "7k3qm")).toBe(true),
    );
    await u.click(screen.getByRole("combobox", { name: "Kolejność" }));
    await u.click(await screen.findByRole("option", { name: "Termin odpowiedzi (najbliższy)", hidden: true }));
    await waitFor(() =>
      expect(api.callsTo("GET", "/api/referrals/v1/referrals/inbox").some((c) => c.query.get("sort") === "due")).toBe(true),
    );
  });

  it("searches a client's name in the registry and lists that person's referrals", async () => {
    const api = await renderInbox(
      "/skierowania/przychodzace?client=Kowal",
      on.get("clients", "/v1/persons", {
        items: [
          {
            id: jan.id,
            first_name: "Jan",
            last_name: "Kowalski",
            birth_date: null,
            sex: "M",
            gmina: "1219053",
            access_basis: "registration",
          },
        ],
        next_cursor: null,
      }),
    );
    await screen.findByRole("table");
    await waitFor(() =>
      expect(api.callsTo("GET", "/api/referrals/v1/referrals/inbox").some((c) => c.query.getAll("person_id").includes(jan.id))).toBe(true),
    );
    expect(api.callsTo("GET", "/api/clients/v1/persons")[0].query.get("q")).toBe("Kowal");
  });

  it("says so when no visible person has that name (and lists nothing)", async () => {
    await renderInbox("/skierowania/przychodzace?client=Nikt", on.get("clients", "/v1/persons", { items: [], next_cursor: null }));
    expect(await screen.findByText(/Nie znaleziono takiej osoby/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("hides the name of a person the registry does not show the caller", async () => {
    const api = await renderInbox("/skierowania/przychodzace", on.get("clients", "/v1/persons", { items: [], next_cursor: null }));
    const table = await screen.findByRole("table");
    expect(await within(table).findByText("osoba (brak dostępu do danych)")).toBeTruthy();
    expect(within(table).queryByText("Jan Kowalski")).toBeNull();
    // One registry request for the page's names, none per row.
    expect(api.callsTo("GET", "/api/clients/v1/persons")[0].query.getAll("id")).toEqual([jan.id]);
    expect(api.calls.filter((c) => c.path.startsWith("/api/clients/v1/persons/"))).toHaveLength(0);
  });
});

describe("the referral page: assignment, sender's contact, chain view", () => {
  async function renderReferral(who: ReturnType<typeof me>, shown = received, ...handlers: HttpHandler[]) {
    const api = await signedInAs(
      who,
      ...common(on.get("referrals", "/v1/referrals/{referral_id}", reply(shown, { headers: { ETag: `"${received.id}.3"` } })), ...handlers),
    );
    renderRoutes([{ path: "/skierowania/:referralId", element: <ReferralPage /> }], `/skierowania/${received.id}`, { signedIn: true });
    await screen.findByRole("heading", { level: 1, name: `Skierowanie ${received.number}` });
    return api;
  }

  it("names the sending caseworker with an e-mail and the assignee", async () => {
    await renderReferral(me(["coordinator"], { id: boss.id, institution_id: OPS_ID }));
    const details = screen.getByRole("region", { name: "Szczegóły" });
    expect(await within(details).findByText(/Piotr Doradca/)).toBeTruthy();
    expect(within(details).getByRole("link", { name: "p.doradca@pup.example" }).getAttribute("href")).toBe("mailto:p.doradca@pup.example");
    expect(await within(details).findByText("Anna Socjalna")).toBeTruthy();
  });

  it("a coordinator reassigns to a colleague with If-Match", async () => {
    const api = await renderReferral(
      me(["coordinator"], { id: boss.id, institution_id: OPS_ID }),
      received,
      on.post("referrals", "/v1/referrals/{referral_id}/transitions", { ...received, assignee_user_id: boss.id, version: 4 }),
    );
    const u = userEvent.setup();
    await u.click(within(screen.getByRole("region", { name: "Dostępne działania" })).getByRole("button", { name: "Przydziel" }));
    const dialog = await screen.findByRole("dialog", { name: `Przydziel skierowanie ${received.number}` });
    await u.click(within(dialog).getByRole("combobox", { name: /Pracownik socjalny lub doradca klienta/ }));
    expect(screen.queryByRole("option", { name: "Anna Socjalna", hidden: true })).toBeNull(); // already assigned
    await u.click(await screen.findByRole("option", { name: "Beata Koordynator", hidden: true }));
    await u.click(within(dialog).getByRole("button", { name: "Przydziel" }));
    await waitFor(() => expect(api.callsTo("POST", `${ONE}/transitions`)).toHaveLength(1));
    const [call] = api.callsTo("POST", `${ONE}/transitions`);
    expect(call.headers.get("If-Match")).toBe(`"${received.id}.3"`);
    expect(call.json()).toEqual({ action: "assign", assignee_user_id: boss.id });
  });

  it("a caseworker takes an unassigned referral", async () => {
    const unassigned = { ...received, assignee_user_id: null };
    const api = await renderReferral(
      me(["caseworker"], { id: anna.id, institution_id: OPS_ID }),
      unassigned,
      on.post("referrals", "/v1/referrals/{referral_id}/transitions", { ...received, version: 4 }),
    );
    const u = userEvent.setup();
    await u.click(within(screen.getByRole("region", { name: "Dostępne działania" })).getByRole("button", { name: "Przydziel" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).queryByRole("textbox")).toBeNull();
    await u.click(within(dialog).getByRole("button", { name: "Przypisz do mnie" }));
    await waitFor(() => expect(api.callsTo("POST", `${ONE}/transitions`)).toHaveLength(1));
    expect(api.callsTo("POST", `${ONE}/transitions`)[0].json()).toEqual({ action: "assign", assignee_user_id: anna.id });
  });

  it("shows the chain view to a party of another referral of the chain: no case content, no actions", async () => {
    const chainView = { ...received, view: "chain" as const, needs_description: null, allowed_actions: [], my_sides: [] };
    const api = await renderReferral(me(["caseworker"], { institution_id: PUP_ID }), chainView);
    expect(screen.getByText("Widok łańcucha skierowań")).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Dostępne działania" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Wiadomości" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Drukuj" })).toBeNull();
    expect(api.callsTo("GET", `${ONE}/sender-contact`)).toHaveLength(0);
    expect(api.callsTo("GET", `${ONE}/messages`)).toHaveLength(0);
  });
});

describe("the printable referral", () => {
  it("has the number, dates, both institutions with addresses, the client, what to bring and a contact; Drukuj prints", async () => {
    await signedInAs(
      me(["caseworker"], { institution_id: PUP_ID }),
      ...common(on.get("referrals", "/v1/referrals/{referral_id}", reply(received, { headers: { ETag: `"${received.id}.3"` } }))),
    );
    const print = vi.fn();
    Object.defineProperty(window, "print", { configurable: true, value: print });
    renderRoutes([{ path: "/skierowania/:referralId/druk", element: <ReferralPrintPage /> }], `/skierowania/${received.id}/druk`, {
      signedIn: true,
    });
    expect(await screen.findByRole("heading", { level: 1, name: `Skierowanie nr ${received.number}` })).toBeTruthy();
    expect(await screen.findByText("Jan Kowalski")).toBeTruthy();
    expect(await screen.findByText(institution.name)).toBeTruthy();
    expect(screen.getByText(/ul\. Przykładowa 1/)).toBeTruthy();
    expect(await screen.findByText(/12 345 67 89/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Co zabrać ze sobą" })).toBeTruthy();
    expect(await screen.findByText(/Piotr Doradca/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Drukuj" }));
    expect(print).toHaveBeenCalledOnce();
  });
});

describe("follow-up checks", () => {
  const due: FollowUp = {
    id: "f0000000-0000-4000-8000-000000000001",
    referral_id: received.id,
    institution_id: PUP_ID,
    due_months: 3,
    due_at: "2026-11-20T10:00:00Z",
    status: "open",
    outcome_code: null,
    note: null,
    answered_at: null,
    created_at: "2026-08-20T10:00:00Z",
    chain_root_id: received.id,
    referral_number: received.number,
    person_id: jan.id,
    mine: true,
    answerable: true,
  };

  it("lists what is due and records an answer", async () => {
    const api = await signedInAs(
      me(["caseworker"], { institution_id: PUP_ID }),
      ...common(
        on.get("referrals", "/v1/follow-ups", { items: [due], next_cursor: null }),
        on.post("referrals", "/v1/follow-ups/{followup_id}/answer", {
          ...due,
          status: "answered",
          outcome_code: "still_employed",
          answerable: false,
        }),
      ),
    );
    renderRoutes([{ path: "/skierowania/sprawdzenia", element: <FollowUpsPage /> }], "/skierowania/sprawdzenia", { signedIn: true });
    expect(await screen.findByRole("heading", { level: 1, name: "Sprawdzenie sytuacji osoby po skierowaniu" })).toBeTruthy();
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("link", { name: received.number })).toBeTruthy();
    expect(await within(table).findByText("Jan Kowalski")).toBeTruthy();
    expect(api.callsTo("GET", "/api/referrals/v1/follow-ups")[0].query.get("due")).toBe("true");
    const u = userEvent.setup();
    await u.click(within(table).getByRole("button", { name: "Zapisz wynik" }));
    const dialog = await screen.findByRole("dialog");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz wynik" }));
    expect(await within(dialog).findByText("To pole jest wymagane.")).toBeTruthy();
    await u.click(within(dialog).getByRole("combobox", { name: /Wynik/ }));
    await u.click(await screen.findByRole("option", { name: "nadal pracuje", hidden: true }));
    await u.type(within(dialog).getByRole("textbox", { name: /Uwagi/ }), "Umowa na czas nieokreślony");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz wynik" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/referrals/v1/follow-ups/${due.id}/answer`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/referrals/v1/follow-ups/${due.id}/answer`)[0].json()).toEqual({
      outcome_code: "still_employed",
      note: "Umowa na czas nieokreślony",
    });
  });

  it("shows another institution's check read-only", async () => {
    await signedInAs(
      me(["caseworker"], { institution_id: OPS_ID }),
      ...common(on.get("referrals", "/v1/follow-ups", { items: [{ ...due, mine: false, answerable: false }], next_cursor: null })),
    );
    renderRoutes([{ path: "/skierowania/sprawdzenia", element: <FollowUpsPage /> }], "/skierowania/sprawdzenia", { signedIn: true });
    const table = await screen.findByRole("table");
    expect(await within(table).findByText("odpowiada instytucja kierująca")).toBeTruthy();
    expect(within(table).queryByRole("button")).toBeNull();
  });
});
