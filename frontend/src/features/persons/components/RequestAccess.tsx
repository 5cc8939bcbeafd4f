import { useState } from "react";
import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { applyErrorToForm } from "@/lib/ui/forms";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useRequestAccess } from "../api/accessRequests";
import type { HiddenCandidate } from "../api/registration";

export const REASON_MIN = 10;

/** "Poproś o dostęp" for a likely duplicate the institution may not see: a reason, then the request. */
export function RequestAccess({ candidate }: { candidate: HiddenCandidate }) {
  const { t } = useTranslation();
  const request = useRequestAccess();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim().length >= REASON_MIN ? null : t("persons.access_requests.reason_short", { min: REASON_MIN })) },
  });
  const label = t("persons.search.hint", { initials: candidate.initials, year: candidate.birth_year });

  if (request.data) {
    return (
      <Alert color="green" variant="light" role="status">
        <Text size="sm">{t("persons.access_requests.sent", { who: label })}</Text>
        <Anchor component={Link} to="/osoby/prosby-o-dostep?box=outgoing" size="sm">
          {t("persons.access_requests.see_outgoing")}
        </Anchor>
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={t("persons.access_requests.ask_named", { who: label })}>
        {t("persons.access_requests.ask")}
      </Button>
    );
  }
  const submit = form.onSubmit(async ({ reason }) => {
    setFailure(null);
    try {
      await request.mutateAsync({ candidate_id: candidate.candidate_id, reason: reason.trim() });
    } catch (error) {
      if (!applyErrorToForm(error, form, t).shownOnFields) setFailure(error);
    }
  });
  return (
    // Not a <form>: it sits inside the registration form (forms do not nest).
    <div role="group" aria-label={t("persons.access_requests.ask_named", { who: label })}>
      <Stack gap="xs">
        <Textarea
          label={t("persons.access_requests.reason")}
          description={t("persons.access_requests.reason_help", { min: REASON_MIN })}
          required
          autosize
          minRows={2}
          {...form.getInputProps("reason")}
        />
        {failure ? <ErrorAlert error={failure} /> : null}
        <Group>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button size="xs" onClick={() => submit()} loading={request.isPending}>
            {t("persons.access_requests.send")}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
