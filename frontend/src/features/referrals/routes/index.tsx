import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { ReferralsNav } from "../components/ReferralsNav";

const BoxPage = lazy(() => import("./BoxPage"));
const ReferralPage = lazy(() => import("./ReferralPage"));
const CreateReferralPage = lazy(() => import("./CreateReferralPage"));
const NotificationsPage = lazy(() => import("./NotificationsPage"));

/** /skierowania: inbox, outbox, notifications, the create wizard and the referral page. */
export default function ReferralsRoutes() {
  return (
    <>
      <ReferralsNav />
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route index element={<Navigate to="przychodzace" replace />} />
          <Route path="przychodzace" element={<BoxPage box="inbox" />} />
          <Route path="wychodzace" element={<BoxPage box="outbox" />} />
          <Route path="powiadomienia" element={<NotificationsPage />} />
          <Route path="nowe" element={<CreateReferralPage />} />
          <Route path=":referralId" element={<ReferralPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
