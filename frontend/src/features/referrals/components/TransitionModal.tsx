import { useMemo, useState } from "react";
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/lib/api/problem";
import { useAuth } from "@/lib/auth/AuthProvider";
import { ErrorAlert, StaleRecordAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import {
  BUSINESS_STATUSES,
  useOutcomeCodes,
  useReasonCodes,
  useTransition,
  type AllowedAction,
  type Referral,
  type TransitionRequest,
} from "../api/referrals";
import { codeLabel } from "./Labels";

/** The fields this form knows how to ask for; anything else in allowed_actions is ignored. */
export const KNOWN_FIELDS = [
  "reason_code",
  "declined_by",
  "outcome_codes",
  "delivered",
  "business_status",
  "assignee_user_id",
  "planned_start_date",
  "text",
] as const;
type Field = (typeof KNOWN_FIELDS)[number];

interface Values {
  reason_code: string | null;
  declined_by: string;
  outcome_codes: string[];
  delivered: string;
  business_status: string | null;
  assignee_user_id: boolean;
  planned_start_date: string;
  text: string;
}

const EMPTY: Values = {
  reason_code: null,
  declined_by: "",
  outcome_codes: [],
  delivered: "",
  business_status: null,
  assignee_user_id: false,
  planned_start_date: "",
  text: "",
};

/** The fields of an allowed action, in the order the form shows them, with whether each is required. */
export function fieldsOf(action: AllowedAction): { name: Field; required: boolean }[] {
  const required = new Set(action.required_fields);
  const optional = new Set(action.optional_fields);
  return KNOWN_FIELDS.filter((name) => required.has(name) || optional.has(name)).map((name) => ({ name, required: required.has(name) }));
}

interface TransitionModalProps {
  referral: Referral;
  etag: string | null;
  action: AllowedAction | null;
  onClose: () => void;
  /** Reload the referral (after 412 / 409). */
  onReload: () => Promise<unknown>;
}

/**
 * The form of one allowed action: exactly the fields the API lists as required or optional for it,
 * sent to /transitions with If-Match. 412 → someone else changed the referral (reload offered);
 * 409 illegal_transition → the referral moved on: its current status is shown, reload offered.
 */
export function TransitionModal({ referral, etag, action, onClose, onReload }: TransitionModalProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const transition = useTransition(referral.id);
  const fields = useMemo(() => (action ? fieldsOf(action) : []), [action]);
  const needs = (name: Field) => fields.some((f) => f.name === name);
  const isRequired = (name: Field) => fields.some((f) => f.name === name && f.required);
  const reasonCodes = useReasonCodes();
  const outcomeCodes = useOutcomeCodes();
  const [failure, setFailure] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: EMPTY,
    // A message stays until the next attempt to send.
    clearInputErrorOnChange: false,
    // The fields the API requires for this action must be filled.
    validate: (values) => {
      const errors: Partial<Record<Field, string>> = {};
      for (const { name, required } of fields) {
        if (!required) continue;
        const value = values[name];
        const empty = Array.isArray(value)
          ? value.length === 0
          : typeof value === "string"
            ? value.trim() === ""
            : value === null || value === false;
        if (empty) errors[name] = name === "outcome_codes" ? t("referrals.actions.outcome_required") : t("errors.field.missing");
      }
      return errors;
    },
  });

  const reasons = (reasonCodes.data?.items ?? [])
    .filter((code) => code.active && !code.system_only && action && code.actions.includes(action.action))
    .map((code) => ({ value: code.code, label: codeLabel(code) }));
  const outcomes = (outcomeCodes.data?.items ?? []).filter((code) => code.active);

  // Every opening starts afresh.
  const close = () => {
    form.reset();
    setFailure(null);
    transition.reset();
    onClose();
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
      close();
    }
  };

  const submit = form.onSubmit(async (values) => {
    if (!action) return;
    setFailure(null);
    const body: TransitionRequest = { action: action.action as TransitionRequest["action"] };
    if (needs("reason_code") && values.reason_code) body.reason_code = values.reason_code;
    if (needs("declined_by") && values.declined_by) body.declined_by = values.declined_by as TransitionRequest["declined_by"];
    if (needs("outcome_codes") && values.outcome_codes.length) body.outcome_codes = values.outcome_codes;
    if (needs("delivered") && values.delivered.trim()) body.delivered = values.delivered.trim();
    if (needs("business_status") && values.business_status)
      body.business_status = values.business_status as TransitionRequest["business_status"];
    if (needs("assignee_user_id") && values.assignee_user_id && me?.user) body.assignee_user_id = me.user.id;
    if (needs("planned_start_date") && values.planned_start_date) body.planned_start_date = values.planned_start_date;
    if (needs("text") && values.text.trim()) body.text = values.text.trim();
    try {
      await transition.mutateAsync({ etag, body });
      notify("green", t("referrals.actions.done", { action: t(`referrals.action.${action.action}`), number: referral.number }));
      close();
    } catch (error) {
      setFailure(error);
    }
  });

  const stale = isApiError(failure) && failure.status === 412;
  const illegal = isApiError(failure) && failure.code === "illegal_transition";
  const currentStatus = illegal && typeof failure.problem.current_status === "string" ? failure.problem.current_status : "";
  const title = action ? t(`referrals.action.${action.action}`) : "";

  return (
    <Modal opened={action !== null} onClose={close} title={title} size="lg" closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("referrals.actions.for_referral", { number: referral.number })}
          </Text>
          {fields.length === 0 ? <Text size="sm">{t("referrals.actions.confirm_plain")}</Text> : null}
          {needs("reason_code") ? (
            <Select
              label={t("referrals.actions.reason_code")}
              data={reasons}
              {...form.getInputProps("reason_code")}
              required={isRequired("reason_code")}
              placeholder={reasonCodes.isPending ? t("common.loading") : t("referrals.actions.choose")}
              allowDeselect={!isRequired("reason_code")}
              data-autofocus
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          {needs("declined_by") ? (
            <Radio.Group
              label={t("referrals.actions.declined_by")}
              {...form.getInputProps("declined_by")}
              required={isRequired("declined_by")}
            >
              <Group mt={4}>
                <Radio value="client" label={t("referrals.declined_by.client")} />
                <Radio value="provider" label={t("referrals.declined_by.provider")} />
              </Group>
            </Radio.Group>
          ) : null}
          {needs("outcome_codes") ? (
            <Checkbox.Group
              label={t("referrals.actions.outcome_codes")}
              {...form.getInputProps("outcome_codes")}
              required={isRequired("outcome_codes")}
            >
              <Stack gap={6} mt={6}>
                {outcomeCodes.isPending ? <Text size="sm">{t("common.loading")}</Text> : null}
                {outcomes.map((code) => (
                  <Checkbox key={code.code} value={code.code} label={codeLabel(code)} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          {needs("delivered") ? (
            <Textarea
              label={t("referrals.actions.delivered")}
              {...form.getInputProps("delivered")}
              required={isRequired("delivered")}
              autosize
              minRows={2}
            />
          ) : null}
          {needs("business_status") ? (
            <Select
              label={t("referrals.actions.business_status")}
              data={BUSINESS_STATUSES.map((value) => ({ value, label: t(`referrals.business_status.${value}`) }))}
              {...form.getInputProps("business_status")}
              required={isRequired("business_status")}
              placeholder={t("referrals.actions.choose")}
              comboboxProps={{ withinPortal: true }}
            />
          ) : null}
          {needs("assignee_user_id") ? (
            <Checkbox label={t("referrals.actions.assign_to_me")} {...form.getInputProps("assignee_user_id", { type: "checkbox" })} />
          ) : null}
          {needs("planned_start_date") ? (
            <TextInput
              type="date"
              label={t("referrals.actions.planned_start_date")}
              {...form.getInputProps("planned_start_date")}
              required={isRequired("planned_start_date")}
            />
          ) : null}
          {needs("text") ? (
            <Textarea
              label={isRequired("text") ? t("referrals.actions.text_required") : t("referrals.actions.text")}
              {...form.getInputProps("text")}
              required={isRequired("text")}
              autosize
              minRows={3}
              description={t("referrals.actions.text_help")}
            />
          ) : null}
          <div aria-live="polite">
            {stale ? (
              <StaleRecordAlert onReload={() => void reload()} reloading={reloading} />
            ) : illegal ? (
              <Alert color="orange" variant="light" title={t("referrals.actions.illegal_title")} role="alert">
                <Text size="sm">
                  {t("referrals.actions.illegal", { status: currentStatus ? t(`referrals.status.${currentStatus}`) : "—" })}
                </Text>
                <Group mt="sm">
                  <Button size="xs" variant="default" onClick={() => void reload()} loading={reloading}>
                    {t("errors.stale.reload")}
                  </Button>
                </Group>
              </Alert>
            ) : failure ? (
              <ErrorAlert error={failure} />
            ) : null}
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              disabled={stale || illegal}
              data-autofocus={fields.length === 0 ? true : undefined}
            >
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
