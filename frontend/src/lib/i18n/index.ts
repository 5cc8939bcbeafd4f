/**
 * react-i18next with Polish as the default and English. Both catalogues are small and bundled, so
 * switching is instant and works offline. The choice is remembered in localStorage (not personal
 * data) and mirrored in <html lang>.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import pl from "@/locales/pl.json";
import en from "@/locales/en.json";

export const LANGUAGES = ["pl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "pl";
const STORAGE_KEY = "splot.language";

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (value === "pl" || value === "en") return value;
  } catch {
    // storage disabled
  }
  return DEFAULT_LANGUAGE;
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === "en" ? "en" : "pl";
}

export function setLanguage(language: Language): Promise<unknown> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page
  }
  return i18n.changeLanguage(language);
}

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    // One namespace; keys may contain ":" (scopes such as "directory:read").
    nsSeparator: false,
    returnNull: false,
    initAsync: false,
  });
  const syncLang = (lng: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = lng;
  };
  syncLang(i18n.language);
  i18n.on("languageChanged", syncLang);
}

export default i18n;
