import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem } from "@/test/api";
import { institution, legalBasis, me, otherInstitution, person, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import CaseworkRoutes from ".";
import { action, goal, OPS_ID, PERSON_ID, plan, PLAN_ID, PLAN_TYPES, PROBLEM_AREAS } from "./testData";

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

async function renderPrint(...handlers: HttpHandler[]) {
  await signedInAs(me(["caseworker"]), ...referenceHandlers(), ...handlers);
  return renderRoutes([{ path: "/plany/*", element: <CaseworkRoutes /> }], `/plany/plan/${PLAN_ID}/druk`, { signedIn: true });
}

describe("the printable plan", () => {
  it("prints the parties, legal basis, goals with actions and the signature lines", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    await renderPrint(
      on.get(
        "clients",
        "/v1/plans/{plan_id}",
        plan({ goals: [goal({ actions: [action(), action({ id: "x-2", description: "Poradnictwo" })] })] }),
      ),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Indywidualny plan — dokument do podpisu" })).toBeTruthy();
    expect(await screen.findByText("Jan Kowalski")).toBeTruthy();
    expect(await screen.findByText("art. 108 ustawy o pomocy społecznej")).toBeTruthy();
    const goals = screen.getByRole("region", { name: "Cele i działania" });
    expect(within(goals).getByText(/1\. Podjęcie zatrudnienia/)).toBeTruthy();
    expect(within(goals).getAllByRole("row")).toHaveLength(3);
    expect(screen.getByText("podpis osoby")).toBeTruthy();
    expect(screen.getByText("podpis pracownika")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Wróć do planu" }).getAttribute("href")).toBe(`/plany/osoba/${PERSON_ID}`);
    await userEvent.click(screen.getByRole("button", { name: "Drukuj" }));
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("shows an error with a retry", async () => {
    await renderPrint(on.get("clients", "/v1/plans/{plan_id}", inTurn(problem(404, "not_found"), plan())));
    expect(await screen.findByRole("heading", { level: 1, name: "Wydruk planu" })).toBeTruthy();
    await userEvent.click(await screen.findByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Indywidualny plan — dokument do podpisu" })).toBeTruthy();
  });
});
