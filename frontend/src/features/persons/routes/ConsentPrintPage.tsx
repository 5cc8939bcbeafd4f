import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { PageHeader } from "@/lib/ui/PageHeader";
import { useInstitutionName, usePerson, useServiceTypes } from "../api/persons";
import { useConsent } from "../api/personCase";
import { PrintButton } from "../components/PrintButton";
import "../components/print.css";

function Name({ id }: { id: string | null | undefined }) {
  const q = useInstitutionName(id);
  return <>{id ? (q.data?.name ?? "…") : "—"}</>;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** A consent as a form for the person to sign: what, to whom, for what, how long; signature lines. */
export default function ConsentPrintPage() {
  const { t } = useTranslation();
  const en = currentLanguage() === "en";
  const { personId = "", consentId = "" } = useParams();
  const person = usePerson(personId);
  const consent = useConsent(personId, consentId);
  const types = useServiceTypes();
  const back = (
    <Anchor component={Link} to={`/osoby/${personId}`} className="no-print">
      {t("persons.actions.back")}
    </Anchor>
  );
  if (person.isPending || consent.isPending)
    return <div className="skeleton-block" style={{ height: 320 }} role="status" aria-label={t("common.loading")} />;
  if (person.isError || consent.isError)
    return (
      <>
        <PageHeader title={t("persons.consent_print.title")} actions={back} />
        <ErrorAlert error={person.error ?? consent.error} onRetry={() => void (person.isError ? person.refetch() : consent.refetch())} />
      </>
    );
  const p = person.data;
  const c = consent.data;
  const st = types.data?.items.find((s) => s.code === c.service_type_code);
  const state = t(`persons.consents.states.${c.state === "valid" ? "active" : c.state}`, { defaultValue: c.state });
  return (
    <div className="print-document">
      <PageHeader
        title={t("persons.consent_print.title")}
        actions={
          <>
            {back}
            <PrintButton label={t("persons.actions.print")} />
          </>
        }
      />
      <Stack gap="md">
        <Text>{t("persons.consent_print.intro")}</Text>
        <SimpleGrid cols={2} component="dl" m={0}>
          <Row label={t("persons.consent_print.person")}>
            {`${p.first_name ?? ""} ${p.last_name ?? ""}`.trim()}
            {p.pesel ? `, PESEL ${p.pesel}` : p.birth_date ? `, ${formatDate(p.birth_date)}` : ""}
          </Row>
          <Row label={t("persons.consent_print.recorded_by")}>
            <Name id={c.recorded_by_institution_id} />
          </Row>
          <Row label={t("persons.consent_print.purpose")}>{t(`persons.consents.purposes.${c.purpose}`, { defaultValue: c.purpose })}</Row>
          <Row label={t("persons.consent_print.recipient")}>
            {c.recipient_institution_id ? (
              <Name id={c.recipient_institution_id} />
            ) : (
              t("persons.consent_print.recipient_type", {
                type: t(`institution_types.${c.recipient_institution_type}`, { defaultValue: c.recipient_institution_type ?? "" }),
              })
            )}
          </Row>
          <Row label={t("persons.consent_print.service")}>
            {st ? (en ? st.name_en : st.name_pl) : (c.service_type_code ?? t("persons.consents.any"))}
          </Row>
          <Row label={t("persons.consent_print.valid")}>
            {c.expires_at
              ? t("persons.consent_print.from_to", { from: formatDate(c.given_at), to: formatDate(c.expires_at) })
              : t("persons.consent_print.open_ended", { from: formatDate(c.given_at) })}
          </Row>
          <Row label={t("persons.consent_print.evidence")}>{c.evidence_reference ?? "—"}</Row>
        </SimpleGrid>
        <Text fw={600}>{c.covers_sensitive ? t("persons.consent_print.sensitive_yes") : t("persons.consent_print.sensitive_no")}</Text>
        <Text size="sm">{t("persons.consent_print.withdraw_info")}</Text>
        <Text size="xs" c="dimmed" className="no-print">
          {t("persons.consent_print.state", { state })}
        </Text>
        <Group justify="space-between" align="flex-end" mt="xl" wrap="wrap">
          <Text size="xs" className="signature-line">
            {t("persons.consent_print.place_date")}
          </Text>
          <Text size="xs" className="signature-line">
            {t("persons.consent_print.signature")}
          </Text>
          <Text size="xs" className="signature-line">
            {t("persons.consent_print.staff_signature")}
          </Text>
        </Group>
      </Stack>
    </div>
  );
}
