import { describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem } from "@/test/api";
import { me, referral } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import { signedInAs } from "@/test/session";
import type { AllowedAction } from "../api/referrals";
import { fieldsOf, TransitionModal } from "./TransitionModal";

const REASONS = {
  items: [
    {
      code: "no_capacity",
      label_pl: "Brak wolnych miejsc",
      label_en: "No capacity",
      actions: ["reject", "fail"],
      system_only: false,
      active: true,
    },
    {
      code: "client_declined",
      label_pl: "Osoba odmówiła",
      label_en: "Client declined",
      actions: ["withdraw"],
      system_only: false,
      active: true,
    },
    { code: "no_response", label_pl: "Brak odpowiedzi", label_en: "No response", actions: ["reject"], system_only: true, active: true },
  ],
};
const OUTCOMES = {
  items: [
    { code: "employed", kind: "outcome" as const, label_pl: "Podjęcie zatrudnienia", label_en: "Employed", employment: true, active: true },
    {
      code: "training_completed",
      kind: "outcome" as const,
      label_pl: "Ukończenie szkolenia",
      label_en: "Training completed",
      employment: false,
      active: true,
    },
  ],
};

const REJECT: AllowedAction = {
  action: "reject",
  endpoint: "transitions",
  required_fields: ["reason_code", "declined_by", "text"],
  optional_fields: [],
};
const COMPLETE: AllowedAction = {
  action: "complete",
  endpoint: "transitions",
  required_fields: ["outcome_codes", "delivered"],
  optional_fields: ["text"],
};
const START: AllowedAction = { action: "start", endpoint: "transitions", required_fields: [], optional_fields: ["text"] };

function setup(...handlers: HttpHandler[]) {
  return signedInAs(
    me(["caseworker"]),
    on.get("referrals", "/v1/reason-codes", REASONS),
    on.get("referrals", "/v1/outcome-codes", OUTCOMES),
    ...handlers,
  );
}

function open(action: AllowedAction, onReload = vi.fn(() => Promise.resolve()), onClose = vi.fn()) {
  renderPage(<TransitionModal referral={referral()} etag='"r-1.3"' action={action} onClose={onClose} onReload={onReload} />);
  return { onReload, onClose };
}

describe("fieldsOf", () => {
  it("lists the known fields of the action in form order, marking the required ones", () => {
    expect(fieldsOf(REJECT)).toEqual([
      { name: "reason_code", required: true },
      { name: "declined_by", required: true },
      { name: "text", required: true },
    ]);
    expect(fieldsOf({ ...START, optional_fields: ["text", "something_new"] })).toEqual([{ name: "text", required: false }]);
  });
});

describe("TransitionModal", () => {
  it("builds the reject form from allowed_actions: reason (only codes for reject, no system codes), who declined, explanation", async () => {
    await setup();
    open(REJECT);
    const dialog = await screen.findByRole("dialog", { name: "Odrzuć" });
    expect(within(dialog).getByLabelText(/Powód/)).toBeTruthy();
    expect(within(dialog).getByRole("radio", { name: "odmowa osoby" })).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: /Uzasadnienie/ })).toBeTruthy();
    expect(within(dialog).queryByText("Rezultaty")).toBeNull();
    await userEvent.click(within(dialog).getByLabelText(/Powód/));
    expect(await screen.findByRole("option", { name: "Brak wolnych miejsc", hidden: true })).toBeTruthy();
    expect(screen.queryByRole("option", { name: "Osoba odmówiła", hidden: true })).toBeNull();
    expect(screen.queryByRole("option", { name: "Brak odpowiedzi", hidden: true })).toBeNull();
  });

  it("builds the complete form with outcome checkboxes and 'delivered', and refuses to send without an outcome", async () => {
    const api = await setup();
    open(COMPLETE);
    const dialog = await screen.findByRole("dialog", { name: "Zakończ z rezultatem" });
    expect(await within(dialog).findByRole("checkbox", { name: "Podjęcie zatrudnienia" })).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: /Co zostało zrealizowane/ })).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: /Uwagi/ })).toBeTruthy();
    expect(within(dialog).queryByLabelText(/Powód/)).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Zakończ z rezultatem" }));
    expect(await within(dialog).findByText("Wybierz co najmniej jeden rezultat.")).toBeTruthy();
    expect(api.callsTo("POST", "/api/referrals/v1/referrals/r-1/transitions")).toHaveLength(0);
  });

  it("posts the action with If-Match and only the fields of the action", async () => {
    const api = await setup(on.post("referrals", "/v1/referrals/{referral_id}/transitions", referral({ status: "completed" })));
    const { onClose } = open(COMPLETE);
    const dialog = await screen.findByRole("dialog", { name: "Zakończ z rezultatem" });
    await userEvent.click(await within(dialog).findByRole("checkbox", { name: "Podjęcie zatrudnienia" }));
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Co zostało zrealizowane/ }), "3 miesiące szkolenia");
    await userEvent.click(within(dialog).getByRole("button", { name: "Zakończ z rezultatem" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [call] = api.callsTo("POST", "/api/referrals/v1/referrals/r-1/transitions");
    expect(call.headers.get("If-Match")).toBe('"r-1.3"');
    expect(call.json()).toEqual({ action: "complete", outcome_codes: ["employed"], delivered: "3 miesiące szkolenia" });
  });

  it("on 412 explains that someone else changed the referral and offers a reload", async () => {
    await setup(on.post("referrals", "/v1/referrals/{referral_id}/transitions", problem(412, "stale_etag")));
    const { onReload } = open(START);
    const dialog = await screen.findByRole("dialog", { name: "Rozpocznij realizację" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Rozpocznij realizację" }));
    expect(await within(dialog).findByText(/Ktoś inny zmienił ten rekord/)).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>("button", { name: "Rozpocznij realizację" }).disabled).toBe(true);
    await userEvent.click(within(dialog).getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(onReload).toHaveBeenCalled());
  });

  it("on 409 illegal_transition shows the current status and offers a reload", async () => {
    await setup(
      on.post(
        "referrals",
        "/v1/referrals/{referral_id}/transitions",
        problem(409, "illegal_transition", { current_status: "cancelled", allowed_actions: [] }),
      ),
    );
    const { onReload } = open(START);
    const dialog = await screen.findByRole("dialog", { name: "Rozpocznij realizację" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Rozpocznij realizację" }));
    expect(await within(dialog).findByText(/skierowanie ma teraz status „anulowane”/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Wczytaj aktualną wersję" }));
    await waitFor(() => expect(onReload).toHaveBeenCalled());
  });
});
