import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { QUESTIONNAIRE_ID, ROUND_ID, questionnaireRead } from "../testdata";
import SurveysRoutes from ".";

async function open(path: string, ...handlers: HttpHandler[]) {
  const api = await signedInAs(me(["analyst"], { analyst_scope: "12" }), ...handlers);
  renderRoutes([{ path: "/ankiety/*", element: <SurveysRoutes /> }], path, { signedIn: true });
  return api;
}

const questionnaires = on.get("reporting", "/v1/questionnaires", {
  items: [
    {
      id: QUESTIONNAIRE_ID,
      title: "Współpraca PUP–OPS",
      status: "frozen",
      version_no: 1,
      template: "wspolpraca-pup-ops",
      owner_scope: "12",
      updated_at: "2026-12-01T10:00:00Z",
      rounds: 1,
    },
  ],
  next_cursor: null,
});

describe("an analyst's surveys", () => {
  it("lists the rounds with their response rate", async () => {
    await open(
      "/ankiety",
      on.get("reporting", "/v1/survey-rounds", {
        items: [
          {
            id: ROUND_ID,
            title: "Współpraca 2026",
            status: "open",
            territory: "12",
            deadline: "2026-12-20",
            invited: 40,
            submitted: 10,
            response_rate: 0.25,
          },
        ],
        next_cursor: null,
      }),
    );
    const link = await screen.findByRole("link", { name: "Współpraca 2026" });
    expect(link.getAttribute("href")).toBe(`/ankiety/rundy/${ROUND_ID}`);
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByText("województwo małopolskie")).toBeTruthy();
    expect(within(row).getByRole("progressbar", { name: "Zwrot: 25% (10 z 40)" })).toBeTruthy();
    expect(within(row).getByText("otwarta")).toBeTruthy();
  });

  it("starts a questionnaire from the template and opens the designer", async () => {
    const user = userEvent.setup();
    const api = await open(
      "/ankiety/kwestionariusze",
      questionnaires,
      on.get("reporting", "/v1/survey-templates", {
        items: [{ code: "wspolpraca-pup-ops", title: "Współpraca PUP–OPS", description: null, questions: 12 }],
      }),
      on.post("reporting", "/v1/questionnaires", reply(questionnaireRead({ id: "new-1" }), { status: 201 })),
      on.get(
        "reporting",
        "/v1/questionnaires/{questionnaire_id}",
        reply(questionnaireRead({ id: "new-1" }), { headers: { ETag: '"n.1"' } }),
      ),
      on.get("clients", "/v1/problem-areas", problem(403, "forbidden")),
    );
    await user.click(await screen.findByRole("button", { name: "Nowy z szablonu" }));
    await user.click(await screen.findByRole("menuitem", { name: /Współpraca PUP–OPS/, hidden: true }));
    expect(await screen.findByRole("button", { name: "Zapisz kwestionariusz" })).toBeTruthy();
    expect(api.callsTo("POST", "/api/reporting/v1/questionnaires")[0].json()).toEqual({ template: "wspolpraca-pup-ops" });
  });

  it("opens a round, showing the server's refusal next to the institution types", async () => {
    const user = userEvent.setup();
    const api = await open(
      `/ankiety/rundy/nowa?questionnaire=${QUESTIONNAIRE_ID}`,
      questionnaires,
      on.post("reporting", "/v1/survey-rounds", problem(422, "no_recipients")),
    );
    await screen.findByRole("heading", { level: 1, name: "Nowa runda ankiety" });
    await user.type(screen.getByRole("textbox", { name: /Tytuł rundy/ }), "Współpraca 2026");
    const deadline = screen.getByLabelText(/Termin odpowiedzi/);
    await user.type(deadline, "2099-01-15");
    await user.click(screen.getByRole("button", { name: "Otwórz rundę" }));
    expect(await screen.findByText("Na tym obszarze nie ma aktywnych instytucji wybranych typów.")).toBeTruthy();
    const body = api.callsTo("POST", "/api/reporting/v1/survey-rounds")[0].json() as Record<string, unknown>;
    expect(body).toMatchObject({
      questionnaire_id: QUESTIONNAIRE_ID,
      title: "Współpraca 2026",
      territory: "12",
      institution_types: ["PUP", "OPS"],
      deadline: "2099-01-15",
      reminder_days: 3,
    });
  });
});
