import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";

const ListPage = lazy(() => import("./ListPage"));
const CreatePage = lazy(() => import("./CreatePage"));
const PartnershipPage = lazy(() => import("./PartnershipPage"));
const SummaryPage = lazy(() => import("./SummaryPage"));

/** /partnerstwa: the list (?institution= narrows it), the initiative form, a partnership's page with its tabs, and the summary analysts see. */
export default function PartnershipsRoutes() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<ListPage />} />
        <Route path="nowe" element={<CreatePage />} />
        <Route path=":partnershipId/podsumowanie" element={<SummaryPage />} />
        <Route path=":partnershipId/*" element={<PartnershipPage />} />
      </Routes>
    </Suspense>
  );
}
