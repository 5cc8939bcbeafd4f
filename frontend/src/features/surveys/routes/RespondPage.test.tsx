import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { ROUND_ID, responseRead, task } from "../testdata";
import SurveysRoutes from ".";

async function open(path: string, ...handlers: HttpHandler[]) {
  const api = await signedInAs(me(["coordinator"]), ...handlers);
  renderRoutes([{ path: "/ankiety/*", element: <SurveysRoutes /> }], path, { signedIn: true });
  return api;
}

const RESPONSE = `/api/reporting/v1/survey-rounds/${ROUND_ID}/response`;

describe("the institution's survey form", () => {
  it("shows a follow-up question only after the answer it depends on", async () => {
    const user = userEvent.setup();
    await open(
      `/ankiety/odpowiedz/${ROUND_ID}`,
      on.get("reporting", "/v1/survey-rounds/{round_id}/response", reply(responseRead(), { headers: { ETag: `"${ROUND_ID}.0"` } })),
    );
    await screen.findByRole("heading", { level: 1, name: "Współpraca PUP–OPS" });
    expect(screen.queryByRole("textbox", { name: /Ile wspólnych programów/ })).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Tak" }));
    expect(await screen.findByRole("textbox", { name: /Ile wspólnych programów/ })).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "Nie" }));
    await waitFor(() => expect(screen.queryByRole("textbox", { name: /Ile wspólnych programów/ })).toBeNull());
  });

  it("checks required answers before sending, and sends nothing then", async () => {
    const user = userEvent.setup();
    const api = await open(
      `/ankiety/odpowiedz/${ROUND_ID}`,
      on.get("reporting", "/v1/survey-rounds/{round_id}/response", reply(responseRead(), { headers: { ETag: `"${ROUND_ID}.0"` } })),
    );
    await user.click(await screen.findByRole("button", { name: "Wyślij" }));
    const group = screen.getByRole("radiogroup", { name: /Czy macie wspólne programy/ });
    expect(within(group.parentElement as HTMLElement).getByText("To pytanie jest obowiązkowe.")).toBeTruthy();
    expect(api.callsTo("PUT", RESPONSE)).toHaveLength(0);
  });

  it("saves without If-Match the first time, submits with the saved version's, and maps the server's answer errors to the questions", async () => {
    const user = userEvent.setup();
    const api = await open(
      `/ankiety/odpowiedz/${ROUND_ID}`,
      on.get("reporting", "/v1/survey-rounds/{round_id}/response", reply(responseRead(), { headers: { ETag: `"${ROUND_ID}.0"` } })),
      on.put(
        "reporting",
        "/v1/survey-rounds/{round_id}/response",
        reply(responseRead({ status: "draft", answers: { joint: "no" } }), { headers: { ETag: `"${ROUND_ID}.1"` } }),
      ),
      on.post(
        "reporting",
        "/v1/survey-rounds/{round_id}/response/submit",
        problem(422, "answer_required", {
          errors: [
            { loc: ["body", "answers", "comment"], msg: "required", type: "answer_required", question: "comment", code: "answer_required" },
          ],
        }),
      ),
    );
    await user.click(await screen.findByRole("radio", { name: "Nie" }));
    await user.click(screen.getByRole("button", { name: "Wyślij" }));
    await screen.findByText("1 odpowiedź wymaga poprawy.");
    const put = api.callsTo("PUT", RESPONSE)[0];
    expect(put.headers.get("If-Match")).toBeNull();
    expect(put.json()).toEqual({ answers: { joint: "no" } });
    expect(api.callsTo("POST", `${RESPONSE}/submit`)[0].headers.get("If-Match")).toBe(`"${ROUND_ID}.1"`);
    const comment = screen.getByRole("textbox", { name: "Uwagi" });
    expect(comment.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("To pytanie jest obowiązkowe.")).toBeTruthy();
  });

  it("offers a correction of a submitted response until the deadline, and none after it", async () => {
    await open(
      `/ankiety/odpowiedz/${ROUND_ID}`,
      on.get(
        "reporting",
        "/v1/survey-rounds/{round_id}/response",
        reply(responseRead({ status: "submitted", answers: { joint: "no" }, submitted_at: "2026-12-03T10:00:00Z", editable: false }), {
          headers: { ETag: `"${ROUND_ID}.2"` },
        }),
      ),
    );
    await screen.findByText(/Termin minął albo runda została zamknięta/);
    expect(screen.queryByRole("button", { name: "Popraw" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Wyślij" })).toBeNull();
  });
});

describe("the institution's surveys to fill in", () => {
  it("lists the tasks with days left and a reminder, linking to the form", async () => {
    await open(
      "/ankiety",
      on.get("reporting", "/v1/survey-tasks", { items: [task({ reminded_at: "2026-12-04T08:00:00Z", status: "draft", days_left: 2 })] }),
    );
    await screen.findByRole("heading", { level: 1, name: "Ankiety do wypełnienia" });
    const link = await screen.findByRole("link", { name: "Współpraca 2026" });
    expect(link.getAttribute("href")).toBe(`/ankiety/odpowiedz/${ROUND_ID}`);
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByText("zostały 2 dni")).toBeTruthy();
    expect(within(row).getByText("przypomnienie")).toBeTruthy();
    expect(within(row).getByText("szkic")).toBeTruthy();
  });
});
