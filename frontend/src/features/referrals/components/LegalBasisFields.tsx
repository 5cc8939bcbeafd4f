import type { ReactNode } from "react";
import { Alert, Radio, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format";
import { ErrorAlert } from "@/lib/ui/ErrorAlert";
import { useConsents } from "../api/referrals";

export const CONSENT_REQUIRED_TYPES = ["NGO", "CIS", "KIS"];

/** Whether a referral to an institution of this type needs the person's consent as its basis. */
export function requiresConsent(institutionType: string | null | undefined): boolean {
  return CONSENT_REQUIRED_TYPES.includes(institutionType ?? "");
}

export interface LegalBasisValue {
  kind: "statutory" | "consent";
  article: string;
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
    ? ({ kind: "statutory", article: value.article.trim() } as const)
    : ({ kind: "consent", consent_id: value.consentId } as const);
}

export function legalBasisError(value: LegalBasisValue, consentRequired: boolean, t: (k: string) => string): string | null {
  if (consentRequired && value.kind !== "consent") return t("referrals.wizard.consent_required");
  if (value.kind === "statutory" && value.article.trim().length < 3) return t("referrals.wizard.article_required");
  if (value.kind === "consent" && !value.consentId) return t("referrals.wizard.consent_choose");
  return null;
}

interface LegalBasisFieldsProps {
  personId: string | null;
  value: LegalBasisValue;
  onChange: (value: LegalBasisValue) => void;
  consentRequired: boolean;
  error?: ReactNode;
}

/** Statutory (with the article) or consent (one of the person's active consents from the registry). */
export function LegalBasisFields({ personId, value, onChange, consentRequired, error }: LegalBasisFieldsProps) {
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
        <TextInput
          label={t("referrals.wizard.article")}
          description={t("referrals.wizard.article_help")}
          placeholder="art. 100 ust. 1 ustawy o pomocy społecznej"
          value={value.article}
          onChange={(e) => onChange({ ...value, article: e.currentTarget.value })}
          required
          error={error ?? undefined}
        />
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
