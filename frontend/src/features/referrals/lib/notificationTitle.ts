/**
 * A notification's title in the reader's language, from its `kind` and parameters (the referral's
 * number), never from the server's Polish `title`. A kind this application does not know yet
 * (a newer server) still reads well: "Zmiana w skierowaniu {number}" / "Update on referral {number}".
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

export interface NotificationLike {
  kind: string;
  referral_number?: string | null;
}

const KIND = /^[a-z_]+\.[a-z_]+$/;

export function notificationTitle(t: TFunction, exists: (key: string) => boolean, n: NotificationLike): string {
  const number = n.referral_number ?? "";
  const key = `referrals.notifications.kind.${n.kind}`;
  if (KIND.test(n.kind) && exists(key)) return t(key, { number });
  return number ? t("referrals.notifications.kind.other", { number }) : t("referrals.notifications.kind.other_no_number");
}

/** `(notification) => title` in the current language. */
export function useNotificationTitle(): (n: NotificationLike) => string {
  const { t, i18n } = useTranslation();
  return (n) => notificationTitle(t, (key) => i18n.exists(key), n);
}
