import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOpenInvitations } from "@/lib/partnerships/invitations";

/**
 * The navigation's count of open invitations to partnerships (the directory emits no
 * notification for them): partnerships listed for the user's institution that it is not yet a
 * party to. Analysts and system administrators see others' partnerships, not invitations.
 */
export function InvitationsBadge() {
  const { t } = useTranslation();
  const { invitations } = useOpenInvitations();
  const count = invitations.length;
  if (count === 0) return null;
  return (
    <Badge size="sm" color="orange" circle={count < 10} aria-label={t("partnerships.invitations_badge", { count })}>
      {count}
    </Badge>
  );
}
