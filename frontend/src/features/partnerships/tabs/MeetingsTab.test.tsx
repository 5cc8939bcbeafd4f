import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem, raw, reply } from "@/test/api";
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

afterEach(() => vi.restoreAllMocks());

const DOC = "0d5a3a0e-5b7a-4f4e-9d3a-3c0f8f4f2a10";
const kept = (document_id: string | null) =>
  meeting({
    minutes: { title: "Protokół nr 1", file_name: "protokół 1.pdf", media_type: "application/pdf", size_bytes: 12_500, document_id },
  });

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

  it("lets a party download the minutes' file, and no one but an organiser replace it", async () => {
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:splot-test");
    const save = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { api } = await renderMeetings(
      ["caseworker"],
      on.get("directory", "/v1/partnerships/{partnership_id}/meetings", { items: [kept(DOC)], next_cursor: null }),
      on.get(
        "directory",
        "/v1/partnerships/{partnership_id}/documents/{document_id}",
        raw(
          () =>
            new Response(new Uint8Array([37, 80, 68, 70]), {
              status: 200,
              headers: {
                "Content-Type": "application/pdf",
                "Content-Disposition": "attachment; filename*=UTF-8''protok%C3%B3%C5%82%201.pdf",
              },
            }),
        ),
      ),
    );
    expect(await screen.findByText(/Protokół nr 1 \(protokół 1.pdf, 12,5 kB\)/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /pliku? protokołu/ })).toBeNull();
    await userEvent.setup().click(screen.getByRole("button", { name: "Pobierz protokół" }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(api.callsTo("GET", `/api/directory/v1/partnerships/${P_ID}/documents/${DOC}`)).toHaveLength(1);
  });

  it("uploads the minutes' file as an organiser, and explains a refused file", async () => {
    let answer = 0;
    const { api } = await renderMeetings(
      ["coordinator"],
      on.post("directory", "/v1/partnerships/{partnership_id}/meetings/{meeting_id}/minutes", () => {
        answer += 1;
        return answer === 1
          ? reply(
              {
                id: DOC,
                meeting_id: "m1",
                kind: "minutes" as const,
                title: "Protokół nr 1",
                file_name: "protokol.pdf",
                media_type: "application/pdf",
                size_bytes: 4,
                sha256: "0".repeat(64),
                uploaded_by_institution_id: OPS,
                uploaded_at: "2026-03-11T10:00:00Z",
              },
              { status: 201 },
            )
          : problem(415, "unsupported_media_type");
      }),
    );
    const u = userEvent.setup();
    expect(await screen.findByRole("button", { name: "Dodaj plik protokołu" })).toBeTruthy();
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error("no file input");
    expect(input.accept).toBe(".pdf,.odt,.docx,.txt");
    await u.upload(input, new File(["%PDF"], "protokol.pdf", { type: "application/pdf" }));
    await waitFor(() => expect(api.callsTo("POST", `/api/directory/v1/partnerships/${P_ID}/meetings/m1/minutes`)).toHaveLength(1));
    const [sent] = api.callsTo("POST", `/api/directory/v1/partnerships/${P_ID}/meetings/m1/minutes`);
    expect(sent.headers.get("Content-Type")).toMatch(/^multipart\/form-data/);
    expect(sent.body).toContain('filename="protokol.pdf"');
    await waitFor(() => expect(api.callsTo("GET", `/api/directory/v1/partnerships/${P_ID}/meetings`).length).toBeGreaterThan(1));

    await u.upload(input, new File(["MZ"], "wirus.pdf", { type: "application/pdf" }));
    expect(await screen.findByText("Protokół musi być dokumentem PDF, ODT, DOCX albo TXT (UTF-8).")).toBeTruthy();
  });
});
