import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import type { Evaluation } from "../api/partnerships";
import { institutionOf, OPS, P_ID, partnership, PUP } from "../testdata";
import PartnershipsRoutes from "../routes";

const YEAR = String(new Date().getFullYear());
const EVALUATIONS = `/api/directory/v1/partnerships/${P_ID}/evaluations`;

function evaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    id: "e1",
    institution_id: OPS,
    period: YEAR,
    what_works: "Szybkie odpowiedzi",
    barriers: "Brak miejsc na szkoleniach",
    proposals: "Wspólne dyżury",
    score: 4,
    problem_areas: ["staffing"],
    submitted_at: "2026-06-30T10:00:00Z",
    ...overrides,
  };
}

async function renderEvaluations(roles: Role[], ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(partnership(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/partnerships/{partnership_id}/evaluations", {
      items: [evaluation(), evaluation({ id: "e0", score: 2, submitted_at: "2026-03-30T10:00:00Z" })],
      next_cursor: null,
    }),
    on.get("directory", "/v1/partnerships/{partnership_id}/evaluations/summary", {
      period: YEAR,
      parties_answered: 1,
      mean_score: 4,
      latest: [evaluation()],
    }),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    on.get("reporting", "/v1/problem-areas/catalogue", {
      items: [
        { code: "staffing", name_pl: "Kadrowe", name_en: "Staffing", description_pl: "", description_en: "" },
        { code: "legal", name_pl: "Prawne", name_en: "Legal", description_pl: "", description_en: "" },
      ],
      referral_reasons: {},
    }),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/ocena`, {
    signedIn: true,
  });
  await screen.findByRole("heading", { level: 2, name: `Ocena partnerstwa za ${YEAR}` });
  return { api, ...view };
}

describe("internal evaluation", () => {
  it("shows the period's aggregate, each party's newest answer and the history", async () => {
    const { api } = await renderEvaluations(["caseworker"]);
    expect(await screen.findByText("Oceny złożyło 1 z 2 partnerów.")).toBeTruthy();
    expect(screen.getByText("4.0")).toBeTruthy();
    const latest = screen.getByRole("table", { name: "Najnowsza ocena każdego partnera" });
    expect(within(latest).getByText("Brak miejsc na szkoleniach")).toBeTruthy();
    const history = screen.getByRole("table", { name: "Historia ocen" });
    expect(within(history).getAllByRole("row")).toHaveLength(3);
    expect(within(history).getAllByText("Kadrowe")).toHaveLength(2);
    expect(api.callsTo("GET", `${EVALUATIONS}/summary`)[0].query.get("period")).toBe(YEAR);
    // A caseworker does not evaluate for the institution.
    expect(screen.queryByRole("button", { name: "Złóż ocenę" })).toBeNull();
  });

  it("lets a party's coordinator submit the institution's evaluation", async () => {
    const u = userEvent.setup();
    const { api } = await renderEvaluations(
      ["coordinator"],
      on.post("directory", "/v1/partnerships/{partnership_id}/evaluations", evaluation({ institution_id: PUP })),
    );
    await u.click(screen.getByRole("button", { name: "Złóż ocenę" }));
    expect(await screen.findByText("Wybierz ocenę od 1 do 5.")).toBeTruthy();
    expect(api.callsTo("POST", EVALUATIONS)).toHaveLength(0);
    await u.type(screen.getByRole("textbox", { name: /Co działa/ }), "Wymiana informacji");
    await u.type(screen.getByRole("textbox", { name: /Bariery/ }), "Terminy");
    await u.type(screen.getByRole("textbox", { name: /Propozycje zmian/ }), "Spotkania co miesiąc");
    await u.click(screen.getByRole("radio", { name: "5" }));
    const areas = screen.getAllByLabelText(/Obszary problemowe/).find((e) => e instanceof HTMLInputElement && e.type !== "hidden");
    await u.click(areas as HTMLElement);
    await u.click(await screen.findByRole("option", { name: "Prawne", hidden: true }));
    await u.click(screen.getByRole("button", { name: "Złóż ocenę" }));
    await waitFor(() => expect(api.callsTo("POST", EVALUATIONS)).toHaveLength(1));
    expect(api.callsTo("POST", EVALUATIONS)[0].json()).toEqual({
      period: YEAR,
      what_works: "Wymiana informacji",
      barriers: "Terminy",
      proposals: "Spotkania co miesiąc",
      score: 5,
      problem_areas: ["legal"],
    });
  });

  it("asks for a valid period before reading the aggregate", async () => {
    const u = userEvent.setup();
    const { api } = await renderEvaluations(["coordinator"]);
    const period = screen.getByRole("textbox", { name: "Okres" });
    await u.clear(period);
    await u.type(period, "2026-X");
    expect(await screen.findByText(/Okres: rok \(2026\)/)).toBeTruthy();
    expect(api.callsTo("GET", `${EVALUATIONS}/summary`).every((c) => c.query.get("period") !== "2026-X")).toBe(true);
  });

  it("shows a failed read of the aggregate with a retry", async () => {
    await renderEvaluations(
      ["coordinator"],
      on.get("directory", "/v1/partnerships/{partnership_id}/evaluations/summary", problem(503, "unavailable")),
    );
    expect(await screen.findByRole("button", { name: "Spróbuj ponownie" })).toBeTruthy();
  });
});
