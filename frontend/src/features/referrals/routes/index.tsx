import { Route, Routes } from "react-router";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "@/lib/ui/ComingSoon";

/** /skierowania: inbox, outbox, the create wizard and the referral page (referrals API) — in preparation. */
export default function ReferralsRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route path="*" element={<ComingSoon title={t("nav.referrals")} description={t("referrals.preparing")} />} />
    </Routes>
  );
}
