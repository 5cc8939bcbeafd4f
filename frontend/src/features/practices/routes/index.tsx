import { useTranslation } from "react-i18next";
import { ComingSoon } from "@/lib/ui/ComingSoon";

/** /dobre-praktyki: replaced by the feature's screens. */
export default function PracticesRoutes() {
  const { t } = useTranslation();
  return <ComingSoon title={t("practices.title")} description={t("practices.preparing")} />;
}
