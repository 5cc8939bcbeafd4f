import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { sortRoles } from "@/lib/auth/roles";

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {sortRoles(roles).map((role) => (
        <Badge key={role} variant="light" color="splot" size="sm" tt="none">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

export type Status = "active" | "inactive" | "locked" | "revoked";

const COLORS: Record<Status, string> = { active: "green", inactive: "gray", locked: "orange", revoked: "red" };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} size="sm" tt="none">
      {t(`admin.status.${status}`)}
    </Badge>
  );
}
