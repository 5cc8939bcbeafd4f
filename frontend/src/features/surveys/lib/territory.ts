import { useTranslation } from "react-i18next";
import { VOIVODESHIPS, usePowiatNames } from "./reporting";

/** "cała Polska" / "województwo małopolskie" / "powiat wielicki" for a TERYT prefix ("" national). */
export function useTerritoryName(): (teryt: string) => string {
  const { t } = useTranslation();
  const powiats = usePowiatNames();
  return (teryt: string) => {
    if (!teryt) return t("surveys.territory.national");
    if (teryt.length === 2) return t("surveys.territory.voivodeship", { name: VOIVODESHIPS[teryt] ?? teryt });
    // The map's names already say what they are ("powiat wielicki", "miasto Kraków").
    return powiats[teryt] ?? t("surveys.territory.powiat", { name: teryt });
  };
}

/** The days from today (Europe/Warsaw not needed for whole dates) to `date` (YYYY-MM-DD). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
