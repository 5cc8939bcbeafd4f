import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { DataTable, type Column, type ListState } from "@/lib/ui/DataTable";
import { RoleBadges, StatusBadge } from "./Badges";
import { RowActionsMenu } from "./RowActionsMenu";

interface UsersTableProps extends ListState {
  users: readonly User[];
  /** The signed-in user: cannot deactivate themselves. */
  selfId: string | undefined;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onDeactivate: (user: User) => void;
  onActivate: (user: User) => void;
  /** Whether the viewer may manage this user (system administrators are managed by system administrators). */
  canManage: (user: User) => boolean;
}

export function UsersTable({ users, selfId, onEdit, onResetPassword, onDeactivate, onActivate, canManage, ...list }: UsersTableProps) {
  const { t } = useTranslation();
  const columns: Column<User>[] = [
    {
      key: "name",
      header: t("admin.users.name"),
      cell: (user) => (
        <Text size="sm" fw={600}>
          {user.full_name}
        </Text>
      ),
    },
    { key: "email", header: t("admin.users.email"), cell: (user) => <Text size="sm">{user.email}</Text> },
    { key: "roles", header: t("admin.users.roles"), cell: (user) => <RoleBadges roles={user.roles} /> },
    {
      key: "status",
      header: t("admin.users.status"),
      cell: (user) => (
        <Group gap={4}>
          <StatusBadge status={user.active ? "active" : "inactive"} />
          {user.locked ? <StatusBadge status="locked" /> : null}
        </Group>
      ),
    },
    {
      key: "last_login",
      header: t("admin.users.last_login"),
      cell: (user) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(user.last_login_at)}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      caption={t("admin.users.caption")}
      columns={columns}
      rows={users}
      rowKey={(user) => user.id}
      {...list}
      actions={(user) =>
        canManage(user) ? (
          <>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onEdit(user)}
              aria-label={t("admin.users.edit_named", { name: user.full_name })}
            >
              {t("common.edit")}
            </Button>
            <RowActionsMenu
              label={`${t("common.actions")}: ${user.full_name}`}
              actions={[
                { label: t("admin.users.reset_password_title"), onClick: () => onResetPassword(user) },
                ...(user.active && user.id === selfId
                  ? []
                  : user.active
                    ? [{ label: t("admin.users.deactivate"), onClick: () => onDeactivate(user), danger: true }]
                    : [{ label: t("admin.users.activate"), onClick: () => onActivate(user) }]),
              ]}
            />
          </>
        ) : null
      }
    />
  );
}
