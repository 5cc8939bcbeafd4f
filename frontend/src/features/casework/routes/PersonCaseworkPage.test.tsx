import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem, reply } from "@/test/api";
import { institution, legalBasis, me, otherInstitution, person, serviceType, user } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import CaseworkRoutes from ".";
import {
  action,
  ACTION_ID,
  diagnosis,
  goal,
  GOAL_ID,
  OPS_ID,
  PERSON_ID,
  plan,
  PLAN_ID,
  PLAN_TYPES,
  PROBLEM_AREAS,
  PUP_ID,
  REFERRAL_ID,
} from "./testData";

/** The catalogues and names every casework screen reads. */
function referenceHandlers(): HttpHandler[] {
  return [
    on.get("clients", "/v1/problem-areas", { items: PROBLEM_AREAS }),
    on.get("clients", "/v1/plan-types", { items: PLAN_TYPES }),
    on.get("directory", "/v1/legal-bases", {
      items: [legalBasis({ code: "ups_art_108", citation: "art. 108 ustawy o pomocy społecznej" })],
    }),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    on.get("directory", "/v1/institutions", { items: [institution, otherInstitution()], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}", person()),
  ];
}

const PATH = `/plany/osoba/${PERSON_ID}`;
const noLead = { person_id: PERSON_ID, current: null, history: [], version: 0 };
const leadEntry = {
  institution_id: PUP_ID,
  user_sub: "u-1",
  display_name: "Anna Doradczyni",
  assigned_at: "2026-11-02T10:00:00Z",
  assigned_by: "u-9",
  ended_at: null,
};

async function renderPage(roles: ("caseworker" | "coordinator")[] = ["caseworker"], ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    ...referenceHandlers(),
    on.get("clients", "/v1/persons/{person_id}/plans", { items: [plan()], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}/diagnoses", { items: [diagnosis()], next_cursor: null }),
    on.get("clients", "/v1/persons/{person_id}/lead-worker", noLead),
    on.get("clients", "/v1/persons/{person_id}/case-conferences", { items: [], next_cursor: null }),
    ...handlers,
  );
  const rendered = renderRoutes(
    [
      { path: "/plany/*", element: <CaseworkRoutes /> },
      { path: "/skierowania/*", element: <p>referrals</p> },
    ],
    PATH,
    { signedIn: true },
  );
  return { api, ...rendered };
}

const planCard = () => screen.findByRole("article", { name: "Wspólny plan działania" });
const dialog = (name: string) => screen.findByRole("dialog", { name });

describe("the person's casework", () => {
  it("shows the plan with its legal basis, parties, overdue review, goals and actions with status colours", async () => {
    await renderPage();
    expect(await screen.findByRole("heading", { level: 1, name: "Diagnoza i plan: Jan Kowalski" })).toBeTruthy();
    const card = await planCard();
    expect(await within(card).findByText("art. 108 ustawy o pomocy społecznej")).toBeTruthy();
    expect(await within(card).findByText("Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce")).toBeTruthy();
    expect(within(card).getByText("przegląd po terminie")).toBeTruthy();
    expect(within(card).getByText("jeszcze nie wyrażona", { exact: false })).toBeTruthy();
    const goalBox = within(card).getByRole("region", { name: "Podjęcie zatrudnienia" });
    const table = within(goalBox).getByRole("table");
    const row = within(table).getAllByRole("row")[1];
    expect(within(row).getByText("Szkolenie zawodowe: magazynier")).toBeTruthy();
    const badge = within(row).getByText("zaplanowane");
    expect(badge.closest(".mantine-Badge-root")?.getAttribute("style") ?? "").toContain("gray");
    // The referral form prefilled from the action (a plain link into the referrals module).
    expect(within(row).getByRole("link", { name: "Utwórz skierowanie" }).getAttribute("href")).toBe(
      `/skierowania/nowe?person=${PERSON_ID}&plan_action=${ACTION_ID}&service_type=social_contract`,
    );
    expect(within(card).getByRole("link", { name: "Wydruk do podpisu" }).getAttribute("href")).toBe(`/plany/plan/${PLAN_ID}/druk`);
  });

  it("shows the linked referral's status and the goal's proposed assessment", async () => {
    const linked = action({
      status: "done",
      referral: { referral_id: REFERRAL_ID, status: "completed", outcome_code: "completed", receiver_institution_id: OPS_ID },
      proposed_result: "done",
      allowed_statuses: ["in_progress"],
    });
    await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", {
        items: [plan({ goals: [goal({ actions: [linked], proposed_assessment: "achieved" })] })],
        next_cursor: null,
      }),
    );
    const card = await planCard();
    expect(within(card).getByRole("link", { name: "zakończone" }).getAttribute("href")).toBe(`/skierowania/${REFERRAL_ID}`);
    expect(within(card).queryByRole("link", { name: "Utwórz skierowanie" })).toBeNull();
    expect(within(card).getByText("Proponowana ocena (na podstawie działań): cel osiągnięty")).toBeTruthy();
  });

  it("changes an action's status with If-Match and the statuses the API allows", async () => {
    const { api } = await renderPage(["caseworker"], on.patch("clients", "/v1/plans/{plan_id}/actions/{action_id}", plan({ version: 4 })));
    const card = await planCard();
    await userEvent.click(within(card).getByRole("button", { name: "Zmień stan" }));
    const box = await dialog("Zmień stan");
    const u = userEvent.setup();
    await u.click(within(box).getByRole("combobox", { name: /Nowy stan/ }));
    await u.click(await screen.findByRole("option", { name: "niezrealizowane", hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    // not done needs a result
    expect(await within(box).findByText("Opisz, dlaczego działanie nie zostało zrealizowane.")).toBeTruthy();
    await u.type(within(box).getByRole("textbox", { name: "Wynik" }), "Nie zgłosił się");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}/actions/${ACTION_ID}`)).toHaveLength(1));
    const call = api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}/actions/${ACTION_ID}`)[0];
    expect(call.headers.get("If-Match")).toBe(`"plan.${PLAN_ID}.3"`);
    expect(call.json()).toEqual({ status: "not_done", result: "Nie zgłosił się" });
  });

  it("shows a refused transition and a stale plan as problems", async () => {
    await renderPage(
      ["caseworker"],
      on.patch(
        "clients",
        "/v1/plans/{plan_id}/actions/{action_id}",
        inTurn(problem(409, "invalid_transition"), problem(412, "stale_etag")),
      ),
    );
    const card = await planCard();
    const u = userEvent.setup();
    await u.click(within(card).getByRole("button", { name: "Zmień stan" }));
    const box = await dialog("Zmień stan");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    expect(await within(box).findByRole("alert")).toBeTruthy();
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(within(box).getByRole("alert").textContent).toMatch(/zmieni/i));
  });

  it("records the goal's assessment, the proposed one preselected; abandoned needs a reason", async () => {
    const { api } = await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", {
        items: [plan({ goals: [goal({ proposed_assessment: "partly_achieved" })] })],
        next_cursor: null,
      }),
      on.post("clients", "/v1/plans/{plan_id}/goals/{goal_id}/assessment", plan({ version: 4 })),
    );
    const card = await planCard();
    const u = userEvent.setup();
    await u.click(within(card).getByRole("button", { name: "Oceń realizację celu" }));
    const box = await dialog("Oceń realizację celu");
    expect(within(box).getByRole<HTMLInputElement>("combobox", { name: /Ocena końcowa/ }).value).toBe("cel osiągnięty częściowo");
    await u.click(within(box).getByRole("combobox", { name: /Ocena końcowa/ }));
    await u.click(await screen.findByRole("option", { name: "zaniechany", hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    expect(await within(box).findByText("Podaj powód zaniechania celu.")).toBeTruthy();
    await u.type(within(box).getByRole("textbox", { name: "Uzasadnienie" }), "Osoba wyjechała");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/goals/${GOAL_ID}/assessment`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/goals/${GOAL_ID}/assessment`)[0].json()).toEqual({
      assessment: "abandoned",
      reason: "Osoba wyjechała",
    });
  });

  it("records the person's agreement and a review", async () => {
    const { api } = await renderPage(
      ["caseworker"],
      on.patch("clients", "/v1/plans/{plan_id}", plan({ version: 4 })),
      on.post("clients", "/v1/plans/{plan_id}/reviews", plan({ version: 4 })),
    );
    const card = await planCard();
    const u = userEvent.setup();
    await u.click(within(card).getByRole("button", { name: "Zapisz zgodę osoby" }));
    let box = await dialog("Zapisz zgodę osoby");
    await u.clear(within(box).getByLabelText(/Data zgody/));
    await u.type(within(box).getByLabelText(/Data zgody/), "2026-11-05");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}`)[0].json()).toEqual({
      agreement_date: "2026-11-05",
      agreement_method: "signed_paper",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await u.click(within(await planCard()).getByRole("button", { name: "Zapisz przegląd" }));
    box = await dialog("Zapisz przegląd");
    await u.type(within(box).getByRole("textbox", { name: "Ustalenia" }), "Postępy zgodne z planem");
    await u.type(within(box).getByLabelText(/Następny przegląd/), "2027-03-01");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/reviews`)).toHaveLength(1));
    const review = api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/reviews`)[0];
    expect(review.headers.get("If-Match")).toBe(`"plan.${PLAN_ID}.3"`);
    expect(review.json()).toMatchObject({ note: "Postępy zgodne z planem", next_review_due: "2027-03-01" });
  });

  it("draws up a joint plan: the type with its legal basis, the parties", async () => {
    const { api } = await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", { items: [], next_cursor: null }),
      on.post("clients", "/v1/persons/{person_id}/plans", reply(plan(), { status: 201 })),
    );
    expect(await screen.findByText("Osoba nie ma planu, w którym uczestniczy Twoja instytucja.")).toBeTruthy();
    const u = userEvent.setup();
    await u.click(screen.getByRole("button", { name: "Nowy plan" }));
    const box = await dialog("Nowy plan");
    await u.click(within(box).getByRole("combobox", { name: /Rodzaj planu/ }));
    // A PUP may not own a social contract: only the joint plan is offered.
    expect(screen.queryByRole("option", { name: "Kontrakt socjalny", hidden: true })).toBeNull();
    await u.click(await screen.findByRole("option", { name: "Wspólny plan działania", hidden: true }));
    expect(await within(box).findByText("art. 108 ustawy o pomocy społecznej")).toBeTruthy();
    await u.click(within(box).getByRole("combobox", { name: /Instytucje współrealizujące/ }));
    await u.click(await screen.findByRole("option", { name: /Miejsko-Gminny/, hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/plans`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/persons/${PERSON_ID}/plans`)[0].json()).toMatchObject({
      plan_type_code: "joint_plan",
      parties: [OPS_ID],
      diagnosis_id: null,
    });
  });

  it("adds a goal and an action owned by another institution", async () => {
    const { api } = await renderPage(
      ["caseworker"],
      on.post("clients", "/v1/plans/{plan_id}/goals", plan({ version: 4 })),
      on.post("clients", "/v1/plans/{plan_id}/actions", plan({ version: 4 })),
    );
    const u = userEvent.setup();
    await u.click(within(await planCard()).getByRole("button", { name: "Dodaj cel" }));
    let box = await dialog("Dodaj cel");
    await u.click(within(box).getByRole("combobox", { name: /Obszar problemowy/ }));
    await u.click(await screen.findByRole("option", { name: "Bezrobocie", hidden: true }));
    await u.type(within(box).getByRole("textbox", { name: /^Cel/ }), "Spłata zadłużenia");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/goals`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/goals`)[0].json()).toEqual({
      area_code: "unemployment",
      description: "Spłata zadłużenia",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await u.click(within(await planCard()).getByRole("button", { name: "Dodaj działanie" }));
    box = await dialog("Dodaj działanie");
    await u.type(within(box).getByRole("textbox", { name: /^Działanie/ }), "Poradnictwo dłużnicze");
    await u.click(within(box).getByRole("combobox", { name: /Realizator/ }));
    await u.click(await screen.findByRole("option", { name: /Miejsko-Gminny/, hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/actions`)).toHaveLength(1));
    expect(api.callsTo("POST", `/api/clients/v1/plans/${PLAN_ID}/actions`)[0].json()).toMatchObject({
      goal_id: GOAL_ID,
      owner_institution_id: OPS_ID,
      description: "Poradnictwo dłużnicze",
    });
  });

  it("withdraws a goal's assessment and closes the plan, each after a confirmation", async () => {
    const { api } = await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", {
        items: [plan({ goals: [goal({ status: "assessed", assessment: "achieved", assessed_at: "2026-11-20T10:00:00Z" })] })],
        next_cursor: null,
      }),
      on.delete("clients", "/v1/plans/{plan_id}/goals/{goal_id}/assessment", plan({ version: 4 })),
      on.patch("clients", "/v1/plans/{plan_id}", plan({ version: 4, status: "closed" })),
    );
    const u = userEvent.setup();
    const card = await planCard();
    expect(within(card).getByText("cel osiągnięty")).toBeTruthy();
    await u.click(within(card).getByRole("button", { name: "Cofnij ocenę" }));
    let box = await dialog("Cofnij ocenę");
    await u.click(within(box).getByRole("button", { name: "Cofnij ocenę" }));
    await waitFor(() => expect(api.callsTo("DELETE", `/api/clients/v1/plans/${PLAN_ID}/goals/${GOAL_ID}/assessment`)).toHaveLength(1));
    expect(api.callsTo("DELETE", `/api/clients/v1/plans/${PLAN_ID}/goals/${GOAL_ID}/assessment`)[0].headers.get("If-Match")).toBe(
      `"plan.${PLAN_ID}.3"`,
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await u.click(within(await planCard()).getByRole("button", { name: "Zamknij plan" }));
    box = await dialog("Zamknij plan");
    await u.click(within(box).getByRole("button", { name: "Zamknij plan" }));
    await waitFor(() => expect(api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `/api/clients/v1/plans/${PLAN_ID}`)[0].json()).toEqual({ status: "closed" });
  });

  it("lets a party change its own action only, with no plan edits", async () => {
    await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", {
        items: [
          plan({
            owner_institution_id: OPS_ID,
            parties: [PUP_ID],
            goals: [goal({ actions: [action({ owner_institution_id: OPS_ID }), action({ id: "9a000000-0000-4000-8000-0000000000aa" })] })],
          }),
        ],
        next_cursor: null,
      }),
    );
    const card = await planCard();
    expect(within(card).queryByRole("button", { name: "Dodaj cel" })).toBeNull();
    expect(within(card).queryByRole("button", { name: "Zapisz przegląd" })).toBeNull();
    expect(within(card).getAllByRole("button", { name: "Zmień stan" })).toHaveLength(1);
  });

  it("hides a goal's sensitive content until revealed", async () => {
    await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", {
        items: [
          plan({ goals: [goal({ sensitive: true, area_code: "addiction", description: "Terapia odwykowa" })], hidden_sensitive_goals: 2 }),
        ],
        next_cursor: null,
      }),
    );
    const card = await planCard();
    expect(within(card).queryByText("Terapia odwykowa")).toBeNull();
    expect(within(card).getByText("2 cele z danymi wrażliwymi są dla Ciebie niedostępne.")).toBeTruthy();
    await userEvent.click(within(card).getByRole("button", { name: "Pokaż cel" }));
    expect(within(card).getByText("Terapia odwykowa")).toBeTruthy();
  });

  it("shows an error with a retry, and the empty states", async () => {
    await renderPage(
      ["caseworker"],
      on.get("clients", "/v1/persons/{person_id}/plans", inTurn(problem(503, "service_unavailable"), { items: [], next_cursor: null })),
      on.get("clients", "/v1/persons/{person_id}/diagnoses", { items: [], next_cursor: null }),
    );
    const section = await screen.findByRole("region", { name: "Plany" });
    await userEvent.click(await within(section).findByRole("button", { name: "Spróbuj ponownie" }));
    expect(await within(section).findByText("Osoba nie ma planu, w którym uczestniczy Twoja instytucja.")).toBeTruthy();
    expect(await screen.findByText("Nie ma jeszcze diagnozy sytuacji tej osoby.")).toBeTruthy();
    expect(await screen.findByText("Nie zapisano konferencji przypadku.")).toBeTruthy();
  });

  it("says so when the person is not available to the institution", async () => {
    await renderPage(["caseworker"], on.get("clients", "/v1/persons/{person_id}", problem(404, "not_found")));
    expect(await screen.findByRole("heading", { level: 1, name: "Diagnoza i plan" })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole("alert").some((a) => a.textContent?.includes("Nie znaleziono"))).toBe(true));
    expect(screen.queryByRole("region", { name: "Plany" })).toBeNull();
  });
});

describe("the lead worker", () => {
  it("is set by a coordinator from the institution's staff; a caseworker only sees it", async () => {
    const staff = { items: [user({ id: "u-1", full_name: "Anna Doradczyni", roles: ["caseworker"] })], next_cursor: null };
    const { api } = await renderPage(
      ["coordinator"],
      on.get("directory", "/v1/users", staff),
      on.put(
        "clients",
        "/v1/persons/{person_id}/lead-worker",
        reply({ ...noLead, current: leadEntry, history: [leadEntry], version: 1 }, { status: 201 }),
      ),
    );
    const section = await screen.findByRole("region", { name: "Koordynator przypadku" });
    expect(await within(section).findByText("Nie wyznaczono koordynatora przypadku.")).toBeTruthy();
    const u = userEvent.setup();
    await u.click(within(section).getByRole("button", { name: "Wyznacz koordynatora" }));
    const box = await dialog("Koordynator przypadku");
    await u.click(within(box).getByRole("combobox", { name: /Pracownik/ }));
    await u.click(await screen.findByRole("option", { name: "Anna Doradczyni", hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `/api/clients/v1/persons/${PERSON_ID}/lead-worker`)).toHaveLength(1));
    const call = api.callsTo("PUT", `/api/clients/v1/persons/${PERSON_ID}/lead-worker`)[0];
    // The first assignment: version 0 (the API checks it only on a reassignment).
    expect(call.headers.get("If-Match")).toBe(`"lead-worker.${PERSON_ID}.0"`);
    expect(call.json()).toEqual({ user_sub: "u-1", display_name: "Anna Doradczyni", reason: null });
  });

  it("reassigning needs a reason and the version read", async () => {
    const staff = { items: [user({ id: "u-2", full_name: "Piotr Pracownik", roles: ["caseworker"] })], next_cursor: null };
    const { api } = await renderPage(
      ["coordinator"],
      on.get("clients", "/v1/persons/{person_id}/lead-worker", { ...noLead, current: leadEntry, history: [leadEntry], version: 1 }),
      on.get("directory", "/v1/users", staff),
      on.put("clients", "/v1/persons/{person_id}/lead-worker", { ...noLead, current: leadEntry, history: [leadEntry], version: 2 }),
    );
    const section = await screen.findByRole("region", { name: "Koordynator przypadku" });
    expect(await within(section).findByText("Anna Doradczyni")).toBeTruthy();
    const u = userEvent.setup();
    await u.click(within(section).getByRole("button", { name: "Zmień koordynatora" }));
    const box = await dialog("Koordynator przypadku");
    await u.click(within(box).getByRole("combobox", { name: /Pracownik/ }));
    await u.click(await screen.findByRole("option", { name: "Piotr Pracownik", hidden: true }));
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    expect(await within(box).findByText("Podaj powód zmiany (co najmniej 3 znaki).")).toBeTruthy();
    await u.type(within(box).getByRole("textbox", { name: /Powód zmiany/ }), "Zmiana rejonu");
    await u.click(within(box).getByRole("button", { name: "Zapisz" }));
    await waitFor(() => expect(api.callsTo("PUT", `/api/clients/v1/persons/${PERSON_ID}/lead-worker`)).toHaveLength(1));
    expect(api.callsTo("PUT", `/api/clients/v1/persons/${PERSON_ID}/lead-worker`)[0].headers.get("If-Match")).toBe(
      `"lead-worker.${PERSON_ID}.1"`,
    );
  });

  it("has no set button for a caseworker", async () => {
    await renderPage(["caseworker"]);
    const section = await screen.findByRole("region", { name: "Koordynator przypadku" });
    await within(section).findByText("Nie wyznaczono koordynatora przypadku.");
    expect(within(section).queryByRole("button")).toBeNull();
  });
});
