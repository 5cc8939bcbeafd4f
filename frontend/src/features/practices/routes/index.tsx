import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { PracticesNav } from "../components/PracticesNav";

const CataloguePage = lazy(() => import("./CataloguePage"));
const PracticePage = lazy(() => import("./PracticePage"));
const NewPracticePage = lazy(() => import("./NewPracticePage"));
const EditPracticePage = lazy(() => import("./EditPracticePage"));
const MinePage = lazy(() => import("./MinePage"));
const ReviewQueuePage = lazy(() => import("./ReviewQueuePage"));

/** /dobre-praktyki: the catalogue, submitting and one's own practices, the analysts' review queue. */
export default function PracticesRoutes() {
  return (
    <>
      <PracticesNav />
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route index element={<Navigate to="katalog" replace />} />
          <Route path="katalog" element={<CataloguePage />} />
          <Route path="zglos" element={<NewPracticePage />} />
          <Route path="moje" element={<MinePage />} />
          <Route path="do-oceny" element={<ReviewQueuePage />} />
          <Route path=":practiceId" element={<PracticePage />} />
          <Route path=":practiceId/edycja" element={<EditPracticePage />} />
        </Routes>
      </Suspense>
    </>
  );
}
