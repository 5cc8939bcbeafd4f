import { describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { on, reply } from "@/test/api";
import { legalBasis, me, offer, otherInstitution, referral, serviceType } from "@/test/fixtures";
import { renderPage } from "@/test/render";
import { signedInAs } from "@/test/session";
import { ForwardModal } from "./ForwardModal";

const NGO_OFFER_INSTITUTION = "5e6f7081-0000-4000-8000-0000000000d1";
const full = offer({ institution_id: NGO_OFFER_INSTITUTION, name: "Kontrakt w CUS", capacity_available: 0, capacity_max: 6 });
const child = referral({ id: "d5e6f708-0000-4000-8000-000000000009", number: "SK-2026-CHILD-00001" });

async function renderForward() {
  const api = await signedInAs(
    me(["caseworker"]),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/offers", { items: [full], next_cursor: null }),
    on.get("directory", "/v1/institutions/{institution_id}", otherInstitution({ id: NGO_OFFER_INSTITUTION, type: "CUS" })),
    on.get("directory", "/v1/legal-bases", { items: [legalBasis()] }),
    on.post(
      "referrals",
      "/v1/referrals/{referral_id}/forward",
      reply({ ...child, capacity_warning: { offer_id: full.id, capacity_available: 0, capacity_max: 6 } }, { status: 201 }),
    ),
  );
  const onForwarded = vi.fn();
  renderPage(
    <ForwardModal
      referral={referral()}
      etag='"r-1.3"'
      opened
      onClose={vi.fn()}
      onReload={() => Promise.resolve()}
      onForwarded={onForwarded}
    />,
  );
  return { api, onForwarded };
}

describe("the forward modal", () => {
  it("chooses the provision from the catalogue and confirms forwarding to a full offer", async () => {
    const { api, onForwarded } = await renderForward();
    const u = userEvent.setup();
    await u.click(await screen.findByRole("combobox", { name: /Rodzaj usługi/ }));
    await u.click(await screen.findByRole("option", { name: "Kontrakt socjalny", hidden: true }));
    await u.click(await screen.findByRole("radio", { name: /Kontrakt w CUS/ }));
    await u.click(screen.getByRole("combobox", { name: /Przepis/ }));
    await u.click(await screen.findByRole("option", { name: /art\. 108 ustawy o pomocy społecznej/, hidden: true }));

    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie dalej" }));
    expect(await screen.findByText("Brak wolnych miejsc w wybranej ofercie")).toBeTruthy();
    expect(screen.getByText(/Realizator zgłasza wolne miejsca: 0 z 6/)).toBeTruthy();
    expect(api.callsTo("POST", `/api/referrals/v1/referrals/${referral().id}/forward`)).toHaveLength(0);

    await u.click(screen.getByRole("button", { name: "Wyślij mimo to" }));
    await waitFor(() => expect(onForwarded).toHaveBeenCalledWith(child.id));
    const sent = api.callsTo("POST", `/api/referrals/v1/referrals/${referral().id}/forward`);
    expect(sent).toHaveLength(1);
    expect(sent[0].json()).toMatchObject({
      target_offer_id: full.id,
      service_type_code: "social_contract",
      legal_basis: { kind: "statutory", code: "ups_art108_contract" },
    });
    expect(sent[0].headers.get("If-Match")).toBe('"r-1.3"');
    const catalogue = api.callsTo("GET", "/api/directory/v1/legal-bases")[0].query;
    expect(catalogue.get("institution_type")).toBe("PUP");
  });

  it("lets the user go back to choose another offer", async () => {
    const { api } = await renderForward();
    const u = userEvent.setup();
    await u.click(await screen.findByRole("combobox", { name: /Rodzaj usługi/ }));
    await u.click(await screen.findByRole("option", { name: "Kontrakt socjalny", hidden: true }));
    await u.click(await screen.findByRole("radio", { name: /Kontrakt w CUS/ }));
    await u.click(screen.getByRole("combobox", { name: /Przepis/ }));
    await u.click(await screen.findByRole("option", { name: /art\. 108/, hidden: true }));
    await u.click(screen.getByRole("button", { name: "Wyślij skierowanie dalej" }));
    await u.click(await screen.findByRole("button", { name: "Wybierz inną ofertę" }));
    expect(await screen.findByRole("button", { name: "Wyślij skierowanie dalej" })).toBeTruthy();
    expect(screen.queryByText("Brak wolnych miejsc w wybranej ofercie")).toBeNull();
    expect(api.callsTo("POST", `/api/referrals/v1/referrals/${referral().id}/forward`)).toHaveLength(0);
  });
});
