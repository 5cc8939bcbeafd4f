import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { notify } from "@/lib/ui/notify";
import { useRegisterHere } from "../api/registration";
import { REASON_MIN } from "./RequestAccess";

interface RegisterHereModalProps {
  /** The person found by PESEL (id from the lookup), or null when closed. */
  hint: { id: string; initials: string; birth_year: number } | null;
  pesel: string;
  onClose: () => void;
}

/**
 * "Zarejestruj w mojej instytucji": a walk-in client found by PESEL whose record the institution
 * cannot open yet. The PESEL typed proves it; the declared reason is audited. Then the card opens.
 */
export function RegisterHereModal({ hint, pesel, onClose }: RegisterHereModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useRegisterHere();
  const form = useForm({
    mode: "controlled",
    initialValues: { reason: "" },
    validate: { reason: (v) => (v.trim().length >= REASON_MIN ? null : t("persons.access_requests.reason_short", { min: REASON_MIN })) },
  });
  const close = () => {
    form.reset();
    register.reset();
    onClose();
  };
  const submit = form.onSubmit(async ({ reason }) => {
    if (!hint) return;
    try {
      await register.mutateAsync({ id: hint.id, pesel, reason: reason.trim() });
      notify("green", t("persons.register_here.done"));
      await navigate(`/osoby/${hint.id}`);
    } catch (error) {
      applyErrorToForm(error, form, t);
    }
  });
  const who = hint ? t("persons.search.hint", { initials: hint.initials, year: hint.birth_year }) : "";
  return (
    <Modal
      opened={hint !== null}
      onClose={close}
      title={t("persons.register_here.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t("persons.register_here.description", { who })}</Text>
          <Textarea
            label={t("persons.register_here.reason")}
            description={t("persons.register_here.reason_help", { min: REASON_MIN })}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps("reason")}
          />
          {register.isError && !Object.keys(form.errors).length ? <ErrorAlert error={register.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={register.isPending}>
              {t("persons.register_here.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
