import { describe, expect, it } from "vitest";
import i18n, { currentLanguage, languageReady, setLanguage } from ".";

describe("languages", () => {
  it("has Polish at once and loads English only when someone switches to it", async () => {
    // Nothing remembered: Polish, bundled, needs no wait (the sign-in page renders straight away).
    await languageReady;
    expect(currentLanguage()).toBe("pl");
    expect(i18n.t("auth.submit")).toBe("Zaloguj się");
    expect(i18n.hasResourceBundle("en", "translation")).toBe(false);

    await setLanguage("en");
    expect(i18n.hasResourceBundle("en", "translation")).toBe(true);
    expect(currentLanguage()).toBe("en");
    expect(i18n.t("auth.submit")).toBe("Sign in");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("splot.language")).toBe("en");

    await setLanguage("pl");
    expect(i18n.t("auth.submit")).toBe("Zaloguj się");
  });
});
