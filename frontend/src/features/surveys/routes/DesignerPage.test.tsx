import { describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { QuestionnaireWrite } from "../api/surveys";
import { QUESTIONNAIRE_ID, questionnaireRead } from "../testdata";
import SurveysRoutes from ".";

const PATH = `/api/reporting/v1/questionnaires/${QUESTIONNAIRE_ID}`;

async function open(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["analyst"], { analyst_scope: "12" }),
    on.get("clients", "/v1/problem-areas", problem(403, "forbidden")),
    ...handlers,
  );
  renderRoutes([{ path: "/ankiety/*", element: <SurveysRoutes /> }], `/ankiety/kwestionariusze/${QUESTIONNAIRE_ID}`, { signedIn: true });
  return api;
}

describe("the questionnaire designer", () => {
  it("adds a choice question with its answers, previews it as the respondent sees it, and saves with If-Match", async () => {
    const user = userEvent.setup();
    const api = await open(
      on.get("reporting", "/v1/questionnaires/{questionnaire_id}", reply(questionnaireRead(), { headers: { ETag: '"q.1"' } })),
      on.put("reporting", "/v1/questionnaires/{questionnaire_id}", (call) =>
        reply(questionnaireRead(call.json() as QuestionnaireWrite), { headers: { ETag: '"q.2"' } }),
      ),
    );
    await screen.findByRole("heading", { level: 1, name: "Współpraca PUP–OPS" });
    await user.click(screen.getByRole("button", { name: "Dodaj pytanie do sekcji 1" }));
    const question = screen.getByRole("group", { name: "Pytanie 1.4" });
    const text = within(question).getByRole("textbox", { name: /Treść pytania/ });
    fireEvent.change(text, { target: { value: "Jak oceniacie kontakty?" } });
    const type = within(question).getByRole("combobox", { name: "Rodzaj pytania" });
    await user.click(type);
    const list = document.getElementById(type.getAttribute("aria-controls") ?? "") as HTMLElement;
    await user.click(within(list).getByRole("option", { name: "jednokrotny wybór", hidden: true }));
    const first = within(question).getByRole("textbox", { name: "Treść odpowiedzi 1" });
    fireEvent.change(first, { target: { value: "Dobrze" } });
    await user.click(within(question).getByRole("button", { name: "Dodaj odpowiedź" }));
    expect(within(question).getByRole("textbox", { name: "Treść odpowiedzi 3" })).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "Podgląd" }));
    const preview = await screen.findByRole("radiogroup", { name: "Jak oceniacie kontakty?" });
    expect(within(preview).getByRole("radio", { name: "Dobrze" })).toBeTruthy();
    // show_if is live in the preview too.
    expect(screen.queryByRole("textbox", { name: /Ile wspólnych programów/ })).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Tak" }));
    expect(await screen.findByRole("textbox", { name: /Ile wspólnych programów/ })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Zapisz kwestionariusz" }));
    await screen.findByText("Zapisano kwestionariusz.");
    const put = api.callsTo("PUT", PATH)[0];
    expect(put.headers.get("If-Match")).toBe('"q.1"');
    const body = put.json() as QuestionnaireWrite;
    const added = body.sections[0].questions[3];
    expect(added).toMatchObject({ key: "q1", text: "Jak oceniacie kontakty?", type: "single_choice" });
    expect(added.options.map((o) => o.label)).toEqual(["Dobrze", "Odpowiedź 2", "Odpowiedź 3"]);
    expect(added.options.map((o) => o.value)).toEqual(["o1", "o2", "o3"]);
  });

  it("shows a frozen questionnaire read-only and creates a new version of it", async () => {
    const user = userEvent.setup();
    const api = await open(
      on.get("reporting", "/v1/questionnaires/{questionnaire_id}", (call) =>
        call.params.questionnaire_id === "copy-1"
          ? reply(questionnaireRead({ id: "copy-1", version_no: 2, previous_id: QUESTIONNAIRE_ID }), { headers: { ETag: '"c.1"' } })
          : reply(questionnaireRead({ status: "frozen", rounds: 1 }), { headers: { ETag: '"q.3"' } }),
      ),
      on.post(
        "reporting",
        "/v1/questionnaires/{questionnaire_id}/copy",
        reply(questionnaireRead({ id: "copy-1", version_no: 2 }), { status: 201 }),
      ),
    );
    await screen.findByText("Kwestionariusz zamrożony");
    expect(screen.queryByRole("button", { name: "Zapisz kwestionariusz" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Utwórz nową wersję" }));
    await screen.findByText("Wersja 2");
    expect(await screen.findByRole("button", { name: "Zapisz kwestionariusz" })).toBeTruthy();
    expect(api.callsTo("POST", `${PATH}/copy`)).toHaveLength(1);
  });
});
