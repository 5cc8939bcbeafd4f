import { useState } from "react";
import { Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useAnswerFollowUp, useFollowUpCodes, type FollowUp } from "../api/work";
import { codeLabel } from "./Labels";

interface Values {
  outcome_code: string | null;
  note: string;
}

/** Record what a follow-up check found (once, when it is due; the chain's root sender). */
export function AnswerFollowUpModal({ followUp, onClose }: { followUp: FollowUp | null; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useFollowUpCodes();
  const answer = useAnswerFollowUp();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { outcome_code: null, note: "" },
    validate: { outcome_code: (value) => (value ? null : t("errors.field.missing")) },
  });
  const close = () => {
    form.reset();
    setFailure(null);
    answer.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    if (!followUp || !values.outcome_code) return;
    setFailure(null);
    try {
      await answer.mutateAsync({
        id: followUp.id,
        body: { outcome_code: values.outcome_code, note: values.note.trim() || null },
      });
      notify("green", t("referrals.followups.done"));
      close();
    } catch (error) {
      setFailure(error);
    }
  });
  const options = (codes.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: codeLabel(c) }));
  return (
    <Modal
      opened={followUp !== null}
      onClose={close}
      title={t("referrals.followups.answer_title", { number: followUp?.referral_number ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select label={t("referrals.followups.outcome")} data={options} required {...form.getInputProps("outcome_code")} />
          <Textarea
            label={t("referrals.followups.note")}
            description={t("referrals.followups.note_help")}
            maxLength={2000}
            autosize
            minRows={2}
            {...form.getInputProps("note")}
          />
          {failure ? <ErrorAlert error={failure} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={answer.isPending}>
              {t("referrals.followups.answer")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
