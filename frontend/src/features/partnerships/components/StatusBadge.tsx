import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PartnershipStatus } from "../api/partnerships";

// Only colours whose light-badge text passes WCAG AA (as the referrals' status badges).
const COLORS: Record<PartnershipStatus, string> = {
  initiative: "blue",
  pending: "orange",
  in_force: "green",
  expired: "gray",
  terminated: "red",
  superseded: "gray",
};

/** A partnership's or an agreement version's state, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: PartnershipStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none">
      {t(`partnerships.status.${status}`)}
    </Badge>
  );
}
