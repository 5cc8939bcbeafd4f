import { Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "@/lib/ui/ComingSoon";

/** /osoby: search, register and view persons (clients API) — in preparation. */
export default function PersonsRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route path="*" element={<ComingSoon title={t("nav.persons")} description={t("persons.preparing")} />} />
    </Routes>
  );
}
