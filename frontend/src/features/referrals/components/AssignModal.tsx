import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useTransition, type Referral } from "../api/referrals";
import { useStaff } from "../api/work";

interface AssignModalProps {
  referral: Referral;
  etag: string | null;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/**
 * Assign or reassign a received referral within the institution (the `assign` action). A
 * coordinator picks any active caseworker or coordinator of the institution; a caseworker can only
 * take an unassigned referral for themselves (the API enforces both).
 */
export function AssignModal({ referral, etag, opened, onClose, onReload }: AssignModalProps) {
  const { t } = useTranslation();
  const { me, roles } = useAuth();
  const coordinator = roles.includes("coordinator");
  const staff = useStaff(opened && coordinator);
  const transition = useTransition(referral.id);
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const options = (staff.data?.items ?? [])
    .filter((u) => u.roles.some((r) => r === "caseworker" || r === "coordinator") && u.id !== referral.assignee_user_id)
    .map((u) => ({ value: u.id, label: u.full_name }));
  const assignee = coordinator ? picked : (me?.user?.id ?? null);

  const close = () => {
    setPicked(null);
    setFailure(null);
    transition.reset();
    onClose();
  };

  const submit = async () => {
    if (!assignee) return;
    setFailure(null);
    try {
      await transition.mutateAsync({ etag, body: { action: "assign", assignee_user_id: assignee } });
      notify("green", t("referrals.work.assigned_done", { number: referral.number }));
      close();
    } catch (error) {
      setFailure(error);
    }
  };

  const stale = isApiError(failure) && failure.status === 412;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("referrals.work.assign_title", { number: referral.number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        {coordinator ? (
          <Select
            label={t("referrals.work.assign_to")}
            description={t("referrals.work.assign_help")}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            required
          />
        ) : (
          <Text size="sm">{t("referrals.work.assign_take_help")}</Text>
        )}
        {stale ? <StaleRecordAlert onReload={() => void onReload().then(close)} /> : failure ? <ErrorAlert error={failure} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button onClick={() => void submit()} disabled={!assignee} loading={transition.isPending}>
            {coordinator ? t("referrals.work.assign_submit") : t("referrals.work.assign_take")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
