import { lazy, type ComponentType } from "react";
import type { RouteObject } from "react-router";
import SignInPage from "@/features/auth/routes/SignInPage";
import { AppLayout } from "./layout/AppLayout";
import { RequireAuth } from "./layout/RequireAuth";
import { RequireRole } from "./layout/RequireRole";
import { FEATURES, rolesFor, type FeatureId } from "./navigation";
import { HomePage } from "./routes/HomePage";
import { NotFoundPage } from "./routes/NotFoundPage";
import { SIGN_IN_PATH } from "@/lib/auth/paths";

// Every module is its own chunk, loaded when first opened: the initial bundle holds only the
// shell and the sign-in page.
const FEATURE_ROUTES = {
  persons: { path: "osoby/*", Component: lazy(() => import("@/features/persons/routes")) },
  referrals: { path: "skierowania/*", Component: lazy(() => import("@/features/referrals/routes")) },
  reporting: { path: "raporty/*", Component: lazy(() => import("@/features/reporting/routes")) },
  admin: { path: "administracja/*", Component: lazy(() => import("@/features/admin/routes")) },
  imports: { path: "import/*", Component: lazy(() => import("@/features/imports/routes")) },
  audit: { path: "audyt/*", Component: lazy(() => import("@/features/audit/routes")) },
  partnerships: { path: "partnerstwa/*", Component: lazy(() => import("@/features/partnerships/routes")) },
  casework: { path: "plany/*", Component: lazy(() => import("@/features/casework/routes")) },
  surveys: { path: "ankiety/*", Component: lazy(() => import("@/features/surveys/routes")) },
  practices: { path: "dobre-praktyki/*", Component: lazy(() => import("@/features/practices/routes")) },
} satisfies Record<FeatureId, { path: string; Component: ComponentType }>;

function featureRoutes(): RouteObject[] {
  return (Object.keys(FEATURE_ROUTES) as FeatureId[])
    .filter((id) => FEATURES[id] !== "hidden")
    .map((id) => {
      const { path, Component } = FEATURE_ROUTES[id];
      return {
        path,
        element: (
          <RequireRole roles={rolesFor(id)}>
            <Component />
          </RequireRole>
        ),
      };
    });
}

export const routes: RouteObject[] = [
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [{ index: true, element: <HomePage /> }, ...featureRoutes(), { path: "*", element: <NotFoundPage /> }],
      },
    ],
  },
];
