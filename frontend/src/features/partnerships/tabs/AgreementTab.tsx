import { useState } from "react";
import { Button, Group, Modal, Paper, Spoiler, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate, formatDateTime } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { notify } from "@/lib/ui/notify";
import { useConfirmAgreement, useTerminateAgreement, type AgreementVersion, type Partnership } from "../api/partnerships";
import { InstitutionName } from "../components/InstitutionName";
import { ProblemAlert } from "../components/ProblemAlert";
import { StatusBadge } from "../components/StatusBadge";
import { isSignatory, mayChangeAgreement, mayConfirm } from "../lib/access";
import { AgreementForm } from "./AgreementForm";

function Confirmations({ agreement }: { agreement: AgreementVersion }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <Table fz="sm" withTableBorder>
      <Table.Caption>{t("partnerships.agreement.confirmations_of", { number: agreement.number })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("partnerships.overview.institution")}</Table.Th>
          <Table.Th scope="col">{t("partnerships.agreement.confirmed_at")}</Table.Th>
          <Table.Th scope="col">{t("partnerships.agreement.confirmed_by")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agreement.party_ids.map((id) => {
          const c = agreement.confirmations.find((x) => x.institution_id === id);
          return (
            <Table.Tr key={id}>
              <Table.Td>
                <InstitutionName id={id} />
              </Table.Td>
              <Table.Td>{c ? formatDateTime(c.confirmed_at) : t("partnerships.agreement.not_confirmed")}</Table.Td>
              <Table.Td>
                {c
                  ? `${t(`roles.${c.confirmed_by_role}`, { defaultValue: c.confirmed_by_role })}${c.confirmed_by_subject === me?.subject ? ` (${t("partnerships.agreement.you")})` : ""}`
                  : "—"}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function Version({
  partnership,
  agreement,
  onAmend,
  onTerminate,
}: {
  partnership: Partnership;
  agreement: AgreementVersion;
  onAmend: () => void;
  onTerminate: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const confirm = useConfirmAgreement(partnership.id);
  const canChange = partnership.access === "party" && mayChangeAgreement(me, agreement);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`agreement-${agreement.id}`}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={4}>
          <Title order={2} size="h4" id={`agreement-${agreement.id}`}>
            {t("partnerships.agreement.version", { number: agreement.number })}: {agreement.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={agreement.status} />
            <Text size="sm" c="dimmed">
              {t("partnerships.agreement.document_number")}: {agreement.document_number} ·{" "}
              {t("partnerships.agreement.period", {
                from: formatDate(agreement.valid_from),
                to: agreement.valid_to ? formatDate(agreement.valid_to) : "…",
              })}
            </Text>
          </Group>
          {agreement.confirmed_on ? (
            <Text size="sm">{t("partnerships.agreement.confirmed_on", { date: formatDate(agreement.confirmed_on) })}</Text>
          ) : null}
          {agreement.terminated_on ? (
            <Text size="sm" c="red.8">
              {t("partnerships.agreement.terminated_on", {
                date: formatDate(agreement.terminated_on),
                reason: agreement.termination_reason ?? "",
              })}
            </Text>
          ) : null}
          {agreement.superseded_on ? (
            <Text size="sm">{t("partnerships.agreement.superseded_on", { date: formatDate(agreement.superseded_on) })}</Text>
          ) : null}
          {agreement.amends_id ? (
            <Text size="sm" c="dimmed">
              {t("partnerships.agreement.amends", {
                number: partnership.agreements.find((a) => a.id === agreement.amends_id)?.number ?? "?",
              })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          {mayConfirm(me, partnership, agreement) ? (
            <Button
              onClick={() => confirm.mutate(agreement.id, { onSuccess: () => notify("green", t("partnerships.agreement.confirmed")) })}
              loading={confirm.isPending}
            >
              {t("partnerships.agreement.confirm")}
            </Button>
          ) : null}
          {canChange ? (
            <>
              <Button variant="default" onClick={onAmend}>
                {t("partnerships.agreement.amend")}
              </Button>
              <Button variant="default" color="red" onClick={onTerminate}>
                {t("partnerships.agreement.terminate")}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      <ProblemAlert error={confirm.error} />
      <Spoiler maxHeight={96} showLabel={t("partnerships.agreement.show_text")} hideLabel={t("partnerships.agreement.hide_text")} mb="sm">
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {agreement.text}
        </Text>
      </Spoiler>
      {agreement.annexes.length > 0 ? (
        <Stack gap="xs" mb="sm">
          <Text size="sm" fw={600}>
            {t("partnerships.agreement.annexes")}
          </Text>
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {agreement.annexes.map((annex, i) => (
              <li key={i}>
                <Text size="sm" fw={500}>
                  {annex.title}
                </Text>
                {annex.text ? (
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {annex.text}
                  </Text>
                ) : null}
                {annex.attachment ? (
                  <Text size="xs" c="dimmed">
                    {t("partnerships.agreement.attachment", { name: annex.attachment.file_name ?? annex.attachment.title })}
                  </Text>
                ) : null}
              </li>
            ))}
          </ol>
        </Stack>
      ) : null}
      <Confirmations agreement={agreement} />
    </Paper>
  );
}

function TerminateModal({
  partnership,
  agreement,
  onClose,
}: {
  partnership: Partnership;
  agreement: AgreementVersion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const terminate = useTerminateAgreement(partnership.id);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const submit = () => {
    setTouched(true);
    if (!reason.trim()) return;
    terminate.mutate(
      { agreementId: agreement.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notify("green", t("partnerships.agreement.terminated"));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("partnerships.agreement.terminate_title", { number: agreement.number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Text size="sm">{t("partnerships.agreement.terminate_text")}</Text>
        <Textarea
          label={t("partnerships.agreement.reason")}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={touched && !reason.trim() ? t("partnerships.create.required") : undefined}
        />
        <ProblemAlert error={terminate.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color="red" onClick={submit} loading={terminate.isPending}>
            {t("partnerships.agreement.terminate")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The agreement: its versions (newest first) with text, annexes and every party's confirmation. */
export function AgreementTab({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [form, setForm] = useState<{ amends: AgreementVersion | null } | null>(null);
  const [terminating, setTerminating] = useState<AgreementVersion | null>(null);
  const versions = [...partnership.agreements].sort((a, b) => b.number - a.number);
  const live = versions.some((a) => a.status === "pending" || a.status === "in_force");
  const canDraft = isSignatory(me, partnership) && !live;
  return (
    <Stack gap="lg">
      {canDraft ? (
        <Group>
          <Button onClick={() => setForm({ amends: null })}>{t("partnerships.agreement.new")}</Button>
        </Group>
      ) : null}
      {versions.length === 0 ? (
        <EmptyState title={t("partnerships.agreement.empty")} description={t("partnerships.agreement.empty_help")} />
      ) : (
        versions.map((agreement) => (
          <Version
            key={agreement.id}
            partnership={partnership}
            agreement={agreement}
            onAmend={() => setForm({ amends: agreement })}
            onTerminate={() => setTerminating(agreement)}
          />
        ))
      )}
      {form ? <AgreementForm partnership={partnership} amends={form.amends} onClose={() => setForm(null)} /> : null}
      {terminating ? <TerminateModal partnership={partnership} agreement={terminating} onClose={() => setTerminating(null)} /> : null}
    </Stack>
  );
}
