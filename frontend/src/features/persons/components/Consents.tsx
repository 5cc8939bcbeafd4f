import { useState } from "react";
import { Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { Link } from "react-router";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n";
import { ConfirmDialog } from "@/lib/ui/ConfirmDialog";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { useConsents, useRecordConsent, useServiceTypes, useWithdrawConsent, type Consent, type ConsentCreate } from "../api/persons";

const RECIPIENT_TYPES = ["NGO", "CIS", "KIS", "OPS", "CUS", "PUP", "PCPR"];
/** The registry's state of a consent in force (the others: withdrawn, expired, not_yet_valid). */
const VALID = "valid";

const PURPOSES = ["referral", "information_exchange", "service_delivery"] as const;

interface ConsentValues {
  purpose: ConsentCreate["purpose"];
  recipient_type: string | null;
  service_type: string | null;
  covers_sensitive: boolean;
  expires_at: string;
  evidence: string;
}

function RecordConsentModal({ personId, opened, onClose }: { personId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(personId);
  const types = useServiceTypes();
  const en = currentLanguage() === "en";
  const form = useForm<ConsentValues>({
    mode: "controlled",
    initialValues: {
      purpose: "referral",
      recipient_type: "NGO",
      service_type: null,
      covers_sensitive: false,
      expires_at: "",
      evidence: "",
    },
    // A message stays until the next attempt to save.
    clearInputErrorOnChange: false,
    validate: { evidence: (value) => (value.trim() ? null : t("errors.field.missing")) },
  });
  const close = () => {
    record.reset();
    form.clearErrors();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    const body: ConsentCreate = {
      purpose: values.purpose,
      recipient_institution_type: values.recipient_type,
      service_type_code: values.service_type,
      covers_sensitive: values.covers_sensitive,
      expires_at: values.expires_at ? new Date(`${values.expires_at}T23:59:59`).toISOString() : null,
      evidence_reference: values.evidence.trim(),
    };
    try {
      await record.mutateAsync(body);
      notify("green", t("persons.consents.recorded"));
      close();
    } catch {
      // shown below
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("persons.consents.record")}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t("persons.consents.purpose")}
            data={PURPOSES.map((p) => ({ value: p, label: t(`persons.consents.purposes.${p}`) }))}
            {...form.getInputProps("purpose")}
            onChange={(x) => form.setFieldValue("purpose", (x ?? "referral") as ConsentValues["purpose"])}
            allowDeselect={false}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("persons.consents.recipient_type")}
            data={RECIPIENT_TYPES.map((x) => ({ value: x, label: t(`institution_types.${x}`, { defaultValue: x }) }))}
            {...form.getInputProps("recipient_type")}
            clearable
            placeholder={t("persons.consents.any")}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("persons.consents.service_type")}
            data={(types.data?.items ?? []).map((s) => ({ value: s.code, label: en ? s.name_en : s.name_pl }))}
            {...form.getInputProps("service_type")}
            clearable
            searchable
            placeholder={t("persons.consents.any")}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox label={t("persons.consents.covers_sensitive")} {...form.getInputProps("covers_sensitive", { type: "checkbox" })} />
          <TextInput type="date" label={t("persons.consents.expires_at")} {...form.getInputProps("expires_at")} />
          <TextInput
            label={t("persons.consents.evidence")}
            description={t("persons.consents.evidence_help")}
            required
            {...form.getInputProps("evidence")}
          />
          <div aria-live="polite">{record.isError ? <ErrorAlert error={record.error} /> : null}</div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t("persons.consents.record")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The person's consents: record, withdraw (confirmed), print the form to sign; read-only in break-glass. */
export function Consents({ personId, readOnly = false }: { personId: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const consents = useConsents(personId);
  const withdraw = useWithdrawConsent(personId);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const withdrawal = useForm({ mode: "controlled", initialValues: { reason: "" } });
  const items = consents.data?.items ?? [];
  const doWithdraw = async () => {
    if (!withdrawing) return;
    try {
      await withdraw.mutateAsync({ id: withdrawing.id, reason: withdrawal.values.reason.trim() || null });
      notify("green", t("persons.consents.withdrawn"));
      setWithdrawing(null);
      withdrawal.reset();
    } catch {
      // shown in the dialog
    }
  };
  return (
    <Stack gap="sm">
      {readOnly ? null : (
        <Group justify="flex-end">
          <Button variant="light" onClick={() => setRecording(true)}>
            {t("persons.consents.record")}
          </Button>
        </Group>
      )}
      {consents.isPending ? (
        <div className="skeleton-block" style={{ height: 80 }} aria-busy="true" />
      ) : consents.isError ? (
        <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("persons.consents.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("persons.consents.purpose")}</Table.Th>
                <Table.Th>{t("persons.consents.recipient_type")}</Table.Th>
                <Table.Th>{t("persons.consents.period")}</Table.Th>
                <Table.Th>{t("persons.consents.state")}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t("common.actions")}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm">{t(`persons.consents.purposes.${c.purpose}`, { defaultValue: c.purpose })}</Text>
                    {c.covers_sensitive ? (
                      <Badge size="xs" color="grape" variant="light">
                        {t("persons.consents.sensitive_short")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{c.recipient_institution_type ?? t("persons.consents.any")}</Table.Td>
                  <Table.Td>
                    {formatDate(c.given_at)} – {c.expires_at ? formatDate(c.expires_at) : "…"}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.state === VALID ? "green" : "gray"}>
                      {t(`persons.consents.states.${c.state === VALID ? "active" : c.state}`, { defaultValue: c.state })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        component={Link}
                        to={`/osoby/${personId}/zgody/${c.id}/druk`}
                        aria-label={t("persons.consent_print.print_named", { date: formatDate(c.given_at) })}
                      >
                        {t("persons.actions.print")}
                      </Button>
                      {c.state === VALID && !readOnly ? (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(c)}>
                          {t("persons.consents.withdraw")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RecordConsentModal personId={personId} opened={recording} onClose={() => setRecording(false)} />
      <ConfirmDialog
        opened={withdrawing !== null}
        title={t("persons.consents.withdraw_title")}
        message={
          <Stack gap="sm">
            <Text size="sm">{t("persons.consents.withdraw_confirm")}</Text>
            <Textarea label={t("persons.consents.withdraw_reason")} autosize minRows={2} {...withdrawal.getInputProps("reason")} />
          </Stack>
        }
        confirmLabel={t("persons.consents.withdraw")}
        danger
        loading={withdraw.isPending}
        error={withdraw.isError ? withdraw.error : null}
        onConfirm={() => void doWithdraw()}
        onClose={() => {
          withdraw.reset();
          setWithdrawing(null);
        }}
      />
    </Stack>
  );
}
