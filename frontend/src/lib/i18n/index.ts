/**
 * react-i18next with Polish as the default and English. Polish is bundled, so the first screen (the
 * sign-in page) renders at once; English is a separate chunk, loaded when someone switches to it
 * (or starts with it remembered). The choice is remembered in localStorage (not personal data) and
 * mirrored in <html lang>.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import pl from "@/locales/pl.json";

export const LANGUAGES = ["pl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE = "pl" satisfies Language;
const STORAGE_KEY = "splot.language";

type Catalogue = Record<string, unknown>;

/** The catalogues that are not bundled, loaded on demand (each its own chunk). */
const LOADERS: Record<Exclude<Language, typeof DEFAULT_LANGUAGE>, () => Promise<{ default: Catalogue }>> = {
  en: () => import("@/locales/en.json"),
};

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

/** Loads a language's catalogue once (Polish is always there). */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === DEFAULT_LANGUAGE || i18n.hasResourceBundle(language, "translation")) return;
  const catalogue = await LOADERS[language]();
  i18n.addResourceBundle(language, "translation", catalogue.default);
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
}

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources: { pl: { translation: pl } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // English arrives later (addResourceBundle): i18next must not expect every language up front.
    partialBundledLanguages: true,
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

/**
 * Resolves when the remembered language is ready: at once for Polish; for English after its chunk
 * has loaded (main.tsx renders after this, so nobody sees Polish flash before English).
 */
export const languageReady: Promise<void> =
  storedLanguage() === DEFAULT_LANGUAGE ? Promise.resolve() : setLanguage(storedLanguage()).catch(() => undefined);

export default i18n;
