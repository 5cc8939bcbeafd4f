import { Alert, Anchor, Button, Group, NumberInput, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { applyErrorToForm } from "@/lib/ui/forms";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useOpenBreakGlass } from "../api/personCase";
import { timeLeft } from "../components/BreakGlass";

const MIN_REASON = 15;

/** A coordinator's emergency access: reason, duration, and once open its end and that it is logged. */
export default function BreakGlassPage() {
  const { t } = useTranslation();
  const { personId = "" } = useParams();
  const { roles } = useAuth();
  const open = useOpenBreakGlass(personId);
  const form = useForm({
    mode: "controlled",
    initialValues: { reason: "", hours: 6 as number | string },
    clearInputErrorOnChange: false,
    validate: {
      reason: (v) => (v.trim().length >= MIN_REASON ? null : t("persons.break_glass.reason_short")),
      hours: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 24 ? null : t("errors.field.invalid")),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await open.mutateAsync({ reason: values.reason.trim(), hours: Number(values.hours) });
    } catch (error) {
      applyErrorToForm(error, form, t);
    }
  });
  const header = <PageHeader title={t("persons.break_glass.title")} description={t("persons.break_glass.description")} />;
  if (!roles.includes("coordinator"))
    return (
      <>
        {header}
        <Alert color="gray" variant="light" role="status">
          {t("persons.break_glass.coordinators_only")}
        </Alert>
      </>
    );
  if (open.isSuccess)
    return (
      <>
        {header}
        <Alert
          color="orange"
          variant="light"
          title={t("persons.break_glass.opened", { until: formatDateTime(open.data.expires_at) })}
          role="status"
        >
          <Stack gap="sm">
            <Text size="sm">
              {t("persons.break_glass.active_until", {
                until: formatDateTime(open.data.expires_at),
                left: timeLeft(open.data.expires_at, t),
              })}
            </Text>
            <Text size="sm">{t("persons.break_glass.audited")}</Text>
            <Group>
              <Button component={Link} to={`/osoby/${personId}`}>
                {t("persons.break_glass.go_person")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </>
    );
  return (
    <>
      {header}
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Textarea
              label={t("persons.break_glass.reason")}
              description={t("persons.break_glass.reason_help")}
              required
              autosize
              minRows={3}
              maxLength={1000}
              {...form.getInputProps("reason")}
            />
            <NumberInput
              label={t("persons.break_glass.hours")}
              description={t("persons.break_glass.hours_help")}
              min={1}
              max={24}
              allowDecimal={false}
              w={200}
              {...form.getInputProps("hours")}
            />
            <Text size="sm" c="dimmed">
              {t("persons.break_glass.audited")}
            </Text>
            <div aria-live="polite">{open.isError && Object.keys(form.errors).length === 0 ? <ErrorAlert error={open.error} /> : null}</div>
            <Group justify="space-between">
              <Anchor component={Link} to="/osoby">
                {t("common.cancel")}
              </Anchor>
              <Button type="submit" color="orange" loading={open.isPending}>
                {t("persons.break_glass.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
