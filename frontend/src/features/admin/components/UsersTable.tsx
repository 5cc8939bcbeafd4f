import { Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "@/lib/api/directory";
import { formatDateTime } from "@/lib/format";
import { TableSkeletonRows } from "@/lib/ui/TableSkeleton";
import { RoleBadges, StatusBadge } from "./Badges";
import { RowActionsMenu } from "./RowActionsMenu";

interface UsersTableProps {
  users: readonly User[];
  loading: boolean;
  /** The signed-in user: cannot deactivate themselves. */
  selfId: string | undefined;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onDeactivate: (user: User) => void;
  onActivate: (user: User) => void;
  /** Whether the viewer may manage this user (system administrators are managed by system administrators). */
  canManage: (user: User) => boolean;
}

export function UsersTable({ users, loading, selfId, onEdit, onResetPassword, onDeactivate, onActivate, canManage }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table className="data-table" striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-busy={loading}>
        <Table.Caption className="visually-hidden-caption">{t("admin.users.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("admin.users.name")}</Table.Th>
            <Table.Th scope="col">{t("admin.users.email")}</Table.Th>
            <Table.Th scope="col">{t("admin.users.roles")}</Table.Th>
            <Table.Th scope="col">{t("admin.users.status")}</Table.Th>
            <Table.Th scope="col">{t("admin.users.last_login")}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t("common.actions")}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows columns={6} />
          ) : (
            users.map((user) => {
              const manageable = canManage(user);
              return (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {user.full_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{user.email}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={user.active ? "active" : "inactive"} />
                      {user.locked ? <StatusBadge status="locked" /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>{formatDateTime(user.last_login_at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {manageable ? (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => onEdit(user)} aria-label={t("admin.users.edit_named", { name: user.full_name })}>
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
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
