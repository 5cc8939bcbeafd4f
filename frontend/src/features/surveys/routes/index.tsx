import { useTranslation } from "react-i18next";
import { ComingSoon } from "@/lib/ui/ComingSoon";

/** /ankiety: replaced by the feature's screens. */
export default function SurveysRoutes() {
  const { t } = useTranslation();
  return <ComingSoon title={t("surveys.title")} description={t("surveys.preparing")} />;
}
