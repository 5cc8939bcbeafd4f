import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, reply } from "@/test/api";
import { me } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { Role } from "@/lib/api/directory";
import { formatDate } from "@/lib/format";
import { institutionOf, meeting, OPS, P_ID, partnership, PUP } from "../testdata";
import PartnershipsRoutes from "../routes";

const MEETINGS = `/api/directory/v1/partnerships/${P_ID}/meetings`;

async function renderMeetings(roles: Role[], ...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(roles),
    on.get("directory", "/v1/partnerships/{partnership_id}", reply(partnership(), { headers: { ETag: `"${P_ID}.3"` } })),
    on.get("directory", "/v1/partnerships/{partnership_id}/meetings", { items: [meeting()], next_cursor: null }),
    on.get("directory", "/v1/institutions/{institution_id}", (call) => institutionOf(call.params.institution_id)),
    ...handlers,
  );
  const view = renderRoutes([{ path: "/partnerstwa/*", element: <PartnershipsRoutes /> }], `/partnerstwa/${P_ID}/spotkania`, {
    signedIn: true,
  });
  await screen.findByRole("heading", { level: 1, name: partnership().name });
  return { api, ...view };
}

describe("meetings", () => {
  it("lists meetings with parties present, agenda, decisions, minutes and the next date", async () => {
    await renderMeetings(["caseworker"]);
    const card = (await screen.findByRole("heading", { level: 2, name: /Spotkanie/ })).closest("li");
    if (!card) throw new Error("no meeting");
    expect(within(card).getByText("Przegląd skierowań")).toBeTruthy();
    expect(within(card).getByText("Skrócić czas odpowiedzi")).toBeTruthy();
    expect(within(card).getByText("zadanie w planie")).toBeTruthy();
    expect(within(card).getByText(/Protokół nr 1 \(protokol-1.pdf\)/)).toBeTruthy();
    expect(await within(card).findByText(/Powiatowy Urząd Pracy w Wieliczce/)).toBeTruthy();
    expect(screen.getByText(`Następne spotkanie: ${formatDate("2026-06-10")}`)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Zapisz spotkanie" })).toBeNull();
  });

  it("records a meeting whose decision adds a task to the plan", async () => {
    const u = userEvent.setup();
    const { api } = await renderMeetings(["coordinator"], on.post("directory", "/v1/partnerships/{partnership_id}/meetings", meeting()));
    await u.click(await screen.findByRole("button", { name: "Zapisz spotkanie" }));
    const dialog = await screen.findByRole("dialog", { name: "Zapisz spotkanie" });
    const date = within(dialog).getByLabelText(/Data spotkania/);
    await u.clear(date);
    await u.type(date, "2026-05-12");
    // Both parties are ticked at first; the OPS was absent.
    await u.click(await within(dialog).findByRole("checkbox", { name: "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wieliczce" }));
    await u.type(within(dialog).getByRole("textbox", { name: /Porządek obrad/ }), "Standard usługi");
    await u.click(within(dialog).getByRole("button", { name: "Dodaj ustalenie" }));
    await u.type(within(dialog).getByRole("textbox", { name: /Treść ustalenia/ }), "Szkolenie dla doradców");
    await u.click(within(dialog).getByRole("checkbox", { name: /Dodaj z tego ustalenia zadanie/ }));
    await u.click(within(dialog).getByRole("combobox", { name: /Odpowiada/ }));
    await u.click(await screen.findByRole("option", { name: "Powiatowy Urząd Pracy w Wieliczce", hidden: true }));
    await u.type(within(dialog).getByRole("textbox", { name: /Protokół — tytuł/ }), "Protokół nr 2");
    await u.type(within(dialog).getByLabelText(/^Następne spotkanie/), "2026-09-01");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz spotkanie" }));
    await waitFor(() => expect(api.callsTo("POST", MEETINGS)).toHaveLength(1));
    expect(api.callsTo("POST", MEETINGS)[0].json()).toEqual({
      held_on: "2026-05-12",
      present_institution_ids: [PUP],
      agenda: "Standard usługi",
      decisions: [
        {
          text: "Szkolenie dla doradców",
          task: { title: "Szkolenie dla doradców", owner_institution_id: PUP, due_on: null, status: "planned" },
        },
      ],
      minutes: { title: "Protokół nr 2", file_name: null },
      next_meeting_on: "2026-09-01",
    });
    expect(OPS).not.toBe(PUP);
  });

  it("shows the API's refusal (a party present that is no party)", async () => {
    const u = userEvent.setup();
    await renderMeetings(["coordinator"], on.post("directory", "/v1/partnerships/{partnership_id}/meetings", problem(422, "not_a_party")));
    await u.click(await screen.findByRole("button", { name: "Zapisz spotkanie" }));
    const dialog = await screen.findByRole("dialog", { name: "Zapisz spotkanie" });
    await u.type(within(dialog).getByRole("textbox", { name: /Porządek obrad/ }), "Sprawy bieżące");
    await u.click(within(dialog).getByRole("button", { name: "Zapisz spotkanie" }));
    expect(await within(dialog).findByText("Wskazana instytucja nie jest partnerem.")).toBeTruthy();
  });

  it("says when there are none", async () => {
    await renderMeetings(
      ["caseworker"],
      on.get("directory", "/v1/partnerships/{partnership_id}/meetings", { items: [], next_cursor: null }),
    );
    expect(await screen.findByText("Nie zapisano jeszcze spotkań.")).toBeTruthy();
  });

  it("shows a failed read with a retry", async () => {
    await renderMeetings(["caseworker"], on.get("directory", "/v1/partnerships/{partnership_id}/meetings", problem(503, "unavailable")));
    expect(await screen.findByRole("button", { name: "Spróbuj ponownie" })).toBeTruthy();
  });
});
