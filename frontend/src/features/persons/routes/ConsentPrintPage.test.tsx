import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HttpHandler } from "msw";
import { on, problem } from "@/test/api";
import { consent, institution, me, otherInstitution, OPS_ID, person, serviceType } from "@/test/fixtures";
import { renderRoutes } from "@/test/render";
import { signedInAs } from "@/test/session";
import { setLanguage } from "@/lib/i18n";
import ConsentPrintPage from "./ConsentPrintPage";

const jan = person();
const signed = consent({ covers_sensitive: true, service_type_code: "social_contract", expires_at: "2027-11-20T22:59:59Z" });

async function renderPrint(...handlers: HttpHandler[]) {
  const api = await signedInAs(
    me(["caseworker"]),
    on.get("clients", "/v1/persons/{person_id}", jan),
    on.get("clients", "/v1/consents/{consent_id}", signed),
    on.get("directory", "/v1/service-types", { items: [serviceType()] }),
    on.get("directory", "/v1/institutions/{institution_id}", ({ params }) =>
      params.institution_id === OPS_ID ? otherInstitution() : institution,
    ),
    ...handlers,
  );
  renderRoutes(
    [{ path: "/osoby/:personId/zgody/:consentId/druk", element: <ConsentPrintPage /> }],
    `/osoby/${jan.id}/zgody/${signed.id}/druk`,
    {
      signedIn: true,
    },
  );
  return api;
}

describe("the consent form to print", () => {
  it("shows who consents, to whom, for what and how long, with signature lines, and prints", async () => {
    await renderPrint();
    expect(await screen.findByRole("heading", { level: 1, name: "Zgoda na udostępnianie danych osobowych" })).toBeTruthy();
    const person = screen.getByText("Osoba, której dane dotyczą").nextElementSibling as HTMLElement;
    expect(person.textContent).toBe("Jan Kowalski, PESEL 85070524498");
    expect((screen.getByText("Cel").nextElementSibling as HTMLElement).textContent).toBe("skierowanie");
    expect((screen.getByText("Odbiorca danych").nextElementSibling as HTMLElement).textContent).toBe(
      "instytucje typu: organizacja pozarządowa",
    );
    expect((screen.getByText("Rodzaj usługi").nextElementSibling as HTMLElement).textContent).toBe("Kontrakt socjalny");
    expect((screen.getByText("Okres ważności").nextElementSibling as HTMLElement).textContent).toMatch(/^od 20 lis 2026 do 20 lis 2027$/);
    expect(await screen.findByText(institution.name)).toBeTruthy();
    expect(screen.getByText(/obejmuje dane szczególnej kategorii/)).toBeTruthy();
    expect(screen.getByText("Oświadczenie nr 12/2026")).toBeTruthy();
    expect(screen.getByText("Czytelny podpis osoby")).toBeTruthy();
    expect(screen.getByText("Podpis pracownika przyjmującego zgodę")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Wróć do karty osoby" }).getAttribute("href")).toBe(`/osoby/${jan.id}`);
    const print = vi.fn();
    Object.defineProperty(window, "print", { configurable: true, value: print });
    await userEvent.setup().click(screen.getByRole("button", { name: "Drukuj" }));
    expect(print).toHaveBeenCalledOnce();
  });

  it("names one recipient institution when the consent is for it", async () => {
    await renderPrint(
      on.get("clients", "/v1/consents/{consent_id}", consent({ recipient_institution_type: null, recipient_institution_id: OPS_ID })),
    );
    const recipient = (await screen.findByText("Odbiorca danych")).nextElementSibling as HTMLElement;
    expect(await within(recipient).findByText(otherInstitution().name)).toBeTruthy();
    expect(screen.getByText(/nie obejmuje danych szczególnej kategorii/)).toBeTruthy();
    expect((screen.getByText("Okres ważności").nextElementSibling as HTMLElement).textContent).toBe("od 20 lis 2026 do odwołania");
  });

  it("explains a consent it cannot show", async () => {
    await renderPrint(on.get("clients", "/v1/consents/{consent_id}", problem(404, "not_found")));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Zgoda na udostępnianie danych osobowych" })).toBeTruthy();
  });

  it("reads in English", async () => {
    await setLanguage("en");
    await renderPrint();
    expect(await screen.findByRole("heading", { level: 1, name: "Consent to sharing personal data" })).toBeTruthy();
    expect(screen.getByText("Legible signature of the data subject")).toBeTruthy();
  });
});
