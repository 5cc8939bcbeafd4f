import { useState } from "react";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { grantableRoles, type Role, type User, type UserUpdate } from "@/lib/api/directory";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useVersionedEdit } from "@/lib/ui/useVersionedEdit";
import { VersionedEditForm } from "@/lib/ui/VersionedEditForm";
import { useCreateUser, useResetPassword, useUpdateUser, userQueries } from "../api/users";
import { NewPasswordField, validateNewPassword } from "./PasswordField";
import { RolesField } from "./RolesField";
import { AnalystScopePicker } from "./Territory";

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
  institutionId: string;
  institutionName: string;
  viewerIsSystemAdmin: boolean;
}

export function CreateUserModal({ opened, onClose, institutionId, institutionName, viewerIsSystemAdmin }: CreateUserModalProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", full_name: "", roles: ["caseworker"] as Role[], analyst_scope: "", password: "" },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("admin.users.email_invalid")),
      full_name: (v) => (v.trim() ? null : t("errors.field.missing")),
      roles: (v) => (v.length > 0 ? null : t("admin.users.roles_required")),
      password: (v) => validateNewPassword(v, t),
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    create.reset();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await create.mutateAsync({
        email: values.email.trim(),
        full_name: values.full_name.trim(),
        roles: values.roles,
        analyst_scope: values.roles.includes("analyst") ? values.analyst_scope : null,
        password: values.password,
        institution_id: institutionId,
      });
      notify("green", t("admin.users.created", { name: user.full_name }));
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("admin.users.create_title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("admin.users.create_in", { institution: institutionName })}
          </Text>
          <TextInput
            label={t("admin.users.email")}
            type="email"
            required
            data-autofocus
            autoComplete="off"
            {...form.getInputProps("email")}
          />
          <TextInput label={t("admin.users.name")} required autoComplete="off" {...form.getInputProps("full_name")} />
          <RolesField
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue("roles", roles)}
            error={form.errors.roles}
            grantable={grantableRoles(viewerIsSystemAdmin)}
          />
          {form.values.roles.includes("analyst") ? (
            <AnalystScopePicker
              value={form.values.analyst_scope}
              onChange={(scope) => form.setFieldValue("analyst_scope", scope)}
              error={form.errors.analyst_scope}
            />
          ) : null}
          <NewPasswordField
            label={t("admin.users.initial_password")}
            value={form.values.password}
            onChange={(value) => form.setFieldValue("password", value)}
            error={form.errors.password}
            description={t("admin.users.initial_password_help")}
          />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("admin.users.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface EditUserModalProps {
  userId: string | null;
  onClose: () => void;
  viewerIsSystemAdmin: boolean;
  /** The signed-in user: an institution administrator cannot change their own roles. */
  selfId: string | undefined;
}

interface EditValues {
  full_name: string;
  roles: Role[];
  analyst_scope: string;
}

function editValues(user: User): EditValues {
  return { full_name: user.full_name, roles: [...user.roles], analyst_scope: user.analyst_scope ?? "" };
}

/** What changed: roles compare as sets; the analyst scope counts only for an analyst. */
function userChanges(_changes: unknown, values: EditValues, user: User): UserUpdate {
  const body: UserUpdate = {};
  if (values.full_name.trim() !== user.full_name) body.full_name = values.full_name.trim();
  const sameRoles = values.roles.length === user.roles.length && values.roles.every((r) => user.roles.includes(r));
  if (!sameRoles) body.roles = values.roles;
  if (values.roles.includes("analyst") && values.analyst_scope !== user.analyst_scope) body.analyst_scope = values.analyst_scope;
  return body;
}

/** Name, roles and analyst scope; sent with If-Match from the ETag read when the dialog opened. */
export function EditUserModal({ userId, onClose, viewerIsSystemAdmin, selfId }: EditUserModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const edit = useVersionedEdit({
    query: userQueries.detail(userId ?? ""),
    enabled: userId !== null,
    form: {
      initialValues: { full_name: "", roles: [], analyst_scope: "" },
      validate: {
        full_name: (v) => (v.trim() ? null : t("errors.field.missing")),
        roles: (v) => (v.length > 0 ? null : t("admin.users.roles_required")),
      },
    },
    toValues: editValues,
    toBody: userChanges,
    save: (body, etag, user) => update.mutateAsync({ id: user.id, etag, body }),
    onSaved: (user) => {
      notify("green", t("admin.users.updated", { name: user.full_name }));
      close();
    },
    onUnchanged: () => close(),
  });
  const { form } = edit;

  function close() {
    edit.clear();
    onClose();
  }

  return (
    <Modal
      opened={userId !== null}
      onClose={close}
      title={t("admin.users.edit_title")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <VersionedEditForm edit={edit} onCancel={close} skeleton={[56, 56, 200]}>
        <TextInput label={t("admin.users.email")} value={edit.record?.email ?? ""} readOnly description={t("admin.users.email_fixed")} />
        <TextInput label={t("admin.users.name")} required data-autofocus {...form.getInputProps("full_name")} />
        <RolesField
          value={form.values.roles}
          onChange={(roles) => form.setFieldValue("roles", roles)}
          error={form.errors.roles}
          grantable={grantableRoles(viewerIsSystemAdmin)}
          lockedReason={userId === selfId && !viewerIsSystemAdmin ? t("admin.users.own_roles_locked") : undefined}
        />
        {form.values.roles.includes("analyst") ? (
          <AnalystScopePicker
            value={form.values.analyst_scope}
            onChange={(scope) => form.setFieldValue("analyst_scope", scope)}
            error={form.errors.analyst_scope}
          />
        ) : null}
      </VersionedEditForm>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { password: "" },
    validate: { password: (v) => validateNewPassword(v, t) },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    reset.reset();
    onClose();
  };
  const submit = form.onSubmit(async ({ password }) => {
    if (!user) return;
    try {
      await reset.mutateAsync({ id: user.id, password });
      notify("green", t("admin.users.password_reset_done", { name: user.full_name }));
      close();
    } catch (error) {
      const described = applyErrorToForm(error, form, t);
      if (!described.shownOnFields) setFormError(error);
    }
  });
  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={t("admin.users.reset_password_title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t("admin.users.reset_password_for", { name: user?.full_name ?? "" })}</Text>
          <Alert color="splot" variant="light">
            {t("admin.users.reset_password_effect")}
          </Alert>
          <NewPasswordField
            label={t("admin.users.new_password")}
            value={form.values.password}
            onChange={(value) => form.setFieldValue("password", value)}
            error={form.errors.password}
          />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t("admin.users.reset_password_submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
