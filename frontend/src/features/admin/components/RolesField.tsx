import { Checkbox, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "@/lib/api/directory";

interface RolesFieldProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: React.ReactNode;
  /** Only a system administrator may grant system_admin. */
  allowSystemAdmin: boolean;
}

export function RolesField({ value, onChange, error, allowSystemAdmin }: RolesFieldProps) {
  const { t } = useTranslation();
  const roles = ROLES.filter((role) => role !== "system_admin" || allowSystemAdmin || value.includes("system_admin"));
  return (
    <Checkbox.Group
      label={t("admin.users.roles")}
      description={t("admin.users.roles_help")}
      value={value}
      onChange={(next) => onChange(next as Role[])}
      error={error}
      required
    >
      <Stack gap={6} mt="xs">
        {roles.map((role) => (
          <Checkbox
            key={role}
            value={role}
            label={t(`roles.${role}`)}
            description={t(`role_help.${role}`)}
            disabled={role === "system_admin" && !allowSystemAdmin}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
