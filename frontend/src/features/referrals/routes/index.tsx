import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { ReferralsNav } from "../components/ReferralsNav";

const BoxPage = lazy(() => import("./BoxPage"));
const ReferralPage = lazy(() => import("./ReferralPage"));
const CreateReferralPage = lazy(() => import("./CreateReferralPage"));
const NotificationsPage = lazy(() => import("./NotificationsPage"));
const FollowUpsPage = lazy(() => import("./FollowUpsPage"));
const ReferralPrintPage = lazy(() => import("./ReferralPrintPage"));

/** /skierowania: inbox, outbox, notifications, follow-up checks, the create wizard, the referral page and its print view. */
export default function ReferralsRoutes() {
  return (
    <>
      <div className="no-print">
        <ReferralsNav />
      </div>
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route index element={<Navigate to="przychodzace" replace />} />
          <Route path="przychodzace" element={<BoxPage box="inbox" />} />
          <Route path="wychodzace" element={<BoxPage box="outbox" />} />
          <Route path="powiadomienia" element={<NotificationsPage />} />
          <Route path="nowe" element={<CreateReferralPage />} />
          <Route path="sprawdzenia" element={<FollowUpsPage />} />
          <Route path=":referralId" element={<ReferralPage />} />
          <Route path=":referralId/druk" element={<ReferralPrintPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
