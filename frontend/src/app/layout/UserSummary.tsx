import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { sortRoles } from "@/lib/auth/roles";

/** Who is signed in: name, role(s) and institution. */
export function UserSummary() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  const name = me.user?.full_name ?? me.subject;
  const roles = sortRoles(me.roles).map((role) => t(`roles.${role}`));
  const institution = me.institution?.short_name ?? me.institution?.name ?? "";
  return (
    <Box className="user-summary" ta="right" miw={0}>
      <Text size="sm" fw={600} truncate="end" data-testid="header-user">
        {name}
      </Text>
      <Text size="xs" c="dimmed" truncate="end" title={`${roles.join(", ")} · ${me.institution?.name ?? ""}`}>
        <span data-testid="header-role">{roles.join(", ")}</span>
        {institution ? " · " : ""}
        <span data-testid="header-institution">{institution}</span>
      </Text>
    </Box>
  );
}
