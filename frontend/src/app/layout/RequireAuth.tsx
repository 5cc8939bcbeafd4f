import { Center, Container } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { FullPageLoader } from "@/lib/ui/FullPageLoader";
import { signInPath } from "@/lib/auth/paths";

/** Signed-in area: restores the session after a reload, sends others to sign in (keeping the URL). */
export function RequireAuth() {
  const { status, endReason, me, meStatus, meError, refetchMe } = useAuth();
  const location = useLocation();
  if (status === "unknown") return <FullPageLoader />;
  if (status === "anonymous") {
    const next = endReason === "signed_out" ? null : `${location.pathname}${location.search}`;
    return <Navigate to={signInPath(next)} replace />;
  }
  if (meStatus === "error") {
    return (
      <Center mih="100vh">
        <Container size="xs">
          <ErrorAlert error={meError} onRetry={refetchMe} />
        </Container>
      </Center>
    );
  }
  if (!me) return <FullPageLoader />;
  return <Outlet />;
}
