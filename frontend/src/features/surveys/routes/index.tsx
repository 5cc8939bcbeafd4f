import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { useAuth } from "@/lib/auth/AuthProvider";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { OnlyFor } from "../components/OnlyFor";

const AnalystStartPage = lazy(() => import("./AnalystStartPage"));
const DesignerPage = lazy(() => import("./DesignerPage"));
const NewRoundPage = lazy(() => import("./NewRoundPage"));
const RoundPage = lazy(() => import("./RoundPage"));
const ResultsPage = lazy(() => import("./ResultsPage"));
const TasksPage = lazy(() => import("./TasksPage"));
const RespondPage = lazy(() => import("./RespondPage"));

/** The start page: an analyst's rounds and questionnaires, an institution's surveys to fill in. */
function StartPage() {
  const { roles } = useAuth();
  return roles.includes("analyst") ? <AnalystStartPage /> : <TasksPage />;
}

/**
 * /ankiety: rounds and questionnaires (analysts: /kwestionariusze/:id, /rundy/nowa, /rundy/:id,
 * /rundy/:id/wyniki), and an institution's surveys to fill in (/odpowiedz/:roundId).
 */
export default function SurveysRoutes() {
  const analyst = (element: React.ReactNode) => <OnlyFor roles={["analyst"]}>{element}</OnlyFor>;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<StartPage />} />
        <Route path="kwestionariusze" element={<StartPage />} />
        <Route path="kwestionariusze/:questionnaireId" element={analyst(<DesignerPage />)} />
        <Route path="rundy/nowa" element={analyst(<NewRoundPage />)} />
        <Route path="rundy/:roundId" element={analyst(<RoundPage />)} />
        <Route path="rundy/:roundId/wyniki" element={analyst(<ResultsPage />)} />
        <Route
          path="odpowiedz/:roundId"
          element={
            <OnlyFor roles={["coordinator", "institution_admin"]}>
              <RespondPage />
            </OnlyFor>
          }
        />
      </Routes>
    </Suspense>
  );
}
