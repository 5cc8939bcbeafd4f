import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";

const SearchPage = lazy(() => import("./SearchPage"));
const RegisterPage = lazy(() => import("./RegisterPage"));
const PersonPage = lazy(() => import("./PersonPage"));
const EditPage = lazy(() => import("./EditPage"));
const AccessRequestsPage = lazy(() => import("./AccessRequestsPage"));
const ConsentPrintPage = lazy(() => import("./ConsentPrintPage"));
const AccessReportPage = lazy(() => import("./AccessReportPage"));
const BreakGlassPage = lazy(() => import("./BreakGlassPage"));
const MergePage = lazy(() => import("./MergePage"));
const MergeDetailsPage = lazy(() => import("./MergeDetailsPage"));

/** /osoby: search, registration with the duplicate check, access requests, the person's page and its edit screen. */
export default function PersonsRoutes() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="nowa" element={<RegisterPage />} />
        <Route path="prosby-o-dostep" element={<AccessRequestsPage />} />
        <Route path=":personId" element={<PersonPage />} />
        <Route path=":personId/edycja" element={<EditPage />} />
        <Route path=":personId/zgody/:consentId/druk" element={<ConsentPrintPage />} />
        <Route path=":personId/raport-dostepu" element={<AccessReportPage />} />
        <Route path=":personId/dostep-awaryjny" element={<BreakGlassPage />} />
        <Route path=":personId/scalanie" element={<MergePage />} />
        <Route path=":personId/scalenia/:mergeId" element={<MergeDetailsPage />} />
      </Routes>
    </Suspense>
  );
}
