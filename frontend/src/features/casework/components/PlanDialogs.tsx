/** The forms of a plan: a new plan, the person's agreement, a review, a goal, an action, an action's status, a goal's assessment. */
import { Button, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { notify } from "@/lib/ui/notify";
import { ProgrammeSelect } from "@/lib/ui/ProgrammeSelect";
import {
  AGREEMENT_METHODS,
  ASSESSMENTS,
  caseworkQueries,
  useAreaInstitutions,
  useChangePlan,
  useCreatePlan,
  usePlanTypes,
  useProblemAreas,
  useServiceTypes,
  type Action,
  type Assessment,
  type Goal,
  type Plan,
  type PlanChange,
} from "../api/casework";
import { LegalBasisText, useLabel } from "./Labels";
import { today } from "./Diagnoses";

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function Buttons({ onClose, pending, label }: { onClose: () => void; pending: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={pending}>
        {label ?? t("common.save")}
      </Button>
    </Group>
  );
}

function useInstitutionOptions(exclude: string[] = []) {
  const { me } = useAuth();
  const institutions = useAreaInstitutions(me?.institution?.powiat_code);
  return (institutions.data?.items ?? []).filter((i) => !exclude.includes(i.id)).map((i) => ({ value: i.id, label: i.name }));
}

/** A change of the plan with its If-Match; closes the dialog when it went through. */
function usePlanChange(personId: string, plan: Plan, onClose: () => void) {
  const { t } = useTranslation();
  const mutation = useChangePlan(personId);
  const send = async (change: PlanChange) => {
    try {
      await mutation.mutateAsync({ plan, change });
      notify("green", t("casework.plan.saved"));
      onClose();
    } catch {
      // shown in the form
    }
  };
  return { send, pending: mutation.isPending, error: mutation.error };
}

interface NewPlanValues {
  plan_type_code: string | null;
  starts_on: string;
  diagnosis_id: string | null;
  parties: string[];
  next_review_due: string;
  programme: string | null;
}

export function NewPlanForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const types = usePlanTypes();
  const diagnoses = useQuery(caseworkQueries.diagnoses(personId));
  const label = useLabel();
  const create = useCreatePlan(personId);
  const parties = useInstitutionOptions(me?.institution?.id ? [me.institution.id] : []);
  const form = useForm<NewPlanValues>({
    initialValues: { plan_type_code: null, starts_on: today(), diagnosis_id: null, parties: [], next_review_due: "", programme: null },
    validate: {
      plan_type_code: (v) => (v ? null : t("casework.required")),
      starts_on: (v) => (v ? null : t("casework.required")),
    },
  });
  // Only the types the caller's kind of institution may own.
  const allowed = (types.data?.items ?? []).filter((p) => !me?.institution || p.institution_types.includes(me.institution.type));
  const chosen = allowed.find((p) => p.code === form.values.plan_type_code);
  const submit = form.onSubmit(async (values) => {
    try {
      await create.mutateAsync({
        plan_type_code: values.plan_type_code ?? "",
        starts_on: values.starts_on,
        diagnosis_id: values.diagnosis_id,
        parties: chosen?.joint ? values.parties : [],
        next_review_due: values.next_review_due || null,
        programme: values.programme,
      });
      notify("green", t("casework.plan.created"));
      onClose();
    } catch {
      // shown below
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t("casework.plan.type")}
          required
          data={allowed.map((p) => ({ value: p.code, label: label(p, p.code) }))}
          {...form.getInputProps("plan_type_code")}
        />
        {chosen ? (
          <Text size="sm">
            {t("casework.plan.legal_basis")}: <LegalBasisText code={chosen.legal_basis_code} />
          </Text>
        ) : null}
        <TextInput type="date" label={t("casework.plan.starts_on")} required {...form.getInputProps("starts_on")} />
        <Select
          label={t("casework.plan.diagnosis")}
          clearable
          data={(diagnoses.data?.items ?? []).map((d) => ({ value: d.id, label: formatDate(d.diagnosed_on) }))}
          {...form.getInputProps("diagnosis_id")}
        />
        {chosen?.joint ? (
          <MultiSelect label={t("casework.plan.parties")} data={parties} searchable {...form.getInputProps("parties")} />
        ) : null}
        <TextInput type="date" label={t("casework.plan.next_review_due")} {...form.getInputProps("next_review_due")} />
        <ProgrammeSelect value={form.values.programme} onChange={(code) => form.setFieldValue("programme", code)} />
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Buttons onClose={onClose} pending={create.isPending} />
      </Stack>
    </form>
  );
}

export function AgreementForm({ personId, plan, onClose }: { personId: string; plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(personId, plan, onClose);
  const form = useForm({
    initialValues: { agreement_date: plan.agreement_date ?? today(), agreement_method: plan.agreement_method ?? "signed_paper" },
    validate: { agreement_date: (v: string) => (v ? null : t("casework.required")) },
  });
  const submit = form.onSubmit((values) =>
    change.send({ kind: "update", body: { agreement_date: values.agreement_date, agreement_method: values.agreement_method } }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput type="date" label={t("casework.plan.agreement_date")} required {...form.getInputProps("agreement_date")} />
        <Select
          label={t("casework.plan.agreement_method")}
          required
          allowDeselect={false}
          data={AGREEMENT_METHODS.map((m) => ({ value: m, label: t(`casework.agreement_method.${m}`) }))}
          {...form.getInputProps("agreement_method")}
        />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

export function ReviewForm({ personId, plan, onClose }: { personId: string; plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(personId, plan, onClose);
  const form = useForm({
    initialValues: { reviewed_on: today(), note: "", next_review_due: "" },
    validate: { reviewed_on: (v: string) => (v ? null : t("casework.required")) },
  });
  const submit = form.onSubmit((values) =>
    change.send({
      kind: "review",
      body: { reviewed_on: values.reviewed_on, note: orNull(values.note), next_review_due: values.next_review_due || null },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput type="date" label={t("casework.review.reviewed_on")} required {...form.getInputProps("reviewed_on")} />
        <Textarea label={t("casework.review.note")} autosize minRows={2} {...form.getInputProps("note")} />
        <TextInput type="date" label={t("casework.plan.next_review_due")} {...form.getInputProps("next_review_due")} />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

export function GoalForm({ personId, plan, onClose }: { personId: string; plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const areas = useProblemAreas();
  const label = useLabel();
  const change = usePlanChange(personId, plan, onClose);
  const form = useForm({
    initialValues: { area_code: null as string | null, description: "" },
    validate: {
      area_code: (v: string | null) => (v ? null : t("casework.required")),
      description: (v: string) => (v.trim() ? null : t("casework.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    change.send({ kind: "goal", body: { area_code: values.area_code ?? "", description: values.description.trim() } }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t("casework.goal.area")}
          required
          searchable
          data={(areas.data?.items ?? []).map((a) => ({ value: a.code, label: label(a, a.code) }))}
          {...form.getInputProps("area_code")}
        />
        <Textarea label={t("casework.goal.description")} required autosize minRows={2} {...form.getInputProps("description")} />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

interface ActionValues {
  goal_id: string | null;
  owner_institution_id: string | null;
  description: string;
  service_type_code: string | null;
  due_date: string;
  conference_id: string | null;
}

export function ActionForm({
  personId,
  plan,
  goalId,
  onClose,
}: {
  personId: string;
  plan: Plan;
  goalId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const services = useServiceTypes();
  const conferences = useQuery(caseworkQueries.conferences(personId));
  const institutions = useInstitutionOptions();
  const change = usePlanChange(personId, plan, onClose);
  const form = useForm<ActionValues>({
    initialValues: {
      goal_id: goalId,
      owner_institution_id: null,
      description: "",
      service_type_code: null,
      due_date: "",
      conference_id: null,
    },
    validate: {
      goal_id: (v) => (v ? null : t("casework.required")),
      description: (v) => (v.trim() ? null : t("casework.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    change.send({
      kind: "action",
      body: {
        goal_id: values.goal_id ?? "",
        owner_institution_id: values.owner_institution_id,
        description: values.description.trim(),
        service_type_code: values.service_type_code,
        due_date: values.due_date || null,
        conference_id: values.conference_id,
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t("casework.action.goal")}
          required
          data={plan.goals.map((g) => ({ value: g.id, label: g.description }))}
          {...form.getInputProps("goal_id")}
        />
        <Textarea label={t("casework.action.description")} required autosize minRows={2} {...form.getInputProps("description")} />
        <Select
          label={t("casework.action.owner")}
          description={t("casework.action.owner_help")}
          clearable
          searchable
          data={institutions}
          {...form.getInputProps("owner_institution_id")}
        />
        <Select
          label={t("casework.action.service_type")}
          clearable
          searchable
          data={(services.data?.items ?? []).map((s) => ({ value: s.code, label: s.name_pl }))}
          {...form.getInputProps("service_type_code")}
        />
        <TextInput type="date" label={t("casework.action.due_date")} {...form.getInputProps("due_date")} />
        <Select
          label={t("casework.action.conference")}
          clearable
          data={(conferences.data?.items ?? []).map((c) => ({ value: c.id, label: formatDate(c.held_on) }))}
          {...form.getInputProps("conference_id")}
        />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

/** Move an action along its state table (the statuses the API allows from here), with its result. */
export function ActionStatusForm({
  personId,
  plan,
  action,
  onClose,
}: {
  personId: string;
  plan: Plan;
  action: Action;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = usePlanChange(personId, plan, onClose);
  const proposed = action.proposed_result && action.allowed_statuses.includes(action.proposed_result) ? action.proposed_result : null;
  const form = useForm({
    initialValues: { status: proposed ?? action.allowed_statuses[0] ?? null, result: action.result ?? "" },
    validate: {
      status: (v: string | null) => (v ? null : t("casework.required")),
      result: (v: string, values) => (values.status === "not_done" && !v.trim() ? t("casework.action.result_required") : null),
    },
  });
  const submit = form.onSubmit((values) =>
    change.send({
      kind: "action-update",
      actionId: action.id,
      body: { status: values.status, result: orNull(values.result) },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {proposed ? <Text size="sm">{t("casework.action.proposed", { status: t(`casework.action_status.${proposed}`) })}</Text> : null}
        <Select
          label={t("casework.action.new_status")}
          required
          allowDeselect={false}
          data={action.allowed_statuses.map((s) => ({ value: s, label: t(`casework.action_status.${s}`) }))}
          {...form.getInputProps("status")}
        />
        <Textarea label={t("casework.action.result")} autosize minRows={2} {...form.getInputProps("result")} />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

/** The goal's final assessment; the one its finished actions propose comes preselected. */
export function AssessForm({ personId, plan, goal, onClose }: { personId: string; plan: Plan; goal: Goal; onClose: () => void }) {
  const { t } = useTranslation();
  const change = usePlanChange(personId, plan, onClose);
  const form = useForm({
    initialValues: { assessment: goal.proposed_assessment ?? null, reason: "" },
    validate: {
      assessment: (v: Assessment | null) => (v ? null : t("casework.required")),
      reason: (v: string, values) => (values.assessment === "abandoned" && !v.trim() ? t("casework.goal.reason_required") : null),
    },
  });
  const submit = form.onSubmit((values) =>
    change.send({ kind: "assess", goalId: goal.id, body: { assessment: values.assessment ?? "achieved", reason: orNull(values.reason) } }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {goal.proposed_assessment ? (
          <Text size="sm">{t("casework.goal.proposed", { assessment: t(`casework.assessment.${goal.proposed_assessment}`) })}</Text>
        ) : null}
        <Select
          label={t("casework.goal.assessment")}
          required
          data={ASSESSMENTS.map((a) => ({ value: a, label: t(`casework.assessment.${a}`) }))}
          {...form.getInputProps("assessment")}
        />
        <Textarea label={t("casework.goal.reason")} autosize minRows={2} {...form.getInputProps("reason")} />
        {change.error ? <ErrorAlert error={change.error} /> : null}
        <Buttons onClose={onClose} pending={change.pending} />
      </Stack>
    </form>
  );
}

/** A change that needs only a confirmation: withdraw a goal's assessment, close the plan. */
export function ConfirmPlanChange({
  personId,
  plan,
  change,
  message,
  confirmLabel,
  onClose,
}: {
  personId: string;
  plan: Plan;
  change: PlanChange;
  message: string;
  confirmLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sent = usePlanChange(personId, plan, onClose);
  return (
    <Stack>
      <Text size="sm">{message}</Text>
      {sent.error ? <ErrorAlert error={sent.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button onClick={() => void sent.send(change)} loading={sent.pending}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
