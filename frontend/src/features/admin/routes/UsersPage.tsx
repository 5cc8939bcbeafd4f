import { useState } from "react";
import { Button, Group, Paper, SegmentedControl } from "@mantine/core";
import { notify } from "@/lib/ui/notify";
import { useTranslation } from "react-i18next";
import { mayManageAccount, type User } from "@/lib/api/directory";
import { describeError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { EmptyState } from "@/lib/ui/EmptyState";
import { LoadMore } from "@/lib/ui/LoadMore";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useSetUserActive, useUsers } from "../api/users";
import { useInstitutionContext } from "../components/useInstitutionContext";
import { CreateUserModal, EditUserModal, ResetPasswordModal } from "../components/UserModals";
import { UsersTable } from "../components/UsersTable";

type ActiveFilter = "active" | "inactive" | "all";

export default function UsersPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { institutionId, institution, isSystemAdmin, picker } = useInstitutionContext();
  const [filter, setFilter] = useState<ActiveFilter>("active");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);

  const users = useUsers({
    institutionId,
    active: filter === "all" ? undefined : filter === "active",
  });
  const setActive = useSetUserActive();
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  const activate = async (user: User) => {
    try {
      await setActive.mutateAsync({ id: user.id, active: true });
      notify("green", t("admin.users.activated", { name: user.full_name }));
    } catch (error) {
      notify("red", describeError(error, t).message);
    }
  };

  const deactivate = async () => {
    if (!deactivating) return;
    try {
      await setActive.mutateAsync({ id: deactivating.id, active: false });
      notify("green", t("admin.users.deactivated", { name: deactivating.full_name }));
      setDeactivating(null);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <PageHeader
        title={t("admin.users.title")}
        description={t("admin.users.description", { institution: institution?.name ?? "" })}
        actions={
          <Button onClick={() => setCreating(true)} disabled={!institution}>
            {t("admin.users.create")}
          </Button>
        }
      />
      {picker}
      <Group mb="md">
        <SegmentedControl
          aria-label={t("admin.filter_status")}
          value={filter}
          onChange={(value) => setFilter(value)}
          data={[
            { value: "active", label: t("admin.filter.active") },
            { value: "inactive", label: t("admin.filter.inactive") },
            { value: "all", label: t("admin.filter.all_users") },
          ]}
        />
      </Group>
      <Paper withBorder p={0}>
        <UsersTable
          users={items}
          loading={users.isPending}
          error={users.error}
          onRetry={() => void users.refetch()}
          empty={
            <EmptyState
              title={t("admin.users.empty")}
              description={t("admin.users.empty_help")}
              action={
                <Button variant="light" onClick={() => setCreating(true)}>
                  {t("admin.users.create")}
                </Button>
              }
            />
          }
          selfId={me?.user?.id}
          canManage={(user) => mayManageAccount(user, isSystemAdmin)}
          onEdit={(user) => setEditing(user.id)}
          onResetPassword={setResetting}
          onDeactivate={setDeactivating}
          onActivate={(user) => void activate(user)}
        />
      </Paper>
      {!users.isPending && items.length > 0 ? (
        <LoadMore
          shown={items.length}
          hasNextPage={users.hasNextPage}
          isFetchingNextPage={users.isFetchingNextPage}
          onLoadMore={() => void users.fetchNextPage()}
        />
      ) : null}

      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        institutionId={institutionId}
        institutionName={institution?.name ?? ""}
        viewerIsSystemAdmin={isSystemAdmin}
      />
      <EditUserModal userId={editing} onClose={() => setEditing(null)} viewerIsSystemAdmin={isSystemAdmin} selfId={me?.user?.id} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        opened={deactivating !== null}
        title={t("admin.users.deactivate_title")}
        message={t("admin.users.deactivate_confirm", { name: deactivating?.full_name ?? "" })}
        confirmLabel={t("admin.users.deactivate")}
        danger
        loading={setActive.isPending}
        error={setActive.isError ? setActive.error : null}
        onConfirm={() => void deactivate()}
        onClose={() => {
          setActive.reset();
          setDeactivating(null);
        }}
      />
    </>
  );
}
