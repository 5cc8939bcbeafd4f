import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useDecideAccessRequest, type AccessRequest } from "../api/accessRequests";
import { useInstitutionName } from "../api/persons";
import { REASON_MIN } from "./RequestAccess";

export type DecisionKind = "approve" | "decline";

interface DecisionModalProps {
  decision: { request: AccessRequest; kind: DecisionKind } | null;
  onClose: () => void;
}

/** Approve (the requester is registered on the person, with its reason) or decline with a reason. */
export function DecisionModal({ decision, onClose }: DecisionModalProps) {
  const { t } = useTranslation();
  const decide = useDecideAccessRequest();
  const requester = useInstitutionName(decision?.request.requester_institution_id);
  const approve = decision?.kind === "approve";
  const form = useForm({
    mode: "controlled",
    initialValues: { text: "" },
    validate: {
      text: (v) => (approve || v.trim().length >= REASON_MIN ? null : t("persons.access_requests.reason_short", { min: REASON_MIN })),
    },
  });
  const close = () => {
    form.reset();
    decide.reset();
    onClose();
  };
  const submit = form.onSubmit(async ({ text }) => {
    if (!decision) return;
    const id = decision.request.id;
    try {
      await decide.mutateAsync(approve ? { id, approve: true, note: text.trim() || null } : { id, approve: false, reason: text.trim() });
      notify("green", t(approve ? "persons.access_requests.approved" : "persons.access_requests.declined"));
      close();
    } catch (error) {
      applyErrorToForm(error, form, t);
    }
  });
  const person = decision?.request.person;
  const name = person?.last_name ? `${person.first_name ?? ""} ${person.last_name}` : "";
  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      title={t(approve ? "persons.access_requests.approve_title" : "persons.access_requests.decline_title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {t(approve ? "persons.access_requests.approve_text" : "persons.access_requests.decline_text", {
              institution: requester.data?.name ?? "—",
              name,
            })}
          </Text>
          {decision ? (
            <Text size="sm" c="dimmed">
              {t("persons.access_requests.their_reason", { reason: decision.request.reason })}
            </Text>
          ) : null}
          <Textarea
            label={t(approve ? "persons.access_requests.note" : "persons.access_requests.decline_reason")}
            description={approve ? undefined : t("persons.access_requests.decline_help", { min: REASON_MIN })}
            required={!approve}
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps("text")}
          />
          {decide.isError && !Object.keys(form.errors).length ? <ErrorAlert error={decide.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={approve ? undefined : "red"} loading={decide.isPending}>
              {t(approve ? "persons.access_requests.approve" : "persons.access_requests.decline")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
