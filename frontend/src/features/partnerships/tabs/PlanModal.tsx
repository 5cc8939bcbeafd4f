import type { ReactNode } from "react";
import { Button, Group, Modal, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeError } from "@/lib/api/problem";
import { StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { partnershipKeys } from "../api/partnerships";
import { ProblemAlert } from "../components/ProblemAlert";

interface PlanModalProps {
  partnershipId: string;
  title: string;
  error: unknown;
  saving: boolean;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  size?: string;
  children: ReactNode;
}

/** A dialog replacing a part of the plan with If-Match: on 412 it offers to read the plan again. */
export function PlanModal({ partnershipId, title, error, saving, onSubmit, onClose, size, children }: PlanModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const stale = error ? describeError(error, t).stale : false;
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          {stale ? (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) });
                onClose();
              }}
            />
          ) : (
            <ProblemAlert error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={saving} disabled={stale}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
