import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { inTurn, on, problem } from "@/test/api";
import { institution, legalBasis, me, otherInstitution, person, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import CaseworkRoutes from ".";
import { listItem, OPS_ID, PERSON_ID, PLAN_TYPES, PROBLEM_AREAS } from "./testData";

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

async function renderList(...handlers: HttpHandler[]) {
  const api = await signedInAs(me(["coordinator"]), ...referenceHandlers(), ...handlers);
  const rendered = renderRoutes([{ path: "/plany/*", element: <CaseworkRoutes /> }], "/plany", { signedIn: true });
  return { api, ...rendered };
}

describe("plans due for review", () => {
  it("lists the plans due for review, overdue ones in red, with a link to the person's casework", async () => {
    const { api } = await renderList(
      on.get("clients", "/v1/plans", ({ query }) => ({
        items: query.get("review_due_before")
          ? [
              listItem(),
              listItem({
                id: "9a000000-0000-4000-8000-0000000000f1",
                review_overdue: false,
                next_review_due: "2099-01-01",
                owner_institution_id: OPS_ID,
              }),
            ]
          : [listItem(), listItem({ id: "9a000000-0000-4000-8000-0000000000f2", next_review_due: null, review_overdue: false })],
        next_cursor: null,
      })),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Plany do przeglądu" })).toBeTruthy();
    // A coordinator reads the reports: the plans' measures are a link away.
    expect(screen.getByRole("link", { name: "Wskaźniki planów" }).getAttribute("href")).toBe("/raporty/plany");
    const table = await screen.findByRole("table", { name: "Plany" });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(3));
    const rows = within(table).getAllByRole("row");
    expect(within(rows[1]).getByText("przegląd po terminie")).toBeTruthy();
    expect(within(rows[2]).queryByText("przegląd po terminie")).toBeNull();
    expect((await within(rows[1]).findByRole("link", { name: "Jan Kowalski" })).getAttribute("href")).toBe(`/plany/osoba/${PERSON_ID}`);
    expect(await within(rows[1]).findByText("Wspólny plan działania")).toBeTruthy();
    const before = api.callsTo("GET", "/api/clients/v1/plans")[0].query.get("review_due_before") ?? "";
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before > new Date().toISOString().slice(0, 10)).toBe(true);

    await userEvent.click(screen.getByRole("radio", { name: "Wszystkie aktywne" }));
    await waitFor(() => expect(api.callsTo("GET", "/api/clients/v1/plans").some((c) => !c.query.has("review_due_before"))).toBe(true));
  });

  it("says when nothing is due", async () => {
    await renderList(on.get("clients", "/v1/plans", { items: [], next_cursor: null }));
    expect(await screen.findByText("Żaden plan nie czeka na przegląd.")).toBeTruthy();
  });

  it("shows an error with a retry", async () => {
    await renderList(
      on.get("clients", "/v1/plans", inTurn(problem(503, "service_unavailable"), { items: [listItem()], next_cursor: null })),
    );
    await userEvent.click(await screen.findByRole("button", { name: "Spróbuj ponownie" }));
    expect(await screen.findByRole("table", { name: "Plany" })).toBeTruthy();
  });
});
