import { Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "@/lib/ui/ComingSoon";

/** /raporty: dashboards, the map and published editions (reporting API) — in preparation. */
export default function ReportingRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route path="*" element={<ComingSoon title={t("nav.reports")} description={t("reporting.preparing")} />} />
    </Routes>
  );
}
