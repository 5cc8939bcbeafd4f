import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";

const SearchPage = lazy(() => import("./SearchPage"));
const RegisterPage = lazy(() => import("./RegisterPage"));
const PersonPage = lazy(() => import("./PersonPage"));

/** /osoby: search, registration with the duplicate check, the person's page. */
export default function PersonsRoutes() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="nowa" element={<RegisterPage />} />
        <Route path=":personId" element={<PersonPage />} />
      </Routes>
    </Suspense>
  );
}
