import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { shellQueries } from "../queries";

/**
 * The navigation's count of open invitations to partnerships (the directory emits no
 * notification for them): partnerships listed for the user's institution that it is not yet a
 * party to. Analysts and system administrators see others' partnerships, not invitations.
 */
export function InvitationsBadge() {
  const { t } = useTranslation();
  const { me, roles } = useAuth();
  const overseer = roles.includes("analyst") || roles.includes("system_admin");
  const mine = me?.institution?.id ?? me?.user?.institution_id ?? null;
  const list = useQuery({ ...shellQueries.partnershipInvitations(), enabled: !overseer && mine !== null });
  const count = (list.data?.items ?? []).filter((p) => mine !== null && !p.party_ids.includes(mine)).length;
  if (overseer || count === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={count < 10} aria-label={t("partnerships.invitations_badge", { count })}>
      {count}
    </Badge>
  );
}
