import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useAuth } from "@/lib/auth/AuthProvider";
import { PageSkeleton } from "@/lib/ui/FullPageLoader";
import { AdminNav, type AdminSection } from "../components/AdminNav";

const UsersPage = lazy(() => import("./UsersPage"));
const ApiClientsPage = lazy(() => import("./ApiClientsPage"));
const OffersPage = lazy(() => import("./OffersPage"));
const InstitutionsPage = lazy(() => import("./InstitutionsPage"));
const WebhooksPage = lazy(() => import("./WebhooksPage"));
const WebhookDeliveriesPage = lazy(() => import("./WebhookDeliveriesPage"));
const ProgrammesPage = lazy(() => import("./ProgrammesPage"));

const BASE = "/administracja";

/**
 * /administracja: institution administrators manage their users, API clients, service offers and
 * webhook subscriptions; system administrators also manage institutions and the programme catalogue. (Webhooks are the
 * referrals service's, which lets only institution administrators manage them, for their own
 * institution: a system administrator without that role does not see the section.)
 */
export default function AdminRoutes() {
  const { roles } = useAuth();
  const isSystemAdmin = roles.includes("system_admin");
  const isInstitutionAdmin = roles.includes("institution_admin");
  const sections: AdminSection[] = [
    ...(isSystemAdmin ? [{ path: `${BASE}/instytucje`, label: "admin.nav.institutions" }] : []),
    { path: `${BASE}/uzytkownicy`, label: "admin.nav.users" },
    { path: `${BASE}/klienci-api`, label: "admin.nav.clients" },
    { path: `${BASE}/oferty`, label: "admin.nav.offers" },
    ...(isInstitutionAdmin ? [{ path: `${BASE}/webhooki`, label: "admin.webhooks.nav" }] : []),
    ...(isSystemAdmin ? [{ path: `${BASE}/programy`, label: "programmes.admin.nav" }] : []),
  ];
  return (
    <>
      <AdminNav sections={sections} />
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route index element={<Navigate to={sections[0].path} replace />} />
          <Route path="uzytkownicy" element={<UsersPage />} />
          <Route path="klienci-api" element={<ApiClientsPage />} />
          <Route path="oferty" element={<OffersPage />} />
          {isSystemAdmin ? <Route path="instytucje" element={<InstitutionsPage />} /> : null}
          {isSystemAdmin ? <Route path="programy" element={<ProgrammesPage />} /> : null}
          {isInstitutionAdmin ? <Route path="webhooki" element={<WebhooksPage />} /> : null}
          {isInstitutionAdmin ? <Route path="webhooki/:subscriptionId/doreczenia" element={<WebhookDeliveriesPage />} /> : null}
          <Route path="*" element={<Navigate to={sections[0].path} replace />} />
        </Routes>
      </Suspense>
    </>
  );
}
