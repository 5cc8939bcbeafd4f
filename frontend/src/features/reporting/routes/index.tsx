import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { ReportingNav } from "../components/ReportingNav";

const OverviewPage = lazy(() => import("./OverviewPage"));
const NetworkPage = lazy(() => import("./NetworkPage"));
const ExplorerPage = lazy(() => import("./ExplorerPage"));
const PartnersPage = lazy(() => import("./PartnersPage"));
const CaseworkPage = lazy(() => import("./CaseworkPage"));
const EditionsPage = lazy(() => import("./EditionsPage"));
const EditionPage = lazy(() => import("./EditionPage"));
const ReportPage = lazy(() => import("./ReportPage"));
const ProblemAreasPage = lazy(() => import("./ProblemAreasPage"));

/** /raporty: indicators, the map, the cooperation network, partners, casework, tables with downloads, editions. */
export default function ReportingRoutes() {
  return (
    <>
      <ReportingNav />
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route index element={<Navigate to="przeglad" replace />} />
          <Route path="przeglad" element={<OverviewPage />} />
          <Route path="siec" element={<NetworkPage />} />
          <Route path="partnerzy" element={<PartnersPage />} />
          <Route path="plany" element={<CaseworkPage />} />
          <Route path="problemy" element={<ProblemAreasPage />} />
          <Route path="zestawienia" element={<ExplorerPage />} />
          <Route path="edycje" element={<EditionsPage />} />
          <Route path="edycje/:editionId" element={<EditionPage />} />
          <Route path="raport" element={<ReportPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
