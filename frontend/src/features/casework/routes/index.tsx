import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";

const PlansListPage = lazy(() => import("./PlansListPage"));
const PersonCaseworkPage = lazy(() => import("./PersonCaseworkPage"));
const PlanPrintPage = lazy(() => import("./PlanPrintPage"));

/** /plany: plans due for review, a person's diagnoses and plans, the printable plan. */
export default function CaseworkRoutes() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<PlansListPage />} />
        <Route path="osoba/:personId" element={<PersonCaseworkPage />} />
        <Route path="plan/:planId/druk" element={<PlanPrintPage />} />
      </Routes>
    </Suspense>
  );
}
