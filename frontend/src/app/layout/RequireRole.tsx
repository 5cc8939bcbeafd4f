import type { ReactNode } from "react";
import type { Role } from "@/lib/api/directory";
import { useAuth } from "@/lib/auth/AuthProvider";
import { hasAnyRole } from "@/lib/auth/roles";
import { ForbiddenPage } from "../routes/ForbiddenPage";

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { roles: mine } = useAuth();
  return hasAnyRole(mine, roles) ? <>{children}</> : <ForbiddenPage />;
}
