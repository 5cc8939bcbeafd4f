import { Checkbox, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "@/lib/api/directory";

interface RolesFieldProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: React.ReactNode;
  /** The roles the viewer may grant or take away (see grantableRoles); others held are shown, fixed. */
  grantable: readonly Role[];
  /** The whole field is read-only (e.g. one's own account), with this explanation. */
  lockedReason?: string;
}

export function RolesField({ value, onChange, error, grantable, lockedReason }: RolesFieldProps) {
  const { t } = useTranslation();
  const roles = ROLES.filter((role) => grantable.includes(role) || value.includes(role));
  return (
    <Checkbox.Group
      label={t("admin.users.roles")}
      description={lockedReason ?? t("admin.users.roles_help")}
      value={value}
      onChange={(next) => onChange(next)}
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
            disabled={lockedReason !== undefined || !grantable.includes(role)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
