import type { TFunction } from "i18next";
import { describeError } from "@/lib/api/problem";

/** The partnerships API's own problem codes, in words (undefined: the generic description). */
const CODES = [
  "already_confirmed",
  "already_invited",
  "empty_file",
  "agreement_exists",
  "invalid_date",
  "invalid_file_name",
  "invalid_invitation",
  "invalid_period",
  "invalid_transition",
  "leader_cannot_leave",
  "not_a_party",
  "not_invited",
  "payload_too_large",
  "too_few_parties",
  "unknown_agreement",
  "unknown_institution",
  "unknown_service_type",
  "unsupported_media_type",
];

export function problemMessage(error: unknown, t: TFunction): string | undefined {
  if (!error) return undefined;
  const { code, status } = describeError(error, t);
  if (CODES.includes(code)) return t(`partnerships.errors.${code}`);
  if (status === 403) return t("partnerships.errors.forbidden");
  return undefined;
}

export { isApiError } from "@/lib/api/problem";
