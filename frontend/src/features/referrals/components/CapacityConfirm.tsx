import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Referral } from "../api/referrals";
import type { OfferChoice } from "./OfferPicker";

/** The offer reports no free places (unknown capacity is not "full"). */
export function isFull(offer: OfferChoice | null | undefined): boolean {
  return offer?.capacityAvailable === 0;
}

/** The sentence added to the "sent" toast when the service warned that the offer was full. */
export function capacityWarningText(referral: Referral, t: (key: string, options?: Record<string, unknown>) => string): string {
  const warning = referral.capacity_warning;
  return warning
    ? ` ${t("referrals.wizard.capacity_warning_sent", { free: warning.capacity_available, max: warning.capacity_max ?? "—" })}`
    : "";
}

interface CapacityConfirmProps {
  offer: OfferChoice;
  loading?: boolean;
  /** Send anyway (a submit button when ``submit``, else a click). */
  onConfirm?: () => void;
  submit?: boolean;
  onBack: () => void;
}

/** The confirmation step before sending to an offer with no free places. */
export function CapacityConfirm({ offer, loading, onConfirm, submit, onBack }: CapacityConfirmProps) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t("referrals.wizard.capacity_full_title")}>
      <Text size="sm">{t("referrals.wizard.capacity_full_text", { max: offer.capacityMax ?? "—" })}</Text>
      <Group mt="sm" gap="sm">
        <Button color="orange" type={submit ? "submit" : "button"} onClick={onConfirm} loading={loading}>
          {t("referrals.wizard.capacity_full_confirm")}
        </Button>
        <Button variant="default" onClick={onBack}>
          {t("referrals.wizard.capacity_full_back")}
        </Button>
      </Group>
    </Alert>
  );
}
