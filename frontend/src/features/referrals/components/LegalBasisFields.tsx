import type { ReactNode } from "react";
import { Alert, Radio, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { currentLanguage } from "@/lib/i18n";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useLegalBases } from "../api/legalBases";
import { useConsents } from "../api/referrals";

export const CONSENT_REQUIRED_TYPES = ["NGO", "CIS", "KIS"];

/** Whether a referral to an institution of this type needs the person's consent as its basis. */
export function requiresConsent(institutionType: string | null | undefined): boolean {
  return CONSENT_REQUIRED_TYPES.includes(institutionType ?? "");
}

export interface LegalBasisValue {
  kind: "statutory" | "consent";
  /** A provision of the directory's legal-basis catalogue. */
  code: string | null;
  /** Its citation, for the review (as the catalogue gives it). */
  citation: string | null;
  consentId: string | null;
}

/**
 * The basis in force: the person's consent while the target requires it (the statutory option is
 * disabled then), otherwise the one chosen.
 */
export function effectiveBasis(value: LegalBasisValue, consentRequired: boolean): LegalBasisValue {
  return consentRequired && value.kind !== "consent" ? { ...value, kind: "consent" } : value;
}

export function legalBasisBody(value: LegalBasisValue) {
  return value.kind === "statutory"
    ? ({ kind: "statutory", code: value.code ?? "" } as const)
    : ({ kind: "consent", consent_id: value.consentId } as const);
}

export function legalBasisError(value: LegalBasisValue, consentRequired: boolean, t: (k: string) => string): string | null {
  if (consentRequired && value.kind !== "consent") return t("referrals.wizard.consent_required");
  if (value.kind === "statutory" && !value.code) return t("referrals.wizard.article_required");
  if (value.kind === "consent" && !value.consentId) return t("referrals.wizard.consent_choose");
  return null;
}

export const EMPTY_BASIS: LegalBasisValue = { kind: "statutory", code: null, citation: null, consentId: null };

interface LegalBasisSelectProps {
  institutionType: string | null | undefined;
  serviceType: string | null | undefined;
  value: LegalBasisValue;
  onChange: (value: LegalBasisValue) => void;
  error?: ReactNode;
}

/**
 * The provisions of the catalogue the sender's institution type may cite for the service type,
 * searchable by citation and title; the chosen one's act is shown below it.
 */
export function LegalBasisSelect({ institutionType, serviceType, value, onChange, error }: LegalBasisSelectProps) {
  const { t } = useTranslation();
  const bases = useLegalBases(institutionType, serviceType);
  const en = currentLanguage() === "en";
  const items = bases.data?.items ?? [];
  const chosen = items.find((b) => b.code === value.code);
  if (bases.isError) return <ErrorAlert error={bases.error} onRetry={() => void bases.refetch()} />;
  if (bases.isSuccess && items.length === 0) {
    return (
      <Alert color="orange" variant="light" role="alert">
        <Text size="sm">{t("referrals.wizard.article_none")}</Text>
      </Alert>
    );
  }
  return (
    <Select
      label={t("referrals.wizard.article")}
      description={chosen ? t("referrals.wizard.article_act", { act: chosen.act_title }) : t("referrals.wizard.article_help")}
      required
      searchable
      // Without an article the citation names the act and its task already.
      data={items.map((b) => ({ value: b.code, label: b.article ? `${b.citation} — ${en ? b.title_en : b.title_pl}` : b.citation }))}
      value={chosen ? chosen.code : null}
      onChange={(code) => {
        const basis = items.find((b) => b.code === code);
        onChange({ ...value, code: basis?.code ?? null, citation: basis?.citation ?? null });
      }}
      placeholder={bases.isPending ? t("common.loading") : t("referrals.actions.choose")}
      nothingFoundMessage={t("common.nothing_found")}
      error={error ?? undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface LegalBasisFieldsProps {
  personId: string | null;
  /** The sender's institution type and the referral's service type: what the catalogue is filtered by. */
  institutionType: string | null | undefined;
  serviceType: string | null | undefined;
  value: LegalBasisValue;
  onChange: (value: LegalBasisValue) => void;
  consentRequired: boolean;
  error?: ReactNode;
}

/** Statutory (a provision of the catalogue) or consent (one of the person's active consents from the registry). */
export function LegalBasisFields({
  personId,
  institutionType,
  serviceType,
  value,
  onChange,
  consentRequired,
  error,
}: LegalBasisFieldsProps) {
  const { t } = useTranslation();
  const consents = useConsents(value.kind === "consent" || consentRequired ? personId : null);
  // The registry's state of a consent in force is "valid" (others: withdrawn, expired, not_yet_valid).
  const active = (consents.data?.items ?? []).filter((c) => c.state === "valid");
  return (
    <Stack gap="sm">
      {consentRequired ? (
        <Alert color="blue" variant="light">
          <Text size="sm">{t("referrals.wizard.consent_required_info")}</Text>
        </Alert>
      ) : null}
      <SegmentedControl
        aria-label={t("referrals.field.legal_basis")}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind: kind === "consent" ? "consent" : "statutory" })}
        data={[
          { value: "statutory", label: t("referrals.legal_basis.statutory"), disabled: consentRequired },
          { value: "consent", label: t("referrals.legal_basis.consent") },
        ]}
      />
      {value.kind === "statutory" ? (
        <LegalBasisSelect institutionType={institutionType} serviceType={serviceType} value={value} onChange={onChange} error={error} />
      ) : consents.isPending ? (
        <Text size="sm">{t("common.loading")}</Text>
      ) : consents.isError ? (
        <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />
      ) : active.length === 0 ? (
        <Alert color="orange" variant="light" role="alert">
          <Text size="sm">{t("referrals.wizard.no_consents")}</Text>
        </Alert>
      ) : (
        <Radio.Group
          label={t("referrals.wizard.consent")}
          value={value.consentId ?? ""}
          onChange={(id) => onChange({ ...value, consentId: id })}
          required
          error={error ?? undefined}
        >
          <Stack gap={6} mt={6}>
            {active.map((consent) => (
              <Radio
                key={consent.id}
                value={consent.id}
                label={t("referrals.wizard.consent_item", {
                  purpose: t(`referrals.consent_purpose.${consent.purpose}`, { defaultValue: consent.purpose }),
                  recipient: consent.recipient_institution_type ?? t("referrals.wizard.any_recipient"),
                  given: formatDate(consent.given_at),
                  expires: consent.expires_at ? formatDate(consent.expires_at) : "—",
                })}
                description={consent.service_type_code ?? undefined}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {value.kind === "consent" && error && active.length === 0 ? (
        <Text size="sm" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
