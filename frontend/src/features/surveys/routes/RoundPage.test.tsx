import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { ROUND_ID, hidden, results, roundRead } from "../testdata";
import SurveysRoutes from ".";

async function open(path: string, ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["analyst"], { analyst_scope: "12" }),
    on.get("reporting", "/v1/survey-rounds/{round_id}", roundRead()),
    ...handlers,
  );
  renderRoutes([{ path: "/ankiety/*", element: <SurveysRoutes /> }], path, { signedIn: true });
  return api;
}

const rate = on.get("reporting", "/v1/survey-rounds/{round_id}/response-rate", {
  round_id: ROUND_ID,
  level: "powiat",
  rows: [
    { territory: "1206", name: "krakowski", invited: 20, submitted: 5, drafts: 2, response_rate: 0.25 },
    { territory: "1261", name: "Kraków", invited: 20, submitted: 5, drafts: 3, response_rate: 0.25 },
  ],
});

describe("a round's dashboard", () => {
  it("shows the counts, the response rate by powiat as a table next to the map, and the owner's actions", async () => {
    const user = userEvent.setup();
    const api = await open(
      `/ankiety/rundy/${ROUND_ID}`,
      rate,
      on.post("reporting", "/v1/survey-rounds/{round_id}/reminders", { reminded: 30 }),
    );
    await screen.findByRole("heading", { level: 1, name: "Współpraca 2026" });
    const table = await screen.findByRole("table", { name: "Zwrot ankiet według: powiat" });
    const row = within(table).getByRole("rowheader", { name: "krakowski" }).closest("tr") as HTMLElement;
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["20", "5", "2", "25%"]);
    expect(api.callsTo("GET", `/api/reporting/v1/survey-rounds/${ROUND_ID}/response-rate`)[0].query.get("level")).toBe("powiat");
    expect(screen.getByRole("button", { name: "Zamknij rundę" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Wyślij przypomnienie" }));
    const dialog = await screen.findByRole("dialog", { name: "Wysłać przypomnienie?" });
    await user.click(within(dialog).getByRole("button", { name: "Wyślij przypomnienie" }));
    await screen.findByText("Wysłano przypomnienia: 30.");
    expect(api.callsTo("POST", `/api/reporting/v1/survey-rounds/${ROUND_ID}/reminders`)).toHaveLength(1);
  });

  it("gives another analyst no owner's actions", async () => {
    await open(`/ankiety/rundy/${ROUND_ID}`, rate, on.get("reporting", "/v1/survey-rounds/{round_id}", roundRead({ is_owner: false })));
    await screen.findByRole("heading", { level: 1, name: "Współpraca 2026" });
    expect(screen.queryByRole("button", { name: "Zamknij rundę" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Wyślij przypomnienie" })).toBeNull();
  });
});

describe("a round's results", () => {
  it("shows small counts as hidden, never as 0, and filters by an answer", async () => {
    const user = userEvent.setup();
    const api = await open(`/ankiety/rundy/${ROUND_ID}/wyniki`, on.get("reporting", "/v1/survey-rounds/{round_id}/results", results()));
    const table = await screen.findByRole("table", { name: "Czy macie wspólne programy?" });
    const no = within(table).getByRole("rowheader", { name: "Nie" }).closest("tr") as HTMLElement;
    expect(within(no).getAllByText("ukryte")).toHaveLength(2);
    expect(within(no).queryByText("0")).toBeNull();
    const yes = within(table).getByRole("rowheader", { name: "Tak" }).closest("tr") as HTMLElement;
    expect(
      within(yes)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["8", "80%"]);

    const filter = screen.getByRole("combobox", { name: "Tylko instytucje, które na pytanie" });
    await user.click(filter);
    const list = document.getElementById(filter.getAttribute("aria-controls") ?? "") as HTMLElement;
    await user.click(within(list).getByRole("option", { name: "Czy macie wspólne programy?", hidden: true }));
    const answer = await screen.findByRole("combobox", { name: "odpowiedziały" });
    await user.click(answer);
    const answers = document.getElementById(answer.getAttribute("aria-controls") ?? "") as HTMLElement;
    await user.click(within(answers).getByRole("option", { name: "Tak", hidden: true }));
    await waitFor(() => {
      const last = api.callsTo("GET", `/api/reporting/v1/survey-rounds/${ROUND_ID}/results`).at(-1)!;
      expect([last.query.get("question"), last.query.get("answer")]).toEqual(["joint", "yes"]);
    });
  });

  it("says when the view is protected (too few respondents)", async () => {
    await open(
      `/ankiety/rundy/${ROUND_ID}/wyniki`,
      on.get(
        "reporting",
        "/v1/survey-rounds/{round_id}/results",
        results({
          respondents: hidden,
          questions: [
            { ...results().questions[0], answered: hidden, options: [{ value: "yes", label: "Tak", count: hidden, share: hidden }] },
          ],
        }),
      ),
    );
    expect(await screen.findByText("Za mało odpowiedzi")).toBeTruthy();
    expect(screen.queryByText("0")).toBeNull();
  });
});
