import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { Providers } from "@/app/Providers";
import { createQueryClient } from "@/app/queryClient";
import { RequireAuth } from "@/app/layout/RequireAuth";

/**
 * Render routes inside the app's providers (Mantine, i18n, TanStack Query, auth) at `path`;
 * with `signedIn`, behind the app's RequireAuth (waits for /v1/me like the real shell).
 */
export function renderRoutes(routes: RouteObject[], path = "/", { signedIn = false } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(signedIn ? [{ element: <RequireAuth />, children: routes }] : routes, {
    initialEntries: [path],
  });
  const result = render(
    <Providers queryClient={queryClient} restoreSession={false}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, router, queryClient };
}

export function renderPage(element: ReactElement, path = "/") {
  return renderRoutes([{ path: "*", element }], path);
}
