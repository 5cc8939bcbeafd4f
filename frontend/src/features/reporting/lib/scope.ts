import { useTranslation } from "react-i18next";
import type { Scope } from "../api/reporting";
import { VOIVODESHIPS } from "../map/geography";
import { usePowiatNames } from "./usePowiatNames";

/** "Zakres danych: cała Polska" / "województwo małopolskie" / "powiat wielicki" / "Twoja instytucja". */
export function useScopeLabel(scope: Scope | undefined): string {
  const { t } = useTranslation();
  const powiats = usePowiatNames(scope?.kind === "powiat");
  if (!scope) return t("reporting.scope.loading");
  const territory = scope.territory ?? "";
  switch (scope.kind) {
    case "national":
      return t("reporting.scope.national");
    case "voivodeship":
      return t("reporting.scope.voivodeship", { name: VOIVODESHIPS[territory] ?? territory });
    case "powiat":
      return t("reporting.scope.powiat", { name: powiats[territory] ?? territory });
    default:
      return t("reporting.scope.institution");
  }
}
