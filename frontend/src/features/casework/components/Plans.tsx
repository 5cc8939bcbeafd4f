import { useState } from "react";
import { Anchor, Badge, Button, Group, List, Modal, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useAuth } from "@/lib/auth/AuthProvider";
import { formatDate } from "@/lib/format";
import { EmptyState } from "@/lib/ui/EmptyState";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { ProgrammeName } from "@/lib/ui/ProgrammeName";
import { caseworkQueries, usePlanTypes, type Action, type Goal, type Plan } from "../api/casework";
import {
  ActionForm,
  ActionStatusForm,
  AgreementForm,
  AssessForm,
  ConfirmPlanChange,
  GoalForm,
  NewPlanForm,
  ReviewForm,
} from "./PlanDialogs";
import {
  ActionStatusBadge,
  AreaName,
  AssessmentBadge,
  InstitutionName,
  LegalBasisText,
  PlanTypeName,
  ReferralStatusText,
  ServiceTypeName,
} from "./Labels";
import { today } from "./Diagnoses";

type Dialog =
  | { kind: "new" }
  | { kind: "agreement" | "review" | "goal"; plan: Plan }
  | { kind: "action"; plan: Plan; goalId: string | null }
  | { kind: "status"; plan: Plan; action: Action }
  | { kind: "assess" | "reopen"; plan: Plan; goal: Goal }
  | { kind: "close"; plan: Plan };

const FINISHED = new Set(["done", "not_done", "cancelled"]);

/** The link to the referral form prefilled from the action (a plain URL into the referrals module). */
export function referralLink(personId: string, action: Action): string {
  const query = new URLSearchParams({ person: personId, plan_action: action.id });
  if (action.service_type_code) query.set("service_type", action.service_type_code);
  return `/skierowania/nowe?${query.toString()}`;
}

function ActionRow({ personId, plan, action, open }: { personId: string; plan: Plan; action: Action; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const mine = me?.institution?.id;
  const mayChange = plan.status === "active" && (plan.owner_institution_id === mine || action.owner_institution_id === mine);
  const overdue = !!action.due_date && action.due_date < today() && !FINISHED.has(action.status);
  return (
    <Table.Tr>
      <Table.Td>
        {action.description}
        {action.result ? (
          <Text size="xs" c="dimmed">
            {t("casework.action.result")}: {action.result}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <InstitutionName id={action.owner_institution_id} />
      </Table.Td>
      <Table.Td>
        <ServiceTypeName code={action.service_type_code} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={overdue ? "red.9" : undefined} fw={overdue ? 700 : undefined}>
          {formatDate(action.due_date)}
          {overdue ? ` (${t("casework.overdue")})` : ""}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActionStatusBadge status={action.status} />
      </Table.Td>
      <Table.Td>
        {action.referral ? (
          <Anchor component={Link} to={`/skierowania/${action.referral.referral_id}`} size="sm">
            <ReferralStatusText status={action.referral.status} />
          </Anchor>
        ) : mayChange && !FINISHED.has(action.status) && action.owner_institution_id === mine ? (
          <Anchor component={Link} to={referralLink(personId, action)} size="sm">
            {t("casework.action.create_referral")}
          </Anchor>
        ) : (
          "—"
        )}
      </Table.Td>
      <Table.Td>
        {mayChange && action.allowed_statuses.length > 0 ? (
          <Button size="compact-xs" variant="default" onClick={() => open({ kind: "status", plan, action })}>
            {t("casework.action.change_status")}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function GoalBlock({
  personId,
  plan,
  goal,
  owner,
  open,
}: {
  personId: string;
  plan: Plan;
  goal: Goal;
  owner: boolean;
  open: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(!goal.sensitive);
  const id = `goal-${goal.id}`;
  const active = owner && plan.status === "active";
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={5} size="h5" id={id}>
            {revealed ? goal.description : t("casework.goal.sensitive_hidden")}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("casework.goal.area")}: {revealed ? <AreaName code={goal.area_code} /> : "—"}
            </Text>
            {goal.sensitive ? (
              <Badge size="sm" color="red" variant="light">
                {t("casework.sensitive")}
              </Badge>
            ) : null}
            {goal.sensitive ? (
              <Button variant="subtle" size="compact-xs" onClick={() => setRevealed((r) => !r)} aria-expanded={revealed}>
                {revealed ? t("casework.hide_sensitive") : t("casework.show_goal")}
              </Button>
            ) : null}
          </Group>
        </Stack>
        <Group gap="xs">
          {goal.assessment ? <AssessmentBadge assessment={goal.assessment} /> : <Badge variant="light">{t("casework.goal.open")}</Badge>}
        </Group>
      </Group>
      {revealed ? (
        <>
          {goal.assessment_reason ? <Text size="sm">{goal.assessment_reason}</Text> : null}
          {goal.status === "open" && goal.proposed_assessment ? (
            <Text size="sm" mt="xs" role="status">
              {t("casework.goal.proposed", { assessment: t(`casework.assessment.${goal.proposed_assessment}`) })}
            </Text>
          ) : null}
          {goal.actions.length === 0 ? (
            <Text size="sm" mt="xs">
              {t("casework.goal.no_actions")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720} mt="xs">
              <Table>
                <Table.Caption>{t("casework.goal.actions_caption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("casework.action.description")}</Table.Th>
                    <Table.Th>{t("casework.action.owner")}</Table.Th>
                    <Table.Th>{t("casework.action.service_type")}</Table.Th>
                    <Table.Th>{t("casework.action.due_date")}</Table.Th>
                    <Table.Th>{t("casework.action.status")}</Table.Th>
                    <Table.Th>{t("casework.action.referral")}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t("casework.action.actions")}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {goal.actions.map((a) => (
                    <ActionRow key={a.id} personId={personId} plan={plan} action={a} open={open} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {active ? (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => open({ kind: "action", plan, goalId: goal.id })}>
                {t("casework.action.add")}
              </Button>
              {goal.status === "open" ? (
                <Button size="xs" variant="default" onClick={() => open({ kind: "assess", plan, goal })}>
                  {t("casework.goal.assess")}
                </Button>
              ) : (
                <Button size="xs" variant="default" onClick={() => open({ kind: "reopen", plan, goal })}>
                  {t("casework.goal.reopen")}
                </Button>
              )}
            </Group>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}

function PlanCard({ personId, plan, open }: { personId: string; plan: Plan; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const owner = plan.owner_institution_id === me?.institution?.id;
  const active = owner && plan.status === "active";
  const id = `plan-${plan.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4" id={id}>
            <PlanTypeName code={plan.plan_type_code} />
          </Title>
          <Text size="sm" c="dimmed">
            {t("casework.plan.legal_basis")}: <LegalBasisText code={plan.legal_basis_code} />
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color={plan.status === "active" ? "green" : "gray"}>
            {t(`casework.plan.status.${plan.status}`)}
          </Badge>
          <Anchor component={Link} to={`/plany/plan/${plan.id}/druk`} size="sm">
            {t("casework.plan.print")}
          </Anchor>
        </Group>
      </Group>
      <Stack gap="xs" mt="sm">
        <Text size="sm">
          {t("casework.plan.owner")}: <InstitutionName id={plan.owner_institution_id} /> · {t("casework.plan.starts_on")}:{" "}
          {formatDate(plan.starts_on)}
        </Text>
        {plan.parties.length > 0 ? (
          <Text size="sm" component="div">
            {t("casework.plan.parties")}:
            <List size="sm">
              {plan.parties.map((p) => (
                <List.Item key={p}>
                  <InstitutionName id={p} />
                </List.Item>
              ))}
            </List>
          </Text>
        ) : null}
        {plan.programme ? (
          <Text size="sm">
            {t("programmes.label")}: <ProgrammeName code={plan.programme} />
          </Text>
        ) : null}
        <Text size="sm">
          {t("casework.plan.agreement")}:{" "}
          {plan.agreement_date
            ? `${formatDate(plan.agreement_date)} (${t(`casework.agreement_method.${plan.agreement_method ?? "signed_paper"}`)})`
            : t("casework.plan.no_agreement")}
        </Text>
        <Group gap="xs">
          <Text size="sm" c={plan.review_overdue ? "red.9" : undefined} fw={plan.review_overdue ? 700 : undefined}>
            {t("casework.plan.next_review_due")}: {formatDate(plan.next_review_due)}
          </Text>
          {plan.review_overdue ? (
            <Badge color="red" variant="filled">
              {t("casework.review_overdue")}
            </Badge>
          ) : null}
        </Group>
        {plan.reviews.length > 0 ? (
          <Text size="sm" component="div">
            {t("casework.plan.reviews")}:
            <List size="sm">
              {plan.reviews.map((r) => (
                <List.Item key={`${r.reviewed_on}-${r.created_at}`}>
                  {formatDate(r.reviewed_on)} — <InstitutionName id={r.institution_id} />
                  {r.note ? `: ${r.note}` : ""}
                </List.Item>
              ))}
            </List>
          </Text>
        ) : null}
        {active ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => open({ kind: "agreement", plan })}>
              {t("casework.plan.record_agreement")}
            </Button>
            <Button size="xs" variant="default" onClick={() => open({ kind: "review", plan })}>
              {t("casework.plan.record_review")}
            </Button>
            <Button size="xs" variant="default" onClick={() => open({ kind: "goal", plan })}>
              {t("casework.goal.add")}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => open({ kind: "close", plan })}>
              {t("casework.plan.close")}
            </Button>
          </Group>
        ) : null}
        <Title order={4} size="h5" mt="xs">
          {t("casework.plan.goals")}
        </Title>
        {plan.goals.length === 0 ? <Text size="sm">{t("casework.plan.no_goals")}</Text> : null}
        {plan.goals.map((g) => (
          <GoalBlock key={g.id} personId={personId} plan={plan} goal={g} owner={owner} open={open} />
        ))}
        {plan.hidden_sensitive_goals > 0 ? (
          <Text size="xs" c="dimmed">
            {t("casework.plan.hidden_goals", { count: plan.hidden_sensitive_goals })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

const DIALOG_TITLES: Record<Dialog["kind"], string> = {
  new: "casework.plan.new",
  agreement: "casework.plan.record_agreement",
  review: "casework.plan.record_review",
  goal: "casework.goal.add",
  action: "casework.action.add",
  status: "casework.action.change_status",
  assess: "casework.goal.assess",
  reopen: "casework.goal.reopen",
  close: "casework.plan.close",
};

function DialogBody({ personId, dialog, onClose }: { personId: string; dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation();
  switch (dialog.kind) {
    case "reopen":
      return (
        <ConfirmPlanChange
          personId={personId}
          plan={dialog.plan}
          change={{ kind: "reopen", goalId: dialog.goal.id }}
          message={t("casework.goal.reopen_text")}
          confirmLabel={t("casework.goal.reopen")}
          onClose={onClose}
        />
      );
    case "close":
      return (
        <ConfirmPlanChange
          personId={personId}
          plan={dialog.plan}
          change={{ kind: "update", body: { status: "closed" } }}
          message={t("casework.plan.close_text")}
          confirmLabel={t("casework.plan.close")}
          onClose={onClose}
        />
      );
    case "new":
      return <NewPlanForm personId={personId} onClose={onClose} />;
    case "agreement":
      return <AgreementForm personId={personId} plan={dialog.plan} onClose={onClose} />;
    case "review":
      return <ReviewForm personId={personId} plan={dialog.plan} onClose={onClose} />;
    case "goal":
      return <GoalForm personId={personId} plan={dialog.plan} onClose={onClose} />;
    case "action":
      return <ActionForm personId={personId} plan={dialog.plan} goalId={dialog.goalId} onClose={onClose} />;
    case "status":
      return <ActionStatusForm personId={personId} plan={dialog.plan} action={dialog.action} onClose={onClose} />;
    case "assess":
      return <AssessForm personId={personId} plan={dialog.plan} goal={dialog.goal} onClose={onClose} />;
  }
}

/** The person's plans the caller's institution takes part in, newest first. */
export function PlansSection({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(caseworkQueries.plans(personId));
  usePlanTypes();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <section aria-labelledby="plans-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="plans-title">
          {t("casework.plan.title")}
        </Title>
        {canWrite ? <Button onClick={() => setDialog({ kind: "new" })}>{t("casework.plan.new")}</Button> : null}
      </Group>
      {list.isPending ? <Skeleton height={160} aria-label={t("common.loading")} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t("casework.plan.empty")} /> : null}
      <Stack gap="md">
        {list.data?.items.map((p) => (
          <PlanCard key={p.id} personId={personId} plan={p} open={setDialog} />
        ))}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={close}
        size="lg"
        title={dialog ? t(DIALOG_TITLES[dialog.kind]) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {dialog ? <DialogBody personId={personId} dialog={dialog} onClose={close} /> : null}
      </Modal>
    </section>
  );
}
