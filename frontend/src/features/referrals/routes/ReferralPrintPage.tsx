import { Anchor, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useInstitution, useReferral, type Referral } from "../api/referrals";
import { PersonName, ServiceTypeName } from "../components/Labels";
import { SenderCaseworker } from "../components/People";
import "../components/print.css";

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd">
        {children}
      </Text>
    </div>
  );
}

/** An institution with its address and contact, as printed on the referral. */
function InstitutionCard({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const institution = useInstitution(id);
  if (!id) return <>—</>;
  const i = institution.data;
  if (!i) return <>{institution.isPending ? t("common.loading") : t("referrals.unknown_institution")}</>;
  return (
    <>
      <strong>{i.name}</strong>
      {i.street ? <br /> : null}
      {i.street}
      {i.postal_code || i.city ? <br /> : null}
      {[i.postal_code, i.city].filter(Boolean).join(" ")}
      {i.phone ? (
        <>
          <br />
          {t("referrals.print.phone")} {i.phone}
        </>
      ) : null}
      {i.email ? (
        <>
          <br />
          {t("referrals.print.email")} {i.email}
        </>
      ) : null}
    </>
  );
}

function Document({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  // due_at is the end of the last working day (local midnight): print that day.
  const answerBy =
    referral.status === "requested" && referral.due_at ? new Date(new Date(referral.due_at).getTime() - 1).toISOString() : null;
  return (
    <Stack gap="lg">
      <section aria-labelledby="print-parties">
        <Title order={2} size="h4" mb="xs" id="print-parties">
          {t("referrals.print.heading")}
        </Title>
        <dl>
          <Term label={t("referrals.field.number")}>{referral.number}</Term>
          <Term label={t("referrals.print.issued")}>{formatDate(referral.sent_at)}</Term>
          <Term label={t("referrals.print.client")}>
            <PersonName id={referral.person_id} />
          </Term>
          <Term label={t("referrals.print.service")}>
            <ServiceTypeName code={referral.service_type_code} />
          </Term>
          <Term label={t("referrals.print.sender")}>
            <InstitutionCard id={referral.sender_institution_id} />
          </Term>
          <Term label={t("referrals.print.target")}>
            <InstitutionCard id={referral.target_institution_id} />
          </Term>
          <Term label={t("referrals.print.planned_start")}>{formatDate(referral.planned_start_date)}</Term>
          <Term label={t("referrals.print.answer_by")}>{formatDate(answerBy)}</Term>
        </dl>
      </section>
      <section aria-labelledby="print-bring">
        <Title order={2} size="h4" mb="xs" id="print-bring">
          {t("referrals.print.bring_title")}
        </Title>
        <List size="sm">
          <List.Item>{t("referrals.print.bring_id")}</List.Item>
          <List.Item>{t("referrals.print.bring_referral")}</List.Item>
          <List.Item>{t("referrals.print.bring_documents")}</List.Item>
        </List>
      </section>
      <section aria-labelledby="print-contact">
        <Title order={2} size="h4" mb="xs" id="print-contact">
          {t("referrals.print.contact_title")}
        </Title>
        {referral.sender_user_id ? (
          <Text size="sm">
            <SenderCaseworker referral={referral} />
          </Text>
        ) : (
          <Text size="sm" component="div">
            <InstitutionCard id={referral.sender_institution_id} />
          </Text>
        )}
      </section>
      <Text size="xs" c="dimmed">
        {t("referrals.print.footer", { at: formatDateTime(new Date().toISOString()) })}
      </Text>
    </Stack>
  );
}

/** /skierowania/:id/druk — the referral printed for the client to take along ("Drukuj"). */
export default function ReferralPrintPage() {
  const { t } = useTranslation();
  const { referralId = "" } = useParams();
  const loaded = useReferral(referralId);
  const referral = loaded.data?.data;
  const back = (
    <Anchor component={Link} to={`/skierowania/${referralId}`}>
      {t("referrals.print.back")}
    </Anchor>
  );
  if (loaded.isPending) return <div className="skeleton-block" style={{ height: 320 }} role="status" aria-label={t("common.loading")} />;
  if (loaded.isError || !referral || referral.view === "chain")
    return (
      <>
        <PageHeader title={t("referrals.page.title_unknown")} actions={back} />
        <ErrorAlert error={loaded.error} onRetry={() => void loaded.refetch()} />
      </>
    );
  return (
    <div className="referral-print">
      <PageHeader
        title={t("referrals.print.title", { number: referral.number })}
        actions={
          <Group className="no-print">
            {back}
            <Button onClick={() => window.print()}>{t("referrals.work.print")}</Button>
          </Group>
        }
      />
      <Document referral={referral} />
    </div>
  );
}
