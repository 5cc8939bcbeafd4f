import { useState } from "react";
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { ProgrammeName } from "@/lib/ui/ProgrammeName";
import { useOutcomeCodes, useReasonCodes, useReferral, type AllowedAction, type Referral } from "../api/referrals";
import { AssignModal } from "../components/AssignModal";
import { ChainTree } from "../components/ChainTree";
import { ForwardModal } from "../components/ForwardModal";
import { codeLabel, DueDate, InstitutionName, PersonName, ServiceTypeName, StatusBadge } from "../components/Labels";
import { Messages } from "../components/Messages";
import { Assignee, SenderCaseworker } from "../components/People";
import { ReferralTimeline } from "../components/Timeline";
import { TransitionModal } from "../components/TransitionModal";

/** One term of a <dl>: its own <div> is the grid cell (`wide` spans the row), so dt/dd stay direct children of a div of the dl. */
function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: "1 / -1" } : undefined}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Exactly the buttons of allowed_actions; each opens the form its fields need. */
export function ActionButtons({ actions, onPick }: { actions: AllowedAction[]; onPick: (action: AllowedAction) => void }) {
  const { t } = useTranslation();
  if (actions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("referrals.actions.none")}
      </Text>
    );
  const danger = new Set(["reject", "withdraw", "fail", "cancel", "mark_in_error", "discard"]);
  return (
    <Group gap="xs">
      {actions.map((action) => (
        <Button
          key={action.action}
          variant={danger.has(action.action) ? "outline" : action.action === "accept" || action.action === "complete" ? "filled" : "light"}
          color={danger.has(action.action) ? "red" : undefined}
          onClick={() => onPick(action)}
        >
          {t(`referrals.action.${action.action}`, { defaultValue: action.action })}
        </Button>
      ))}
    </Group>
  );
}

function Details({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const reasons = useReasonCodes();
  const outcomes = useOutcomeCodes();
  const reason = referral.reason_code ? reasons.data?.items.find((r) => r.code === referral.reason_code) : undefined;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
      <Field label={t("referrals.field.person")}>
        <Anchor component={Link} to={`/osoby/${referral.person_id}`} size="sm">
          <PersonName id={referral.person_id} />
        </Anchor>
      </Field>
      <Field label={t("referrals.field.service_type")}>
        <ServiceTypeName code={referral.service_type_code} />
      </Field>
      <Field label={t("referrals.field.sender")}>
        <InstitutionName id={referral.sender_institution_id} />
      </Field>
      <Field label={t("referrals.field.target")}>
        <InstitutionName id={referral.target_institution_id} />
      </Field>
      {referral.view !== "chain" ? (
        <>
          <Field label={t("referrals.work.sender_caseworker")}>
            <SenderCaseworker referral={referral} />
          </Field>
          <Field label={t("referrals.work.assignee")}>
            <Assignee referral={referral} />
          </Field>
        </>
      ) : null}
      <Field label={t("referrals.field.priority")}>{t(`referrals.priority.${referral.priority}`)}</Field>
      <Field label={t("referrals.field.sent_at")}>{formatDateTime(referral.sent_at)}</Field>
      <Field label={t("referrals.field.due")}>
        <DueDate referral={referral} />
        {referral.deadline_partnership_id ? (
          <Anchor component={Link} to={`/partnerstwa/${referral.deadline_partnership_id}`} size="xs" underline="always">
            {t("referrals.deadline_by_standard")}
          </Anchor>
        ) : null}
      </Field>
      <Field label={t("referrals.field.expires")}>{referral.status === "requested" ? formatDate(referral.expires_at) : "—"}</Field>
      <Field label={t("referrals.field.legal_basis")}>
        {referral.legal_basis
          ? referral.legal_basis.kind === "statutory"
            ? `${t("referrals.legal_basis.statutory")}: ${referral.legal_basis.citation ?? referral.legal_basis.article ?? ""}`
            : t("referrals.legal_basis.consent")
          : "—"}
      </Field>
      {referral.programme ? (
        <Field label={t("programmes.label")}>
          <ProgrammeName code={referral.programme} />
        </Field>
      ) : null}
      <Field label={t("referrals.field.business_status")}>
        {referral.business_status ? t(`referrals.business_status.${referral.business_status}`) : "—"}
      </Field>
      {referral.view !== "chain" ? (
        <Field label={t("referrals.field.needs")} wide>
          {referral.needs_description ?? "—"}
        </Field>
      ) : null}
      {referral.reason_code || referral.reason_text ? (
        <Field label={t("referrals.field.reason")} wide>
          {reason ? codeLabel(reason) : referral.reason_code}
          {referral.declined_by ? ` (${t(`referrals.declined_by.${referral.declined_by}`)})` : ""}
          {referral.reason_text ? ` — ${referral.reason_text}` : ""}
        </Field>
      ) : null}
      {referral.outcome_codes.length ? (
        <Field label={t("referrals.field.outcomes")} wide>
          {referral.outcome_codes
            .map((code) => {
              const found = outcomes.data?.items.find((o) => o.code === code);
              return found ? codeLabel(found) : code;
            })
            .join(", ")}
          {referral.delivered ? ` — ${referral.delivered}` : ""}
        </Field>
      ) : null}
    </SimpleGrid>
  );
}

export default function ReferralPage() {
  const { t } = useTranslation();
  const { referralId = "" } = useParams();
  const navigate = useNavigate();
  const loaded = useReferral(referralId);
  const [action, setAction] = useState<AllowedAction | null>(null);
  const [forwarding, setForwarding] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const referral = loaded.data?.data;
  const reload = () => loaded.refetch();

  if (loaded.isPending) {
    return (
      <Stack role="status" aria-label={t("common.loading")}>
        <div className="skeleton-block" style={{ height: 36, width: 320 }} />
        <div className="skeleton-block" style={{ height: 360 }} />
      </Stack>
    );
  }
  if (loaded.isError || !referral) {
    return (
      <>
        <PageHeader title={t("referrals.page.title_unknown")} />
        <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      </>
    );
  }

  const pick = (picked: AllowedAction) =>
    picked.endpoint === "forward" || picked.action === "forward"
      ? setForwarding(true)
      : picked.action === "assign"
        ? setAssigning(true)
        : setAction(picked);
  const messagesOpen = referral.status !== "draft" && referral.status !== "entered_in_error";
  const chainView = referral.view === "chain";

  return (
    <>
      <PageHeader
        title={t("referrals.page.title", { number: referral.number })}
        description={
          <Group gap={6} component="span">
            <StatusBadge status={referral.status} />
            {referral.cancellation_requested ? (
              <Badge color="orange" variant="outline">
                {t("referrals.cancellation_requested")}
              </Badge>
            ) : null}
            {referral.acknowledged ? (
              <Badge color="gray" variant="outline">
                {t("referrals.acknowledged")}
              </Badge>
            ) : null}
            {referral.sensitive ? (
              <Badge color="grape" variant="light">
                {t("referrals.sensitive")}
              </Badge>
            ) : null}
            {chainView ? null : (
              <span>{referral.my_sides.includes("receiver") ? t("referrals.side.receiver") : t("referrals.side.sender")}</span>
            )}
          </Group>
        }
        actions={
          chainView || referral.status === "draft" ? undefined : (
            <Button variant="default" component={Link} to={`/skierowania/${referral.id}/druk`}>
              {t("referrals.work.print")}
            </Button>
          )
        }
      />
      {chainView ? (
        <Alert color="blue" variant="light" title={t("referrals.work.chain_view_title")} mb="lg">
          {t("referrals.work.chain_view")}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {chainView ? null : (
              <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
                <Title order={2} size="h4" mb="sm" id="actions-title">
                  {t("referrals.actions.title")}
                </Title>
                <ActionButtons actions={referral.allowed_actions} onPick={pick} />
              </Paper>
            )}
            <Paper withBorder p="md" component="section" aria-labelledby="details-title">
              <Title order={2} size="h4" mb="sm" id="details-title">
                {t("referrals.page.details")}
              </Title>
              <Details referral={referral} />
            </Paper>
            {chainView ? null : (
              <Paper withBorder p="md" component="section" aria-labelledby="messages-title">
                <Title order={2} size="h4" mb="sm" id="messages-title">
                  {t("referrals.messages.title")}
                </Title>
                <Messages referralId={referral.id} open={messagesOpen} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Paper withBorder p="md" component="section" aria-labelledby="chain-title">
              <Title order={2} size="h4" mb="sm" id="chain-title">
                {t("referrals.chain.title")}
              </Title>
              <ChainTree referralId={referral.id} />
            </Paper>
            {chainView ? null : (
              <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
                <Title order={2} size="h4" mb="sm" id="timeline-title">
                  {t("referrals.timeline.title")}
                </Title>
                <ReferralTimeline referralId={referral.id} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <TransitionModal
        referral={referral}
        etag={loaded.data?.etag ?? null}
        action={action}
        onClose={() => setAction(null)}
        onReload={reload}
      />
      <AssignModal
        referral={referral}
        etag={loaded.data?.etag ?? null}
        opened={assigning}
        onClose={() => setAssigning(false)}
        onReload={reload}
      />
      <ForwardModal
        referral={referral}
        etag={loaded.data?.etag ?? null}
        opened={forwarding}
        onClose={() => setForwarding(false)}
        onReload={reload}
        onForwarded={(id) => void navigate(`/skierowania/${id}`)}
      />
    </>
  );
}
