import type { ReactNode } from "react";
import type { Role } from "@/lib/api/directory";
import { useAuth } from "@/lib/auth/AuthProvider";
import { hasAnyRole } from "@/lib/auth/roles";
import { EmptyState } from "@/lib/ui/EmptyState";
import { useTranslation } from "react-i18next";

/** A page of the module meant for some of its roles (the API refuses the others anyway). */
export function OnlyFor({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { roles: mine } = useAuth();
  if (hasAnyRole(mine, roles)) return <>{children}</>;
  return (
    <EmptyState
      title={t("surveys.only_for.title")}
      description={t(roles.includes("analyst") ? "surveys.only_for.analyst" : "surveys.only_for.institution")}
    />
  );
}
